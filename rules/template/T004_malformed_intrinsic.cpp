// T004 malformed-intrinsic: An intrinsic function whose argument has the wrong shape
#include "template/load_issues.h"

namespace vpclint {
namespace {

class MalformedIntrinsic : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"T004",
                            "malformed-intrinsic",
                            "template",
                            Severity::Error,
                            "An intrinsic function whose argument has the wrong shape",
                            "Give the function the arguments it takes, e.g. !GetAtt Resource.Attribute or !If "
                            "[Condition, ValueIfTrue, ValueIfFalse]"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_load_issues(ctx, sink, LoadIssueKind::BadIntrinsic);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MalformedIntrinsic);
}  // namespace vpclint
