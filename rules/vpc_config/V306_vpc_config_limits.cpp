// V306 vpc-config-limits: More than 16 subnets or more than 5 security groups (Lambda's limits)
#include "lint/vpc_config_findings.h"

namespace vpclint {
namespace {

class VpcConfigLimits : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V306", "vpc-config-limits", "vpc-config", Severity::Error,
                            "More than 16 subnets or more than 5 security groups (Lambda's limits)",
                            "Keep at most 16 subnets and 5 security groups in VpcConfig"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    const NetworkModel& net = ctx.facts.network;
    report_vpc_variants(ctx, sink, [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at) -> std::string {
      (void)net;
      if (!v.subnets.unknown && v.subnets.items.size() > 16) {
        at = v.subnets.node;
        return std::string(fn.function->logical_id) + " lists " + std::to_string(v.subnets.items.size()) +
               " subnets; Lambda accepts at most 16";
      }
      if (!v.security_groups.unknown && v.security_groups.items.size() > 5) {
        at = v.security_groups.node;
        return std::string(fn.function->logical_id) + " lists " + std::to_string(v.security_groups.items.size()) +
               " security groups; Lambda accepts at most 5";
      }
      return {};
    });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcConfigLimits);
}  // namespace vpclint
