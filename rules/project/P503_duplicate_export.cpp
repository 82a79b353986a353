// P503 duplicate-export: Two outputs of one template, or of one tree of nested stacks, export the same name
#include "project/link_issues.h"

namespace vpclint {
namespace {

class DuplicateExport : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"P503",
                            "duplicate-export",
                            "project",
                            Severity::Error,
                            "Two outputs of one template, or of one tree of nested stacks, export the same name",
                            "Give each export a name unique in the account and Region, e.g. prefixed with "
                            "${AWS::StackName}"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_link_issues(ctx, sink, LinkIssueKind::DuplicateExport);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(DuplicateExport);
}  // namespace vpclint
