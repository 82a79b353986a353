// T003 unknown-tag: A YAML tag that is not a CloudFormation intrinsic function
#include "template/load_issues.h"

namespace vpclint {
namespace {

class UnknownTag : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "T003",
        "unknown-tag",
        "template",
        Severity::Error,
        "A YAML tag that is not a CloudFormation intrinsic function",
        "Use one of the short forms !Ref !GetAtt !Sub !If !Equals !And !Or !Not !Condition !Join !Select !Split "
        "!FindInMap !ImportValue !Base64 !Cidr !GetAZs !Transform, or the long form (Fn::...)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_load_issues(ctx, sink, LoadIssueKind::UnknownTag);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(UnknownTag);
}  // namespace vpclint
