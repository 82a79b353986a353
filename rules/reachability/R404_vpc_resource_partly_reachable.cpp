// R404 vpc-resource-partly-reachable: A function reaches a VPC-only resource only under some conditions or only from
// some of its subnets
#include "lint/text_util.h"
#include "reachability/reach_report.h"

namespace vpclint {

namespace {
ReachWords some_subnets_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id), fid(fn.logical_id);
  ReachWords out;
  out.message = fid + " reaches " + resource_text(r) + " only from " +
                plural(v.admitted_subnets.size(), "subnet ", "subnets ") + join(v.admitted_subnets) +
                ": the CIDR rules of " + owner(rid) + " security groups do not cover " + join(v.refused_subnets) +
                "; invocations that run there (Lambda "
                "picks the subnet) hang until the " +
                timeout_text(resolver, fn) + " timeout";
  for (const SgRule* rule : v.rules_on_port)
    out.notes.push_back(rule->note("this rule admits " + port_text(r) + " only from " + rule_source(*rule)));
  if (v.variant) out.notes.push_back({owner(fid) + " VpcConfig", v.variant->property_key()->pos});
  out.fix = "widen the rule's CidrIp to cover " + join(v.refused_subnets) + ", or admit " + owner(fid) +
            " security group (SourceSecurityGroupId) instead of address ranges";
  return out;
}

// Only from some subnets: the CIDR rules that cover the others. A variant that fails where
// another succeeds: the words of the rule it would otherwise be, and that it is partial.
ReachWords partly_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  ReachWords r;
  switch (v.reach) {
    case Reach::NotInVpc: r = outside_vpc_words(resolver, u, v); break;
    case Reach::OtherVpc: r = other_vpc_words(resolver, u, v); break;
    case Reach::Refused: r = group_refuses_words(resolver, u, v); break;
    default: return some_subnets_words(resolver, u, v);
  }
  r.message += "; under its other VpcConfig branches it may reach " + std::string(u.resource->resource->logical_id);
  return r;
}

class VpcResourcePartlyReachable : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "R404",
        "vpc-resource-partly-reachable",
        "reachability",
        Severity::Warning,
        "A function reaches a VPC-only resource only under some conditions or only from some of its subnets",
        "Make the VpcConfig and the data access depend on the same conditions, and admit every subnet (or the "
        "function's security group)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reach(ctx, sink, ReachProblem::PartlyReached, partly_words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourcePartlyReachable);
}  // namespace vpclint
