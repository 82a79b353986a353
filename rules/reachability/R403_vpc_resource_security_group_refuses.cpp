// R403 vpc-resource-security-group-refuses: The security groups of a VPC-only resource admit nothing from a function that uses it, on the resource's port
#include "lint/reachability_findings.h"

namespace vpclint {
namespace {

class VpcResourceSecurityGroupRefuses : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"R403", "vpc-resource-security-group-refuses", "reachability", Severity::Error,
                            "The security groups of a VPC-only resource admit nothing from a function that uses it, on the resource's port",
                            "Add an ingress rule to the resource's security group: tcp on its port from the function's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reachability(ctx, sink, ReachProblem::GroupRefuses);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourceSecurityGroupRefuses);
}  // namespace vpclint
