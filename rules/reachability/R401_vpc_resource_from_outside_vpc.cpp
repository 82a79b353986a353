// R401 vpc-resource-from-outside-vpc: A function in no VPC uses a resource reachable only from inside a VPC (cache, database, broker, search domain)
#include "lint/reachability_findings.h"

namespace vpclint {
namespace {

class VpcResourceFromOutsideVpc : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"R401", "vpc-resource-from-outside-vpc", "reachability", Severity::Error,
                            "A function in no VPC uses a resource reachable only from inside a VPC (cache, database, broker, search domain)",
                            "Attach the function to the resource's VPC, use a store that needs no VPC, or move the data access to a function in the VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reachability(ctx, sink, ReachProblem::OutsideVpc);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourceFromOutsideVpc);
}  // namespace vpclint
