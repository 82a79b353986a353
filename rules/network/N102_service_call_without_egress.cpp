// N102 service-call-without-egress: A VPC-attached function calls an AWS service (S3, DynamoDB, SQS, Secrets Manager...) with no NAT and no endpoint for it
#include "lint/egress_findings.h"

namespace vpclint {
namespace {

class ServiceCallWithoutEgress : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N102", "service-call-without-egress", "network", Severity::Error,
                            "A VPC-attached function calls an AWS service (S3, DynamoDB, SQS, Secrets Manager...) with no NAT and no endpoint for it",
                            "Add an endpoint for the service (gateway endpoints for S3/DynamoDB are free), or a NAT gateway route, or move the calls out of the VPC function"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_egress(ctx, sink, Blocker::NoRoute, EgressScope::OtherServices);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(ServiceCallWithoutEgress);
}  // namespace vpclint
