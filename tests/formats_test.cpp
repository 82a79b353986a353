// Every output format carries the same findings as JSON; SARIF passes Microsoft's validator and
// its fingerprints survive unrelated edits.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <tuple>

#include "test_support.h"

namespace fs = std::filesystem;
using vpclint::test::run;
using vpclint::test::source_dir;

namespace {
const std::string kBin = VPCLINT_BINARY;
using Key = std::tuple<std::string, int, int, std::string>;  // file, line, column, rule

// A multi-file run: the example (N101 with notes), duplicates (T007), a broken file (T001),
// suppressed findings, and an N101 whose evidence is partly in a config file.
const char* kFiles =
    "--config tests/configs/stated-network.vpclint.yaml "
    "examples/order-cancel/template.yaml fixtures/T007/bad_duplicates.yaml fixtures/T001/bad_unclosed_flow.yaml "
    "fixtures/T006/bad_undefined.yaml fixtures/S001/good_every_suppression_used.yaml "
    "fixtures/N107/bad_external_subnets.yaml";

std::string lint(const std::string& format) {
  return run("cd " + source_dir() + " && " + kBin + " --format " + format + " " + kFiles).out;
}

std::set<Key> from_json() {
  std::set<Key> keys;
  auto log = nlohmann::json::parse(lint("json"));
  for (auto& f : log["findings"])
    keys.insert(
        {f["file"].get<std::string>(), f["line"].get<int>(), f["column"].get<int>(), f["rule"].get<std::string>()});
  return keys;
}

std::set<Key> from_regex(const std::string& text, const std::regex& re, int file, int line, int col, int rule) {
  std::set<Key> keys;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    keys.insert({(*it)[file], std::stoi((*it)[line]), std::stoi((*it)[col]), (*it)[rule]});
  return keys;
}
}  // namespace

namespace {
// `make sarif-validator` installs it into the default build tree; other trees (asan) share it.
std::string sarif_validator() {
  for (std::string dir : {std::string(VPCLINT_BUILD_DIR), vpclint::test::source_dir() + "/build"}) {
    std::string tool = dir + "/tools/node_modules/.bin/sarif-multitool";
    if (fs::exists(tool)) return tool;
  }
  return {};
}

// The log passes Microsoft's validator with no error and no warning.
void check_valid_sarif(const std::string& validator, const std::string& sarif) {
  char tmpl[] = "/tmp/vpclint-sarif-XXXXXX";
  fs::path dir = mkdtemp(tmpl);
  std::ofstream(dir / "run.sarif") << sarif;
  std::string report = (dir / "validation.sarif").string();
  auto v = vpclint::test::run(validator + " validate " + (dir / "run.sarif").string() + " --output " + report +
                              " --log ForceOverwrite");
  CHECK(v.exit_code == 0);
  std::ifstream in(report);
  auto validation = nlohmann::json::parse(in);  // named: a temporary would die before the loop body
  for (auto& r : validation["runs"][0]["results"]) {
    std::string lvl = r.contains("level") ? r["level"].get<std::string>() : "warning";
    CHECK_MESSAGE((lvl != "error" && lvl != "warning"), r["ruleId"] << ": " << r["message"].dump());
  }
  fs::remove_all(dir);
}
}  // namespace

