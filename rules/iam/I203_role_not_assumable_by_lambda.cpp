// I203 role-not-assumable-by-lambda: a function's execution role whose trust policy does not let
// the Lambda service assume it.
#include "analysis/facts.h"
#include "analysis/iam_eni.h"
#include "lint/rule.h"

namespace vpclint {
namespace {

class RoleNotAssumableByLambda : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "I203",
        "role-not-assumable-by-lambda",
        "iam",
        Severity::Error,
        "A function's execution role whose trust policy does not allow lambda.amazonaws.com to assume it",
        "Add to AssumeRolePolicyDocument a statement with Effect Allow, Principal {Service: lambda.amazonaws.com} "
        "and Action sts:AssumeRole"};
    return m;
  }

  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const Resource& f : ctx.model.resources()) {
      if (!is_function(f.kind)) continue;
      const RoleFacts* role = ctx.facts.iam.role_of(f.logical_id);
      if (!role || !role->known() || role->lambda_trust != RoleFacts::Trust::NotAssumable) continue;
      std::string message;
      const Node* at = nullptr;
      if (role->source == RoleFacts::Source::Template && role->role) {
        message = std::string(f.logical_id) + " uses role " + std::string(role->role->logical_id) + " (line " +
                  std::to_string(role->role->key->pos.line) +
                  "), whose trust policy does not allow lambda.amazonaws.com to call sts:AssumeRole; the deployment "
                  "fails: Lambda cannot assume the role";
        at = property_key(f, "Role");
      } else {
        message = std::string(f.logical_id) +
                  "'s AssumeRolePolicyDocument does not allow lambda.amazonaws.com to "
                  "call sts:AssumeRole on the role SAM generates; the deployment fails: Lambda cannot assume the role";
        at = property_key(f, "AssumeRolePolicyDocument");
      }
      Finding& finding = sink.report(at ? at : f.key, std::move(message), f.logical_id);
      if (role->trust_policy) finding.notes.push_back({"the trust policy", role->trust_policy->pos});
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(RoleNotAssumableByLambda);
}  // namespace vpclint
