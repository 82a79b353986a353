// Route questions about the template's network: which default route a subnet takes (in a given
// deployment), whether a NAT's subnet reaches the internet, which gateways a VPC has.
#include <algorithm>

#include "analysis/network_model.h"
#include "analysis/route_choice.h"

namespace vpclint {

SubnetRoutes NetworkModel::walk_routes(const NetSubnet& s, Deployment d) const {
  SubnetRoutes out;
  if (s.route_table.empty()) {
    out.source = vpc(s.vpc) ? TableSource::Main : TableSource::Outside;
    return out;
  }
  out.table = route_table(s.route_table);
  if (!out.table) return out;
  out.source = TableSource::Explicit;
  std::vector<const NetRoute*> present;
  for (const NetRoute* r : out.table->routes) {
    if (!d.has(r->resource)) continue;
    present.push_back(r);
    if (!out.default_route && r->is_default()) out.default_route = r;
    switch (r->target) {
      case RouteTarget::InternetGateway:
      case RouteTarget::Unknown: out.internet_route = true; break;
      case RouteTarget::NatGateway:
      case RouteTarget::EgressOnlyInternetGateway:
      case RouteTarget::CarrierGateway: break;
      default: out.other_vpc_route = true; break;
    }
    out.other_vpc_route |= r->target == RouteTarget::Unknown;
  }
  if (!out.default_route) {
    const NetVpc* v = vpc(s.vpc);
    std::vector<Cidr> local;
    if (v && v->cidr) local.push_back(*v->cidr);
    out.default_route = choose_public_route(present, local).route;
  }
  return out;
}

NatExit NetworkModel::nat_exit(const NetKey& subnet_key, Deployment dep) const {
  NatExit out;
  out.home = subnet(subnet_key);
  if (!out.home) return out;
  SubnetRoutes routes = routes_in(*out.home, dep);
  if (routes.source == TableSource::Outside && !out.home->route_table.empty()) return out;
  const NetRoute* d = routes.default_route;
  out.route = d;
  if (d && d->target == RouteTarget::InternetGateway) {
    out.attachment = igw_attachment(d->target_key, out.home->vpc, dep);
    if (d->target_key.resource_path().empty() || out.attachment) {
      out.reach = NatExit::Reach::Yes;
      return out;
    }
    out.igw_detached = true;
    out.reach = NatExit::Reach::No;
    return out;
  }
  // A NAT gateway, instance, interface or endpoint of the template is not an internet gateway:
  // the NAT's own traffic would go round (even to itself) and never leave. Only a target the
  // template does not show (a literal id, a transit gateway, a peering) may lead out elsewhere.
  bool in_template_hop = d && !d->target_key.resource_path().empty() &&
                         (d->target == RouteTarget::NatGateway || d->target == RouteTarget::Instance ||
                          d->target == RouteTarget::NetworkInterface || d->target == RouteTarget::VpcEndpoint);
  if (in_template_hop) {
    out.reach = NatExit::Reach::No;
    return out;
  }
  if (d && d->target != RouteTarget::Unknown) {
    out.reach = NatExit::Reach::OutsideTemplate;
    return out;
  }
  out.reach = NatExit::Reach::No;
  return out;
}

NetKey NetworkModel::igw_of(const NetKey& vpc_key) const {
  NetKey best;
  for (const auto& [igw, vpcs] : igw_vpcs_)
    if (std::any_of(vpcs.begin(), vpcs.end(), [&](const auto& v) { return v.first == vpc_key; }) &&
        (best.empty() || igw < best))
      best = igw;
  return best;
}

const std::vector<const NetRouteTable*>& NetworkModel::nat_route_tables_in(const NetKey& vpc_key) const {
  static const std::vector<const NetRouteTable*> kNone;
  auto it = nat_tables_by_vpc_.find(vpc_key);
  return it == nat_tables_by_vpc_.end() ? kNone : it->second;
}

const Resource* NetworkModel::igw_attachment(const NetKey& igw, const NetKey& vpc_key, Deployment d) const {
  auto it = igw_vpcs_.find(igw);
  if (it == igw_vpcs_.end()) return nullptr;
  for (const auto& [vpc, attachment] : it->second)
    if (vpc == vpc_key && d.has(attachment)) return attachment;
  return nullptr;
}

bool Deployment::has(const Resource* r) const {
  if (!scenario || !r || r->condition.empty()) return true;
  for (const Assumption& a : scenario->assumptions())
    if (a.condition == r->condition) return a.value;
  return !possible || (*possible)(r->condition);
}

}  // namespace vpclint
