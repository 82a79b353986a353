// N101 invoke-without-egress: A VPC-attached function calls the Lambda API but its subnets have no NAT and the VPC no
// lambda endpoint
#include "network/egress_report.h"

namespace vpclint {
namespace {

// No NAT and no lambda endpoint: every way out, and what only an invoke can do instead.
EgressWords words(const BlockedEgress& b) {
  EgressWords w{no_route_cause(b), is_cdk_function(b) ? cdk_ways_out(b) : ways_out(b), {}, {}, {}};
  soften_when_conditional(b, w);
  return w;
}

class InvokeWithoutEgress : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N101",
        "invoke-without-egress",
        "network",
        Severity::Error,
        "A VPC-attached function calls the Lambda API but its subnets have no NAT and the VPC no lambda endpoint",
        "Add a lambda interface endpoint with private DNS, or a NAT gateway route, or let Lambda deliver "
        "(destinations, SQS, EventBridge)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(InvokeWithoutEgress);
}  // namespace vpclint
