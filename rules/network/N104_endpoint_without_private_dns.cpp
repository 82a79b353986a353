// N104 endpoint-without-private-dns: The only path is an interface endpoint whose private DNS is off, or the VPC lacks
// DNS support/hostnames
#include "network/egress_report.h"

namespace vpclint {
namespace {

// The endpoint exists but the SDK never uses it: private DNS (or the VPC's DNS) is the fix.
EgressWords words(const BlockedEgress& b) {
  std::string vpc = b.vpc().empty() ? "the function's VPC" : b.vpc().label();
  EgressWords w{
      "where the only way to " + b.service() +
          " is an interface endpoint without private DNS, so the SDK resolves the public name and connects nowhere",
      "set PrivateDnsEnabled: true on the endpoint (and EnableDnsSupport/EnableDnsHostnames on " + vpc +
          "), or call the endpoint's own DNS name from the code",
      {},
      {},
      {}};
  soften_when_conditional(b, w);
  return w;
}

class EndpointWithoutPrivateDns : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N104",
        "endpoint-without-private-dns",
        "network",
        Severity::Error,
        "The only path is an interface endpoint whose private DNS is off, or the VPC lacks DNS support/hostnames",
        "Set PrivateDnsEnabled: true on the endpoint and EnableDnsSupport/EnableDnsHostnames on the VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(EndpointWithoutPrivateDns);
}  // namespace vpclint
