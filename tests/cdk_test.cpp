// CDK apps: discovery through the cloud assembly, the empty run that fails, creation-stack frames
// and the fallback to the template when the assembly says nothing about the source.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "config/cdk_assembly.h"
#include "fixture_files.h"
#include "test_support.h"

namespace fs = std::filesystem;
using vpclint::parse_cdk_frame;
using vpclint::Position;
using vpclint::test::Workspace;

namespace {
// The fixture app copied into a scratch directory, as a checkout elsewhere would hold it.
struct AppCopy : Workspace {
  AppCopy() : Workspace("cdk") {
    fs::copy(vpclint::test::cdk_root() / "app", path, fs::copy_options::recursive);
    fs::remove(path / "cases.txt");
    fs::remove(path / "expected.txt");
  }
};
}  // namespace

TEST_SUITE("cdk") {
  TEST_CASE("a run that finds no template fails on standard error with exit code 2") {
    Workspace ws("cdk-empty");
    ws.write("README.md", "no templates here\n");
    auto r = ws.lint(".");
    CHECK(r.exit_code == 2);
    CHECK(r.out == "No findings in 0 files\n");
    CHECK(r.err == "vpclint: error: no template found in '.'\n");
    r = ws.lint("--fail-on error --format json .");
    CHECK(r.exit_code == 2);
  }

  TEST_CASE("a CDK app before `cdk synth` fails and says why, even with --fail-on error") {
    Workspace ws("cdk-unsynthesized");
    ws.write("cdk.json", "{\"app\": \"node app.js\"}\n");
    ws.write("app.js", "// the app\n");
    auto r = ws.lint("--fail-on error .");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "vpclint: error: no template found in '.' (the CDK app in '.' has no cloud assembly: run `cdk synth` "
          "first)\n");
  }

  TEST_CASE("cdk.json's output directory is the cloud assembly; asset folders are never linted") {
    AppCopy app;
    fs::rename(app.path / "cdk.out", app.path / "synth");
    app.write("cdk.json", "{\"app\": \"node app.js\", \"output\": \"synth\"}\n");
    // An asset folder's template-looking file is not a stack of the assembly.
    app.write("synth/asset.0123/template.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}\n");
    auto r = app.lint("--format json .");
    CHECK(r.exit_code == 1);
    auto j = nlohmann::json::parse(r.out);
    std::set<std::string> files;
    for (auto& f : j["findings"]) files.insert(f["file"].get<std::string>());
    CHECK(files == std::set<std::string>{"./synth/AppStack.template.json"});
  }

  TEST_CASE("without the stack's metadata file the finding keeps its construct and its template position") {
    AppCopy app;
    fs::remove(app.path / "cdk.out/AppStack.metadata.json");
    auto j = nlohmann::json::parse(app.lint("--format json cdk.out/AppStack.template.json").out);
    REQUIRE(j["findings"].size() > 0);
    for (auto& f : j["findings"]) {
      CHECK(f.contains("construct"));
      CHECK_FALSE(f.contains("source"));
    }
    // gnu falls back to the template position.
    auto gnu = app.lint("--format gnu cdk.out/AppStack.template.json").out;
    CHECK(gnu.starts_with("cdk.out/AppStack.template.json:"));
  }

  TEST_CASE("a creation stack frame naming no file of the app gives no source: never a guess") {
    AppCopy app;
    fs::remove(app.path / "app.js");
    auto j = nlohmann::json::parse(app.lint("--format json cdk.out/AppStack.template.json").out);
    REQUIRE(j["findings"].size() > 0);
    for (auto& f : j["findings"]) CHECK_FALSE(f.contains("source"));
  }

  TEST_CASE("a template CDK did not synthesize keeps the CloudFormation help") {
    AppCopy app;
    // The same template without CDK's path metadata: no construct, no source, no CDK call.
    std::string text = app.read("cdk.out/AppStack.template.json");
    for (size_t at; (at = text.find("\"aws:cdk:path\"")) != std::string::npos;) text.replace(at, 14, "\"x-not-cdk\"");
    app.write("plain/AppStack.template.json", text);
    auto j = nlohmann::json::parse(app.lint("--format json plain/AppStack.template.json").out);
    REQUIRE(j["findings"].size() == 6);
    for (auto& f : j["findings"]) {
      CHECK_FALSE(f.contains("construct"));
      CHECK_FALSE(f["fix"].get<std::string>().starts_with("in the CDK app"));
    }
    j = nlohmann::json::parse(app.lint("--format json cdk.out/AppStack.template.json").out);
    REQUIRE(j["findings"].size() == 6);
    for (auto& f : j["findings"]) CHECK(f["fix"].get<std::string>().starts_with("in the CDK app: "));
  }

  TEST_CASE(".vpclint.yaml exclude globs name construct paths too: their findings are kept as suppressed") {
    AppCopy app;
    fs::create_directory(app.path / ".git");  // bounds the search for a config
    app.write(".vpclint.yaml", "exclude: [\"AppStack/Legacy/**\", AppStack/SeedProvider]\n");
    auto j = nlohmann::json::parse(app.lint("--format json cdk.out/AppStack.template.json").out);
    std::vector<std::string> reported, excluded;
    for (auto& f : j["findings"])
      reported.push_back(f["rule"].get<std::string>() + " " + f["construct"].get<std::string>());
    for (auto& f : j["suppressed"])
      excluded.push_back(f["rule"].get<std::string>() + " " + f["reason"].get<std::string>());
    CHECK(reported.size() == 3);
    CHECK(std::find(reported.begin(), reported.end(), "N101 AppStack/Orchestrator") != reported.end());
    CHECK(excluded == std::vector<std::string>{"N101 excluded by .vpclint.yaml: AppStack/SeedProvider",
                                               "N102 excluded by .vpclint.yaml: AppStack/SeedProvider",
                                               "I201 excluded by .vpclint.yaml: AppStack/Legacy/**"});
  }

  TEST_CASE("nested stacks' templates and the older inline metadata with `trace` are read too") {
    Workspace ws("cdk-legacy");
    ws.write("cdk.json", "{}\n");
    ws.write("bin/app.js", "// line 1\n");
    // The manifest of CDK versions before additionalMetadataFile: metadata inline, the creation
    // stack as the logical id entry's trace.
    ws.write("cdk.out/manifest.json", R"json({"version": "21.0.0", "artifacts": {"Old": {
      "type": "aws:cloudformation:stack", "properties": {"templateFile": "Old.template.json"},
      "metadata": {"/Old/Queue/Resource": [{"type": "aws:cdk:logicalId", "data": "Queue4A7E3555",
        "trace": ["new Queue (/elsewhere/node_modules/aws-cdk-lib/aws-sqs/lib/queue.js:1:2)",
                  "new OldStack (/ci/checkout/bin/app.js:1:9)"]}]}}}})json");
    ws.write("cdk.out/Old.template.json", "{\"Resources\": {}}\n");
    ws.write("cdk.out/OldNestedA1B2.nested.template.json", "{\"Resources\": {}}\n");
    auto assembly = vpclint::read_cdk_assembly(ws.path / "cdk.out");
    CHECK(assembly.templates ==
          std::vector<std::string>{(ws.path / "cdk.out/Old.template.json").string(),
                                   (ws.path / "cdk.out/OldNestedA1B2.nested.template.json").string()});
    auto sources = vpclint::cdk_sources((ws.path / "cdk.out/Old.template.json").string());
    REQUIRE(sources.count("Queue4A7E3555") == 1);
    // Synthesized in another checkout: the tail bin/app.js names the app's file.
    CHECK(sources["Queue4A7E3555"].file == (ws.path / "bin/app.js").string());
    CHECK(sources["Queue4A7E3555"].pos == Position{1, 9});
  }

  TEST_CASE("creation stack frames: the user's code, never aws-cdk-lib or node internals") {
    std::string file;
    Position pos;
    CHECK(parse_cdk_frame("new AppStack (/src/app/app.ts:16:26)", file, pos));
    CHECK(file == "/src/app/app.ts");
    CHECK(pos == Position{16, 26});
    CHECK(parse_cdk_frame("    at new AppStack (/src/app/lib/stack.js:3:7)", file, pos));
    CHECK(file == "/src/app/lib/stack.js");
    CHECK(parse_cdk_frame("/src/app/app.js:64:1", file, pos));
    CHECK(pos == Position{64, 1});
    CHECK_FALSE(parse_cdk_frame("...new Function2 in aws-cdk-lib...", file, pos));
    CHECK_FALSE(
        parse_cdk_frame(".../src/node_modules/aws-cdk-lib/aws-ec2/lib/vpc.js:1:295 in aws-cdk-lib...", file, pos));
    CHECK_FALSE(parse_cdk_frame("Object.<anonymous> (/src/node_modules/x/index.js:1:2)", file, pos));
    CHECK_FALSE(parse_cdk_frame("...node internals...", file, pos));
    CHECK_FALSE(parse_cdk_frame("Array.forEach (:)", file, pos));
    CHECK_FALSE(parse_cdk_frame("Module._compile (node:internal/modules/cjs/loader:1554:14)", file, pos));
    CHECK_FALSE(parse_cdk_frame("(no user code in 10 frames, use --stack-trace-limit to capture more)", file, pos));
  }

  TEST_CASE("the cloud assembly lists its stacks and its stages' stacks, in manifest order") {
    auto assembly = vpclint::read_cdk_assembly(vpclint::test::cdk_root() / "app/cdk.out");
    CHECK(assembly.errors.empty());
    std::vector<std::string> names;
    for (const auto& t : assembly.templates) names.push_back(fs::path(t).filename().string());
    CHECK(names == std::vector<std::string>{"ProdNatStack819BA89D.template.json", "AppStack.template.json",
                                            "NatStack.template.json", "EndpointStack.template.json"});
    auto broken = vpclint::read_cdk_assembly("/nonexistent/cdk.out");
    CHECK(broken.errors == std::vector<std::string>{"cannot read '/nonexistent/cdk.out/manifest.json'"});
  }
}
