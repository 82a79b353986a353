// V302 missing-subnets: VpcConfig with SecurityGroupIds but no SubnetIds
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

class MissingSubnets : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V302",
                            "missing-subnets",
                            "vpc-config",
                            Severity::Error,
                            "VpcConfig with SecurityGroupIds but no SubnetIds",
                            "Add the private subnets (two or more, in different Availability Zones) to SubnetIds"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          if (v.security_groups.empty() || !v.subnets.empty()) return {};
          at = v.subnets.present() ? v.subnets.node : nullptr;
          notes.push_back({"SecurityGroupIds attaches it to a VPC here", v.security_groups.node->pos});
          return std::string(fn.function->logical_id) + " has SecurityGroupIds but " +
                 (v.subnets.present() ? "an empty SubnetIds" : "no SubnetIds") +
                 ": a VPC-attached function needs subnets, so the deployment fails";
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MissingSubnets);
}  // namespace vpclint
