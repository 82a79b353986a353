// S002 invalid-suppression: A suppression vpclint cannot read, or one naming no rule
#include "lint/rule.h"

namespace vpclint {
namespace {

class InvalidSuppression : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"S002",
                            "invalid-suppression",
                            "suppression",
                            Severity::Warning,
                            "A suppression vpclint cannot read, or one naming no rule",
                            "Write `# vpclint: ignore N101 -- reason`, or `Metadata: {vpclint: {ignore: [N101]}}`, "
                            "with ids from `vpclint --list-rules`"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const MalformedSuppression& m : ctx.suppressions.malformed)
      sink.report(m.pos, "invalid suppression: " + m.problem);
    for (const Suppression& s : ctx.suppressions.entries) {
      if (!find_rule(s.rule)) {
        sink.report(s.pos, "suppression names '" + s.rule + "', which is not a rule id", s.resource);
      } else if (unsuppressible(s.rule)) {
        sink.report(s.pos,
                    "suppression of " + s.rule + ": " + s.rule +
                        " judges suppressions and cannot be suppressed in the template; turn it off "
                        "with `ignore` in .vpclint.yaml",
                    s.resource);
      }
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(InvalidSuppression);
}  // namespace vpclint
