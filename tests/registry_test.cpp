#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "fixture_files.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "rule_doc_header.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vpclint;

TEST_SUITE("registry") {
  TEST_CASE("rule ids are unique, well formed and named after their file") {
    std::set<std::string_view> ids, names;
    std::set<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(test::source_dir()) / "rules"))
      if (entry.path().extension() == ".cpp") files.insert(entry.path().filename().string());
    static const std::regex id_form("[A-Z][0-9]{3}");
    static const std::regex name_form("[a-z0-9]+(-[a-z0-9]+)*");
    REQUIRE(!all_rules().empty());
    for (const auto& r : all_rules()) {
      const RuleMeta& m = r->meta();
      CAPTURE(m.id);
      CHECK(std::regex_match(std::string(m.id), id_form));
      CHECK(std::regex_match(std::string(m.name), name_form));
      CHECK(ids.insert(m.id).second);
      CHECK(names.insert(m.name).second);
      CHECK(!m.summary.empty());
      CHECK(!m.fix.empty());
      bool has_file = false;
      for (const auto& f : files) has_file |= f.starts_with(std::string(m.id) + "_");
      CHECK_MESSAGE(has_file, "no rules/<area>/" << m.id << "_*.cpp");
    }
  }

  TEST_CASE("every rule has its doc page with the required sections, and fixtures") {
    for (const auto& r : all_rules()) {
      std::string id(r->meta().id);
      CAPTURE(id);
      std::string_view doc = rule_doc(id);
      REQUIRE_MESSAGE(!doc.empty(), "docs/rules/" << id << ".md is missing");
      for (const char* section : {"## What it does", "## Why it matters", "## Example", "## Fix"})
        CHECK_MESSAGE(doc.find(section) != std::string_view::npos, id << ".md lacks '" << section << "'");
      CHECK(doc.starts_with("# " + id + " "));
      fs::path dir = fs::path(test::source_dir()) / "fixtures" / id;
      bool bad = false, good = false;
      if (fs::is_directory(dir))
        for (const auto& f : fs::directory_iterator(dir)) {
          bad |= test::is_bad_fixture(f.path());
          good |= test::is_good_fixture(f.path());
        }
      CHECK_MESSAGE(bad, "fixtures/" << id << " has no bad_* fixture");
      CHECK_MESSAGE(good, "fixtures/" << id << " has no good_* fixture");
    }
  }

  TEST_CASE("every doc page's header states its rule's name, default severity and area") {
    for (const auto& r : all_rules()) {
      const RuleMeta& m = r->meta();
      std::string id(m.id);
      CAPTURE(id);
      std::string_view doc = rule_doc(id);
      if (doc.empty()) continue;  // reported by the doc-page test
      test::RuleDocHeader h = test::parse_rule_doc_header(std::string(doc));
      REQUIRE_MESSAGE(h.error.empty(), "docs/rules/" << id << ".md: " << h.error);
      CHECK_MESSAGE(h.id == id, "docs/rules/" << id << ".md: the title's id is " << h.id);
      CHECK_MESSAGE(h.name == m.name,
                    "docs/rules/" << id << ".md: name '" << h.name << "' but the rule's name is '" << m.name << "'");
      CHECK_MESSAGE(h.severity == severity_name(m.severity), "docs/rules/" << id << ".md: severity '" << h.severity
                                                                           << "' but the rule's default severity is '"
                                                                           << severity_name(m.severity) << "'");
      CHECK_MESSAGE(h.area == m.area,
                    "docs/rules/" << id << ".md: area '" << h.area << "' but the rule's area is '" << m.area << "'");
    }
  }

  TEST_CASE("the doc header reader takes the severity before its parenthesis and rejects other shapes") {
    using test::parse_rule_doc_header;
    auto h = parse_rule_doc_header("# V303 single-subnet\n\nSeverity: warning · Area: vpc-config\n\n## What");
    CHECK(h.error.empty());
    CHECK(h.id == "V303");
    CHECK(h.name == "single-subnet");
    CHECK(h.severity == "warning");
    CHECK(h.area == "vpc-config");
    CHECK(parse_rule_doc_header("# N101 x\n\nSeverity: error (warning when unknown) · Area: network\n").severity ==
          "error");
    CHECK_FALSE(parse_rule_doc_header("# N101 x\nSeverity: error · Area: network\n").error.empty());
    CHECK_FALSE(parse_rule_doc_header("# N101 x\n\nSeverity: error\n").error.empty());
    CHECK_FALSE(parse_rule_doc_header("# N101 Bad_Name\n\nSeverity: error · Area: network\n").error.empty());
  }

  TEST_CASE("every doc page belongs to a registered rule") {
    for (const auto& d : rule_docs()) CHECK_MESSAGE(find_rule(d.id) != nullptr, "orphan doc " << d.id);
  }
}
