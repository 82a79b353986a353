// T007 duplicate-key: The same key twice in one mapping: the last one silently wins
#include "template/load_issues.h"

namespace vpclint {
namespace {

class DuplicateKey : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"T007",
                            "duplicate-key",
                            "template",
                            Severity::Error,
                            "The same key twice in one mapping: the last one silently wins",
                            "Remove or rename one of the two keys; keep the one you meant"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_load_issues(ctx, sink, LoadIssueKind::DuplicateKey);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(DuplicateKey);
}  // namespace vpclint
