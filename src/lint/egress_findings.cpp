#include "lint/egress_findings.h"

#include "analysis/facts.h"
#include "lint/text_util.h"

#include <algorithm>
#include <set>

namespace vpclint {

namespace {

bool in_scope(const ServicePath& p, EgressScope scope) {
  bool lambda = p.call->service.endpoint == "lambda";
  return scope == EgressScope::AnyService || (scope == EgressScope::LambdaApi) == lambda;
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

// `stated_in`: the config file that describes the subnets, when they are outside the template.
std::string cause(Blocker b, const std::vector<std::string>& tables, const std::string& vpc, const std::string& service,
                  const std::string& stated_in) {
  if (!stated_in.empty() && b == Blocker::PublicOnly)
    return "which " + stated_in + " states route 0.0.0.0/0 only to an internet gateway; Lambda's network interfaces "
           "never get a public IP, so public subnets give a function no way out";
  if (!stated_in.empty() && b == Blocker::NoRoute)
    return "which " + stated_in + " states have no NAT, and " + (vpc.empty() ? std::string("no") : key_label(vpc) + " has no") +
           " endpoint for " + service + " there or in the template";
  std::string tbl = tables.empty() ? "main route table" : (tables.size() == 1 ? "route table " : "route tables ") + join(tables);
  switch (b) {
    case Blocker::PublicOnly:
      return "whose " + tbl + " send 0.0.0.0/0 only to an internet gateway; Lambda's network interfaces never get a "
             "public IP, so public subnets give a function no way out";
    case Blocker::EndpointDnsOff:
      return "where the only way to " + service + " is an interface endpoint without private DNS, so the SDK resolves "
             "the public name and connects nowhere";
    case Blocker::EndpointSgBlocks:
      return "where the only way to " + service + " is an interface endpoint whose security groups do not admit TCP 443 "
             "from the function";
    case Blocker::FunctionEgressBlocks:
      return "whose own security groups allow no TCP 443 towards the way out";
    default:
      return "whose " + tbl + " ha" + (tables.size() > 1 ? "ve" : "s") + " no route out of the VPC (no NAT) and " +
             (vpc.empty() ? std::string("no") : key_label(vpc) + " has no") + " endpoint for " + service;
  }
}

std::string fix(Blocker b, const ServicePath& p, const std::vector<std::string>& tables, const std::vector<std::string>& groups) {
  const ServiceEndpoint& s = p.call->service;
  std::string vpc = p.vpc.empty() ? "the function's VPC" : key_label(p.vpc);
  std::string sg = groups.empty() ? "the function's security group" : join(groups);
  std::string endpoint = "add an interface endpoint (ServiceName !Sub com.amazonaws.${AWS::Region}." + s.endpoint +
                         ", VpcEndpointType Interface, PrivateDnsEnabled true, a security group admitting TCP 443 from " +
                         sg + ") in " + vpc + "; billed per AZ-hour";
  switch (b) {
    case Blocker::EndpointDnsOff:
      return "set PrivateDnsEnabled: true on the endpoint (and EnableDnsSupport/EnableDnsHostnames on " + vpc +
             "), or call the endpoint's own DNS name from the code";
    case Blocker::EndpointSgBlocks:
      return "give the endpoint a security group with an ingress rule IpProtocol tcp, FromPort 443, ToPort 443, "
             "SourceSecurityGroupId " + sg;
    case Blocker::FunctionEgressBlocks:
      return "add an egress rule to " + sg + ": IpProtocol tcp, FromPort 443, ToPort 443, CidrIp 0.0.0.0/0 (or the "
             "endpoint's security group)";
    default:
      break;
  }
  std::string out;
  int n = 1;
  auto way = [&](const std::string& text) { out += (out.empty() ? "" : "; ") + std::to_string(n++) + ") " + text; };
  if (s.gateway_capable)
    way("add a gateway endpoint for " + s.endpoint + " (free) with RouteTableIds " +
        (tables.empty() ? std::string("of the function's subnets") : join(tables)));
  way(endpoint);
  way("route 0.0.0.0/0 from " + (tables.empty() ? std::string("the subnets' route table") : join(tables)) +
      " to a NAT gateway in a public subnet; billed per hour and per GB");
  if (s.endpoint == "lambda")
    way("let the Lambda service deliver instead of invoking (async destinations, SQS, EventBridge), or share state "
        "through DynamoDB; or move the invoke to a function outside the VPC");
  else
    way("move the " + s.name + " calls to a function outside the VPC");
  if (b == Blocker::PublicOnly) out = "public subnets do not help Lambda; " + out;
  return out;
}

}  // namespace

void report_egress(const LintContext& ctx, FindingSink& sink, Blocker blocker, EgressScope scope) {
  for (const FunctionEgress& fe : ctx.facts.egress.all()) {
    const Resource& fn = *fe.function->function;
    const VpcAttachment& v = *fe.variant;
    std::vector<const ServicePath*> definite, unknown;
    for (const ServicePath& p : fe.services) {
      if (!in_scope(p, scope)) continue;
      if (p.verdict == Verdict::No && p.blocker == blocker) definite.push_back(&p);
      if (blocker == Blocker::NoRoute && p.verdict == Verdict::Unknown && !p.way_out_in_template &&
          !p.unknown_subnets.empty())
        unknown.push_back(&p);
    }
    std::string when = v.guard.describe();
    std::string prefix = when.empty() ? std::string() : when + ", ";
    const Node* at = v.property_key();
    std::vector<std::string> groups;
    for (const auto& item : v.security_groups.items)
      if (!item.empty()) add_unique(groups, key_label(net_key(item[0])));

    if (!definite.empty()) {
      std::vector<std::string> subnets, tables, calls;
      std::string stated_in;
      std::vector<Note> notes;
      bool all_conditional = true;
      for (const ServicePath* p : definite) {
        calls.push_back(describe_call(*p->call));
        all_conditional &= p->call->conditional;
        for (const SubnetPath& sp : p->subnets) {
          if (sp.verdict != Verdict::No) continue;
          add_unique(subnets, key_label(sp.subnet));
          if (const ExternalSubnet* x = ctx.facts.network.external_subnet(sp.subnet)) stated_in = x->source.file;
          if (!sp.route_table.empty()) add_unique(tables, key_label(sp.route_table));
          for (const Note& n : sp.chain)
            if (std::none_of(notes.begin(), notes.end(), [&](const Note& o) { return o.message == n.message; }))
              notes.push_back(n);
        }
        for (const auto& ev : p->call->evidence)
          if (ev.statement && ev.statement->node)
            notes.push_back({ev.action + " granted here" + (ev.statement->origin.empty() ? "" : " (" + ev.statement->origin + ")"),
                             ev.statement->node->pos});
        if (p->call->env_node) notes.push_back({join(p->call->env_hints), p->call->env_node->pos});
      }
      std::string service = definite.size() == 1 ? definite[0]->call->service.name : "these services";
      std::string message = prefix + std::string(fn.logical_id) + " is attached to VPC subnet" +
                            (subnets.size() == 1 ? " " : "s ") + join(subnets) + ", " +
                            cause(blocker, tables, definite[0]->vpc, service, stated_in) + "; its calls to " + join(calls, "; ") +
                            " will hang until the " + timeout_text(ctx.resolver, fn) + " timeout";
      Finding& f = sink.report(at, message, fn.logical_id);
      if (v.from_globals) f.notes.push_back({"VpcConfig inherited from Globals by " + std::string(fn.logical_id), fn.key->pos});
      f.notes.insert(f.notes.end(), notes.begin(), notes.end());
      f.fix = fix(blocker, *definite[0], tables, groups);
      if (all_conditional) {
        f.severity = Severity::Warning;
        f.message += " (the permissions are granted only under a Condition)";
      }
    }
    if (!unknown.empty()) {
      std::vector<std::string> subnets, calls;
      for (const ServicePath* p : unknown) {
        calls.push_back(describe_call(*p->call));
        for (const auto& s : p->unknown_subnets) add_unique(subnets, s);
      }
      std::string service = unknown.size() == 1 ? unknown[0]->call->service.name : "these services";
      Finding& f = sink.report(
          at,
          prefix + std::string(fn.logical_id) + " is attached to subnets defined outside this template (" + join(subnets) +
              ") and nothing in the template gives their VPC a way out to " + service + "; unless those subnets route "
              "0.0.0.0/0 to a NAT or the VPC has an endpoint for it, its calls to " + join(calls, "; ") +
              " will hang until the " + timeout_text(ctx.resolver, fn) + " timeout",
          fn.logical_id);
      f.severity = Severity::Warning;
      for (const ServicePath* p : unknown)
        for (const auto& ev : p->call->evidence)
          if (ev.statement && ev.statement->node) f.notes.push_back({ev.action + " granted here", ev.statement->node->pos});
      f.fix = "state what the template cannot see once, in .vpclint.yaml (network: subnets: [{id: " + subnets[0] +
              ", vpc: ..., egress: nat | internet-gateway | none}]), so this warning becomes a definite answer; or "
              "add an endpoint for " + service + " to the template";
    }
  }
}

}  // namespace vpclint
