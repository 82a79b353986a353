// IAM evaluation: action matching and the decision for one action. Gathering the statements is
// in iam_facts.cpp (roles, attached policies), iam_sam.cpp (SAM) and iam_collect.cpp (documents).
#include "analysis/iam.h"

#include <algorithm>

#include "model/ascii.h"

namespace vpclint {

const std::vector<std::string>& ActionList::view() const {
  static const std::vector<std::string> kNone;
  return list_ ? *list_ : kNone;
}

std::vector<std::string>& ActionList::own() {
  // A list another copy may still read is copied first (use_count errs high, never low, for
  // the copies this thread can see).
  if (!list_)
    list_ = std::make_shared<std::vector<std::string>>();
  else if (list_.use_count() > 1)
    list_ = std::make_shared<std::vector<std::string>>(*list_);
  return *list_;
}

// Glob matching with `*` (any run) and `?` (one character), case-insensitive. Greedy with a
// single resume point (the last `*`): no recursion, no exponential backtracking; at worst
// O(|pattern| * |action|), linear for the usual patterns.
bool action_matches(std::string_view pattern, std::string_view action) {
  size_t p = 0, a = 0;
  size_t star = std::string_view::npos, resume = 0;
  while (a < action.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || ascii_lower(pattern[p]) == ascii_lower(action[a]))) {
      ++p;
      ++a;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = a;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      a = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool PolicyStatement::covers(std::string_view action) const {
  if (!not_actions.empty()) {
    for (const auto& n : not_actions)
      if (action_matches(n, action)) return false;
    return true;
  }
  for (const auto& a : actions)
    if (action_matches(a, action)) return true;
  return false;
}

namespace {

enum class Cover : uint8_t { No, Maybe, Yes };

// "arn:partition:service:region:account:resource" -> its six fields; false for anything else.
// Colons inside `${...}` placeholders (${AWS::Partition}) do not separate fields.
bool split_arn(std::string_view arn, std::string_view (&field)[6]) {
  size_t start = 0, depth = 0;
  int n = 0;
  for (size_t i = 0; i < arn.size() && n < 5; ++i) {
    if (arn[i] == '$' && i + 1 < arn.size() && arn[i + 1] == '{')
      ++depth;
    else if (arn[i] == '}' && depth)
      --depth;
    else if (arn[i] == ':' && !depth) {
      field[n++] = arn.substr(start, i - start);
      start = i + 1;
    }
  }
  if (n < 5) return false;
  field[5] = arn.substr(start);
  return field[0] == "arn";
}

// How far a literal Resource pattern reaches for `action`.
enum class Reach : uint8_t {
  OtherService,  // an ARN of another service
  Specific,      // named resources of the action's service (or something that is no ARN)
  Partial,       // a wildcard pattern of the service that names part of it ("...:network-interface/*")
  All,           // every resource of the service: "*", "arn:aws:ec2:*:*:*"
};

Reach literal_reach(std::string_view pattern, std::string_view action) {
  if (pattern == "*") return Reach::All;
  std::string_view f[6];
  if (!split_arn(pattern, f)) return Reach::Specific;
  size_t colon = action.find(':');
  std::string_view service = colon == std::string_view::npos ? action : action.substr(0, colon);
  if (!action_matches(f[2], service)) return Reach::OtherService;
  if (f[5] == "*" && (f[3] == "*" || f[3].empty()) && (f[4] == "*" || f[4].empty())) return Reach::All;
  return f[5].find_first_of("*?") != std::string_view::npos ? Reach::Partial : Reach::Specific;
}

// A composite ARN whose service and resource are written out and only the partition, region or
// account come from the stack ("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/x"):
// `pattern` gets the ARN with those fields as wildcards, so its reach can be judged like a literal.
bool known_shape(const Value& v, std::string& pattern) {
  if (v.kind != ValueKind::Composite) return false;
  std::string_view f[6];
  if (!split_arn(v.text, f)) return false;
  auto variable = [](std::string_view x) { return x.find("${") != std::string_view::npos; };
  if (variable(f[2]) || variable(f[5])) return false;
  pattern = "arn:" + std::string(variable(f[1]) ? "aws" : f[1]) + ":" + std::string(f[2]) + ":" +
            std::string(variable(f[3]) ? "*" : f[3]) + ":" + std::string(variable(f[4]) ? "*" : f[4]) + ":" +
            std::string(f[5]);
  return true;
}

// Whether something that exists under `guard` exists in the situation `assuming` describes.
Cover holds(const Guard& guard, const Guard& assuming) {
  if (guard.always()) return Cover::Yes;
  Guard both = assuming;
  if (!both.combine(guard)) return Cover::No;
  return both.assumptions().size() == assuming.assumptions().size() ? Cover::Yes : Cover::Maybe;
}

// Whether the statement's resources reach what `scope` asks for.
Cover resource_cover(const PolicyStatement& s, std::string_view action, ResourceScope scope, const Guard& assuming) {
  bool deny = s.effect == Effect::Deny;
  if (s.not_resource) {
    if (deny) return Cover::Maybe;  // denies all but some resources
    return scope == ResourceScope::Any ? Cover::Yes : Cover::Maybe;
  }
  if (s.resources.empty()) return Cover::Maybe;  // no Resource: IAM rejects the statement
  Cover best = Cover::No;
  for (const Value& v : s.resources) {
    Cover c;
    std::string pattern;
    if (v.kind != ValueKind::Literal && !known_shape(v, pattern)) {
      // A value the template does not spell out: an Allow is taken to reach it (the author meant
      // it to); a Deny of unknown reach only makes the decision uncertain.
      c = deny ? Cover::Maybe : Cover::Yes;
    } else {
      Reach reach =
          literal_reach(v.kind == ValueKind::Literal ? std::string_view(v.text) : std::string_view(pattern), action);
      if (reach == Reach::OtherService)
        c = Cover::No;
      else if (deny)  // all of it is denied; part of it may be the part Lambda needs
        c = reach == Reach::All ? Cover::Yes : scope == ResourceScope::All ? Cover::Maybe : Cover::No;
      else if (scope == ResourceScope::Any)
        c = Cover::Yes;  // allowed on some resource
      else               // a wildcard ARN of the service counts as "*" (the region or account may be the stack's own)
        c = reach == Reach::Specific ? Cover::No : Cover::Yes;
    }
    c = std::min(c, holds(v.guard, assuming));
    if (c > best) best = c;
  }
  return best;
}

struct Tally {
  const PolicyStatement* via_only = nullptr;  // an Allow that applies only to forward access sessions
  const PolicyStatement* deny = nullptr;
  const PolicyStatement* allow = nullptr;
  const PolicyStatement* maybe_deny = nullptr;
  const PolicyStatement* maybe_allow = nullptr;
};

Tally tally(const std::vector<PolicyStatement>& statements, std::string_view action, ResourceScope scope,
            const Guard& assuming) {
  Tally t;
  for (const PolicyStatement& s : statements) {
    Cover exists = holds(s.guard, assuming);
    if (exists == Cover::No || !s.covers(action)) continue;
    if (s.only_via_service) {
      if (s.effect == Effect::Allow && !t.via_only) t.via_only = &s;
      continue;
    }
    Cover rc = std::min(exists, resource_cover(s, action, scope, assuming));
    if (rc == Cover::No) continue;
    bool definite = rc == Cover::Yes && !s.uncertain && !s.has_condition;
    auto& slot = s.effect == Effect::Deny ? (definite ? t.deny : t.maybe_deny) : (definite ? t.allow : t.maybe_allow);
    if (!slot) slot = &s;
  }
  return t;
}

}  // namespace

Evaluation RoleFacts::evaluate(std::string_view action, ResourceScope scope, const Guard& assuming) const {
  bool open = incomplete || source == Source::External || source == Source::Missing;
  Tally t = tally(statements, action, scope, assuming);
  if (t.deny) return {Decision::Denied, t.deny};
  if (t.allow) {
    if (t.maybe_deny) return {Decision::Maybe, t.maybe_deny};
    if (!has_boundary) return {Decision::Allowed, t.allow};
    if (boundary_unknown) return {Decision::Unknown, t.allow, true};
    Tally b = tally(boundary, action, scope, assuming);
    if (b.deny) return {Decision::Denied, b.deny, true};
    if (b.allow)
      return b.maybe_deny ? Evaluation{Decision::Maybe, b.maybe_deny, true} : Evaluation{Decision::Allowed, t.allow};
    if (b.maybe_allow) return {Decision::Maybe, b.maybe_allow, true};
    return {Decision::Denied, nullptr, true};
  }
  if (t.maybe_allow) return {Decision::Maybe, t.maybe_allow};
  if (open) return {Decision::Unknown, nullptr};
  return {Decision::NotAllowed, t.via_only};
}

}  // namespace vpclint
