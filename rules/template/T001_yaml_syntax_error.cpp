// T001 yaml-syntax-error: The file is not valid YAML or JSON, so nothing in it can be checked
#include "template/load_issues.h"

namespace vpclint {
namespace {

class YamlSyntaxError : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"T001",
                            "yaml-syntax-error",
                            "template",
                            Severity::Error,
                            "The file is not valid YAML or JSON, so nothing in it can be checked",
                            "Fix the syntax at the position shown; CloudFormation rejects the file as it is"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_load_issues(ctx, sink, LoadIssueKind::Syntax);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(YamlSyntaxError);
}  // namespace vpclint
