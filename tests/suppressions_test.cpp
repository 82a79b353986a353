// Suppressions written in templates: Metadata (file, resource) and `# vpclint: ignore` comments,
// what they silence, S001 for stale ones, and the command line's view of them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace vpclint;
using vpclint::test::ids_at;
using vpclint::test::lint;
using vpclint::test::run;

namespace {

// Two queues with an undefined reference each (T006 at 5:23 and 9:23 without the extras).
std::string queues(const std::string& top = "", const std::string& a_meta = "", const std::string& a_line = "",
                   const std::string& above_b = "") {
  return top +
         "Resources:\n"
         "  A:\n"
         "    Type: AWS::SQS::Queue\n" +
         a_meta +
         "    Properties:\n"
         "      QueueName: !Ref Nope" +
         a_line +
         "\n"
         "  B:\n"
         "    Type: AWS::SQS::Queue\n"
         "    Properties:\n" +
         above_b + "      QueueName: !Ref Nope\n";
}

std::vector<std::string> rules_of(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.rule + ":" + f.resource);
  return out;
}

}  // namespace

TEST_SUITE("suppressions") {
  TEST_CASE("without suppressions both references are reported") {
    auto r = lint(queues());
    CHECK(ids_at(r) == std::vector<std::string>{"T006@5:23", "T006@9:23"});
    CHECK(r.suppressed.empty());
  }

  TEST_CASE("a trailing comment silences its own line, with its reason") {
    auto r = lint(queues("", "", " # vpclint: ignore T006 -- created by another stack"));
    CHECK(ids_at(r) == std::vector<std::string>{"T006@9:23"});
    REQUIRE(r.suppressed.size() == 1);
    CHECK(r.suppressed[0].pos.line == 5);
    CHECK(r.suppressed[0].suppression == "created by another stack");
  }

  TEST_CASE("a comment on its own line silences the next line with content, across blank and comment lines") {
    auto r = lint(queues("", "", "", "      # vpclint: ignore T006, N101\n\n      # another comment\n"));
    // N101 matched nothing on that line: stale.
    CHECK(ids_at(r) == std::vector<std::string>{"T006@5:23", "S001@9:31"});
    CHECK(r.suppressed.size() == 1);
  }

  TEST_CASE("a comment does not reach two lines down or the line above") {
    // The comment stands above `Properties:`, not above the reference.
    auto r = lint(queues("", "    # vpclint: ignore T006\n"));
    CHECK(ids_at(r) == std::vector<std::string>{"S001@4:23", "T006@6:23", "T006@10:23"});
  }

  TEST_CASE("resource Metadata silences that resource only") {
    auto r = lint(queues("", "    Metadata:\n      vpclint:\n        ignore: [{rule: T006, reason: legacy}]\n"));
    CHECK(rules_of(r.findings) == std::vector<std::string>{"T006:B"});
    REQUIRE(r.suppressed.size() == 1);
    CHECK(r.suppressed[0].resource == "A");
    CHECK(r.suppressed[0].suppression == "legacy");
  }

  TEST_CASE("top-level Metadata silences the rule in the whole file") {
    auto r = lint(queues("Metadata:\n  vpclint:\n    ignore: [T006]\n"));
    CHECK(r.findings.empty());
    CHECK(r.suppressed.size() == 2);
  }

  TEST_CASE("a suppression of another rule silences nothing and is stale") {
    auto r = lint(queues("Metadata:\n  vpclint:\n    ignore: [N101]\n"));
    CHECK(ids_at(r) == std::vector<std::string>{"S001@3:14", "T006@8:23", "T006@12:23"});
    CHECK(r.findings[0].severity == Severity::Info);
  }

  TEST_CASE("a '#' inside a quoted string is not a suppression") {
    std::string t = queues();
    t.replace(t.find("!Ref Nope"), 9, "!Sub \"${Nope} # vpclint: ignore T006\"");
    auto r = lint(t);
    CHECK(r.findings.size() == 2);
    CHECK(r.suppressed.empty());
  }

  TEST_CASE("with inline suppressions off, nothing is silenced and nothing is stale") {
    LintOptions off;
    off.inline_suppressions = false;
    auto r = lint_text("t.yaml", queues("Metadata:\n  vpclint:\n    ignore: [T006, N101, N10l]\n"), off);
    CHECK(rules_of(r.findings) == std::vector<std::string>{"T006:A", "T006:B"});
  }

  TEST_CASE("a rule the config turns off leaves its suppressions unjudged") {
    Config config;
    config.ignore = {"N"};
    LintOptions options;
    options.config = &config;
    auto r = lint_text("t.yaml", queues("Metadata:\n  vpclint:\n    ignore: [N101]\n"), options);
    CHECK(rules_of(r.findings) == std::vector<std::string>{"T006:A", "T006:B"});
  }

  TEST_CASE("thousands of suppression comments are matched in linear time") {
    std::string t = "Resources:\n";
    for (int i = 0; i < 5000; ++i)
      t += "  Q" + std::to_string(i) +
           ":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nope # vpclint: ignore T006\n";
    auto r = lint(t);
    CHECK(r.findings.empty());
    CHECK(r.suppressed.size() == 5000);
  }

  TEST_CASE("command line: suppressed findings do not fail the run; --no-inline-suppressions brings them back") {
    vpclint::test::Workspace dir("suppress");
    std::string file =
        dir.write("t.yaml", queues("Metadata:\n  vpclint:\n    ignore: [{rule: T006, reason: reviewed}]\n"));
    auto quiet = run(std::string(VPCLINT_BINARY) + " --no-color " + file);
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out == "No findings in 1 file; 2 suppressed in the templates\n");
    auto loud = run(std::string(VPCLINT_BINARY) + " --no-color --no-inline-suppressions --format gnu " + file);
    CHECK(loud.exit_code == 1);
    CHECK(loud.out.find(file + ":8:23: error: ") != std::string::npos);
    CHECK(loud.out.find(file + ":12:23: error: ") != std::string::npos);
  }

  TEST_CASE("SARIF carries suppressed results with their justification") {
    vpclint::test::Workspace dir("suppress");
    std::string file = dir.write("t.yaml", queues("", "", " # vpclint: ignore T006 -- made elsewhere"));
    auto r = run(std::string(VPCLINT_BINARY) + " --format sarif " + file);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("\"suppressions\": [\n            {\n              \"kind\": \"inSource\",\n"
                     "              \"justification\": \"made elsewhere\"") != std::string::npos);
    size_t results = 0;
    for (size_t at = r.out.find("\"ruleId\""); at != std::string::npos; at = r.out.find("\"ruleId\"", at + 1))
      ++results;
    CHECK(results == 2);
  }
}
