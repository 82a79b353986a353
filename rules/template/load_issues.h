// Shared by the T-family rules that surface what the loader and the model found.
#pragma once
#include "lint/rule.h"

namespace vpclint {

void report_load_issues(const LintContext& ctx, FindingSink& sink, LoadIssueKind kind);
void report_model_issues(const LintContext& ctx, FindingSink& sink, ModelIssueKind kind);

}  // namespace vpclint
