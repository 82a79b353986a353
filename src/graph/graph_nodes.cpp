// The network objects of the picture and the structure between them.
#include <filesystem>
#include <set>

#include "graph/graph_builder.h"
#include "model/ascii.h"

namespace vpclint {

namespace {

// A config file is cited by its name only: the path depends on where vpclint runs.
std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string_view endpoint_type_text(EndpointType t) {
  switch (t) {
    case EndpointType::Gateway: return "gateway endpoint";
    case EndpointType::Interface: return "interface endpoint";
    case EndpointType::GatewayLoadBalancer: return "Gateway Load Balancer endpoint";
  }
  return "endpoint";
}

// "TCP 6379", "TCP 1024-65535", "all traffic"
std::string rule_ports(const SgRule& rule) {
  if (rule.protocol == "-1") return "all traffic";
  std::string proto = rule.protocol == "6" ? "TCP" : rule.protocol == "17" ? "UDP" : rule.protocol;
  proto = ascii_upper(proto);
  if (rule.from == -1) return proto;
  return proto + " " + std::to_string(rule.from) + (rule.to == rule.from ? "" : "-" + std::to_string(rule.to));
}

}  // namespace

std::string GraphBuilder::vpc_cluster(const NetKey& vpc_key) {
  if (vpc_key.empty()) return {};
  std::string id = graph_id("vpc", vpc_key.id_text());
  if (const NetVpc* v = net_.vpc(vpc_key))
    g_.cluster(id, logical_name(v->resource) + "\nVPC" + (v->cidr ? " " + cidr_text(*v->cidr) : std::string()), false);
  else
    g_.cluster(id, vpc_key.label() + "\nVPC outside the template", true);
  return id;
}

std::string GraphBuilder::function_node(const Resource& fn) {
  return g_.node(graph_id("fn", fn.logical_id), GraphNodeKind::Function,
                 std::string(fn.logical_id) + "\nLambda function");
}

std::string GraphBuilder::outside_node(std::string_view prefix, const NetKey& key, std::string_view what,
                                       std::string cluster) {
  return outside_node(prefix, OutsideName{key.empty() ? "unknown" : std::string(key.id_text()), key.label()}, what,
                      std::move(cluster));
}

std::string GraphBuilder::outside_node(std::string_view prefix, const OutsideName& name, std::string_view what,
                                       std::string cluster) {
  return g_.node(graph_id(prefix, name.id), GraphNodeKind::Outside,
                 name.label + "\n" + std::string(what) + " outside the template", std::move(cluster));
}

std::string GraphBuilder::subnet_node(const NetKey& key) {
  std::string id = graph_id("sn", key.id_text());
  if (g_.find(id)) return id;
  if (const NetSubnet* s = net_.subnet(key)) {
    std::string label = logical_name(s->resource) + "\nsubnet" + (s->cidr ? " " + cidr_text(*s->cidr) : std::string());
    g_.node(id, GraphNodeKind::Subnet, label, vpc_cluster(s->vpc));
    g_.path(id, route_table_node(*s));
    return id;
  }
  if (auto x = net_.outside_subnet(key)) {
    // What the team's config states, or another template defines, decides its paths: the picture says so.
    std::string label = key.label() + "\nsubnet outside the template";
    if (!x->not_in.empty())
      label += "\nnot in " + x->not_in;
    else if (x->observed)  // the snapshot's label is no path: "snapshot prod/ (taken ...)"
      label += "\negress " + std::string(subnet_egress_name(x->egress)) + ", in " + x->described_in;
    else
      label += "\negress " + std::string(subnet_egress_name(x->egress)) +
               (x->stated ? ", stated in " : ", defined in ") + file_name(x->described_in);
    return g_.node(id, GraphNodeKind::Outside, label, x->vpc.empty() ? std::string() : vpc_cluster(x->vpc));
  }
  return outside_node("sn", key, "subnet");
}

std::string GraphBuilder::route_table_node(const NetSubnet& s) {
  if (s.route_table.empty()) {
    // No association: the VPC's main route table, which for a template VPC holds only the local route.
    std::string id = graph_id("rtmain", s.vpc.id_text());
    std::string label = "main route table of " + s.vpc.label();
    if (net_.vpc(s.vpc))
      return g_.node(id, GraphNodeKind::RouteTable, label + "\nlocal route only", vpc_cluster(s.vpc));
    return g_.node(id, GraphNodeKind::Outside, label + "\noutside the template", vpc_cluster(s.vpc));
  }
  std::string id = graph_id("rt", s.route_table.id_text());
  if (g_.find(id)) return id;
  const NetRouteTable* rt = net_.route_table(s.route_table);
  if (!rt) return outside_node("rt", s.route_table, "route table", vpc_cluster(s.vpc));
  const NetRoute* d = s.routes.default_route;
  g_.node(id, GraphNodeKind::RouteTable,
          logical_name(rt->resource) + "\nroute table" + (d ? "" : "\nno route to 0.0.0.0/0"), vpc_cluster(rt->vpc));
  if (d) g_.path(id, route_target_node(*d, rt->vpc), "0.0.0.0/0");
  return id;
}

std::string GraphBuilder::route_target_node(const NetRoute& route, const NetKey& vpc_key) {
  const NetKey& key = route.target_key;
  if (route.target == RouteTarget::NatGateway) {
    if (const NetNat* n = net_.nat(key)) {
      const NetSubnet* home = net_.subnet(n->subnet);
      std::string label = logical_name(n->resource) + "\nNAT gateway" + (n->is_private ? " (private)" : "") +
                          (n->subnet.empty() ? std::string() : "\nin " + n->subnet.label());
      return g_.node(graph_id("nat", key.id_text()), GraphNodeKind::Nat, label,
                     vpc_cluster(home ? home->vpc : vpc_key));
    }
  } else if (route.target == RouteTarget::Instance) {
    if (const Resource* inst = net_.instance(key))
      return g_.node(graph_id("nat", key.id_text()), GraphNodeKind::Nat, logical_name(inst) + "\nNAT instance",
                     vpc_cluster(vpc_key));
  } else if (const Resource* gw = ctx_.model.resource(key.resource_path())) {
    // Gateways sit at the VPC's edge: drawn outside the VPC box.
    return g_.node(graph_id("gw", key.id_text()), GraphNodeKind::Gateway,
                   logical_name(gw) + "\n" + std::string(route_target_name(route.target)));
  }
  return outside_node("gw", key, route_target_name(route.target));
}

std::string GraphBuilder::last_hop(const NetSubnet& s) {
  std::string table = route_table_node(s);
  if (const NetRoute* d = s.routes.default_route) return route_target_node(*d, s.routes.table->vpc);
  return table;
}

std::string GraphBuilder::group_node(const NetKey& key) {
  std::string id = graph_id("sg", key.id_text());
  if (const NetSecurityGroup* sg = net_.security_group(key)) {
    groups_.insert(key);
    return g_.node(id, GraphNodeKind::SecurityGroup,
                   (sg->resource ? logical_name(sg->resource) : key.label()) + "\nsecurity group",
                   vpc_cluster(sg->vpc));
  }
  if (NetKey vpc = key.default_group_vpc(); net_.vpc(vpc))
    return g_.node(id, GraphNodeKind::SecurityGroup, vpc.label() + "\ndefault security group", vpc_cluster(vpc));
  return outside_node("sg", key, "security group");
}

std::string GraphBuilder::endpoint_node(const NetEndpoint& e) {
  std::string id = graph_id("ep", e.resource->logical_id);
  if (g_.find(id)) return id;
  std::string label = logical_name(e.resource) + "\n" + std::string(endpoint_type_text(e.type)) + " " +
                      (e.service.empty() ? std::string("(service unknown)") : e.service);
  if (e.type == EndpointType::Interface && !e.private_dns) label += "\nprivate DNS off";
  g_.node(id, GraphNodeKind::Endpoint, label, vpc_cluster(e.vpc));
  for (const NetKey& group : e.security_groups) g_.member(id, group_node(group));
  return id;
}

std::string GraphBuilder::service_node(const ServiceEndpoint& s) {
  std::string_view name = s.name;
  if (name.starts_with("the ")) name.remove_prefix(4);
  return g_.node(graph_id("svc", s.endpoint), GraphNodeKind::Service, "AWS " + std::string(name));
}

std::string GraphBuilder::resource_node(const VpcResource& r) {
  std::string id = graph_id("res", r.resource->logical_id);
  if (g_.find(id)) return id;
  std::string detail = r.engine.empty() ? std::string(r.resource->type) : r.engine;
  if (std::string ports = ports_text(r); !ports.empty()) detail += ", " + ports;
  g_.node(id, GraphNodeKind::Resource, logical_name(r.resource) + "\n" + detail, vpc_cluster(r.vpc));
  for (const NetKey& group : r.groups) g_.member(id, group_node(group));
  if (NetKey def = r.default_group(); !def.empty()) g_.member(id, group_node(def));
  return id;
}

void GraphBuilder::attach(const FunctionVpc& fv, const VpcAttachment& v) {
  std::string fn = function_node(*fv.function);
  std::string label;
  if (v.via_capacity_provider && fv.capacity_provider)
    label = "capacity provider " + logical_name(fv.capacity_provider);
  if (std::string when = v.guard.describe(); !when.empty()) label += (label.empty() ? "" : ", ") + when;
  const Placement& where = ctx_.facts.placements.of(v);
  for (const PlacedSubnet& s : where.subnets) g_.path(fn, subnet_node(s.key), label);
  if (v.subnets.unknown)
    g_.path(fn, outside_node("sn", unknown_list_key(*fv.function, v.subnets, "SubnetIds"), "subnets"), label);
  for (const PlacedGroup& g : where.groups) g_.member(fn, group_node(g.key));
  if (v.security_groups.unknown)
    g_.member(fn, outside_node("sg", unknown_list_key(*fv.function, v.security_groups, "SecurityGroupIds"),
                               "security groups"));
}

void GraphBuilder::admissions() {
  std::set<NetKey> drawn = groups_;
  for (const NetKey& key : drawn) {
    // One edge per source group, its rules joined.
    for (const auto& [peer, rules] : rules_by_source_group(*net_.security_group(key))) {
      if (!drawn.count(peer)) continue;
      std::string label;
      for (const SgRule* rule : rules) label += (label.empty() ? "" : ", ") + rule_ports(*rule);
      label += " allowed";
      g_.admits(group_node(peer), group_node(key), label);
    }
  }
}

}  // namespace vpclint
