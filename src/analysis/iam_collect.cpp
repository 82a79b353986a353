#include "analysis/iam_collect.h"

#include "model/ascii.h"

namespace vpclint::iam {

Guard resource_guard(const Resource& r) {
  Guard g;
  if (!r.condition.empty()) g.assume(r.condition, true);
  return g;
}

namespace {

// A Condition whose tests admit only requests an AWS service makes for the principal: a positive
// test of aws:CalledVia, aws:CalledViaFirst, aws:CalledViaLast or kms:ViaService, or
// aws:ViaAWSService true (as scripts/gen_managed_policies.py's via_service decides for AWS's).
bool only_via_service(const Node* condition) {
  if (!condition || !condition->is_map()) return false;
  for (const MapEntry& op : condition->entries()) {
    if (!op.value->is_map()) continue;
    std::string_view o = op.key->text();
    bool string_test = ascii_iequals(o, "StringEquals") || ascii_iequals(o, "StringLike") ||
                       ascii_iequals(o, "ForAnyValue:StringEquals") || ascii_iequals(o, "ForAnyValue:StringLike");
    for (const MapEntry& test : op.value->entries()) {
      std::string_view key = test.key->text();
      if (string_test && (ascii_iequals(key, "aws:CalledVia") || ascii_iequals(key, "aws:CalledViaFirst") ||
                          ascii_iequals(key, "aws:CalledViaLast") || ascii_iequals(key, "kms:ViaService")))
        return true;
      const Node* v = test.value->is_seq() && test.value->size == 1 ? test.value->items()[0] : test.value;
      if (ascii_iequals(o, "Bool") && ascii_iequals(key, "aws:ViaAWSService") && v->is_scalar() &&
          ascii_iequals(v->text(), "true"))
        return true;
    }
  }
  return false;
}

}  // namespace

void Collector::document(const Node* doc, const Guard& guard, const std::string& origin, StatementSink out) {
  if (!doc) {
    out.incomplete = true;
    return;
  }
  items(doc, guard, [&](const Node* d, const Guard& g) {
    const Node* statements = d->is_map() ? d->get("Statement") : nullptr;
    if (!statements) {  // a JSON string, a parameter, an import: not readable here
      out.incomplete = true;
      return;
    }
    items(statements, g, [&](const Node* st, const Guard& sg) { statement(st, sg, origin, out); });
  });
}

// The literal strings of an Action/NotAction value; anything else (a parameter, an `!If`
// alternative) makes the statement uncertain.
void Collector::strings(const Node* node, std::vector<std::string>& certain, bool& uncertain) {
  items(node, Guard{}, [&](const Node* item, const Guard& g) {
    if (!g.always()) {
      uncertain = true;
      return;
    }
    std::vector<Value> values = r_.values(item);
    if (values.size() == 1 && values[0].kind == ValueKind::Literal && values[0].guard.always()) {
      certain.push_back(values[0].text);
      return;
    }
    for (const Value& v : values)
      if (v.kind != ValueKind::NoValue) uncertain = true;
  });
}

void Collector::statement(const Node* st, const Guard& guard, const std::string& origin, StatementSink out) {
  if (!spend(out)) return;
  if (!st->is_map()) {
    out.incomplete = true;
    return;
  }
  PolicyStatement s;
  s.guard = guard;
  s.node = st;
  s.origin = origin;

  // Effect: exactly "Allow" or "Deny"; anything else could be either.
  bool effect_known = false;
  if (const Node* e = st->get("Effect")) {
    std::vector<Value> v = r_.values(e);
    if (v.size() == 1 && v[0].kind == ValueKind::Literal && (v[0].text == "Allow" || v[0].text == "Deny")) {
      s.effect = v[0].text == "Allow" ? Effect::Allow : Effect::Deny;
      effect_known = true;
    }
  }

  // Resource / NotResource.
  if (st->get("NotResource")) {
    s.not_resource = true;
  } else if (const Node* res = st->get("Resource")) {
    items(res, Guard{}, [&](const Node* item, const Guard& g) {
      for (Value& v : r_.values(item)) {
        if (v.kind == ValueKind::NoValue) continue;
        if (!v.guard.combine(g)) continue;
        s.resources.push_back(std::move(v));
      }
    });
  }

  if (const Node* c = st->get("Condition")) {
    std::vector<Value> v = r_.values(c);
    bool removed = v.size() == 1 && v[0].kind == ValueKind::NoValue;
    bool empty_map = c->is_map() && c->size == 0;
    s.has_condition = !removed && !empty_map;
    s.only_via_service = s.has_condition && only_via_service(c);
    s.service_side |= s.only_via_service;
  }

  bool uncertain = !effect_known;
  std::vector<PolicyStatement> made;
  if (const Node* na = st->get("NotAction")) {
    bool u = false;
    std::vector<std::string> names;
    strings(na, names, u);
    s.not_actions = std::move(names);
    // NotAction names what the statement does NOT cover: an unknown entry makes all of it uncertain.
    if (u) uncertain = true;
    if (s.not_actions.empty()) s.not_actions.push_back("");  // `NotAction: []` covers everything
    s.uncertain = uncertain;
    made.push_back(std::move(s));
  } else if (const Node* a = st->get("Action")) {
    bool u = false;
    std::vector<std::string> certain;
    strings(a, certain, u);
    if (u) {  // the unresolved part: may cover anything
      PolicyStatement rest = s;
      rest.actions = {"*"};
      rest.uncertain = true;
      made.push_back(std::move(rest));
    }
    if (!certain.empty()) {
      s.actions = std::move(certain);
      s.uncertain = uncertain;
      made.push_back(std::move(s));
    }
  }  // neither: the statement covers nothing (IAM rejects it anyway)

  for (PolicyStatement& p : made) {
    if (!effect_known) {  // could be Allow or Deny: keep both, uncertain
      PolicyStatement deny = p;
      deny.effect = Effect::Deny;
      deny.uncertain = true;
      p.effect = Effect::Allow;
      p.uncertain = true;
      out.statements.push_back(std::move(deny));
    }
    out.statements.push_back(std::move(p));
  }
}

void Collector::aws_managed(const ManagedPolicy& p, const Node* at, const Guard& guard, const std::string& why,
                            StatementSink out) {
  std::string origin = "AWS managed policy " + std::string(p.name());
  if (!why.empty()) origin += " " + why;
  for (const PolicyStatement& decoded : p.statements()) {
    // The copy shares its action list, but every evaluation walks it: a long list costs more
    // (ReadOnlyAccess, about 2,900 actions, some 45 units) so that repeating it stays bounded.
    if (!spend(out, 1 + (decoded.actions.size() + decoded.not_actions.size()) / 64)) return;
    PolicyStatement s = decoded;  // the same statement an inline document would give
    for (Value& v : s.resources) v.node = at;
    s.guard = guard;
    s.node = at;
    s.origin = origin;
    out.statements.push_back(std::move(s));
  }
}

void Collector::managed(const Node* ref, const Guard& guard, bool names_allowed, const std::string& why,
                        StatementSink out) {
  for (const Value& v : r_.values(ref)) {
    if (v.kind == ValueKind::NoValue) continue;
    Guard g = guard;
    if (!g.combine(v.guard)) continue;
    const Node* at = v.node ? v.node : ref;
    if (v.kind == ValueKind::ResourceRef) {
      const Resource* p = t_.resource(v.name);
      if (p && p->kind == ResourceKind::IamManagedPolicy) {
        Guard pg = g;
        if (!pg.combine(resource_guard(*p))) continue;
        document(p->property("PolicyDocument"), pg, "managed policy " + std::string(p->logical_id), out);
      } else {
        out.incomplete = true;
      }
      continue;
    }
    if (v.kind != ValueKind::Literal && v.kind != ValueKind::Composite) {
      out.incomplete = true;  // a parameter, an import, an SSM value
      continue;
    }
    std::string_view path = aws_managed_policy_path(v.text);
    std::optional<ManagedPolicy> p;
    if (!path.empty())
      p = find_managed_policy(path);
    else if (names_allowed && v.kind == ValueKind::Literal && v.text.find(':') == std::string::npos)
      p = find_managed_policy_by_name(v.text);
    if (p)
      aws_managed(*p, at, g, why, out);
    else
      out.incomplete = true;  // a customer managed policy, or a path AWS has no policy at
  }
}

}  // namespace vpclint::iam
