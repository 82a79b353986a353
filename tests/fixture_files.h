// What lives in fixtures/: <RULE>/{bad,good}_*.{yaml,yml,json,template}, the templates vpclint
// would lint.
#pragma once
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace vpclint::test {

inline std::filesystem::path fixtures_root() { return std::filesystem::path(source_dir()) / "fixtures"; }

// A fixture: named bad_* or good_*, with an extension vpclint lints.
inline bool is_fixture(const std::filesystem::path& p) {
  std::string name = p.filename().string(), ext = p.extension().string();
  bool template_ext = ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
  return template_ext && (name.starts_with("bad_") || name.starts_with("good_"));
}

// A bad fixture: one that must fire.
inline bool is_bad_fixture(const std::filesystem::path& p) {
  return is_fixture(p) && p.filename().string().starts_with("bad_");
}

inline bool is_good_fixture(const std::filesystem::path& p) {
  return is_fixture(p) && p.filename().string().starts_with("good_");
}

// Every regular file under fixtures/, sorted so failures and updates come in a stable order.
inline std::vector<std::filesystem::path> all_fixture_tree_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(fixtures_root()))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace vpclint::test
