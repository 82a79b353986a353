#pragma once
#include <string>
#include <vector>

#include "lint/linter.h"

namespace vpclint::test {

inline std::string source_dir() { return VPCLINT_SOURCE_DIR; }

// Lints an in-memory template with every rule.
inline FileResult lint(const std::string& text, const std::string& path = "t.yaml") {
  return lint_text(path, text, LintOptions{});
}

// "T006@9:24" for each finding, in output order.
inline std::vector<std::string> ids_at(const FileResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    out.push_back(f.rule + "@" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column));
  return out;
}

struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};
// Runs a shell command; stdout and stderr are captured separately.
CommandResult run(const std::string& command);

}  // namespace vpclint::test

#include <doctest/doctest.h>
namespace doctest {
template <>
struct StringMaker<vpclint::Position> {
  static String convert(const vpclint::Position& p) {
    return (std::to_string(p.line) + ":" + std::to_string(p.column)).c_str();
  }
};
}  // namespace doctest
