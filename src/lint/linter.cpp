#include "lint/linter.h"

#include <algorithm>

#include "lint/rule.h"
#include "loader/file_reader.h"
#include "loader/loader.h"
#include "model/references.h"
#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

namespace {
FileResult lint_document(Document doc, const AnalysisVisitor& visit = {}) {
  FileResult result;
  result.path = doc.source->path();
  Template model(doc);
  Resolver resolver(model);
  ReferenceGraph references(model);
  Facts facts(model, resolver, references);
  LintContext ctx{doc, model, resolver, references, facts};
  for (const auto& rule : all_rules()) {
    FindingSink sink(rule->meta(), model, result.findings);
    rule->check(ctx, sink);
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  if (visit) visit(ctx, result.findings);
  // Any T001/T002 means the file is not a usable template (exit code 2), even when a first
  // document could still be analysed.
  bool syntax = false;
  for (const auto& issue : doc.issues) syntax |= issue.kind == LoadIssueKind::Syntax;
  result.unparsable = doc.unparsable || !model.is_template() || syntax;
  result.source = std::shared_ptr<const SourceText>(std::move(doc.source));
  return result;
}
}  // namespace

FileResult lint_text(std::string path, std::string bytes, const LintOptions& options, const AnalysisVisitor& visit) {
  return lint_document(load_document(std::move(path), std::move(bytes), options.limits), visit);
}

FileResult lint_path(const std::string& path, const LintOptions& options) {
  std::string bytes, error;
  bool too_large = false;
  std::string shown = path == "-" ? "<stdin>" : path;
  if (!read_file(path, options.limits.max_file_size, bytes, error, too_large)) {
    if (too_large) {
      // Over the size limit is a finding (T008) on a file that exists, not an unreadable path.
      Document doc;
      doc.source = std::make_unique<SourceText>(shown, std::string());
      doc.issues.push_back({LoadIssueKind::LimitExceeded, {1, 1}, "the file is " + error + "; it was not linted", nullptr, {}});
      doc.unparsable = true;
      return lint_document(std::move(doc));
    }
    FileResult r;
    r.path = shown;
    r.unreadable = true;
    r.error = "cannot read '" + shown + "': " + error;
    return r;
  }
  return lint_text(shown, std::move(bytes), options);
}

}  // namespace vpclint
