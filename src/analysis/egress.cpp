#include "analysis/egress.h"

#include "analysis/egress_conditions.h"
#include "analysis/path_finder.h"

namespace vpclint {

EgressFacts::EgressFacts(const FunctionVpcFacts& functions, const PlacementFacts& placements, const NetworkModel& net,
                         const ServiceCallFacts& calls) {
  ConditionLogic logic(net.resolver());
  for (const FunctionVpc& fv : functions.functions()) {
    const FunctionCalls* fc = calls.of(fv.function->logical_id);
    if (!fc || fc->calls.empty()) continue;
    for (const VpcAttachment& v : fv.variants) {
      if (!v.attached()) continue;
      const Placement& where = placements.of(v);
      // Every call's path in deployment `d` (every resource present by default), blocked ones explained.
      auto paths_in = [&](Deployment d) {
        PathFinder in(net, v, where, d);
        std::vector<ServicePath> paths;
        for (const ServiceCall& call : fc->calls) {
          paths.push_back(in.path(call));
          explain_blocked(net, where, paths.back(), &d);
        }
        return paths;
      };
      FunctionEgress fe;
      fe.function = &fv;
      fe.variant = &v;
      fe.placement = &where;
      fe.services = paths_in(Deployment{});
      fe.https_closed = !egress_allows_any_https(net, where);
      fe.situation = v.guard;
      for (FunctionEgress& w : vpclint::without_conditional_ways(fe, logic, paths_in)) without_.push_back(std::move(w));
      egress_.push_back(std::move(fe));
    }
  }
}

}  // namespace vpclint
