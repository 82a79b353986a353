// V301 missing-security-groups: VpcConfig with SubnetIds but no SecurityGroupIds
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

class MissingSecurityGroups : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "V301",
        "missing-security-groups",
        "vpc-config",
        Severity::Error,
        "VpcConfig with SubnetIds but no SecurityGroupIds",
        "Add at least one security group to SecurityGroupIds (one that allows the function's outbound traffic)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          if (v.subnets.empty() || !v.security_groups.empty()) return {};
          at = v.security_groups.present() ? v.security_groups.node : nullptr;
          notes.push_back({"SubnetIds attaches it to a VPC here", v.subnets.node->pos});
          return std::string(fn.function->logical_id) + " has SubnetIds but " +
                 (v.security_groups.present() ? "an empty SecurityGroupIds" : "no SecurityGroupIds") +
                 ": a VPC-attached function needs at least one security group, so the deployment fails";
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MissingSecurityGroups);
}  // namespace vpclint
