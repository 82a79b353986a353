#include "model/condition_logic.h"

#include <algorithm>
#include <vector>

namespace vpclint {

namespace {
// Stands for "a value unlike every literal the parameter is compared with".
constexpr std::string_view kOtherValue = "\x01";

Truth negate(Truth t) {
  if (t == Truth::Unknown) return t;
  return t == Truth::True ? Truth::False : Truth::True;
}
}  // namespace

struct ConditionLogic::Env {
  // Parameters set by the search (satisfiable); the others take their known values, if any.
  std::unordered_map<std::string_view, std::string_view> chosen;
  bool read_known_values = true;
  std::vector<std::string>* because = nullptr;
  // Conditions evaluated so far in this environment; Unknown while in progress (a cycle).
  mutable std::unordered_map<std::string_view, Truth> memo;
};

bool ConditionLogic::operand(const Node* node, const Env& env, std::string& out) const {
  if (!node) return false;
  if (node->is_scalar() || node->is_null()) {
    out = std::string(node->text());
    return true;
  }
  if (node->is_intrinsic(Fn::Ref) && node->info()) {
    std::string_view name = node->info()->target;
    if (auto it = env.chosen.find(name); it != env.chosen.end()) {
      out = std::string(it->second);
      return true;
    }
  }
  if (!env.read_known_values) return false;
  std::vector<Value> values = r_.values(node);
  if (values.size() != 1) return false;
  const Value& v = values[0];
  std::string source;
  if (v.kind == ValueKind::Literal) {
    out = v.text;
    if (v.parameter && v.stated) source = v.stated->what.empty() ? v.stated->file : v.stated->what;
  } else if (v.kind == ValueKind::Parameter && v.parameter && !v.origin && v.parameter->default_value &&
             v.parameter->default_value->is_scalar()) {
    out = std::string(v.parameter->default_value->text());
    source = "its Default";
  } else {
    return false;
  }
  if (env.because && v.parameter) {
    std::string text = std::string(v.parameter->name) + " = " + (out.empty() ? "\"\"" : out) + " (" + source + ")";
    if (std::find(env.because->begin(), env.because->end(), text) == env.because->end())
      env.because->push_back(std::move(text));
  }
  return true;
}

Truth ConditionLogic::eval_condition(std::string_view name, const Env& env, int depth) const {
  if (auto it = env.memo.find(name); it != env.memo.end()) return it->second;
  env.memo[name] = Truth::Unknown;  // a cycle reads as unknown
  Truth t = eval(r_.model().condition(name), env, depth + 1);
  env.memo[name] = t;
  return t;
}

Truth ConditionLogic::eval(const Node* node, const Env& env, int depth) const {
  if (!node || depth > Resolver::kMaxDepth || !node->is_intrinsic()) return Truth::Unknown;
  if (node->fn == Fn::Condition)
    return node->info() ? eval_condition(node->info()->target, env, depth) : Truth::Unknown;
  const Node* arg = node->arg;
  if (!arg || !arg->is_seq()) return Truth::Unknown;
  auto items = arg->items();
  switch (node->fn) {
    case Fn::Equals: {
      std::string a, b;
      if (items.size() != 2 || !operand(items[0], env, a) || !operand(items[1], env, b)) return Truth::Unknown;
      return a == b ? Truth::True : Truth::False;
    }
    case Fn::Not: return items.size() == 1 ? negate(eval(items[0], env, depth + 1)) : Truth::Unknown;
    case Fn::And:
    case Fn::Or: {
      // Three-valued: a deciding operand (false for And, true for Or) decides even beside unknowns.
      Truth decisive = node->fn == Fn::And ? Truth::False : Truth::True;
      bool unknown = items.empty();
      for (const Node* item : items) {
        Truth t = eval(item, env, depth + 1);
        if (t == decisive) return decisive;
        unknown |= t == Truth::Unknown;
      }
      return unknown ? Truth::Unknown : negate(decisive);
    }
    default: return Truth::Unknown;
  }
}

Truth ConditionLogic::known(std::string_view condition, std::string* because) const {
  Env env;
  std::vector<std::string> used;
  env.because = &used;
  Truth t = eval_condition(condition, env, 0);
  if (because) {
    because->clear();
    for (size_t i = 0; i < used.size(); ++i) *because += (i ? ", " : "") + used[i];
  }
  return t;
}

void ConditionLogic::collect_parameters(const Node* node,
                                        std::unordered_map<std::string_view, std::vector<std::string>>& domains,
                                        int depth) const {
  if (!node || depth > Resolver::kMaxDepth || !node->is_intrinsic()) return;
  if (node->fn == Fn::Condition) {
    if (node->info()) collect_parameters(r_.model().condition(node->info()->target), domains, depth + 1);
    return;
  }
  if (!node->arg || !node->arg->is_seq()) return;
  auto items = node->arg->items();
  if (node->fn == Fn::Equals && items.size() == 2) {
    for (size_t i = 0; i < 2; ++i) {
      const Node* ref = items[i];
      if (!ref->is_intrinsic(Fn::Ref) || !ref->info() || !r_.model().parameter(ref->info()->target)) continue;
      auto& domain = domains[ref->info()->target];
      const Node* other = items[1 - i];
      if (other->is_scalar() && std::find(domain.begin(), domain.end(), other->text()) == domain.end())
        domain.emplace_back(other->text());
    }
    return;
  }
  for (const Node* item : items) collect_parameters(item, domains, depth + 1);
}

bool ConditionLogic::satisfiable(const Guard& g) const {
  if (g.always()) return true;
  std::unordered_map<std::string_view, std::vector<std::string>> domains;
  for (const Assumption& a : g.assumptions()) collect_parameters(r_.model().condition(a.condition), domains, 0);
  std::vector<std::pair<std::string_view, std::vector<std::string>>> params(domains.begin(), domains.end());
  size_t combinations = 1;
  for (auto& [name, domain] : params) {
    const Parameter* p = r_.model().parameter(name);
    if (p && !p->allowed_values.empty()) {
      domain.clear();
      for (const Node* v : p->allowed_values)
        if (v->is_scalar()) domain.emplace_back(v->text());
    }
    if (domain.empty() || !p || p->allowed_values.empty()) domain.emplace_back(kOtherValue);
    combinations *= domain.size();
    if (combinations > kMaxCombinations) return true;
  }
  // Every assignment in turn, as a mixed-radix counter over the parameters' domains.
  std::vector<size_t> at(params.size(), 0);
  for (size_t n = 0; n < combinations; ++n) {
    Env env;
    env.read_known_values = false;
    for (size_t i = 0; i < params.size(); ++i) env.chosen[params[i].first] = params[i].second[at[i]];
    bool holds = std::all_of(g.assumptions().begin(), g.assumptions().end(), [&](const Assumption& a) {
      return eval_condition(a.condition, env, 0) != (a.value ? Truth::False : Truth::True);
    });
    if (holds) return true;
    for (size_t i = 0; i < at.size() && ++at[i] == params[i].second.size(); ++i) at[i] = 0;
  }
  return false;
}

}  // namespace vpclint
