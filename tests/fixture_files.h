// What lives in fixtures/: <RULE>/{bad,good}_*.{yaml,yml,json,template} (the templates vpclint
// would lint) and, beside each bad fixture, its golden text output <fixture>.expected.txt
// (`.txt`: neither vpclint's directory discovery nor the fixture driver picks it up).
#pragma once
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace vpclint::test {

inline constexpr std::string_view kGoldenSuffix = ".expected.txt";

inline std::filesystem::path fixtures_root() { return std::filesystem::path(source_dir()) / "fixtures"; }

// A fixture: named bad_* or good_*, with an extension vpclint lints.
inline bool is_fixture(const std::filesystem::path& p) {
  std::string name = p.filename().string(), ext = p.extension().string();
  bool template_ext = ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
  return template_ext && (name.starts_with("bad_") || name.starts_with("good_"));
}

// A bad fixture: one that must fire, and so has a golden text output.
inline bool is_bad_fixture(const std::filesystem::path& p) {
  return is_fixture(p) && p.filename().string().starts_with("bad_");
}

inline bool is_good_fixture(const std::filesystem::path& p) {
  return is_fixture(p) && p.filename().string().starts_with("good_");
}

inline bool is_golden(const std::filesystem::path& p) { return p.filename().string().ends_with(kGoldenSuffix); }

// fixtures/N101/bad_x.yaml -> fixtures/N101/bad_x.yaml.expected.txt (the extension stays in the
// name: T007 has bad_duplicates.yaml and bad_duplicates.json side by side).
inline std::filesystem::path golden_for(const std::filesystem::path& fixture) {
  return fixture.string() + std::string(kGoldenSuffix);
}

// fixtures/projects/<name>/: templates linted together, with `cases.txt` (the commands) and
// `expected.txt` (their output); the projects suite checks them.
inline std::filesystem::path projects_root() { return fixtures_root() / "projects"; }
// fixtures/snapshots/<name>/: the same, each with an account snapshot directory of AWS CLI output.
inline std::filesystem::path snapshots_root() { return fixtures_root() / "snapshots"; }

// fixtures/cdk/<name>/: a CDK app (source and its synthesized cdk.out), with cases.txt and
// expected.txt as a project has.
inline std::filesystem::path cdk_root() { return fixtures_root() / "cdk"; }

// Every regular file under fixtures/ but the projects and CDK apps, sorted so failures and updates come in a
// stable order.
inline std::vector<std::filesystem::path> all_fixture_tree_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(fixtures_root()))
    if (e.is_regular_file() && !e.path().string().starts_with(projects_root().string() + "/") &&
        !e.path().string().starts_with(snapshots_root().string() + "/") &&
        !e.path().string().starts_with(cdk_root().string() + "/"))
      out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace vpclint::test
