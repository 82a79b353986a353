// Output formats. The only code that writes findings out; one file per format.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace vpclint {

struct TextOptions {
  bool color = false;
};

struct SarifOptions {
  int exit_code = 0;
  std::string source_root;  // absolute directory, "%SRCROOT%"; artifact URIs are relative to it
};

void write_text(std::ostream& out, const RunResult& run, const TextOptions& options);
void write_json(std::ostream& out, const RunResult& run);
// SARIF 2.1.0, one log for the whole run; columns in UTF-16 code units (SARIF's default).
void write_sarif(std::ostream& out, const RunResult& run, const SarifOptions& options);
// GitHub Actions workflow commands (::error file=...,line=...::message).
void write_github(std::ostream& out, const RunResult& run);
// JUnit XML: one testcase per file and rule.
void write_junit(std::ostream& out, const RunResult& run);
// file:line:col: severity: message [ID], for editors' quickfix lists.
void write_gnu(std::ostream& out, const RunResult& run);

}  // namespace vpclint