TEST_SUITE("formats") {
  TEST_CASE("github annotations name files relative to the repository, without ./") {
    auto r =
        vpclint::test::run("cd " + source_dir() + "/examples && " + std::string(VPCLINT_BINARY) + " . --format github");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("::error file=order-cancel/template.yaml,line=93,col=7,title=N101::") != std::string::npos);
    CHECK(r.out.find("file=./") == std::string::npos);
  }

  TEST_CASE("gnu, github, junit and sarif carry exactly the JSON findings") {
    std::set<Key> reference = from_json();
    REQUIRE(reference.size() > 8);
    CHECK(from_regex(
              lint("gnu"),
              std::regex(R"(^(\S+):(\d+):(\d+): (?:error|warning|info): .* \[([A-Z]\d{3})\]$)", std::regex::multiline),
              1, 2, 3, 4) == reference);
    CHECK(from_regex(lint("github"),
                     std::regex(R"(^::(?:error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([A-Z]\d{3})::)",
                                std::regex::multiline),
                     1, 2, 3, 4) == reference);
    // JUnit: each failure body lists "file:line:col: severity: message" under its rule's testcase.
    std::string junit = lint("junit");
    std::set<Key> from_junit;
    std::regex testcase(
        R"rx(<testcase classname="([^"]+)" name="([A-Z]\d{3}) [^"]*">\s*<failure[^>]*>([^<]*)</failure>)rx");
    std::regex entry(R"((\S+):(\d+):(\d+): )");
    for (std::sregex_iterator it(junit.begin(), junit.end(), testcase), end; it != end; ++it) {
      std::string body = (*it)[3];
      for (std::sregex_iterator e(body.begin(), body.end(), entry); e != end; ++e)
        from_junit.insert({(*e)[1], std::stoi((*e)[2]), std::stoi((*e)[3]), (*it)[2]});
    }
    CHECK(from_junit == reference);
    CHECK(junit.find("<testsuites name=\"vpclint\"") != std::string::npos);
    auto sarif = nlohmann::json::parse(lint("sarif"));
    std::set<Key> from_sarif, suppressed_in_sarif, suppressed_in_json;
    for (auto& r : sarif["runs"][0]["results"]) {
      auto& loc = r["locations"][0]["physicalLocation"];
      Key key{loc["artifactLocation"]["uri"].get<std::string>(), loc["region"]["startLine"].get<int>(),
              loc["region"]["startColumn"].get<int>(), r["ruleId"].get<std::string>()};
      (r.contains("suppressions") ? suppressed_in_sarif : from_sarif).insert(key);
    }
    CHECK(from_sarif == reference);  // relative URIs equal the paths given; ASCII columns agree
    // Suppressed findings: listed apart in JSON, results with `suppressions` in SARIF, absent elsewhere.
    auto json = nlohmann::json::parse(lint("json"));
    for (auto& f : json["suppressed"])
      suppressed_in_json.insert(
          {f["file"].get<std::string>(), f["line"].get<int>(), f["column"].get<int>(), f["rule"].get<std::string>()});
    CHECK(suppressed_in_json.size() == 4);
    CHECK(suppressed_in_sarif == suppressed_in_json);
  }

  TEST_CASE("SARIF log: rules, levels, related locations, invocation") {
    auto log = nlohmann::json::parse(lint("sarif"));
    CHECK(log["version"] == "2.1.0");
    auto& r = log["runs"][0];
    CHECK(r["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().ends_with("/"));
    auto& inv = r["invocations"][0];
    CHECK(inv["exitCode"] == 2);  // the broken file
    CHECK(inv["executionSuccessful"] == true);
    bool n101 = false;
    for (auto& res : r["results"]) {
      CHECK(r["tool"]["driver"]["rules"][res["ruleIndex"].get<size_t>()]["id"] == res["ruleId"]);
      auto& uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
      if (res["ruleId"] != "N101" || uri != "examples/order-cancel/template.yaml") continue;
      n101 = true;
      CHECK(res["level"] == "error");
      CHECK(res["relatedLocations"].size() == 8);
      CHECK(res["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 94);
      CHECK(res["locations"][0]["physicalLocation"]["region"]["endColumn"] == 16);  // "VpcConfig"
    }
    CHECK(n101);
    // Evidence stated in the config is a related location in that file.
    bool config_note = false;
    for (auto& res : r["results"])
      for (auto& rel : res.value("relatedLocations", nlohmann::json::array()))
        config_note |=
            rel["physicalLocation"]["artifactLocation"]["uri"] == "tests/configs/stated-network.vpclint.yaml";
    CHECK(config_note);
  }

  TEST_CASE("SARIF fingerprints do not depend on how the path was typed") {
    vpclint::test::Workspace ws("fp-path");
    ws.write("stacks/t.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref Nope}\n");
    auto print = [&](const std::string& path) {
      auto log = nlohmann::json::parse(ws.lint("--format sarif " + path).out);
      return log["runs"][0]["results"][0]["partialFingerprints"]["vpclint/v1"].get<std::string>();
    };
    std::string plain = print("stacks/t.yaml");
    CHECK(print("./stacks/t.yaml") == plain);
    CHECK(print((ws.path / "stacks/t.yaml").string()) == plain);
    CHECK(print(".") == plain);  // directory search names it ./stacks/t.yaml
  }

  TEST_CASE("SARIF fingerprints survive unrelated edits") {
    char tmpl[] = "/tmp/vpclint-fp-XXXXXX";
    fs::path dir = mkdtemp(tmpl);
    std::ifstream in(source_dir() + "/examples/order-cancel/template.yaml");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto fingerprint = [&](const std::string& body) {
      std::ofstream(dir / "template.yaml") << body;
      auto log = nlohmann::json::parse(run("cd " + dir.string() + " && " + kBin + " --format sarif template.yaml").out);
      auto& res = log["runs"][0]["results"][0];
      return std::pair{res["partialFingerprints"]["vpclint/v1"].get<std::string>(),
                       res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>()};
    };
    auto before = fingerprint(text);
    auto after = fingerprint("# a new comment\n\n" + text);
    CHECK(before.second + 2 == after.second);
    CHECK(before.first == after.first);
    fs::remove_all(dir);
  }

  TEST_CASE("the SARIF log of a multi-file run passes Microsoft's validator without errors or warnings") {
    std::string validator = sarif_validator();
    if (validator.empty()) {
      VPCLINT_SKIP("the SARIF validator is not installed (make sarif-validator)");
    }
    check_valid_sarif(validator, run("cd " + source_dir() + " && " + kBin + " --format sarif " + kFiles).out);
  }

  TEST_CASE("a CDK app's SARIF log names the construct and the app's source line, and passes the validator") {
    auto out = run("cd " + source_dir() + "/fixtures/cdk/app && " + kBin + " --format sarif .").out;
    auto log = nlohmann::json::parse(out);
    auto& result = log["runs"][0]["results"][1];
    CHECK(result["ruleId"] == "N101");
    auto& template_location = result["locations"][0];
    CHECK(template_location["physicalLocation"]["artifactLocation"]["uri"] == "cdk.out/AppStack.template.json");
    CHECK(template_location["physicalLocation"]["region"]["startLine"] == 355);
    CHECK(template_location["logicalLocations"] ==
          nlohmann::json::parse(R"([{"name": "Orchestrator6EF1216F", "fullyQualifiedName": "AppStack/Orchestrator",
                                     "kind": "resource"}])"));
    REQUIRE(result["locations"].size() == 2);
    auto& source = result["locations"][1]["physicalLocation"];
    CHECK(source["artifactLocation"]["uri"] == "app.js");
    CHECK(source["region"]["startLine"] == 22);
    CHECK(source["region"]["startColumn"] == 26);
    std::string validator = sarif_validator();
    if (validator.empty()) {
      VPCLINT_SKIP("the SARIF validator is not installed (make sarif-validator)");
    }
    check_valid_sarif(validator, out);
  }

  TEST_CASE("a project's SARIF log cites evidence in another template and passes the validator") {
    auto out = run("cd " + source_dir() + "/fixtures/projects/nested && " + kBin + " --format sarif .").out;
    auto log = nlohmann::json::parse(out);
    auto& result = log["runs"][0]["results"][0];
    CHECK(result["ruleId"] == "N101");
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stacks/app.yaml");
    bool cites_parent = false;
    for (auto& rel : result["relatedLocations"])
      cites_parent |= rel["physicalLocation"]["artifactLocation"]["uri"] == "parent.yaml" &&
                      rel["message"]["text"].get<std::string>().starts_with("IsolatedApp passes SubnetIds");
    CHECK(cites_parent);
    std::string validator = sarif_validator();
    if (validator.empty()) {
      VPCLINT_SKIP("the SARIF validator is not installed (make sarif-validator)");
    }
    check_valid_sarif(validator, out);
  }
}
