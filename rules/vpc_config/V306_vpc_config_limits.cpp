// V306 vpc-config-limits: More than 16 subnets or more than 5 security groups (Lambda's limits)
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

class VpcConfigLimits : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V306",
                            "vpc-config-limits",
                            "vpc-config",
                            Severity::Error,
                            "More than 16 subnets or more than 5 security groups (Lambda's limits)",
                            "Keep at most 16 subnets and 5 security groups in VpcConfig"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          if (!v.subnets.unknown && v.subnets.items.size() > 16) {
            at = v.subnets.node;
            if (!v.subnets.items[16].empty() && v.subnets.items[16][0].node)
              notes.push_back({"the 17th subnet", v.subnets.items[16][0].node->pos});
            return std::string(fn.function->logical_id) + " lists " + std::to_string(v.subnets.items.size()) +
                   " subnets; Lambda accepts at most 16";
          }
          if (!v.security_groups.unknown && v.security_groups.items.size() > 5) {
            at = v.security_groups.node;
            if (!v.security_groups.items[5].empty() && v.security_groups.items[5][0].node)
              notes.push_back({"the 6th security group", v.security_groups.items[5][0].node->pos});
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
