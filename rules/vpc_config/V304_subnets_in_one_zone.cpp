// V304 subnets-in-one-zone: Several subnets, all known to be in the same Availability Zone
#include "analysis/facts.h"
#include "analysis/network_model.h"
#include "lint/vpc_config_findings.h"

namespace vpclint {
namespace {

class SubnetsInOneZone : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V304", "subnets-in-one-zone", "vpc-config", Severity::Warning,
                            "Several subnets, all known to be in the same Availability Zone",
                            "Use subnets in two or more Availability Zones"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    const NetworkModel& net = ctx.facts.network;
    report_vpc_variants(ctx, sink, [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
      if (v.subnets.unknown || v.subnets.items.size() < 2) return {};
      std::string zone;
      std::vector<std::string> names;
      std::vector<Note> zones;  // where each subnet's zone is set
      for (const auto& item : v.subnets.items) {
        if (item.size() != 1) return {};
        std::string key = net_key(item[0]);
        std::string az;
        if (const NetSubnet* s = net.subnet(key)) {
          az = s->az;
          names.push_back(std::string(s->resource->logical_id));
          const Node* set = s->resource->property("AvailabilityZone");
          if (set) zones.push_back({names.back() + " sets its zone here", set->pos});
        } else if (const ExternalSubnet* x = net.external_subnet(key)) {
          az = x->az;  // the zone the team's config states
          names.push_back(key_label(key) + " (as " + x->source.file + " states)");
          zones.push_back({x->source.file + " states the zone of " + key_label(key), x->source.pos, x->source.file});
        }
        if (az.empty()) return {};  // a zone nobody fixes
        if (!zone.empty() && az != zone) return {};
        zone = az;
      }
      at = v.subnets.node;
      notes = std::move(zones);
      std::string shown = zone.starts_with("az#") ? "the same zone (!Select [" + zone.substr(3) + ", !GetAZs])" : zone;
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      return std::string(fn.function->logical_id) + " runs in subnets " + list + ", all in " + shown +
             ": an outage of that zone stops the function";
    });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(SubnetsInOneZone);
}  // namespace vpclint
