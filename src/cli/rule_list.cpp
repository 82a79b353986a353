#include "cli/rule_list.h"

#include <string>
#include <string_view>

#include "lint/rule.h"

namespace vpclint {

namespace {
// A table cell: '|' would end the cell, a line break the row.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}
}  // namespace

void write_rule_list_text(std::ostream& out) {
  for (const auto& r : all_rules()) {
    const auto& m = r->meta();
    std::string_view severity = severity_name(m.severity);
    out << m.id << "  " << severity << std::string(8 - severity.size(), ' ') << m.name << "\n      " << m.summary
        << '\n';
  }
}

void write_rule_list_markdown(std::ostream& out) {
  out << "| id | name | default | what it finds |\n|---|---|---|---|\n";
  for (const auto& r : all_rules()) {
    const auto& m = r->meta();
    out << "| " << cell(m.id) << " | " << cell(m.name) << " | " << severity_name(m.severity) << " | " << cell(m.summary)
        << " |\n";
  }
}

}  // namespace vpclint
