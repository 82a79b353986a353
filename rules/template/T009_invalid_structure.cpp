// T009 invalid-structure: A section, parameter or resource of the wrong type (a resource without Type, Properties that
// are not a mapping)
#include "template/load_issues.h"

namespace vpclint {
namespace {

class InvalidStructure : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "T009",
        "invalid-structure",
        "template",
        Severity::Error,
        "A section, parameter or resource of the wrong type (a resource without Type, Properties that are not a "
        "mapping)",
        "Give the section the shape CloudFormation documents: Resources map logical ids to {Type, Properties}"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_model_issues(ctx, sink, ModelIssueKind::Structure);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(InvalidStructure);
}  // namespace vpclint
