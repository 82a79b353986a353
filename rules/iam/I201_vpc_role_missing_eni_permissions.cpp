// I201 vpc-role-missing-eni-permissions: a VPC-attached function whose execution role does not
// allow the EC2 network-interface actions Lambda needs to attach it.
#include <algorithm>

#include "analysis/facts.h"
#include "analysis/iam_eni.h"
#include "cdk_fix.h"
#include "iam/role_report.h"
#include "lint/rule.h"
#include "lint/text_util.h"

namespace vpclint {
namespace {

// "does not allow A, B and denies C (policy P, line 12)".
std::string what_is_missing(const RoleFacts& role, const std::vector<MissingAction>& missing) {
  std::vector<MissingAction> not_allowed, by_boundary;
  std::vector<std::pair<const PolicyStatement*, std::vector<MissingAction>>> denied;
  for (const MissingAction& m : missing) {
    if (m.evaluation.decision == Decision::NotAllowed) {
      not_allowed.push_back(m);
    } else if (m.evaluation.by_boundary) {
      by_boundary.push_back(m);
    } else {
      auto it =
          std::find_if(denied.begin(), denied.end(), [&](const auto& d) { return d.first == m.evaluation.evidence; });
      if (it == denied.end()) it = denied.insert(denied.end(), {m.evaluation.evidence, {}});
      it->second.push_back(m);
    }
  }
  std::vector<std::string> clauses;
  if (!not_allowed.empty()) clauses.push_back("does not allow " + action_list(not_allowed));
  for (const auto& [deny, actions] : denied) {
    std::string c = "denies " + action_list(actions);
    if (deny && deny->node) c += " (" + deny->origin + ", line " + std::to_string(deny->node->pos.line) + ")";
    clauses.push_back(std::move(c));
  }
  if (!by_boundary.empty()) {
    std::string c = "is limited by a permissions boundary";
    if (role.boundary_property) c += " (line " + std::to_string(role.boundary_property->pos.line) + ")";
    clauses.push_back(c + " that does not allow " + action_list(by_boundary));
  }
  std::string out;
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (i) out += i + 1 == clauses.size() ? " and " : ", ";
    out += clauses[i];
  }
  return out;
}

// CDK adds the VPC policy only to the role it creates for a function with `vpc`.
constexpr const char* kCdkFix =
    "in the CDK app: `role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName("
    "'service-role/AWSLambdaVPCAccessExecutionRole'))`; a function given an explicit `role` does not get the VPC "
    "policy CDK adds to the roles it creates (or drop `role` and let CDK create it)";

class VpcRoleMissingEniPermissions : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "I201",
        "vpc-role-missing-eni-permissions",
        "iam",
        Severity::Error,
        "A VPC-attached function whose execution role does not allow creating, describing and deleting network "
        "interfaces",
        "Add arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole to the role's "
        "ManagedPolicyArns, or allow ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces and "
        "ec2:DeleteNetworkInterface on Resource \"*\" (and lift any Deny or boundary that removes them)"};
    return m;
  }

  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const EniSubject& subject : ctx.facts.eni.subjects()) {
      const RoleFacts* role = subject.role;
      const EniGap& gap = subject.required;
      const std::vector<MissingAction>& missing = gap.missing;
      if (missing.empty()) continue;

      const Resource& f = *subject.function->function;
      std::string message = std::string(f.logical_id) + " is attached to a VPC" +
                            (gap.when.empty() ? "" : " " + gap.when) + " but " + role_phrase(*role) + " " +
                            what_is_missing(*role, missing) +
                            "; the deployment fails: Lambda cannot create the function's network interfaces";
      Finding& finding = report_at_role(sink, subject, std::move(message));
      if (is_cdk_resource(f)) finding.fix = kCdkFix;
      // Allows that apply only to forward access sessions, one note per statement.
      std::vector<std::pair<const PolicyStatement*, std::vector<std::string>>> via_only;
      for (const MissingAction& m : missing) {
        const PolicyStatement* st = m.evaluation.evidence;
        if (m.evaluation.decision == Decision::Denied && st && st->node)
          finding.notes.push_back({std::string(st->origin) + " denies " + std::string(m.action), st->node->pos});
        if (m.evaluation.decision != Decision::NotAllowed || !st || !st->node) continue;
        auto it = std::find_if(via_only.begin(), via_only.end(), [&](const auto& v) { return v.first == st; });
        if (it == via_only.end()) it = via_only.insert(via_only.end(), {st, {}});
        it->second.emplace_back(m.action);
      }
      for (const auto& [st, actions] : via_only)
        finding.notes.push_back({st->origin + " allows " + join(actions) +
                                     " only for requests an AWS service makes for the role (its Condition tests "
                                     "aws:ViaAWSService or aws:CalledVia), never for Lambda's own use of the execution "
                                     "role",
                                 st->node->pos});
      bool boundary =
          std::any_of(missing.begin(), missing.end(), [](const MissingAction& m) { return m.evaluation.by_boundary; });
      if (boundary && role->boundary_property)
        finding.notes.push_back(
            {"the permissions boundary does not allow these actions", role->boundary_property->pos});
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcRoleMissingEniPermissions);
}  // namespace vpclint
