// N105 endpoint-security-group-blocks: The only path is an interface endpoint whose security groups do not admit TCP 443 from the function
#include "lint/egress_findings.h"

namespace vpclint {
namespace {

class EndpointSecurityGroupBlocks : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N105", "endpoint-security-group-blocks", "network", Severity::Error,
                            "The only path is an interface endpoint whose security groups do not admit TCP 443 from the function",
                            "Admit TCP 443 from the function's security group on the endpoint's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_egress(ctx, sink, Blocker::EndpointSgBlocks, EgressScope::AnyService);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(EndpointSecurityGroupBlocks);
}  // namespace vpclint
