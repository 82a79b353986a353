// The generic fixture driver: fixtures/<RULE>/{bad,good}_*.{yaml,json} state their own
// expectations and every rule is checked the same way.
//   YAML: `# expect: T006` (or `T006:24` with a column, several comma-separated) on the line
//         where the finding must land, or `# expect-next-line: T006` on the line above.
//   JSON: top-level "Metadata": {"vpclint-fixture": {"expect": ["T006@12", "T006@14:9"]}}.
// The set of (rule, line[, column]) findings of the fixture's rule and of every rule named in
// an expectation must equal the expected set exactly; good_* files expect nothing. What the
// findings say is locked by the golden files beside the bad fixtures (golden_test.cpp).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "fixture_files.h"
#include "lint/project_linter.h"
#include "lint/rule.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

struct Expectation {
  std::string rule;
  uint32_t line;
  uint32_t column;  // 0: any column
  bool operator<(const Expectation& o) const {
    return std::tie(rule, line, column) < std::tie(o.rule, o.line, o.column);
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void parse_list(const std::string& list, uint32_t line, std::vector<Expectation>& out) {
  static const std::regex item(R"(([A-Z][0-9]{3})(?::([0-9]+))?)");
  for (std::sregex_iterator it(list.begin(), list.end(), item), end; it != end; ++it)
    out.push_back({(*it)[1], line, (*it)[2].matched ? static_cast<uint32_t>(std::stoul((*it)[2])) : 0});
}

std::vector<Expectation> expectations(const std::string& text, bool json) {
  std::vector<Expectation> out;
  if (json) {
    static const std::regex item(R"re("([A-Z][0-9]{3})@([0-9]+)(?::([0-9]+))?")re");
    for (std::sregex_iterator it(text.begin(), text.end(), item), end; it != end; ++it)
      out.push_back({(*it)[1], static_cast<uint32_t>(std::stoul((*it)[2])),
                     (*it)[3].matched ? static_cast<uint32_t>(std::stoul((*it)[3])) : 0});
    return out;
  }
  static const std::regex same(R"(#\s*expect:\s*([A-Z0-9:, ]+))");
  static const std::regex next(R"(#\s*expect-next-line:\s*([A-Z0-9:, ]+))");
  std::istringstream in(text);
  std::string line;
  uint32_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::smatch m;
    if (std::regex_search(line, m, next))
      parse_list(m[1], n + 1, out);
    else if (std::regex_search(line, m, same))
      parse_list(m[1], n, out);
  }
  return out;
}

}  // namespace

TEST_SUITE("fixtures") {
  TEST_CASE("every fixture produces exactly the findings it annotates") {
    REQUIRE(fs::is_directory(test::fixtures_root()));
    // Nothing under fixtures/ is skipped silently: a folder that names no rule or a file that is
    // neither a fixture nor a golden (bad_x.yml.orig, a nested folder) fails instead of going unchecked.
    std::map<std::string, std::pair<size_t, size_t>> checked;  // rule -> (bad, good) fixtures checked
    for (const fs::path& path : test::all_fixture_tree_files()) {
      fs::path rel = fs::relative(path, test::fixtures_root());
      CAPTURE(path.string());
      if (std::distance(rel.begin(), rel.end()) != 2) {
        FAIL_CHECK("fixtures hold only <RULE>/<file>");
        continue;
      }
      std::string rule = rel.begin()->string();
      if (!find_rule(rule)) {
        FAIL_CHECK("fixtures/" << rule << " names no registered rule");
        continue;
      }
      if (test::is_golden(path)) continue;  // the golden test's business
      if (!test::is_fixture(path)) {
        FAIL_CHECK("neither a bad_/good_ template fixture nor a golden " << test::kGoldenSuffix);
        continue;
      }
      std::string name = path.filename().string();
      bool good = name.starts_with("good_");
      std::string text = read(path);
      bool json = path.extension() == ".json";
      std::vector<Expectation> expected = expectations(text, json);
      std::set<std::string> rules{rule};
      for (const auto& e : expected) rules.insert(e.rule);
      FileResult r = lint_path(path.string(), LintOptions{});
      std::vector<Expectation> actual;
      for (const auto& f : r.findings)
        if (rules.count(f.rule)) actual.push_back({f.rule, f.pos.line, f.pos.column});

      // A fixture that does not load proves nothing about its rule.
      if (rule != "T001" && rule != "T002" && rule != "T008" && !rules.count("T001") && !rules.count("T002"))
        CHECK_MESSAGE(!r.unparsable, "the fixture does not load as a template");
      if (good) {
        std::vector<Expectation> own;
        for (const auto& a : actual)
          if (a.rule == rule) own.push_back(a);
        CHECK_MESSAGE(own.empty(), "a good_ fixture must not trigger " << rule << " (first at line "
                                                                       << (own.empty() ? 0 : own[0].line) << ")");
      } else {
        CHECK_MESSAGE(!expected.empty(), "a bad_ fixture must state what it expects");
      }
      // Match expectations; a column of 0 accepts any column on that line.
      std::multiset<Expectation> unmatched(actual.begin(), actual.end());
      std::vector<Expectation> missing;
      for (const auto& e : expected) {
        auto it = std::find_if(unmatched.begin(), unmatched.end(), [&](const Expectation& a) {
          return a.rule == e.rule && a.line == e.line && (e.column == 0 || a.column == e.column);
        });
        if (it == unmatched.end())
          missing.push_back(e);
        else
          unmatched.erase(it);
      }
      for (const auto& m : missing)
        FAIL_CHECK("expected " << m.rule << " at line " << m.line << (m.column ? ":" + std::to_string(m.column) : "")
                               << " but it did not fire there");
      for (const auto& u : unmatched) FAIL_CHECK("unexpected " << u.rule << " at " << u.line << ":" << u.column);
      ++(good ? checked[rule].second : checked[rule].first);
    }
    // The driver itself exercised every rule both ways (the registry test only sees file names).
    for (const auto& r : all_rules()) {
      std::string id(r->meta().id);
      CHECK_MESSAGE(checked[id].first > 0, "no bad_ fixture of " << id << " was checked");
      CHECK_MESSAGE(checked[id].second > 0, "no good_ fixture of " << id << " was checked");
    }
  }

  TEST_CASE("every finding on a bad fixture has a fix hint, and every analysis finding its evidence") {
    size_t checked = 0;
    for (const fs::path& path : test::all_fixture_tree_files()) {
      if (!test::is_bad_fixture(path)) continue;
      FileResult r = lint_path(path.string(), LintOptions{});
      for (const Finding& f : r.findings) {
        CAPTURE(path.string());
        CAPTURE(f.rule);
        CHECK_FALSE(f.fix.empty());
        // Template (T) and suppression (S) findings are about the node they point at; the
        // network, IAM, VPC-config and reachability findings cite what they conclude from.
        if (f.rule[0] != 'T' && f.rule[0] != 'S') CHECK_FALSE(f.notes.empty());
        ++checked;
      }
    }
    CHECK(checked > 50);
  }
}
