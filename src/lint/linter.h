// The pipeline for one file: read -> load -> model -> facts -> rules -> findings.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "lint/finding.h"
#include "loader/document.h"

namespace vpclint {

struct LintContext;
struct LinkIssue;
class OutsideNetwork;
class Resolver;
class Template;

struct LintOptions {
  Limits limits;
  const Config* config = nullptr;   // null: the built-in defaults
  bool inline_suppressions = true;  // false: Metadata and comment suppressions are ignored
};

// Sees the analysed template and its findings before they are discarded (`vpclint graph`).
using AnalysisVisitor = std::function<void(const LintContext&, const std::vector<Finding>&)>;

struct FileResult {
  std::string path;
  std::vector<Finding> findings;    // sorted
  std::vector<Finding> suppressed;  // silenced by the template; `suppression` holds the reason
  // The file could not be read; `error` is the one-line reason and there are no findings.
  bool unreadable = false;
  std::string error;
  // The file was read but is not a usable template (T001, T002 or a T008 that stopped parsing).
  bool unparsable = false;
  // Kept for reporters that quote source lines.
  std::shared_ptr<const SourceText> source;
};

struct RunResult {
  std::vector<FileResult> files;    // in the order given / discovered
  std::vector<std::string> errors;  // one-line errors (unreadable paths, bad directories)
  size_t baselined = 0;             // findings the baseline knew, not reported
};

// All findings of a run, sorted by file, line, column, rule.
std::vector<const Finding*> sorted_findings(const RunResult& run);

// Runs the rules over one analysed template (one use of it, in a project). `outside`: the network
// other templates define; `links`: what is wrong with this template's links to others. Both may be
// null. The result's `source` is left empty: the caller owns the document.
FileResult lint_model(const Document& doc, const Template& model, const Resolver& resolver, const LintOptions& options,
                      const OutsideNetwork* outside, const std::vector<LinkIssue>* links,
                      const AnalysisVisitor& visit = {});

FileResult lint_text(std::string path, std::string bytes, const LintOptions& options,
                     const AnalysisVisitor& visit = {});

}  // namespace vpclint
