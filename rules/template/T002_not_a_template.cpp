// T002 not-a-template: The document is not a mapping with a Resources section
#include "template/load_issues.h"

namespace vpclint {
namespace {

class NotATemplate : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"T002",
                            "not-a-template",
                            "template",
                            Severity::Error,
                            "The document is not a mapping with a Resources section",
                            "A CloudFormation or SAM template is a mapping with at least a Resources section; check "
                            "that the right file is linted"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_model_issues(ctx, sink, ModelIssueKind::NotTemplate);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(NotATemplate);
}  // namespace vpclint
