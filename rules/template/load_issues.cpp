#include "template/load_issues.h"

namespace vpclint {

void report_load_issues(const LintContext& ctx, FindingSink& sink, LoadIssueKind kind) {
  for (const LoadIssue& issue : ctx.document.issues) {
    if (issue.kind != kind) continue;
    Finding& f = issue.node ? sink.report(issue.node, issue.message) : sink.report(issue.pos, issue.message);
    f.pos = issue.pos;  // the loader knows the exact spot (e.g. inside a string)
    f.notes = issue.notes;
  }
}

void report_model_issues(const LintContext& ctx, FindingSink& sink, ModelIssueKind kind) {
  for (const ModelIssue& issue : ctx.model.issues()) {
    if (issue.kind != kind) continue;
    Finding& f = issue.node ? sink.report(issue.node, issue.message) : sink.report(issue.pos, issue.message);
    f.pos = issue.pos;
  }
}

}  // namespace vpclint
