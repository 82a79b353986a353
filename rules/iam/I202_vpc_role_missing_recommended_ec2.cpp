// I202 vpc-role-missing-recommended-ec2: a VPC-attached function whose execution role has the
// three ENI actions but not the rest of what AWSLambdaVPCAccessExecutionRole grants.
#include "analysis/facts.h"
#include "analysis/iam_eni.h"
#include "iam/role_report.h"
#include "lint/rule.h"

namespace vpclint {
namespace {

class VpcRoleMissingRecommendedEc2 : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "I202",
        "vpc-role-missing-recommended-ec2",
        "iam",
        Severity::Info,
        "A VPC-attached function whose role lacks ec2:DescribeSubnets or the private IP address actions",
        "Use arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole, or also allow "
        "ec2:DescribeSubnets, ec2:AssignPrivateIpAddresses and ec2:UnassignPrivateIpAddresses on Resource \"*\""};
    return m;
  }

  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const EniSubject& subject : ctx.facts.eni.subjects()) {
      const RoleFacts* role = subject.role;
      // Only roles that certainly have what Lambda checks: when they do not, I201 reports the
      // function (and its fix, the managed policy, covers these too) or the template cannot tell.
      if (!subject.allows_required) continue;
      const EniGap& gap = subject.recommended;
      const std::vector<MissingAction>& missing = gap.missing;
      if (missing.empty()) continue;

      const Resource& f = *subject.function->function;
      std::string message = std::string(f.logical_id) + " is attached to a VPC" +
                            (gap.when.empty() ? "" : " " + gap.when) + " but " + role_phrase(*role) +
                            " does not allow " + action_list(missing) +
                            ", which Lambda lists among the permissions of VPC-attached functions";
      report_at_role(sink, subject, std::move(message));
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcRoleMissingRecommendedEc2);
}  // namespace vpclint
