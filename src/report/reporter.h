// Output formats. The only code that writes findings out; one file per format.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace vpclint {

struct RunResult {
  std::vector<FileResult> files;  // in the order given / discovered
  std::vector<std::string> errors;  // one-line errors (unreadable paths, bad directories)
};

struct TextOptions {
  bool color = false;
};

void write_text(std::ostream& out, const RunResult& run, const TextOptions& options);
void write_json(std::ostream& out, const RunResult& run);

// All findings of a run, sorted by file, line, column, rule.
std::vector<const Finding*> sorted_findings(const RunResult& run);

}  // namespace vpclint
