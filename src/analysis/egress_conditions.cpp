#include "analysis/egress_conditions.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace vpclint {

namespace {

// The conditions of the resources the working paths rely on, in order of first use.
std::vector<std::string_view> way_out_conditions(const FunctionEgress& fe) {
  std::vector<std::string_view> out;
  for (const ServicePath& p : fe.services)
    for (const SubnetPath& sp : p.subnets) {
      if (sp.verdict != Verdict::Yes) continue;
      for (const Resource* r : sp.relies_on)
        if (r && !r->condition.empty() && std::find(out.begin(), out.end(), r->condition) == out.end())
          out.push_back(r->condition);
    }
  return out;
}

// Whether the paths without the way out already say that `r` is missing.
bool noted(const std::vector<ServicePath>& paths, const Resource* r) {
  for (const ServicePath& p : paths)
    for (const SubnetPath& sp : p.subnets)
      if (std::find(sp.absent_noted.begin(), sp.absent_noted.end(), r) != sp.absent_noted.end()) return true;
  return false;
}

// The resources the working paths rely on that deployment `d` lacks, in order of first use.
std::vector<const Resource*> absent_in(const FunctionEgress& fe, const Deployment& d) {
  std::vector<const Resource*> out;
  for (const ServicePath& p : fe.services)
    for (const SubnetPath& sp : p.subnets)
      if (sp.verdict == Verdict::Yes)
        for (const Resource* r : sp.relies_on)
          if (r && !d.has(r) && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  return out;
}

// Notes at each missing resource of the way out (unless the paths without it already name it),
// and at the condition.
std::vector<Note> absence_notes(const std::vector<const Resource*>& absent, const std::vector<ServicePath>& without,
                                std::string_view condition, const Template& t, std::string condition_note) {
  std::vector<Note> notes;
  for (const Resource* r : absent) {
    if (noted(without, r)) continue;
    notes.push_back({std::string(r->logical_id) + " gives the way out, and exists only when condition " +
                         std::string(r->condition) + " is true",
                     r->condition_node ? r->condition_node->pos : (r->key ? r->key->pos : Position{})});
  }
  if (const Node* c = t.condition(condition)) notes.push_back({std::move(condition_note), c->pos});
  return notes;
}

}  // namespace

std::vector<FunctionEgress> without_conditional_ways(
    const FunctionEgress& fe, const ConditionLogic& logic,
    const std::function<std::vector<ServicePath>(Deployment)>& paths_in) {
  std::vector<FunctionEgress> out;
  const Resource& fn = *fe.function->function;
  Guard assumed = fe.variant->guard;
  if (!fn.condition.empty()) assumed.assume(fn.condition, true);
  std::vector<std::vector<const Resource*>> reported;  // what each reported deployment lacks
  for (std::string_view condition : way_out_conditions(fe)) {
    Guard scenario = assumed;
    // A condition the function shares (or contradicts) decides nothing about its deployments.
    if (std::any_of(assumed.assumptions().begin(), assumed.assumptions().end(),
                    [&](const Assumption& a) { return a.condition == condition; }))
      continue;
    scenario.assume(condition, false);
    if (!logic.satisfiable(scenario)) continue;
    // Resources under other conditions are absent too when the scenario implies them false.
    std::unordered_map<std::string_view, bool> memo;
    std::function<bool(std::string_view)> possible = [&](std::string_view c) {
      auto it = memo.find(c);
      if (it != memo.end()) return it->second;
      Guard g = scenario;
      bool can = g.assume(c, true) && logic.satisfiable(g);
      memo.emplace(c, can);
      return can;
    };
    Deployment d{&scenario, &possible};
    // Equivalent conditions (a route under `!Condition WithNat`) remove the same resources: once.
    std::vector<const Resource*> absent = absent_in(fe, d);
    if (std::find(reported.begin(), reported.end(), absent) != reported.end()) continue;
    FunctionEgress without = fe;
    without.services.clear();
    for (ServicePath& p : paths_in(d))
      if (p.verdict == Verdict::No) without.services.push_back(std::move(p));
    if (without.services.empty()) continue;
    reported.push_back(absent);
    ConditionalWayOut w;
    w.condition = condition;
    // The deployment vpclint knows (defaults, overrides): the condition is false there, and none
    // of the variant's own conditions is known to be otherwise.
    std::string because;
    Truth known = logic.known(condition, &because);
    w.in_known_deployment = known == Truth::False &&
                            std::none_of(fe.variant->guard.assumptions().begin(), fe.variant->guard.assumptions().end(),
                                         [&](const Assumption& a) {
                                           return logic.known(a.condition) == (a.value ? Truth::False : Truth::True);
                                         });
    std::string name = "condition " + std::string(condition);
    std::string note = known == Truth::False ? name + " is false with " + because
                       : known == Truth::True
                           ? name + " is true with " + because + "; other parameter values make it false"
                           : name + " depends on values vpclint does not know";
    w.notes = absence_notes(absent, without.services, condition, logic.model(), std::move(note));
    without.situation = fe.variant->guard;
    without.situation.assume(condition, false);
    without.without = std::move(w);
    out.push_back(std::move(without));
  }
  return out;
}

}  // namespace vpclint
