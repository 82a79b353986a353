// N101 invoke-without-egress: A VPC-attached function calls the Lambda API but its subnets have no NAT and the VPC no lambda endpoint
#include "lint/egress_findings.h"

namespace vpclint {
namespace {

class InvokeWithoutEgress : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N101", "invoke-without-egress", "network", Severity::Error,
                            "A VPC-attached function calls the Lambda API but its subnets have no NAT and the VPC no lambda endpoint",
                            "Add a lambda interface endpoint with private DNS, or a NAT gateway route, or let Lambda deliver (destinations, SQS, EventBridge)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_egress(ctx, sink, Blocker::NoRoute, EgressScope::LambdaApi);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(InvokeWithoutEgress);
}  // namespace vpclint
