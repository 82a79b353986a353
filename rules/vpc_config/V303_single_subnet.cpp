// V303 single-subnet: A VPC-attached function with exactly one subnet: one Availability Zone
#include "vpc_config/vpc_id_items.h"
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

class SingleSubnet : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V303",
                            "single-subnet",
                            "vpc-config",
                            Severity::Warning,
                            "A VPC-attached function with exactly one subnet: one Availability Zone",
                            "List two or more subnets in different Availability Zones"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          if (v.subnets.unknown || v.subnets.items.size() != 1) return {};
          // One item that wrongly holds several subnets is V307's finding, not one zone.
          for (const Value& item : v.subnets.items[0])
            if (joins_several_ids(item)) return {};
          at = v.subnets.node;
          if (const Node* only = v.subnets.items[0].empty() ? nullptr : v.subnets.items[0][0].node)
            notes.push_back({"its only subnet", only->pos});
          return std::string(fn.function->logical_id) +
                 " runs in a single subnet, so in a single Availability Zone: an outage of that zone stops the "
                 "function "
                 "(Lambda recommends subnets in two or more zones)";
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(SingleSubnet);
}  // namespace vpclint
