#include "network/egress_report.h"

#include "analysis/facts.h"
#include "cdk_fix.h"

#include <algorithm>

#include "lint/text_util.h"

namespace vpclint {

std::string BlockedEgress::service() const { return paths.size() == 1 ? first().call->service.name : "these services"; }

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

std::string no_route_cause(const BlockedEgress& b) {
  std::string no_endpoint =
      (b.vpc().empty() ? std::string("no") : b.vpc().label() + " has no") + " endpoint for " + b.service();
  if (!b.stated_in.empty() && b.defined_elsewhere)
    return "which " + b.stated_in + (b.observed ? " shows" : " defines") +
           " with no route out of the VPC (no NAT), and " + no_endpoint + " there or in this template";
  if (!b.stated_in.empty())
    return "which " + b.stated_in + " states have no NAT, and " + no_endpoint + " there or in the template";
  const auto& tables = b.tables;
  std::string tbl =
      tables.empty() ? "main route table" : (tables.size() == 1 ? "route table " : "route tables ") + join(tables);
  return "whose " + tbl + " ha" + (tables.size() > 1 ? "ve" : "s") + " no route out of the VPC (no NAT) and " +
         no_endpoint;
}

std::string function_groups_text(const BlockedEgress& b) {
  return b.groups.empty() ? "the function's security group" : join(b.groups);
}

std::string ways_out(const BlockedEgress& b) {
  const ServiceEndpoint& s = b.first().call->service;
  std::string vpc = b.vpc().empty() ? "the function's VPC" : b.vpc().label();
  std::string out;
  int n = 1;
  auto way = [&](const std::string& text) { out += (out.empty() ? "" : "; ") + std::to_string(n++) + ") " + text; };
  if (s.gateway_capable)
    way("add a gateway endpoint for " + s.endpoint + " (free) with RouteTableIds " +
        (b.tables.empty() ? std::string("of the function's subnets") : join(b.tables)));
  way("add an interface endpoint (ServiceName !Sub com.amazonaws.${AWS::Region}." + s.endpoint +
      ", VpcEndpointType Interface, PrivateDnsEnabled true, a security group admitting TCP 443 from " +
      function_groups_text(b) + ") in " + vpc + "; billed per AZ-hour");
  way("route 0.0.0.0/0 from " + (b.tables.empty() ? std::string("the subnets' route table") : join(b.tables)) +
      " to a NAT gateway in a public subnet; billed per hour and per GB");
  if (s.endpoint == "lambda")
    way("let the Lambda service deliver instead of invoking (async destinations, SQS, EventBridge), or share state "
        "through DynamoDB; or move the invoke to a function outside the VPC");
  else
    way("move the " + s.name + " calls to a function outside the VPC");
  return out;
}

bool is_cdk_function(const BlockedEgress& b) { return is_cdk_resource(*b.egress->function->function); }

std::string cdk_ways_out(const BlockedEgress& b) {
  const ServiceEndpoint& s = b.first().call->service;
  std::string out = "in the CDK app: ";
  int n = 1;
  auto way = [&](const std::string& text) {
    out += (n == 1 ? "" : "; ") + std::to_string(n) + ") " + text;
    ++n;
  };
  if (s.gateway_capable) way(cdk_gateway_endpoint(s.endpoint) + " (free)");
  way(cdk_interface_endpoint(s.endpoint) +
      " (private DNS and a security group admitting the VPC on 443 by default; "
      "billed per AZ-hour)");
  std::string nat(kCdkNatSubnets);  // appended, not `+`: GCC 12 warns falsely on a temporary's concatenation
  nat.append("; billed per hour and per GB");
  way(nat);
  if (s.endpoint == "lambda")
    way("let Lambda deliver instead of invoking (`onSuccess` destinations, SQS, EventBridge)");
  else
    way("move the " + s.name + " calls to a function without `vpc`");
  return out;
}

void soften_when_conditional(const BlockedEgress& b, EgressWords& w) {
  if (!b.all_conditional) return;
  w.severity = Severity::Warning;
  w.qualifier = " (the permissions are granted only under a Condition)";
}

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

    std::vector<std::string> calls;
    std::vector<Note> notes;
    b.all_conditional = true;
    for (const ServicePath* p : b.paths) {
      calls.push_back(describe_call(*p->call));
      b.all_conditional &= p->call->conditional;
      for (size_t i = 0; i < p->subnets.size(); ++i) {
        const SubnetPath& sp = p->subnets[i];  // one per subnet of the placement, in its order
        if (sp.verdict != Verdict::No) continue;
        add_unique(b.subnets, sp.subnet.label());
        if (const auto& x = fe.placement->subnets[i].outside) {
          b.stated_in = x->described_in;
          b.defined_elsewhere = !x->stated;
          b.observed = x->observed;
        }
        if (!sp.route_table.empty()) add_unique(b.tables, sp.route_table.label());
        for (const Note& n : sp.chain)
          if (std::none_of(notes.begin(), notes.end(), [&](const Note& o) { return o.message == n.message; }))
            notes.push_back(n);
      }
      for (const auto& ev : p->call->evidence)
        if (ev.statement && ev.statement->node)
          notes.push_back(
              {ev.action + " granted here" + (ev.statement->origin.empty() ? "" : " (" + ev.statement->origin + ")"),
               ev.statement->node->pos});
      if (p->call->env_node) notes.push_back({join(p->call->env_hints), p->call->env_node->pos});
    }
    EgressWords w = words(b);
    std::string when = fe.situation.describe();
    if (fe.without && fe.without->in_known_deployment) when += " (as with the parameter values vpclint knows)";
    std::string message = (when.empty() ? std::string() : when + ", ") + std::string(fn.logical_id) +
                          " is attached to VPC subnet" + (b.subnets.size() == 1 ? " " : "s ") + join(b.subnets) + ", " +
                          w.cause + "; its calls to " + join(calls, "; ") +
                          (w.consequence.empty() ? " will hang until the " + timeout_text(ctx.resolver, fn) + " timeout"
                                                 : " " + w.consequence) +
                          w.qualifier;
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
    f.fix = std::move(w.fix);
    if (w.severity) f.severity = *w.severity;
  }
}

}  // namespace vpclint
