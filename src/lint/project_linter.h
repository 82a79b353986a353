// Lints the templates of a project: each once per use (alone, or once per parent that nests it),
// with the values other templates give it and the network they define.
#pragma once
#include <memory>
#include <vector>

#include "lint/linter.h"

namespace vpclint {

class Project;

// One result per file the project lints, in the project's order, the same for any `jobs`. A
// finding of a nested use carries the note "nested by X in parent.yaml"; a finding every use
// reports is reported once, with each use's note. `base` gives the limits and suppression
// settings; each file's own config (with its deploy values) replaces `base.config`.
// Files no other template reads are released as soon as they are linted (memory stays that of
// the templates in flight plus the shared ones).
// `visit` sees each use's analysis (`vpclint lsp` renders the network paths for hover from it);
// with jobs > 1 it is called from several threads.
std::vector<FileResult> lint_project(const std::shared_ptr<Project>& project, const LintOptions& base, unsigned jobs,
                                     const AnalysisVisitor& visit = {});

// Reads `path` (a regular file, or "-" for standard input) and lints it with the templates it
// nests (no parent search, no deploy files: the cli's business).
FileResult lint_path(const std::string& path, const LintOptions& options);

}  // namespace vpclint
