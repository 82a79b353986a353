// N107 egress-undetermined: A VPC-attached function calls AWS services through subnets defined outside the template,
// and nothing in the template gives their VPC a way out
#include <algorithm>

#include "analysis/facts.h"
#include "lint/text_util.h"
#include "network/egress_report.h"
#include "network/make_known.h"

namespace vpclint {
namespace {

class EgressUndetermined : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"N107",
                            "egress-undetermined",
                            "network",
                            Severity::Warning,
                            "A VPC-attached function calls AWS services through subnets defined outside the template, "
                            "and nothing in the template gives their VPC a way out",
                            "State the subnets' egress in .vpclint.yaml (network.subnets), or add an endpoint for the "
                            "service to the template"};
    return m;
  }
  // What is unknown (the subnets) and how to make it known, never a definite error: the network
  // may well route to a NAT; only the template cannot say.
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const FunctionEgress& fe : ctx.facts.egress.all()) {
      std::vector<const ServicePath*> undetermined;
      for (const ServicePath& p : fe.services)
        if (egress_rule(p) == meta().id) undetermined.push_back(&p);
      if (undetermined.empty()) continue;
      const Resource& fn = *fe.function->function;
      std::vector<std::string> subnets, names;
      std::vector<NetKey> keys;
      std::vector<std::string> not_in;
      std::vector<Note> grants;
      for (const ServicePath* p : undetermined) {
        add_unique(names, p->call->service.name);
        add_call_notes(*p->call, fn.key ? fn.key->pos : Position{}, grants);
        for (size_t i = 0; i < p->unknown_subnets.size(); ++i) {
          if (std::find(subnets.begin(), subnets.end(), p->unknown_subnets[i]) != subnets.end()) continue;
          subnets.push_back(p->unknown_subnets[i]);
          keys.push_back(p->unknown_subnet_keys[i]);
          not_in.push_back(p->unknown_subnet_not_in[i]);
        }
      }
      std::string service = undetermined.size() == 1 ? undetermined[0]->call->service.name : "these services";
      std::string when = fe.variant->guard.describe();
      Finding& f =
          sink.report(fe.variant->property_key(),
                      std::string(fn.logical_id) + "'s calls to " + join_and(names) + " hang until the " +
                          timeout_text(ctx.resolver, fn) + " timeout" + (when.empty() ? std::string() : " " + when) +
                          " unless its subnets route to a NAT or an endpoint: they are defined "
                          "outside this template (" +
                          join(subnets) + "), and nothing in it gives their VPC a way out",
                      fn.logical_id);
      f.notes = std::move(grants);
      f.fix = "to make this a definite answer, " + make_known_hint(keys, subnets, not_in) +
              "; or add an endpoint for " + service + " to the template";
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(EgressUndetermined);
}  // namespace vpclint
