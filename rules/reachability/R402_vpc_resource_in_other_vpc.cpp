// R402 vpc-resource-in-other-vpc: A function attached to one VPC uses a VPC-only resource that lives in another, with
// nothing connecting them
#include "lint/text_util.h"
#include "reachability/reach_report.h"

namespace vpclint {

ReachWords other_vpc_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id);
  ReachWords out;
  out.message = std::string(fn.logical_id) + " is attached to VPC " + v.function_vpc.label() + " but reads " +
                resource_text(r) + " " + how_text(u, *v.use) + ", which lives in VPC " + r.vpc.label() +
                "; nothing in the template connects the two VPCs, so every connection hangs until the " +
                timeout_text(resolver, fn) + " timeout";
  if (v.variant) out.notes.push_back({owner(fn.logical_id) + " VpcConfig", v.variant->property_key()->pos});
  placement_note(r, out.notes);
  other_uses_notes(u, *v.use, out.notes);
  std::string subnets = r.subnets.empty() ? std::string() : " (" + join(labels(r.subnets)) + ")";
  out.fix = "attach " + std::string(fn.logical_id) + " to subnets of " + r.vpc.label() + subnets + " and " +
            admitted_group(r) +
            "; or connect the two VPCs (VPC peering or a transit gateway, routes in both, and an ingress rule on " +
            owner(rid) + " security groups for " + owner(fn.logical_id) + " subnets)";
  return out;
}

namespace {

class VpcResourceInOtherVpc : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "R402",
        "vpc-resource-in-other-vpc",
        "reachability",
        Severity::Error,
        "A function attached to one VPC uses a VPC-only resource that lives in another, with nothing connecting them",
        "Attach the function to the resource's VPC, or connect the VPCs (peering, transit gateway)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reach(ctx, sink, ReachProblem::OtherVpc, other_vpc_words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourceInOtherVpc);
}  // namespace vpclint
