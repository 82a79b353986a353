#include "network/egress_report.h"

#include "analysis/facts.h"
#include "cdk_fix.h"

#include <algorithm>

#include "lint/text_util.h"

namespace vpclint {

std::string BlockedEgress::service() const { return paths.size() == 1 ? first().call->service.name : "these services"; }

std::string BlockedEgress::services() const {
  std::vector<std::string> names;
  for (const ServicePath* p : paths) add_unique(names, p->call->service.name);
  return join_and(names);
}

std::string BlockedEgress::endpoints() const {
  std::vector<std::string> names;
  for (const ServicePath* p : paths) add_unique(names, p->call->service.endpoint);
  return join_and(names, "or");
}

std::string BlockedEgress::subnets_possessive() const { return subnets.size() == 1 ? "its subnet's" : "its subnets'"; }

const NetEndpoint* BlockedEgress::endpoint() const {
  for (const SubnetPath* sp : blocked)
    if (sp->via_endpoint) return sp->via_endpoint;
  return nullptr;
}

// "lambda:InvokeFunction on RefundWorker, RestockWorker, granted at line 104"
std::string describe_call(const ServiceCall& call) {
  std::vector<std::string> actions, targets;
  uint32_t line = 0;
  for (const auto& ev : call.evidence) {
    add_unique(actions, ev.action);
    for (const auto& t : ev.targets) add_unique(targets, t);
    if (!line && ev.statement && ev.statement->node) line = ev.statement->node->pos.line;
  }
  std::string s = call.service.name + " (" + join(actions);
  if (!targets.empty()) s += " on " + join(targets);
  if (line) s += ", granted at line " + std::to_string(line);
  if (!call.env_hints.empty()) s += "; " + join(call.env_hints);
  return s + ")";
}

void add_call_notes(const ServiceCall& call, const Position& fallback, std::vector<Note>& notes) {
  struct Grant {
    const PolicyStatement* statement;
    std::vector<std::string> actions, targets;
  };
  std::vector<Grant> grants;  // one per statement, in the order the evidence names them
  std::vector<std::string> unstated;
  for (const auto& ev : call.evidence) {
    if (!ev.statement || !ev.statement->node) {
      add_unique(unstated, ev.action);
      continue;
    }
    auto it = std::find_if(grants.begin(), grants.end(), [&](const Grant& g) { return g.statement == ev.statement; });
    if (it == grants.end()) it = grants.insert(grants.end(), Grant{ev.statement, {}, {}});
    add_unique(it->actions, ev.action);
    for (const auto& t : ev.targets) add_unique(it->targets, t);
  }
  for (const Grant& g : grants) {
    const PolicyStatement& st = *g.statement;
    notes.push_back({join(g.actions) + (g.targets.empty() ? "" : " on " + join(g.targets)) + " granted here" +
                         (st.origin.empty() ? "" : " (" + st.origin + ")"),
                     st.node->pos});
  }
  std::string hints = join(call.env_hints);
  if (!unstated.empty())
    notes.push_back(
        {join(unstated) + (hints.empty() ? "" : ": " + hints), call.env_node ? call.env_node->pos : fallback});
  else if (call.env_node)
    notes.push_back({hints, call.env_node->pos});
}

std::string function_groups_text(const BlockedEgress& b) {
  return b.groups.empty() ? "the function's security group" : join(b.groups);
}

bool is_cdk_function(const BlockedEgress& b) { return is_cdk_resource(*b.egress->function->function); }

std::string cdk_ways_out(const BlockedEgress& b) {
  std::vector<std::string> gateway, interface, names;
  bool invokes = false;
  for (const ServicePath* p : b.paths) {
    const ServiceEndpoint& s = p->call->service;
    if (s.gateway_capable) add_unique(gateway, cdk_gateway_endpoint(s.endpoint));
    add_unique(interface, cdk_interface_endpoint(s.endpoint));
    if (s.endpoint == "lambda")
      invokes = true;
    else
      add_unique(names, s.name);
  }
  std::string out = "in the CDK app: ";
  int n = 1;
  auto way = [&](const std::string& text) {
    out += (n == 1 ? "" : "; ") + std::to_string(n) + ") " + text;
    ++n;
  };
  if (!gateway.empty()) way(join_and(gateway) + " (free)");
  way(join_and(interface) +
      " (private DNS and a security group admitting the VPC on 443 by default; "
      "billed per AZ-hour)");
  std::string nat(kCdkNatSubnets);  // appended, not `+`: GCC 12 warns falsely on a temporary's concatenation
  nat.append("; billed per hour and per GB");
  way(nat);
  if (invokes) way("let Lambda deliver instead of invoking (`onSuccess` destinations, SQS, EventBridge)");
  if (!names.empty()) way("move the " + join_and(names) + " calls to a function without `vpc`");
  return out;
}

std::string tables_phrase(const BlockedEgress& b) {
  if (b.tables.empty()) return "main route table";
  return (b.tables.size() == 1 ? "route table " : "route tables ") + join(b.tables);
}

void soften_when_conditional(const BlockedEgress& b, EgressWords& w) {
  if (!b.all_conditional) return;
  w.severity = Severity::Warning;
  w.qualifier = " (the permissions are granted only under a Condition)";
}

namespace {

void add_note(std::vector<Note>& notes, const Note& n) {
  if (std::none_of(notes.begin(), notes.end(), [&](const Note& o) { return o.message == n.message; }))
    notes.push_back(n);
}

// The blocked subnets of one path, their tables and chains, into `b` and `notes`.
void collect_subnets(const FunctionEgress& fe, const ServicePath& p, BlockedEgress& b, std::vector<Note>& notes) {
  for (size_t i = 0; i < p.subnets.size(); ++i) {
    const SubnetPath& sp = p.subnets[i];  // one per subnet of the placement, in its order
    if (sp.verdict != Verdict::No) continue;
    std::string label = sp.subnet.label();
    if (std::find(b.subnets.begin(), b.subnets.end(), label) == b.subnets.end()) {
      b.subnets.push_back(label);
      b.blocked.push_back(&sp);
    }
    if (const auto& x = fe.placement->subnets[i].outside) {
      b.stated_in = x->described_in;
      b.defined_elsewhere = !x->stated;
      b.observed = x->observed;
    }
    if (!sp.route_table.empty()) add_unique(b.tables, sp.route_table.label());
    for (const Note& n : sp.chain) add_note(notes, n);
  }
  for (const NearMiss& m : p.near_misses)
    if (std::none_of(b.near_misses.begin(), b.near_misses.end(),
                     [&](const NearMiss& o) { return o.kind == m.kind && o.resource == m.resource; }))
      b.near_misses.push_back(m);
}

}  // namespace

void report_blocked_egress(const LintContext& ctx, FindingSink& sink, std::string_view rule, EgressWording words) {
  std::vector<const FunctionEgress*> all;
  for (const FunctionEgress& fe : ctx.facts.egress.all()) all.push_back(&fe);
  for (const FunctionEgress& fe : ctx.facts.egress.without_conditional_ways()) all.push_back(&fe);
  for (const FunctionEgress* each : all) {
    const FunctionEgress& fe = *each;
    BlockedEgress b;
    b.egress = &fe;
    for (const ServicePath& p : fe.services)
      if (egress_rule(p) == rule) b.paths.push_back(&p);
    if (b.paths.empty()) continue;
    const Resource& fn = *fe.function->function;
    const VpcAttachment& v = *fe.variant;
    for (const PlacedGroup& g : fe.placement->groups) add_unique(b.groups, g.key.label());

    std::vector<Note> notes, grants;
    b.all_conditional = true;
    for (const ServicePath* p : b.paths) {
      b.all_conditional &= p->call->conditional;
      collect_subnets(fe, *p, b, notes);
      add_call_notes(*p->call, fn.key ? fn.key->pos : Position{}, grants);
    }
    EgressWords w = words(b);
    // "Caller's calls to S will hang until the 30 s timeout when condition C is false: cause"
    std::string when = fe.situation.describe();
    if (fe.without && fe.without->in_known_deployment) when += " (as with the parameter values vpclint knows)";
    std::string consequence = w.consequence.empty()
                                  ? " will hang until the " + timeout_text(ctx.resolver, fn) + " timeout"
                                  : " " + w.consequence;
    std::string message = std::string(fn.logical_id) + "'s calls to " + b.services() + consequence +
                          (when.empty() ? std::string() : " " + when) + ": " + w.cause + w.qualifier;
    Finding& f = sink.report(v.property_key(), message, fn.logical_id);
    if (v.from_globals)
      f.notes.push_back({"VpcConfig inherited from Globals by " + std::string(fn.logical_id), fn.key->pos});
    if (fe.without) {
      const ConditionalWayOut& c = *fe.without;
      f.notes.insert(f.notes.end(), c.notes.begin(), c.notes.end());
      // Other deployments, or values vpclint cannot tell: the path may exist where it matters.
      if (!c.in_known_deployment) w.severity = Severity::Warning;
      std::string cond(c.condition);
      w.fix = "make condition " + cond + " true wherever " + std::string(fn.logical_id) + " is attached (or attach " +
              std::string(fn.logical_id) + " only under " + cond + "); or " + w.fix;
    }
    f.notes.insert(f.notes.end(), notes.begin(), notes.end());
    for (const Note& n : near_miss_notes(b)) add_note(f.notes, n);
    f.notes.insert(f.notes.end(), grants.begin(), grants.end());
    f.fix = std::move(w.fix);
    if (w.severity) f.severity = *w.severity;
  }
}

}  // namespace vpclint
