// The frame of the P5xx rules: each reports the project's link issues of one kind, at the node
// of the template they concern, with the other side as evidence.
#pragma once
#include "config/project.h"
#include "lint/rule.h"

namespace vpclint {

void report_link_issues(const LintContext& ctx, FindingSink& sink, LinkIssueKind kind);

}  // namespace vpclint
