// N103 public-subnet-only: A VPC-attached function that needs egress sits in public subnets: Lambda's interfaces never get a public IP
#include "lint/egress_findings.h"

namespace vpclint {
namespace {

class PublicSubnetOnly : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N103", "public-subnet-only", "network", Severity::Error,
                            "A VPC-attached function that needs egress sits in public subnets: Lambda's interfaces never get a public IP",
                            "Put the function in private subnets that route 0.0.0.0/0 to a NAT gateway, or add endpoints for the services it calls"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_egress(ctx, sink, Blocker::PublicOnly, EgressScope::AnyService);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(PublicSubnetOnly);
}  // namespace vpclint
