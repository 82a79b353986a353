// The pipeline for one file: read -> load -> model -> facts -> rules -> findings.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "lint/finding.h"
#include "loader/document.h"

namespace vpclint {

struct LintContext;

struct LintOptions {
  Limits limits;
};

// Sees the analysed template and its findings before they are discarded (`vpclint graph`).
using AnalysisVisitor = std::function<void(const LintContext&, const std::vector<Finding>&)>;

struct FileResult {
  std::string path;
  std::vector<Finding> findings;  // sorted
  // The file could not be read; `error` is the one-line reason and there are no findings.
  bool unreadable = false;
  std::string error;
  // The file was read but is not a usable template (T001, T002 or a T008 that stopped parsing).
  bool unparsable = false;
  // Kept for reporters that quote source lines.
  std::shared_ptr<const SourceText> source;
};

FileResult lint_text(std::string path, std::string bytes, const LintOptions& options,
                     const AnalysisVisitor& visit = {});
// Reads `path` (a regular file, or "-" for standard input) and lints it.
FileResult lint_path(const std::string& path, const LintOptions& options);

}  // namespace vpclint
