// P501 nested-template-unreadable: A nested stack's local TemplateURL or Location names a file
// that cannot be read or is not a template
#include "project/link_issues.h"

namespace vpclint {
namespace {

class NestedTemplateUnreadable : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "P501",
        "nested-template-unreadable",
        "project",
        Severity::Error,
        "A nested stack's local TemplateURL or Location names a file that cannot be read or is not a template",
        "Point TemplateURL (or the application's Location) at the child template's path, relative to this template"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_link_issues(ctx, sink, LinkIssueKind::ChildMissing);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(NestedTemplateUnreadable);
}  // namespace vpclint
