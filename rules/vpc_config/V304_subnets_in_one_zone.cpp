// V304 subnets-in-one-zone: Several subnets, all known to be in the same Availability Zone
#include "analysis/facts.h"
#include "analysis/placement.h"
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

class SubnetsInOneZone : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V304",
                            "subnets-in-one-zone",
                            "vpc-config",
                            Severity::Warning,
                            "Several subnets, all known to be in the same Availability Zone",
                            "Use subnets in two or more Availability Zones"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          const Placement& where = ctx.facts.placements.of(v);
          if (v.subnets.unknown || where.one_zone.empty()) return {};
          std::string list;
          for (const PlacedSubnet& s : where.subnets) {
            list += (list.empty() ? "" : ", ") + s.name();
            notes.push_back(s.zone_source->note());
          }
          at = v.subnets.node;
          const std::string& zone = where.one_zone;
          std::string shown =
              zone.starts_with("az#") ? "the same zone (!Select [" + zone.substr(3) + ", !GetAZs])" : zone;
          return std::string(fn.function->logical_id) + " runs in subnets " + list + ", all in " + shown +
                 ": an outage of that zone stops the function";
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(SubnetsInOneZone);
}  // namespace vpclint
