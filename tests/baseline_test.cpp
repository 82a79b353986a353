// --write-baseline and --baseline end to end: fingerprints survive line shifts, only new
// findings are reported, bad baseline files are one-line errors, writing is atomic.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using vpclint::test::run;

namespace {

const std::string kBinary = VPCLINT_BINARY;

// A repository to lint, with a stacks/ directory.
struct Repo : vpclint::test::Workspace {
  Repo() : Workspace("baseline") { std::filesystem::create_directories(path / "stacks"); }
};

std::string queue(const std::string& name, const std::string& ref) {
  return "  " + name + ":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref " + ref + "\n";
}

}  // namespace

TEST_SUITE("baseline") {
  TEST_CASE("a baseline hides today's findings, survives edits above them and reports only new ones") {
    Repo repo;
    repo.write("stacks/app.yaml", "Resources:\n" + queue("A", "Nope") + queue("B", "Nope"));
    auto written = repo.lint("--write-baseline vpclint-baseline.json stacks");
    CHECK(written.exit_code == 1);  // the findings are still reported and still count
    auto doc = nlohmann::json::parse(repo.read("vpclint-baseline.json"));
    CHECK(doc["vpclint-baseline"] == 1);
    REQUIRE(doc["findings"].size() == 2);
    CHECK(doc["findings"][0]["file"] == "stacks/app.yaml");
    CHECK(doc["findings"][0]["rule"] == "T006");
    CHECK(doc["findings"][0]["fingerprint"].get<std::string>().size() == 16);

    // Linting the whole tree never lints vpclint's own files: the JSON report of the first run
    // mentions "Resources/A/..." and looks like a template to directory search.
    std::string whole = "--baseline vpclint-baseline.json -o report.json --format json .";
    repo.lint("--format json -o report.json stacks");
    CHECK(repo.lint(whole).exit_code == 0);
    CHECK(nlohmann::json::parse(repo.read("report.json"))["findings"].empty());

    auto same = repo.lint("--baseline vpclint-baseline.json stacks");
    CHECK(same.exit_code == 0);
    CHECK(same.out == "No findings in 1 file; 2 known from the baseline\n");

    // Lines shift (a description and a comment above), one new finding appears.
    repo.write("stacks/app.yaml", "Description: moved down\n# a comment\nResources:\n" + queue("A", "Nope") +
                                      queue("B", "Nope") + queue("C", "Missing"));
    auto next = repo.lint("--baseline vpclint-baseline.json --format gnu stacks");
    CHECK(next.exit_code == 1);
    CHECK(next.out ==
          "stacks/app.yaml:15:23: error: !Ref 'Missing' is undefined: no parameter, resource or "
          "pseudo parameter of that name [T006]\n");
  }

  TEST_CASE("the baseline's paths are relative to the baseline file, wherever vpclint runs from") {
    Repo repo;
    repo.write("stacks/app.yaml", "Resources:\n" + queue("A", "Nope"));
    CHECK(repo.lint("--write-baseline vpclint-baseline.json stacks/app.yaml").exit_code == 1);
    auto from_sub = run("cd '" + (repo.path / "stacks").string() + "' && " + kBinary +
                        " --baseline ../vpclint-baseline.json app.yaml");
    CHECK(from_sub.exit_code == 0);
  }

  TEST_CASE("a fixed finding leaves the baseline quietly; twins are counted, not merged") {
    Repo repo;
    // Two identical findings on one resource path cannot be told apart but both must be absorbed.
    repo.write(
        "app.yaml",
        "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${Nope}-${Nope}'\n");
    auto first = repo.lint("--format json app.yaml");
    CHECK(first.out.find("\"T006\"") != std::string::npos);
    CHECK(repo.lint("--write-baseline b.json app.yaml").exit_code == 1);
    auto recorded = nlohmann::json::parse(repo.read("b.json"));
    REQUIRE(recorded["findings"].size() == 2);
    CHECK(recorded["findings"][0]["fingerprint"] != recorded["findings"][1]["fingerprint"]);
    CHECK(repo.lint("--baseline b.json app.yaml").exit_code == 0);
    // A baseline that knows one twin lets exactly the other one through.
    recorded["findings"].erase(1);
    repo.write("one.json", recorded.dump());
    auto one = repo.lint("--baseline one.json --format gnu app.yaml");
    CHECK(one.exit_code == 1);
    CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 1);
    repo.write("app.yaml", "Resources:\n  A:\n    Type: AWS::SQS::Queue\n");
    CHECK(repo.lint("--baseline b.json app.yaml").exit_code == 0);
  }

  TEST_CASE("an unreadable or foreign baseline is a one-line error with exit code 2") {
    Repo repo;
    repo.write("app.yaml", "Resources:\n" + queue("A", "Nope"));
    auto missing = repo.lint("--baseline nothere.json app.yaml");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("vpclint: error: cannot read baseline 'nothere.json': "));
    CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
    repo.write("sarif.json", "{\"version\": \"2.1.0\", \"runs\": []}");
    auto foreign = repo.lint("--baseline sarif.json app.yaml");
    CHECK(foreign.exit_code == 2);
    CHECK(foreign.err == "vpclint: error: 'sarif.json' is not a vpclint baseline (write one with --write-baseline)\n");
  }

  TEST_CASE("writing is atomic: an unwritable target leaves no partial file and exits 2") {
    Repo repo;
    repo.write("app.yaml", "Resources:\n" + queue("A", "Nope"));
    auto r = repo.lint("--write-baseline no/such/dir/b.json app.yaml");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vpclint: error: cannot write baseline 'no/such/dir/b.json'\n");
    // Rewriting an existing baseline replaces it whole.
    repo.write("b.json", "garbage");
    CHECK(repo.lint("--write-baseline b.json app.yaml").exit_code == 1);
    CHECK(nlohmann::json::parse(repo.read("b.json"))["findings"].size() == 1);
    for (const auto& e : fs::directory_iterator(repo.path))
      CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
  }
}
