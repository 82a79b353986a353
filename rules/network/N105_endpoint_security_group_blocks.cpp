// N105 endpoint-security-group-blocks: The only path is an interface endpoint whose security groups do not admit TCP
// 443 from the function
#include "network/egress_report.h"

namespace vpclint {
namespace {

// The endpoint's groups refuse HTTPS from the function: the ingress rule that admits it.
EgressWords words(const BlockedEgress& b) {
  const NetEndpoint* e = b.endpoint();
  EgressWords w{"its only way out is " +
                    (e && e->resource ? "interface endpoint " + std::string(e->resource->logical_id)
                                      : std::string("an interface endpoint")) +
                    ", whose security groups do not admit TCP 443 from the function",
                "give the endpoint a security group with an ingress rule IpProtocol tcp, FromPort 443, ToPort 443, "
                "SourceSecurityGroupId " +
                    function_groups_text(b),
                {},
                {},
                {}};
  soften_when_conditional(b, w);
  return w;
}

class EndpointSecurityGroupBlocks : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N105",
        "endpoint-security-group-blocks",
        "network",
        Severity::Error,
        "The only path is an interface endpoint whose security groups do not admit TCP 443 from the function",
        "Admit TCP 443 from the function's security group on the endpoint's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(EndpointSecurityGroupBlocks);
}  // namespace vpclint
