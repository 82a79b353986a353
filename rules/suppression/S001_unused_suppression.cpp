// S001 unused-suppression: A suppression in the template matches no finding
#include "lint/rule.h"

namespace vpclint {
namespace {

std::string where(const Suppression& s) {
  switch (s.scope) {
    case Suppression::Scope::Line: return "on line " + std::to_string(s.line);
    case Suppression::Scope::Resource: return "on resource " + std::string(s.resource);
    case Suppression::Scope::File: return "in this file";
  }
  return {};
}

class UnusedSuppression : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"S001",
                            "unused-suppression",
                            "suppression",
                            Severity::Info,
                            "A suppression in the template matches no finding",
                            "Remove the suppression: what it silenced is fixed or moved"};
    return m;
  }
  bool runs_after_suppressions() const override { return true; }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    const auto& entries = ctx.suppressions.entries;
    for (size_t i = 0; i < entries.size(); ++i) {
      if ((*ctx.suppression_use)[i] != SuppressionUse::Unused) continue;
      const Suppression& s = entries[i];
      Finding& f =
          sink.report(s.pos, "suppression of " + s.rule + " matches no " + s.rule + " finding " + where(s), s.resource);
      if (!s.reason.empty()) f.notes.push_back({"its reason: " + s.reason, s.pos});
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(UnusedSuppression);
}  // namespace vpclint
