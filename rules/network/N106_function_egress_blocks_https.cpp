// N106 function-egress-blocks-https: The function's security groups have explicit egress rules that allow no TCP 443
// towards its way out
#include "analysis/facts.h"
#include "analysis/placement.h"
#include "lint/text_util.h"
#include "network/egress_report.h"

namespace vpclint {
namespace {

// The function's own groups refuse HTTPS out: the egress rule that lets it leave.
EgressWords words(const BlockedEgress& b) {
  std::string groups = b.groups.empty()       ? std::string("its own security groups allow")
                       : b.groups.size() == 1 ? "its security group " + b.groups[0] + " allows"
                                              : "its security groups " + join(b.groups) + " allow";
  EgressWords w{groups + " no TCP 443 towards the way out",
                "add an egress rule to " + function_groups_text(b) +
                    ": IpProtocol tcp, FromPort 443, ToPort 443, CidrIp 0.0.0.0/0 (or the endpoint's security group)",
                {},
                {},
                {}};
  soften_when_conditional(b, w);
  return w;
}

class FunctionEgressBlocksHttps : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N106",
        "function-egress-blocks-https",
        "network",
        Severity::Error,
        "The function's security groups have explicit egress rules that allow no TCP 443 towards its way out",
        "Add an egress rule for TCP 443 to 0.0.0.0/0 (NAT) or to the endpoint's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
    report_closed_egress(ctx, sink);
  }

 private:
  // Groups whose explicit egress allows TCP 443 nowhere: certain without the path, so an error
  // even where the subnets are unknown (N107 still says what is unknown about them).
  void report_closed_egress(const LintContext& ctx, FindingSink& sink) const {
    for (const FunctionEgress& fe : ctx.facts.egress.all()) {
      if (!fe.https_closed) continue;
      bool reported = false, conditional = true;
      std::vector<std::string> names;
      std::vector<Note> grants;
      const Resource& fn = *fe.function->function;
      for (const ServicePath& p : fe.services) {
        if (p.call->telemetry) continue;  // N108's: lost telemetry, not a hung call
        reported |= egress_rule(p) == meta().id;
        conditional &= p.call->conditional;
        add_unique(names, p.call->service.name);
        add_call_notes(*p.call, fn.key ? fn.key->pos : Position{}, grants);
      }
      if (reported || names.empty()) continue;
      std::vector<std::string> groups;
      for (const PlacedGroup& g : fe.placement->groups) groups.push_back(g.key.label());
      std::string when = fe.variant->guard.describe();
      Finding& f =
          sink.report(fe.variant->property_key(),
                      std::string(fn.logical_id) + "'s calls to " + join_and(names) + " will hang until the " +
                          timeout_text(ctx.resolver, fn) + " timeout" + (when.empty() ? std::string() : " " + when) +
                          ": its security group" + (groups.size() == 1 ? " " : "s ") + join(groups) +
                          (groups.size() == 1 ? " allows" : " allow") +
                          " TCP 443 to no destination at all, whatever its subnets route to" +
                          (conditional ? " (the permissions are granted only under a Condition)" : ""),
                      fn.logical_id);
      for (const PlacedGroup& g : fe.placement->groups)
        if (g.group) f.notes.push_back(g.group->note(g.key.label() + " has explicit egress rules, none for TCP 443"));
      f.notes.insert(f.notes.end(), grants.begin(), grants.end());
      f.fix = "add an egress rule to " + join(groups) +
              ": IpProtocol tcp, FromPort 443, ToPort 443, CidrIp 0.0.0.0/0 (or the endpoint's security group)";
      if (conditional) f.severity = Severity::Warning;
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(FunctionEgressBlocksHttps);
}  // namespace vpclint
