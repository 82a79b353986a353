// Each function's way out to the AWS services it calls and to the VPC-only resources it uses.
// The egress and reachability facts say where a path breaks; a kept finding with the matching
// rule and the function's logical id says it is reported, which is what turns the edge red.
#include <algorithm>

#include "graph/graph_builder.h"
#include "lint/rule_ids.h"
#include "lint/text_util.h"

namespace vpclint {

namespace {

std::string reach_cause(ReachProblem p, const VariantReach& v, const VpcResource& r) {
  switch (p) {
    case ReachProblem::OutsideVpc: return "function in no VPC";
    case ReachProblem::OtherVpc: return "function in another VPC";
    case ReachProblem::GroupRefuses: {
      std::string port = r.ports.empty() ? std::string("its port") : "TCP " + std::to_string(r.ports[0]);
      return "security group refuses " + port;
    }
    case ReachProblem::PartlyReached:
      return v.reach == Reach::SomeSubnets ? "only from some subnets" : "only under some conditions";
  }
  return {};
}

}  // namespace

GraphBuilder::GraphBuilder(const LintContext& ctx, const std::vector<Finding>& findings, NetworkGraph& graph)
    : ctx_(ctx), net_(ctx.facts.network), g_(graph) {
  for (const Finding& f : findings) findings_.emplace(f.rule, f.resource);
}

bool GraphBuilder::reported(std::string_view rule, std::string_view resource) const {
  return findings_.count({std::string(rule), std::string(resource)}) > 0;
}

void GraphBuilder::problem_edge(const std::string& from, const std::string& to, const std::string& rule,
                                const std::string& cause, bool is_reported) {
  if (is_reported)
    g_.broken(from, to, rule, rule + ": " + cause);
  else
    g_.uncertain(from, to, cause);
}

void GraphBuilder::way_out(const std::string& fn, const SubnetPath& sp, const std::string& svc) {
  const NetSubnet* s = net_.subnet(sp.subnet);
  if (!s) {  // outside the template: the config's statement is the path
    g_.path(subnet_node(sp.subnet), svc, "as stated");
    return;
  }
  // The egress facts name the endpoint that gave the way out; otherwise it is the default route.
  if (const NetEndpoint* e = sp.via_endpoint) {
    std::string ep = endpoint_node(*e);
    if (e->type == EndpointType::Gateway)
      g_.path(route_table_node(*s), ep, "prefix list route");
    else
      g_.path(fn, ep, "HTTPS 443");
    g_.path(ep, svc);
    return;
  }
  g_.path(last_hop(*s), svc);
}

void GraphBuilder::blocked(const Resource& fn, const std::string& fn_node, const SubnetPath& sp, const ServicePath& p,
                           const std::string& svc) {
  const ServiceEndpoint& service = p.call->service;
  // The rule follows the path's verdict (mixed blockers across subnets are reported as no route);
  // where the edge breaks follows this subnet's own blocker.
  std::string rule(egress_rule(p));
  bool on = reported(rule, fn.logical_id);
  const NetSubnet* s = net_.subnet(sp.subnet);
  std::string from = s ? last_hop(*s) : subnet_node(sp.subnet);
  std::string cause;
  switch (sp.blocker) {
    case Blocker::PublicOnly: cause = "public subnet, no public IP"; break;
    case Blocker::EndpointDnsOff:
      cause = "private DNS off";
      if (sp.via_endpoint) {
        from = endpoint_node(*sp.via_endpoint);
        g_.path(fn_node, from, "HTTPS 443");
      }
      break;
    case Blocker::EndpointSgBlocks:
      if (sp.via_endpoint) {
        std::string ep = endpoint_node(*sp.via_endpoint);
        problem_edge(fn_node, ep, rule, "endpoint refuses HTTPS", on);
        g_.path(ep, svc);
        return;
      }
      cause = "endpoint refuses HTTPS";
      break;
    case Blocker::FunctionEgressBlocks:
      cause = "own security group blocks 443";
      from = fn_node;
      break;
    default: {
      const GraphNode* hop = g_.find(from);
      cause =
          hop && hop->kind == GraphNodeKind::Nat ? "NAT has no route to the internet" : "no route to " + service.name;
      break;
    }
  }
  problem_edge(from, svc, rule, cause, on);
}

void GraphBuilder::egress(const FunctionEgress& fe) {
  const Resource& fn = *fe.function->function;
  const VpcAttachment& v = *fe.variant;
  std::string fn_node = function_node(fn);
  for (const ServicePath& p : fe.services) {
    const ServiceEndpoint& service = p.call->service;
    std::string svc = service_node(service);
    // Subnets outside the template with no way out in it: the undetermined-egress warning.
    std::string rule(egress_rule(p));
    bool unknown_warned = p.verdict == Verdict::Unknown && !rule.empty() && reported(rule, fn.logical_id);
    auto unknown_exit = [&](const std::string& from) {
      if (unknown_warned)
        problem_edge(from, svc, rule, "no way out in the template", true);
      else
        g_.uncertain(from, svc, "decided outside the template");
    };
    for (const SubnetPath& sp : p.subnets) {
      const NetSubnet* s = net_.subnet(sp.subnet);
      switch (sp.verdict) {
        case Verdict::Yes: way_out(fn_node, sp, svc); break;
        case Verdict::No: blocked(fn, fn_node, sp, p, svc); break;
        case Verdict::OutsideTemplate:
        case Verdict::Unknown: unknown_exit(s ? last_hop(*s) : subnet_node(sp.subnet)); break;
      }
    }
    if (v.subnets.unknown) unknown_exit(outside_node("sn", unknown_list_key(fn, v.subnets, "SubnetIds"), "subnets"));
  }
}

void GraphBuilder::reachability(const ResourceUsage& u) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string from = function_node(fn), to = resource_node(r);
  bool reaches = any_variant_reaches(u);
  std::vector<std::string> reported_labels, causes;
  std::string first_rule;
  for (const VariantReach& v : u.variants) {
    ReachProblem problem;
    if (!classify_reach(v.reach, reaches, problem)) continue;
    std::string rule(reach_rule(problem)), cause = reach_cause(problem, v, r);
    if (!reported(rule, fn.logical_id)) {
      add_unique(causes, cause);
      continue;
    }
    if (first_rule.empty()) first_rule = rule;
    add_unique(reported_labels, rule + ": " + cause);
  }
  if (!reported_labels.empty()) {
    g_.broken(from, to, first_rule, join(reported_labels, "\n"));
  } else if (!causes.empty()) {
    g_.uncertain(from, to, join(causes, "\n"));
  } else {
    g_.path(from, to, ports_text(r));
  }
}

void GraphBuilder::build() {
  const Facts& facts = ctx_.facts;
  for (const FunctionVpc& fv : facts.functions.functions())
    for (const VpcAttachment& v : fv.variants)
      if (v.attached()) attach(fv, v);
  for (const FunctionEgress& fe : facts.egress.all()) egress(fe);
  for (const ResourceUsage& u : facts.reachability.usages()) reachability(u);
  admissions();
  if (g_.nodes().empty())
    g_.node("note_empty", GraphNodeKind::Note, "no function attached to a VPC\nand no VPC-only resource in use");
  g_.finish();
}

NetworkGraph build_network_graph(const LintContext& ctx, const std::vector<Finding>& findings, std::string title) {
  NetworkGraph graph;
  graph.title = std::move(title);
  GraphBuilder(ctx, findings, graph).build();
  return graph;
}

}  // namespace vpclint
