// N106 function-egress-blocks-https: The function's security groups have explicit egress rules that allow no TCP 443 towards its way out
#include "lint/egress_findings.h"

namespace vpclint {
namespace {

class FunctionEgressBlocksHttps : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N106", "function-egress-blocks-https", "network", Severity::Error,
                            "The function's security groups have explicit egress rules that allow no TCP 443 towards its way out",
                            "Add an egress rule for TCP 443 to 0.0.0.0/0 (NAT) or to the endpoint's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_egress(ctx, sink, Blocker::FunctionEgressBlocks, EgressScope::AnyService);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(FunctionEgressBlocksHttps);
}  // namespace vpclint
