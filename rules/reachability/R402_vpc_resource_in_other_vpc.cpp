// R402 vpc-resource-in-other-vpc: A function attached to one VPC uses a VPC-only resource that lives in another, with nothing connecting them
#include "lint/reachability_findings.h"

namespace vpclint {
namespace {

class VpcResourceInOtherVpc : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"R402", "vpc-resource-in-other-vpc", "reachability", Severity::Error,
                            "A function attached to one VPC uses a VPC-only resource that lives in another, with nothing connecting them",
                            "Attach the function to the resource's VPC, or connect the VPCs (peering, transit gateway)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reachability(ctx, sink, ReachProblem::OtherVpc);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourceInOtherVpc);
}  // namespace vpclint
