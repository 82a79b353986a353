#include "analysis/iam_eni.h"

namespace vpclint {

std::vector<MissingAction> missing_actions(const RoleFacts& role, std::span<const std::string_view> actions,
                                           const Guard& assuming) {
  std::vector<MissingAction> out;
  for (std::string_view action : actions) {
    Evaluation e = role.evaluate(action, ResourceScope::All, assuming);
    if (e.decision == Decision::NotAllowed || e.decision == Decision::Denied) out.push_back({action, e});
  }
  return out;
}

EniNeed eni_need(const FunctionVpc& fn) {
  EniNeed need;
  need.vpc_config = fn.function ? fn.function->property("VpcConfig") : nullptr;
  if (fn.function && !fn.function->condition.empty()) need.exists.assume(fn.function->condition, true);
  bool all = !fn.variants.empty();
  for (const VpcAttachment& v : fn.variants) {
    if (!v.attached() || v.via_capacity_provider) {
      all = false;
      continue;
    }
    need.needed = true;
    bool seen = false;
    for (const Guard& g : need.situations) seen |= g.assumptions() == v.guard.assumptions();
    if (!seen) need.situations.push_back(v.guard);
  }
  need.always = need.needed && all;
  return need;
}

EniGap eni_gap(const EniNeed& need, const RoleFacts& role, std::span<const std::string_view> actions) {
  EniGap gap;
  std::vector<std::string> whens;
  size_t failing = 0;
  for (const Guard& situation : need.situations) {
    Guard assuming = situation;
    if (!assuming.combine(need.exists)) continue;  // the function does not exist then
    std::vector<MissingAction> missing = missing_actions(role, actions, assuming);
    if (missing.empty()) continue;
    ++failing;
    for (MissingAction& m : missing) {
      bool seen = false;
      for (const MissingAction& x : gap.missing) seen |= x.action == m.action;
      if (!seen) gap.missing.push_back(m);
    }
    if (std::string w = situation.describe(); !w.empty()) whens.push_back(std::move(w));
  }
  // Attached in every variant and missing them in every one: no condition to name.
  if (!(need.always && failing == need.situations.size())) {
    for (const std::string& w : whens) gap.when += (gap.when.empty() ? "" : " or ") + w;
  }
  // Keep the order of `actions`.
  std::vector<MissingAction> ordered;
  for (std::string_view a : actions)
    for (const MissingAction& m : gap.missing)
      if (m.action == a) ordered.push_back(m);
  gap.missing = std::move(ordered);
  return gap;
}

bool allows_all(const EniNeed& need, const RoleFacts& role, std::span<const std::string_view> actions) {
  for (const Guard& situation : need.situations) {
    Guard assuming = situation;
    if (!assuming.combine(need.exists)) continue;
    for (std::string_view action : actions)
      if (role.evaluate(action, ResourceScope::All, assuming).decision != Decision::Allowed) return false;
  }
  return true;
}

std::string role_phrase(const RoleFacts& role) {
  if (role.source == RoleFacts::Source::Template && role.role)
    return "its role " + std::string(role.role->logical_id) + " (line " + std::to_string(role.role->key->pos.line) +
           ")";
  if (role.source == RoleFacts::Source::SamGenerated) return "the role SAM generates for it";
  return "its role";
}

std::string action_list(const std::vector<MissingAction>& actions) {
  std::string out;
  for (const MissingAction& m : actions) {
    if (!out.empty()) out += ", ";
    out += m.action;
  }
  return out;
}

EniFacts::EniFacts(const FunctionVpcFacts& functions, const IamFacts& iam) {
  for (const FunctionVpc& fn : functions.functions()) {
    EniNeed need = eni_need(fn);
    if (!need.needed) continue;
    const RoleFacts* role = iam.role_of(fn.function->logical_id);
    if (!role || !role->known()) continue;
    EniSubject s{&fn, std::move(need), role, {}, false, {}};
    s.required = eni_gap(s.need, *role, kEniRequiredActions);
    s.allows_required = allows_all(s.need, *role, kEniRequiredActions);
    if (s.allows_required) s.recommended = eni_gap(s.need, *role, kEniRecommendedActions);
    subjects_.push_back(std::move(s));
  }
}

const Node* property_key(const Resource& r, std::string_view name) {
  const MapEntry* e = r.properties ? r.properties->find_entry(name) : nullptr;
  return e ? e->key : nullptr;
}

}  // namespace vpclint
