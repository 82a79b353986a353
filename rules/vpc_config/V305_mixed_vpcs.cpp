// V305 mixed-vpcs: Subnets or security groups of one function known to belong to different VPCs
#include "lint/vpc_config_findings.h"

namespace vpclint {
namespace {

class MixedVpcs : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V305", "mixed-vpcs", "vpc-config", Severity::Error,
                            "Subnets or security groups of one function known to belong to different VPCs",
                            "Use subnets and security groups of the same VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    const NetworkModel& net = ctx.facts.network;
    report_vpc_variants(ctx, sink, [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at) -> std::string {
      // Only keys that name the VPC the same way can be compared: two resources, or two literal ids.
      std::vector<std::pair<std::string, std::string>> seen;  // vpc key, what said so
      auto note = [&](const std::string& vpc, const std::string& what) {
        if (vpc.starts_with("resource:") || vpc.starts_with("literal:")) seen.emplace_back(vpc, what);
      };
      for (const auto& item : v.subnets.items) {
        if (item.size() != 1) continue;
        std::string key = net_key(item[0]);
        if (const NetSubnet* s = net.subnet(key))
          note(s->vpc, "subnet " + std::string(s->resource->logical_id));
        else if (const ExternalSubnet* x = net.external_subnet(key); x && !x->vpc.empty())
          note("literal:" + x->vpc, "subnet " + key_label(key) + " (as " + x->source.file + " states)");
      }
      for (const auto& item : v.security_groups.items)
        if (item.size() == 1)
          if (const NetSecurityGroup* g = net.security_group(net_key(item[0])))
            note(g->vpc, "security group " + std::string(g->resource->logical_id));
      for (const auto& [vpc, what] : seen) {
        if (vpc == seen[0].first) continue;
        at = nullptr;
        return std::string(fn.function->logical_id) + " mixes VPCs: " + seen[0].second + " is in " +
               key_label(seen[0].first) + " but " + what + " is in " + key_label(vpc) +
               "; the deployment fails";
      }
      return {};
    });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MixedVpcs);
}  // namespace vpclint
