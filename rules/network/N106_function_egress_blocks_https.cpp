// N106 function-egress-blocks-https: The function's security groups have explicit egress rules that allow no TCP 443
// towards its way out
#include "network/egress_report.h"

namespace vpclint {
namespace {

// The function's own groups refuse HTTPS out: the egress rule that lets it leave.
EgressWords words(const BlockedEgress& b) {
  EgressWords w{"whose own security groups allow no TCP 443 towards the way out",
                "add an egress rule to " + function_groups_text(b) +
                    ": IpProtocol tcp, FromPort 443, ToPort 443, CidrIp 0.0.0.0/0 (or the endpoint's security group)",
                {},
                {}};
  soften_when_conditional(b, w);
  return w;
}

class FunctionEgressBlocksHttps : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N106",
        "function-egress-blocks-https",
        "network",
        Severity::Error,
        "The function's security groups have explicit egress rules that allow no TCP 443 towards its way out",
        "Add an egress rule for TCP 443 to 0.0.0.0/0 (NAT) or to the endpoint's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(FunctionEgressBlocksHttps);
}  // namespace vpclint
