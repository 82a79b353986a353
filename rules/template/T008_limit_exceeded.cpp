// T008 limit-exceeded: The file exceeds a safety limit (size, nesting depth, node count, alias or merge expansion)
#include "template/load_issues.h"

namespace vpclint {
namespace {

class LimitExceeded : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "T008",
        "limit-exceeded",
        "template",
        Severity::Error,
        "The file exceeds a safety limit (size, nesting depth, node count, alias or merge expansion)",
        "Split the template (nested stacks); CloudFormation deploys at most 1 MB of template, so raise "
        "--max-file-size only for a file that is rewritten smaller before deploy"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_load_issues(ctx, sink, LoadIssueKind::LimitExceeded);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(LimitExceeded);
}  // namespace vpclint
