#include "analysis/egress_near_miss.h"

#include <algorithm>

#include "analysis/egress.h"

namespace vpclint {

namespace {

// The route for ::/0 of a table, if any.
const NetRoute* ipv6_default(const NetRouteTable* rt) {
  if (!rt) return nullptr;
  for (const NetRoute* r : rt->routes)
    if (r->ipv6_default) return r;
  return nullptr;
}

bool to_internet(const NetRoute* r) {
  return r && (r->target == RouteTarget::InternetGateway || r->target == RouteTarget::EgressOnlyInternetGateway);
}

ExitDetail exit_of(const NetworkModel& net, const NetSubnet& s, const Deployment& dep) {
  ExitDetail x;
  x.main_table = s.routes.source == TableSource::Main;
  const NetRoute* d = net.routes_in(s, dep).default_route;
  if (!d) {
    const NetRoute* v6 = ipv6_default(s.routes.table);
    if (to_internet(v6)) {
      x.cause = ExitCause::Ipv6Only;
      x.target = v6->target_key;
      x.egress_only = v6->target == RouteTarget::EgressOnlyInternetGateway;
      x.route = v6->resource;
    } else {
      x.cause = ExitCause::NoDefaultRoute;
    }
    return x;
  }
  x.target = d->target_key;
  switch (d->target) {
    case RouteTarget::InternetGateway: x.cause = ExitCause::InternetGateway; break;
    case RouteTarget::NatGateway:
      if (const NetNat* n = net.nat(d->target_key); n && !dep.has(n->resource))
        x.cause = ExitCause::NoDefaultRoute;  // the NAT this deployment lacks
      else if (n)
        x.cause = n->is_private ? ExitCause::NatPrivate : ExitCause::NatNoInternet;
      break;
    case RouteTarget::Instance:
      x.cause = ExitCause::NatNoInternet;
      x.nat_instance = true;
      break;
    default: break;
  }
  return x;
}

bool routing_blocker(Blocker b) { return b == Blocker::NoRoute || b == Blocker::PublicOnly; }

void add_unique_key(std::vector<NetKey>& keys, const NetKey& k) {
  if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
}

// A gateway endpoint for the service that lists other route tables than the blocked subnets'.
void gateway_endpoint_elsewhere(const NetworkModel& net, const ServiceEndpoint& svc, const NetKey& vpc,
                                const std::vector<NetKey>& tables, std::vector<NearMiss>& out) {
  if (!svc.gateway_capable || tables.empty()) return;
  for (const NetEndpoint* e : net.endpoints_in(vpc)) {
    if (e->type != EndpointType::Gateway || e->service != svc.endpoint) continue;
    NearMiss m;
    m.kind = NearMiss::Kind::GatewayEndpointOtherTable;
    m.resource = e->resource;
    for (const NetKey& t : tables)
      if (std::find(e->route_tables.begin(), e->route_tables.end(), t) == e->route_tables.end()) m.tables.push_back(t);
    if (!m.tables.empty()) out.push_back(std::move(m));
  }
}

// An endpoint for the service in another VPC of the template.
void endpoint_in_other_vpc(const NetworkModel& net, const ServiceEndpoint& svc, const NetKey& vpc,
                           const std::vector<NetKey>& blocked, std::vector<NearMiss>& out) {
  if (!net.vpc(vpc)) return;
  for (const NetEndpoint& e : net.endpoints()) {
    if (e.service != svc.endpoint || !e.vpc.comparable(vpc) || e.vpc == vpc) continue;
    if (e.type == EndpointType::GatewayLoadBalancer || (e.type == EndpointType::Gateway && !svc.gateway_capable))
      continue;
    NearMiss m;
    m.kind = NearMiss::Kind::EndpointOtherVpc;
    m.resource = e.resource;
    m.other = e.vpc;
    if (e.type == EndpointType::Gateway) m.tables = blocked;
    out.push_back(std::move(m));
    return;
  }
}

// A route table of the VPC that routes 0.0.0.0/0 to a NAT gateway that reaches the internet,
// used by none of the function's subnets.
void nat_route_on_unused_table(const NetworkModel& net, const NetKey& vpc, const std::vector<NetKey>& used,
                               const std::vector<NetKey>& blocked, std::vector<NearMiss>& out) {
  for (const NetRouteTable* rt : net.nat_route_tables_in(vpc)) {
    NetKey key = NetKey::resource(rt->resource->logical_id);
    if (std::find(used.begin(), used.end(), key) != used.end()) continue;
    for (const NetRoute* r : rt->routes) {
      if (!r->is_default() || r->target != RouteTarget::NatGateway) continue;
      const NetNat* n = net.nat(r->target_key);
      if (!n || n->is_private || net.nat_exit(n->subnet).reach != NatExit::Reach::Yes) continue;
      NearMiss m;
      m.kind = NearMiss::Kind::NatRouteUnusedTable;
      m.resource = rt->resource;
      m.other = r->target_key;
      m.tables = blocked;
      out.push_back(std::move(m));
      return;
    }
  }
}

// The NAT gateway the subnets route to sits in a subnet without an IPv4 route to an internet gateway.
void nat_without_internet_route(const NetworkModel& net, const NetKey& vpc, const ExitDetail& x,
                                std::vector<NearMiss>& out) {
  if (x.cause != ExitCause::NatNoInternet) return;
  const NetNat* n = net.nat(x.target);
  if (!n) return;
  for (const NearMiss& m : out)
    if (m.resource == n->resource) return;
  NatExit e = net.nat_exit(n->subnet);
  if (e.reach != NatExit::Reach::No || e.igw_detached || !e.home) return;
  if (e.route && e.route->target != RouteTarget::InternetGateway) return;  // a hop elsewhere: the chain says where
  NearMiss m;
  m.kind = NearMiss::Kind::NatWithoutInternetRoute;
  m.resource = n->resource;
  m.other = n->subnet;
  m.table = e.home->route_table;
  m.igw = net.igw_of(e.home->vpc.empty() ? vpc : e.home->vpc);
  const NetRoute* v6 = ipv6_default(e.home->routes.table);
  m.ipv6_only = v6 && v6->target == RouteTarget::InternetGateway;
  out.push_back(std::move(m));
}

// The endpoint asks for private DNS and its VPC's attributes defeat it: which ones.
VpcDnsOff vpc_dns_off(const NetworkModel& net, const ServicePath& p) {
  for (const SubnetPath& sp : p.subnets) {
    if (!sp.via_endpoint || !sp.via_endpoint->private_dns) continue;
    if (const NetVpc* v = net.vpc(sp.via_endpoint->vpc)) return {!v->dns_support, !v->dns_hostnames};
  }
  for (const OutsideEndpoint& e : net.outside_endpoints_in(p.vpc))
    if (e.service == p.call->service.endpoint && (e.vpc_dns_support_off || e.vpc_dns_hostnames_off))
      return {e.vpc_dns_support_off, e.vpc_dns_hostnames_off};
  return {};
}

}  // namespace

void explain_blocked(const NetworkModel& net, const Placement& where, ServicePath& p, const Deployment* d) {
  if (p.verdict != Verdict::No) return;
  const ServiceEndpoint& svc = p.call->service;
  std::vector<NetKey> used, blocked;
  bool routing = false;
  for (size_t i = 0; i < p.subnets.size() && i < where.subnets.size(); ++i) {
    const NetSubnet* s = where.subnets[i].subnet;
    if (!s) continue;
    if (!s->route_table.empty()) add_unique_key(used, s->route_table);
    SubnetPath& sp = p.subnets[i];
    if (sp.verdict != Verdict::No || !routing_blocker(sp.blocker)) continue;
    sp.exit = exit_of(net, *s, d ? *d : Deployment{});
    routing = true;
    if (!s->route_table.empty()) add_unique_key(blocked, s->route_table);
  }
  if (routing) {
    gateway_endpoint_elsewhere(net, svc, p.vpc, blocked, p.near_misses);
    for (const SubnetPath& sp : p.subnets) nat_without_internet_route(net, p.vpc, sp.exit, p.near_misses);
    nat_route_on_unused_table(net, p.vpc, used, blocked, p.near_misses);
    endpoint_in_other_vpc(net, svc, p.vpc, blocked, p.near_misses);
  }
  if (p.blocker == Blocker::EndpointDnsOff) p.dns_off = vpc_dns_off(net, p);
}

}  // namespace vpclint
