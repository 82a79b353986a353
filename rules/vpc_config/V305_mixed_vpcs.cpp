// V305 mixed-vpcs: Subnets or security groups of one function known to belong to different VPCs
#include "analysis/facts.h"
#include "analysis/placement.h"
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

class MixedVpcs : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V305",
                            "mixed-vpcs",
                            "vpc-config",
                            Severity::Error,
                            "Subnets or security groups of one function known to belong to different VPCs",
                            "Use subnets and security groups of the same VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          const auto& conflict = ctx.facts.placements.of(v).conflict;
          if (!conflict) return {};
          at = conflict->other_listed_at;  // the first item that disagrees
          notes = {conflict->first_source.note(), conflict->other_source.note()};
          return std::string(fn.function->logical_id) + " mixes VPCs: " + conflict->first + " is in " +
                 conflict->first_vpc.label() + " but " + conflict->other + " is in " + conflict->other_vpc.label() +
                 "; the deployment fails";
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(MixedVpcs);
}  // namespace vpclint
