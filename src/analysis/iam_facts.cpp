// IamFacts: the execution role of every function and the statements that apply to it.
#include <unordered_map>

#include "analysis/iam.h"
#include "analysis/iam_collect.h"
#include "analysis/iam_sam.h"
#include "analysis/iam_trust.h"

namespace vpclint {

namespace {

using iam::Collector;
using iam::StatementSink;

// A policy resource (AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::RolePolicy) attached to
// a role by naming it, and the conditions under which it does.
struct Attached {
  const Resource* policy;
  Guard guard;
};

class RoleIndex {
 public:
  RoleIndex(const Template& t, const Resolver& r, Collector& c) {
    // Roles by literal RoleName, for policies that name a role by its name instead of !Ref.
    std::unordered_map<std::string_view, std::string_view> by_name;
    for (const Resource& res : t.resources())
      if (res.kind == ResourceKind::IamRole)
        if (const Node* name = res.property("RoleName"); name && name->is_scalar())
          by_name.emplace(name->text(), res.logical_id);

    for (const Resource& res : t.resources()) {
      const Node* roles = nullptr;
      if (res.kind == ResourceKind::IamPolicy || res.kind == ResourceKind::IamManagedPolicy)
        roles = res.property("Roles");
      else if (res.type == "AWS::IAM::RolePolicy")  // the one place this type is named
        roles = res.property("RoleName");
      if (!roles) continue;
      c.items(roles, iam::resource_guard(res), [&](const Node* item, const Guard& g) {
        for (const Value& v : r.values(item)) {
          Guard guard = g;
          if (!guard.combine(v.guard)) continue;
          std::string_view role;
          if (v.kind == ValueKind::ResourceRef && !v.name.empty()) {
            const Resource* target = t.resource(v.name);
            if (target && target->kind == ResourceKind::IamRole) role = target->logical_id;
          } else if (v.kind == ValueKind::Literal) {
            auto it = by_name.find(v.text);
            if (it != by_name.end()) role = it->second;
          }
          if (!role.empty()) attached_[role].push_back({&res, std::move(guard)});
        }
      });
    }
  }

