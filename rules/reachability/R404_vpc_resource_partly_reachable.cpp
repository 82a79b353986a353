// R404 vpc-resource-partly-reachable: A function reaches a VPC-only resource only under some conditions or only from some of its subnets
#include "lint/reachability_findings.h"

namespace vpclint {
namespace {

class VpcResourcePartlyReachable : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"R404", "vpc-resource-partly-reachable", "reachability", Severity::Warning,
                            "A function reaches a VPC-only resource only under some conditions or only from some of its subnets",
                            "Make the VpcConfig and the data access depend on the same conditions, and admit every subnet (or the function's security group)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reachability(ctx, sink, ReachProblem::PartlyReached);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourcePartlyReachable);
}  // namespace vpclint
