// The header every docs/rules/ID.md opens with, read back so tests can hold it against the
// rule's RuleMeta:
//   # N101 invoke-without-egress
//
//   Severity: error (warning when the subnets are outside the template) · Area: network
// The parenthesis after the severity is free text about when findings differ from the default.
#pragma once
#include <regex>
#include <sstream>
#include <string>

namespace vpclint::test {

struct RuleDocHeader {
  std::string id, name, severity, area;
  std::string error;  // why the header could not be read; empty when it could
};

inline RuleDocHeader parse_rule_doc_header(const std::string& markdown) {
  RuleDocHeader h;
  std::istringstream in(markdown);
  std::string title, blank, meta;
  std::getline(in, title);
  std::getline(in, blank);
  std::getline(in, meta);
  static const std::regex title_form(R"(# ([A-Z][0-9]{3}) ([a-z0-9]+(?:-[a-z0-9]+)*))");
  static const std::regex meta_form(R"(Severity: ([a-z]+)(?: \([^()]+\))? · Area: ([a-z-]+))");
  std::smatch m;
  if (!std::regex_match(title, m, title_form)) {
    h.error = "line 1 is not '# ID name': '" + title + "'";
    return h;
  }
  h.id = m[1];
  h.name = m[2];
  if (!blank.empty()) {
    h.error = "line 2 is not blank";
    return h;
  }
  if (!std::regex_match(meta, m, meta_form)) {
    h.error = "line 3 is not 'Severity: SEVERITY[ (when)] · Area: AREA': '" + meta + "'";
    return h;
  }
  h.severity = m[1];
  h.area = m[2];
  return h;
}

}  // namespace vpclint::test
