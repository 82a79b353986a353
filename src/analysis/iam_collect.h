// Internal to the IAM analysis: turns policy documents, managed policy references and SAM
// Policies into PolicyStatements. One Collector serves a whole template; its budget bounds the
// total work (statements made and list items expanded) so hostile templates stay linear.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/iam.h"
#include "analysis/iam_managed_policies.h"

namespace vpclint::iam {

// Where statements go: the identity policies or the permissions boundary of a role.
struct StatementSink {
  std::vector<PolicyStatement>& statements;
  bool& incomplete;  // set when something could not be resolved
};

class Collector {
 public:
  Collector(const Template& t, const Resolver& r, size_t budget) : t_(t), r_(r), budget_(budget) {}

  const Template& model() const { return t_; }
  const Resolver& resolver() const { return r_; }

  // Calls f(item, guard) for each item of a list written with `!If` at the list or the item
  // level (AWS::NoValue dropped); a node that is no list is one item.
  template <class F>
  void items(const Node* node, const Guard& guard, F&& f) {
    expand(node, guard, f, 0, true);
  }

  // A policy document (a mapping with Statement), possibly under `!If`.
  void document(const Node* doc, const Guard& guard, const std::string& origin, StatementSink out);
  // One statement mapping.
  void statement(const Node* st, const Guard& guard, const std::string& origin, StatementSink out);
  // A managed policy reference: an AWS managed policy ARN (literal or !Sub with a partition), a
  // !Ref to an AWS::IAM::ManagedPolicy of the template, or (SAM `Policies`) a bare AWS managed
  // policy name.
  void managed(const Node* ref, const Guard& guard, bool names_allowed, const std::string& why, StatementSink out);
  // The statements of an AWS managed policy (from the generated table of all of them).
  void aws_managed(const ManagedPolicy& p, const Node* at, const Guard& guard, const std::string& why,
                   StatementSink out);

  // Takes `units` of the budget; false (and the sink marked incomplete) once it is spent.
  bool spend(StatementSink out, size_t units = 1) {
    if (budget_ < units) {
      budget_ = 0;
      out.incomplete = true;
      return false;
    }
    budget_ -= units;
    return true;
  }
  bool exhausted() const { return budget_ == 0; }

 private:
  template <class F>
  void expand(const Node* node, const Guard& guard, F& f, int depth, bool list_level) {
    if (!node || depth > 32 || budget_ == 0) return;
    --budget_;
    if (node->is_intrinsic(Fn::If) && node->info()) {
      auto branches = node->arg->items();
      Guard yes = guard, no = guard;
      if (yes.assume(node->info()->target, true)) expand(branches[1], yes, f, depth + 1, list_level);
      if (no.assume(node->info()->target, false)) expand(branches[2], no, f, depth + 1, list_level);
      return;
    }
    if (node->is_intrinsic(Fn::Ref) && node->info() && node->info()->target == "AWS::NoValue") return;
    if (list_level && node->is_seq()) {
      for (const Node* item : node->items()) expand(item, guard, f, depth + 1, false);
      return;
    }
    f(node, guard);
  }

  void strings(const Node* node, std::vector<std::string>& certain, bool& uncertain);

  const Template& t_;
  const Resolver& r_;
  size_t budget_;
};

// The guard under which a resource exists (its Condition attribute).
Guard resource_guard(const Resource& r);

}  // namespace vpclint::iam
