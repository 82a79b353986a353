#include "lint/suppress.h"

#include <string>
#include <unordered_map>

namespace vpclint {

namespace {
// "N101|12" for a line, "N101|@Fn" for a resource, "N101|" for the whole file.
std::string scope_key(std::string_view rule, const Suppression& s) {
  std::string key(rule);
  key += '|';
  if (s.scope == Suppression::Scope::Line) key += std::to_string(s.line);
  if (s.scope == Suppression::Scope::Resource) key += '@' + std::string(s.resource);
  return key;
}
}  // namespace

bool unsuppressible(std::string_view rule_id) { return rule_id.starts_with("S"); }

std::vector<SuppressionUse> apply_suppressions(const TemplateSuppressions& suppressions, std::vector<Finding>& findings,
                                               std::vector<Finding>& suppressed,
                                               const std::function<bool(std::string_view)>& rule_active) {
  const auto& entries = suppressions.entries;
  std::vector<SuppressionUse> use(entries.size(), SuppressionUse::NotJudged);
  if (entries.empty()) return use;
  std::unordered_multimap<std::string, size_t> by_key;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (unsuppressible(entries[i].rule) || !rule_active(entries[i].rule)) continue;
    use[i] = SuppressionUse::Unused;
    by_key.emplace(scope_key(entries[i].rule, entries[i]), i);
  }
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (Finding& f : findings) {
    // Most specific first, so the reason shown is the one written closest to the finding.
    std::string keys[] = {f.rule + "|" + std::to_string(f.pos.line), f.rule + "|@" + f.resource, f.rule + "|"};
    bool matched = false;
    for (size_t k = 0; k < 3; ++k) {
      if (k == 1 && f.resource.empty()) continue;
      auto [lo, hi] = by_key.equal_range(keys[k]);
      for (auto it = lo; it != hi; ++it) {
        if (!matched) f.suppression = entries[it->second].reason;
        matched = true;
        use[it->second] = SuppressionUse::Used;
      }
    }
    (matched ? suppressed : kept).push_back(std::move(f));
  }
  findings = std::move(kept);
  return use;
}

}  // namespace vpclint
