// R401 vpc-resource-from-outside-vpc: A function in no VPC uses a resource reachable only from inside a VPC (cache,
// database, broker, search domain)
#include "lint/text_util.h"
#include "reachability/reach_report.h"

namespace vpclint {

ReachWords outside_vpc_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id);
  ReachWords out;
  out.message = std::string(fn.logical_id) + " is not in any VPC but reads " + resource_text(r) + " " +
                how_text(u, *v.use) + "; " + rid +
                " is reachable only from inside its VPC, so every connection hangs until the " +
                timeout_text(resolver, fn) + " timeout";
  placement_note(r, out.notes);
  other_uses_notes(u, *v.use, out.notes);
  std::string subnets = r.subnets.empty() ? "subnets of " + owner(rid) + " VPC" : join(labels(r.subnets));
  out.fix =
      "1) attach " + std::string(fn.logical_id) + " to " + owner(rid) + " VPC: VpcConfig with SubnetIds " + subnets +
      " and " + admitted_group(r) +
      ", then give it a way out for the AWS APIs it calls (N101/N102); 2) use a store that needs no VPC (DynamoDB; "
      "for Aurora, the Data API with EnableHttpEndpoint: true); 3) move the data access to a function in the VPC";
  return out;
}

namespace {

class VpcResourceFromOutsideVpc : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"R401",
                            "vpc-resource-from-outside-vpc",
                            "reachability",
                            Severity::Error,
                            "A function in no VPC uses a resource reachable only from inside a VPC (cache, database, "
                            "broker, search domain)",
                            "Attach the function to the resource's VPC, use a store that needs no VPC, or move the "
                            "data access to a function in the VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reach(ctx, sink, ReachProblem::OutsideVpc, outside_vpc_words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourceFromOutsideVpc);
}  // namespace vpclint
