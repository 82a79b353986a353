// V305 mixed-vpcs: Subnets or security groups of one function known to belong to different VPCs
#include "analysis/facts.h"
#include "analysis/network_model.h"
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
    report_vpc_variants(ctx, sink, [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
      // Only keys that name the VPC the same way can be compared: two resources, or two literal ids.
      struct Placed {
        std::string vpc, what;
        const Node* item;  // where the function lists it
        Note where;        // where its VPC is set
      };
      std::vector<Placed> seen;
      auto note = [&](const std::string& vpc, const std::string& what, const Node* item, Note where) {
        if (vpc.starts_with("resource:") || vpc.starts_with("literal:")) seen.push_back({vpc, what, item, std::move(where)});
      };
      auto vpc_id_at = [](const Resource& r, const std::string& what) {
        const Node* n = r.property("VpcId");
        return Note{what + " sets its VPC here", n ? n->pos : r.key->pos};
      };
      for (const auto& item : v.subnets.items) {
        if (item.size() != 1) continue;
        std::string key = net_key(item[0]);
        if (const NetSubnet* s = net.subnet(key)) {
          std::string what = "subnet " + std::string(s->resource->logical_id);
          note(s->vpc, what, item[0].node, vpc_id_at(*s->resource, what));
        } else if (const ExternalSubnet* x = net.external_subnet(key); x && !x->vpc.empty()) {
          std::string what = "subnet " + key_label(key) + " (as " + x->source.file + " states)";
          note("literal:" + x->vpc, what, item[0].node,
               {x->source.file + " states the VPC of " + key_label(key), x->source.pos, x->source.file});
        }
      }
      for (const auto& item : v.security_groups.items)
        if (item.size() == 1)
          if (const NetSecurityGroup* g = net.security_group(net_key(item[0]))) {
            std::string what = "security group " + std::string(g->resource->logical_id);
            note(g->vpc, what, item[0].node, vpc_id_at(*g->resource, what));
          }
      for (const Placed& p : seen) {
        if (p.vpc == seen[0].vpc) continue;
        at = p.item;  // the first item that disagrees
        notes = {seen[0].where, p.where};
        return std::string(fn.function->logical_id) + " mixes VPCs: " + seen[0].what + " is in " +
               key_label(seen[0].vpc) + " but " + p.what + " is in " + key_label(p.vpc) + "; the deployment fails";
      }
      return {};
    });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MixedVpcs);
}  // namespace vpclint