  const std::vector<Attached>* attached(std::string_view role) const {
    auto it = attached_.find(role);
    return it == attached_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string_view, std::vector<Attached>> attached_;
};

void read_boundary(Collector& c, const Node* node, RoleFacts& rf) {
  if (!node) return;
  rf.boundary_property = node;
  bool unknown = false;
  c.managed(node, Guard{}, false, "(permissions boundary)", StatementSink{rf.boundary, unknown});
  rf.has_boundary = !rf.boundary.empty() || unknown;
  rf.boundary_unknown = unknown;
}

void read_template_role(Collector& c, const RoleIndex& index, const Resource& role, RoleFacts& rf) {
  StatementSink out{rf.statements, rf.incomplete};
  std::string role_name(role.logical_id);
  if (const Node* policies = role.property("Policies")) {
    c.items(policies, Guard{}, [&](const Node* item, const Guard& g) {
      if (!item->is_map()) {
        rf.incomplete = true;
        return;
      }
      const Node* name = item->get("PolicyName");
      std::string origin =
          "inline policy " + std::string(name && name->is_scalar() ? name->text() : "") + " of " + role_name;
      c.document(item->get("PolicyDocument"), g, origin, out);
    });
  }
  if (const Node* arns = role.property("ManagedPolicyArns"))
    c.items(arns, Guard{}, [&](const Node* item, const Guard& g) { c.managed(item, g, false, "", out); });
  if (const auto* attached = index.attached(role.logical_id))
    for (const Attached& a : *attached) {
      std::string kind = a.policy->kind == ResourceKind::IamManagedPolicy ? "managed policy " : "policy ";
      c.document(a.policy->property("PolicyDocument"), a.guard, kind + std::string(a.policy->logical_id), out);
    }
  read_boundary(c, role.property("PermissionsBoundary"), rf);
  rf.trust_policy = role.property("AssumeRolePolicyDocument");
  rf.lambda_trust = iam::lambda_trust(c, rf.trust_policy);
}

// Which role the function's Role property names.
void resolve_role(const Template& t, const Resolver& r, const Resource& fn, RoleFacts& rf) {
  bool sam = fn.kind == ResourceKind::ServerlessFunction;
  const Node* node = fn.property("Role");
  rf.role_property = node;
  if (!node) {
    rf.source = sam ? RoleFacts::Source::SamGenerated : RoleFacts::Source::Missing;
    return;
  }
  const Resource* role = nullptr;
  bool other = false, removed = false;
  for (const Value& v : r.values(node)) {
    const Resource* target = v.kind == ValueKind::ResourceRef ? t.resource(v.name) : nullptr;
    if (v.kind == ValueKind::NoValue)
      removed = true;
    else if (target && target->kind == ResourceKind::IamRole && (!role || role == target))
      role = target;
    else
      other = true;
  }
  if (!role && !other) {  // `Role: !Ref AWS::NoValue`: as if absent
    rf.source = sam ? RoleFacts::Source::SamGenerated : RoleFacts::Source::Missing;
  } else if (role && !other && !removed) {
    rf.source = RoleFacts::Source::Template;
    rf.role = role;
  } else {
    rf.source = RoleFacts::Source::External;  // an ARN, a parameter, an import, or several roles
  }
}

// The budget ran out while (or before) this role was read: part of it may be missing.
void cut_off(RoleFacts& rf) {
  rf.incomplete = true;
  if (rf.has_boundary) rf.boundary_unknown = true;
  if (rf.lambda_trust == RoleFacts::Trust::NotAssumable) rf.lambda_trust = RoleFacts::Trust::Unknown;
}

}  // namespace

IamFacts::IamFacts(const Template& t, const Resolver& r) : IamFacts(t, r, ConnectorFacts(t)) {}

IamFacts::IamFacts(const Template& t, const Resolver& r, const ConnectorFacts& connector_facts) {
  // Every statement made and list item expanded costs one unit of a budget proportional to the
  // template, so the work and memory stay linear even for hostile input (aliases repeating a big
  // policy across many roles); what the budget cuts off leaves the role incomplete (Unknown).
  Collector c(t, r, 4 * static_cast<size_t>(t.node_count()) + 4096);
  RoleIndex index(t, r, c);
  iam::Connectors connectors(connector_facts);
  // Functions that use the same template role share its RoleFacts: read once.
  std::unordered_map<std::string_view, size_t> by_role;

  for (const Resource& fn : t.resources()) {
    if (!is_function(fn.kind)) continue;
    RoleFacts rf;
    resolve_role(t, r, fn, rf);
    if (rf.source == RoleFacts::Source::Template) {
      auto [it, first] = by_role.emplace(rf.role->logical_id, roles_.size());
      if (first) {
        read_template_role(c, index, *rf.role, rf);
        roles_.push_back(std::move(rf));
      }
      RoleFacts& shared = roles_[it->second];
      connectors.apply(c, fn, StatementSink{shared.statements, shared.incomplete});
      if (c.exhausted()) cut_off(shared);
      by_function_.emplace(fn.logical_id, it->second);
      continue;
    }
    StatementSink out{rf.statements, rf.incomplete};
    if (rf.source == RoleFacts::Source::SamGenerated) {
      iam::sam_implicit(c, fn, out);
      iam::sam_policies(c, fn, out);
      read_boundary(c, fn.property("PermissionsBoundary"), rf);
      rf.trust_policy = fn.property("AssumeRolePolicyDocument");
      rf.lambda_trust = rf.trust_policy ? iam::lambda_trust(c, rf.trust_policy) : RoleFacts::Trust::Assumable;
    }
    connectors.apply(c, fn, out);
    if (c.exhausted()) cut_off(rf);
    by_function_.emplace(fn.logical_id, roles_.size());
    roles_.push_back(std::move(rf));
  }
}

const RoleFacts* IamFacts::role_of(std::string_view function_logical_id) const {
  auto it = by_function_.find(function_logical_id);
  return it == by_function_.end() ? nullptr : &roles_[it->second];
}

}  // namespace vpclint
