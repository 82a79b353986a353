// N104 endpoint-without-private-dns: The only path is an interface endpoint whose private DNS is off, or the VPC lacks DNS support/hostnames
#include "lint/egress_findings.h"

namespace vpclint {
namespace {

class EndpointWithoutPrivateDns : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N104", "endpoint-without-private-dns", "network", Severity::Error,
                            "The only path is an interface endpoint whose private DNS is off, or the VPC lacks DNS support/hostnames",
                            "Set PrivateDnsEnabled: true on the endpoint and EnableDnsSupport/EnableDnsHostnames on the VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_egress(ctx, sink, Blocker::EndpointDnsOff, EgressScope::AnyService);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(EndpointWithoutPrivateDns);
}  // namespace vpclint
