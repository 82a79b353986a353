// Whether the Lambda service may assume a role, from its AssumeRolePolicyDocument.
#include "analysis/iam_trust.h"

#include <algorithm>

#include "model/ascii.h"

namespace vpclint::iam {

namespace {

// No < Maybe < Yes.
enum class Tri : uint8_t { No, Maybe, Yes };

Tri both(Tri a, Tri b) { return std::min(a, b); }

// One Principal.Service value names the Lambda service.
Tri lambda_service(const Value& v) {
  Tri t;
  if (v.kind == ValueKind::Literal)
    t = ascii_iequals(v.text, "lambda.amazonaws.com") || ascii_iequals(v.text, "lambda.amazonaws.com.cn") ? Tri::Yes
                                                                                                          : Tri::No;
  else if (v.kind == ValueKind::Composite)
    t = ascii_iequals(v.text, "lambda.${AWS::URLSuffix}") ? Tri::Yes : Tri::Maybe;
  else
    t = Tri::Maybe;
  return t == Tri::Yes && !v.guard.always() ? Tri::Maybe : t;
}

}  // namespace

RoleFacts::Trust lambda_trust(Collector& c, const Node* doc) {
  using Trust = RoleFacts::Trust;
  if (!doc) return Trust::Unknown;
  const Resolver& r = c.resolver();
  bool unknown = false, allowed = false, denied = false, maybe_allow = false, maybe_deny = false;
  c.items(doc, Guard{}, [&](const Node* d, const Guard& dg) {
    const Node* statements = d->is_map() ? d->get("Statement") : nullptr;
    if (!statements) {
      unknown = true;
      return;
    }
    c.items(statements, dg, [&](const Node* st, const Guard& g) {
      if (!st->is_map()) {
        unknown = true;
        return;
      }
      // Effect.
      std::vector<Value> effect = st->get("Effect") ? r.values(st->get("Effect")) : std::vector<Value>{};
      bool allow = effect.size() == 1 && effect[0].is_literal("Allow");
      bool deny = effect.size() == 1 && effect[0].is_literal("Deny");
      // Action / NotAction covering sts:AssumeRole.
      Tri action = Tri::No;
      const Node* not_action = st->get("NotAction");
      const Node* actions = not_action ? not_action : st->get("Action");
      bool excluded = false, unresolved = false, matched = false;
      c.items(actions, Guard{}, [&](const Node* item, const Guard& ig) {
        for (const Value& v : r.values(item)) {
          if (v.kind == ValueKind::NoValue) continue;
          if (v.kind != ValueKind::Literal || !ig.always() || !v.guard.always())
            unresolved = true;
          else if (action_matches(v.text, "sts:AssumeRole"))
            (not_action ? excluded : matched) = true;
        }
      });
      if (not_action)
        action = excluded ? Tri::No : unresolved ? Tri::Maybe : Tri::Yes;
      else
        action = matched ? Tri::Yes : unresolved ? Tri::Maybe : Tri::No;
      // Principal: the Lambda service ("*" or an account is not the Lambda service).
      Tri principal = Tri::No;
      const Node* p = st->get("Principal");
      if (!p) {
        principal = st->get("NotPrincipal") ? Tri::Maybe : Tri::No;
      } else if (p->is_map()) {
        if (const Node* service = p->get("Service"))
          c.items(service, Guard{}, [&](const Node* item, const Guard& ig) {
            for (const Value& v : r.values(item)) {
              if (v.kind == ValueKind::NoValue) continue;
              Tri t = lambda_service(v);
              if (t == Tri::Yes && !ig.always()) t = Tri::Maybe;
              principal = std::max(principal, t);
            }
          });
      } else if (!p->is_scalar() || p->text() == "*") {
        // A parameter or an intrinsic; or "*", which IAM documents as "all principals" without
        // saying whether service principals are among them: not decided here.
        principal = Tri::Maybe;
      }
      Tri applies = both(action, principal);
      bool conditional = !g.always() || st->get("Condition") != nullptr;
      if (applies == Tri::No) return;
      bool definite = applies == Tri::Yes && !conditional;
      if (allow) (definite ? allowed : maybe_allow) = true;
      if (deny) (definite ? denied : maybe_deny) = true;
      if (!allow && !deny) maybe_allow = maybe_deny = true;  // the effect is not known
    });
  });
  if (denied) return Trust::NotAssumable;
  if (allowed) return maybe_deny || unknown ? Trust::Unknown : Trust::Assumable;
  if (maybe_allow || unknown || c.exhausted()) return Trust::Unknown;
  return Trust::NotAssumable;
}

}  // namespace vpclint::iam
