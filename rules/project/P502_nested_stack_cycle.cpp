// P502 nested-stack-cycle: A template nests itself, directly or through its children
#include "project/link_issues.h"

namespace vpclint {
namespace {

class NestedStackCycle : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"P502",
                            "nested-stack-cycle",
                            "project",
                            Severity::Error,
                            "A template nests itself, directly or through its children",
                            "Remove the nested stack that leads back to this template"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_link_issues(ctx, sink, LinkIssueKind::NestingCycle);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(NestedStackCycle);
}  // namespace vpclint
