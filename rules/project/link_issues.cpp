#include "project/link_issues.h"

namespace vpclint {

void report_link_issues(const LintContext& ctx, FindingSink& sink, LinkIssueKind kind) {
  if (!ctx.links) return;
  for (const LinkIssue& issue : *ctx.links) {
    if (issue.kind != kind) continue;
    Finding& f = sink.report(issue.at, issue.message);
    if (!issue.evidence.message.empty()) f.notes.push_back(issue.evidence);
  }
}

}  // namespace vpclint
