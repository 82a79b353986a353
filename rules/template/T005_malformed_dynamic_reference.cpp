// T005 malformed-dynamic-reference: A {{resolve:...}} dynamic reference CloudFormation cannot resolve
#include "template/load_issues.h"

namespace vpclint {
namespace {

class MalformedDynamicReference : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "T005",
        "malformed-dynamic-reference",
        "template",
        Severity::Error,
        "A {{resolve:...}} dynamic reference CloudFormation cannot resolve",
        "Write {{resolve:ssm:name}}, {{resolve:ssm:name:version}}, {{resolve:ssm-secure:name:version}} or "
        "{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_load_issues(ctx, sink, LoadIssueKind::BadDynamicRef);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MalformedDynamicReference);
}  // namespace vpclint
