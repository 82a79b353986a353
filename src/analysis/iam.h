// IAM evaluation: which statements apply to a function's execution role, and what they allow.
// Used by the I2xx rules (ENI permissions, trust policy) and by the network analysis ("which AWS
// services does the function's code call").
#pragma once
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

class ConnectorFacts;

enum class Effect : uint8_t { Allow, Deny };

// A statement's action names, shared by its copies: an AWS managed policy's statements are copied
// into every role that attaches it, and ReadOnlyAccess alone names thousands of actions. Copies
// share one list (so a template repeating such a policy costs memory per statement, not per
// action); changing a copy gives it its own.
class ActionList {
 public:
  ActionList() = default;
  ActionList(std::vector<std::string> v) : list_(std::make_shared<std::vector<std::string>>(std::move(v))) {}
  ActionList(std::initializer_list<std::string> v) : ActionList(std::vector<std::string>(v)) {}

  auto begin() const { return view().begin(); }
  auto end() const { return view().end(); }
  size_t size() const { return view().size(); }
  bool empty() const { return view().empty(); }
  const std::string& operator[](size_t i) const { return view()[i]; }
  const std::vector<std::string>& view() const;
  bool operator==(const std::vector<std::string>& other) const { return view() == other; }

  void push_back(std::string action) { own().push_back(std::move(action)); }
  template <class It>
  void assign(It first, It last) {
    list_ = std::make_shared<std::vector<std::string>>(first, last);
  }

 private:
  std::vector<std::string>& own();
  std::shared_ptr<std::vector<std::string>> list_;
};

// One IAM statement, from wherever it came: an inline policy of a role, an AWS::IAM::Policy or
// ManagedPolicy attached to the role, an AWS managed policy (from the generated table), a SAM
// policy template, an inline SAM `Policies` statement, a SAM connector.
struct PolicyStatement {
  Effect effect = Effect::Allow;
  ActionList actions;            // as written, e.g. "lambda:InvokeFunction", "sqs:Send*"
  ActionList not_actions;        // NotAction: the statement covers every other action
  std::vector<Value> resources;  // resolved Resource values; empty with NotResource
  bool not_resource = false;
  bool has_condition = false;  // a Condition block: the statement may or may not apply
  Guard guard;                 // the statement exists only under these template conditions
  const Node* node = nullptr;  // the statement (or the policy template / managed policy ARN entry)
  std::string origin;          // "SAM policy template LambdaInvokePolicy", "managed policy AWSLambdaRole", ...
  // Whether the statement really applies to its actions is not known (an Action or Effect that
  // could not be resolved): it can make a decision Maybe, never Allowed or Denied.
  bool uncertain = false;
  // Never shows what the code calls: granted for the Lambda service's own use with the role (the
  // event-source managed policies such as AWSLambdaSQSQueueExecutionRole), only to requests an
  // AWS service makes (aws:CalledVia, kms:ViaService), or by an AWS managed policy for services
  // it supports rather than serves (scripts/gen_managed_policies.py, CALLS).
  bool service_side = false;
  // The Condition admits only requests an AWS service makes downstream for the principal (forward
  // access sessions: aws:ViaAWSService, aws:CalledVia*, kms:ViaService). Such a statement never
  // applies to a call made with the role itself, by the code or by Lambda managing the function's
  // network interfaces with its execution role.
  bool only_via_service = false;

  // Whether the statement names `action` (case-insensitive, `*` and `?` wildcards, NotAction).
  bool covers(std::string_view action) const;
};

// Which resources an action must be allowed on. Lambda creates a function's network interfaces
// only when the role allows the ENI actions on all resources ("Resource": "*"); for other
// questions ("may the code call SQS at all?") any resource will do.
enum class ResourceScope : uint8_t {
  Any,  // some resource: a statement on a specific ARN counts
  All,  // every resource: only "*", an ARN pattern with a wildcard resource, or a value the template does not show
};

enum class Decision : uint8_t {
  Allowed,     // an unconditional Allow covers it and nothing denies it
  Denied,      // an unconditional explicit Deny (or the permissions boundary) removes it
  NotAllowed,  // no statement allows it (the evaluated statements are complete)
  Maybe,       // only conditional statements decide (Condition blocks, template conditions)
  Unknown,     // the role or part of its policies is outside the template
};

struct Evaluation {
  Decision decision = Decision::Unknown;
  // The Allow or Deny that decided; NotAllowed: an Allow that applies only to requests an AWS
  // service makes for the role (only_via_service), if one names the action.
  const PolicyStatement* evidence = nullptr;
  bool by_boundary = false;  // the permissions boundary decided (Denied: it does not allow the action)
};

// The execution role of one function and everything that applies to it.
struct RoleFacts {
  enum class Source : uint8_t {
    SamGenerated,  // SAM function without Role: SAM builds the role from Policies (+ VPC policy)
    Template,      // Role points to an AWS::IAM::Role of this template
    External,      // Role is an ARN, parameter, import, SSM value: nothing can be said
    Missing,       // AWS::Lambda::Function without Role (T-level problem, not ours)
  };
  Source source = Source::Missing;
  const Resource* role = nullptr;  // the template role, when Source::Template
  // The function's Role (or null). Functions that use the same template role share one
  // RoleFacts (read once); its role_property is then the first such function's.
  const Node* role_property = nullptr;
  std::vector<PolicyStatement> statements;  // identity policies that apply
  bool incomplete = false;                  // some policy could not be resolved (external managed policy, ...)
  // Permissions boundary: when set, an action must also be allowed by these statements.
  bool has_boundary = false;
  bool boundary_unknown = false;
  std::vector<PolicyStatement> boundary;
  const Node* trust_policy = nullptr;       // AssumeRolePolicyDocument of a template role
  const Node* boundary_property = nullptr;  // PermissionsBoundary as written (role or SAM function)

  // Whether lambda.amazonaws.com may assume the template role (from trust_policy).
  enum class Trust : uint8_t {
    Assumable,     // an unconditional Allow of sts:AssumeRole to the Lambda service
    NotAssumable,  // the whole trust policy is known and nothing lets Lambda assume the role
    Unknown,       // conditions, template conditions or values the template does not show
  };
  Trust lambda_trust = Trust::Unknown;

  // Source::SamGenerated or Source::Template: the statements are what the template shows.
  bool known() const { return source == Source::SamGenerated || source == Source::Template; }

  Evaluation evaluate(std::string_view action) const { return evaluate(action, ResourceScope::Any, Guard{}); }
  Evaluation evaluate(std::string_view action, ResourceScope scope) const { return evaluate(action, scope, Guard{}); }
  // The decision in the situation `assuming` describes (e.g. the conditions under which the
  // function is in a VPC): statements that cannot exist then are ignored, statements whose
  // conditions it implies count as unconditional.
  Evaluation evaluate(std::string_view action, ResourceScope scope, const Guard& assuming) const;
};

class IamFacts {
 public:
  IamFacts(const Template& t, const Resolver& r, const ConnectorFacts& connectors);
  // Reads the template's connectors itself (for tests of the IAM analysis alone).
  IamFacts(const Template& t, const Resolver& r);
  // Null for resources that are not functions.
  const RoleFacts* role_of(std::string_view function_logical_id) const;

 private:
  std::vector<RoleFacts> roles_;
  std::unordered_map<std::string_view, size_t> by_function_;
};

// Case-insensitive IAM action matching with `*` and `?` wildcards.
bool action_matches(std::string_view pattern, std::string_view action);

}  // namespace vpclint
