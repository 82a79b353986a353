// N102 service-call-without-egress: A VPC-attached function calls an AWS service (S3, DynamoDB, SQS, Secrets
// Manager...) with no NAT and no endpoint for it
#include "network/egress_report.h"

namespace vpclint {
namespace {

// No NAT and no endpoint for the service: every way out of the VPC for it.
EgressWords words(const BlockedEgress& b) {
  EgressWords w{no_route_cause(b), is_cdk_function(b) ? cdk_ways_out(b) : ways_out(b), {}, {}, {}};
  soften_when_conditional(b, w);
  return w;
}

class ServiceCallWithoutEgress : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N102",
                            "service-call-without-egress",
                            "network",
                            Severity::Error,
                            "A VPC-attached function calls an AWS service (S3, DynamoDB, SQS, Secrets Manager...) with "
                            "no NAT and no endpoint for it",
                            "Add an endpoint for the service (gateway endpoints for S3/DynamoDB are free), or a NAT "
                            "gateway route, or move the calls out of the VPC function"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(ServiceCallWithoutEgress);
}  // namespace vpclint
