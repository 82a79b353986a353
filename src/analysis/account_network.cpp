#include "analysis/account_network.h"

#include <algorithm>

#include "analysis/route_choice.h"
#include "model/ascii.h"
#include "model/endpoint_service.h"

namespace vpclint {

namespace {

RouteTarget target_of(const SnapRoute& r) {
  std::string_view k = r.target_kind;
  if (k == "GatewayId") {
    if (r.target.starts_with("igw-")) return RouteTarget::InternetGateway;
    if (r.target.starts_with("vgw-")) return RouteTarget::VpnGateway;
    if (r.target.starts_with("vpce-")) return RouteTarget::VpcEndpoint;
    return RouteTarget::Unknown;  // "local" never leaves the VPC
  }
  if (k == "NatGatewayId") return RouteTarget::NatGateway;
  if (k == "TransitGatewayId") return RouteTarget::TransitGateway;
  if (k == "VpcPeeringConnectionId") return RouteTarget::Peering;
  if (k == "NetworkInterfaceId") return RouteTarget::NetworkInterface;
  if (k == "InstanceId") return RouteTarget::Instance;
  if (k == "EgressOnlyInternetGatewayId") return RouteTarget::EgressOnlyInternetGateway;
  if (k == "CarrierGatewayId") return RouteTarget::CarrierGateway;
  if (k == "LocalGatewayId") return RouteTarget::LocalGateway;
  if (k == "CoreNetworkArn") return RouteTarget::CoreNetwork;
  return RouteTarget::Unknown;
}

// One permission of the CLI's shape is a rule per source: each CIDR, IPv6 range, prefix list, group.
void add_rules(const SnapSgRule& p, std::vector<SgRule>& out) {
  SgRule base;
  base.protocol = p.protocol;
  base.from = p.from;
  base.to = p.to;
  // ICMP's FromPort/ToPort are a type and a code, never a port: the rule admits no TCP port.
  for (const auto& c : p.cidrs) {
    SgRule r = base;
    r.cidr = Cidr::parse(c);
    r.unknown = !r.cidr;
    out.push_back(std::move(r));
  }
  for (size_t i = 0; i < p.ipv6_cidrs.size() + p.prefix_lists.size(); ++i) {
    SgRule r = base;
    r.ipv6_or_prefix_list = true;
    out.push_back(std::move(r));
  }
  for (const auto& g : p.groups) {
    SgRule r = base;
    r.peer_group = NetKey::literal(g);
    out.push_back(std::move(r));
  }
}

}  // namespace

AccountNetwork::AccountNetwork(const Snapshot& snapshot) : s_(snapshot), label_(snapshot.label()) {
  for (const auto& [id, e] : s_.endpoints) endpoints_by_vpc_[e.vpc].push_back(&e);
  // The map's order is the hash's: sort, so notes come in the same order everywhere.
  for (auto& [vpc, list] : endpoints_by_vpc_)
    std::sort(list.begin(), list.end(), [](const SnapEndpoint* a, const SnapEndpoint* b) { return a->id < b->id; });
}

AccountNetwork::~AccountNetwork() = default;

size_t AccountNetwork::offset(SnapshotFileIndex file, std::string_view id) const {
  size_t at = s_.file(file).offset_of_string(id);
  return at == std::string::npos ? 0 : at;
}

Note AccountNetwork::note(SnapshotFileIndex file, std::string_view id, std::string text, size_t from) const {
  const SnapshotFile& f = s_.file(file);
  return {std::move(text), f.locate_string(id, from), f.path()};
}

std::optional<OutsideSubnet> AccountNetwork::subnet(std::string_view id) const {
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (auto it = subnets_.find(std::string(id)); it != subnets_.end()) return it->second;
  }
  auto built = build_subnet(id);  // outside the lock: a NAT's subnet is judged on the way
  std::lock_guard<std::mutex> lock(cache_mutex_);
  return subnets_.emplace(std::string(id), std::move(built)).first->second;
}

std::vector<OutsideEndpoint> AccountNetwork::endpoints_in(std::string_view vpc) const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto it = endpoints_.find(std::string(vpc));
  if (it == endpoints_.end()) it = endpoints_.emplace(std::string(vpc), build_endpoints(vpc)).first;
  return it->second;
}

std::optional<OutsideSubnet> AccountNetwork::build_subnet(std::string_view id) const {
  auto it = s_.subnets.find(std::string(id));
  if (it == s_.subnets.end()) return std::nullopt;
  const SnapSubnet& s = it->second;
  OutsideSubnet o;
  o.vpc = NetKey::literal(s.vpc);
  o.az = s.az;
  o.cidr = Cidr::parse(s.cidr);
  o.described_in = label_;
  o.observed = true;
  o.source = s_.file(s.file).cite(s.id, "subnet " + s.id + " in " + label_);
  WayOut w = way_out(s, false);
  o.egress = w.egress;
  o.evidence = std::move(w.evidence);
  o.route_table = std::move(w.table);
  return o;
}

AccountNetwork::WayOut AccountNetwork::way_out(const SnapSubnet& s, bool nat_home) const {
  WayOut out;
  const SnapRouteTable* t = nullptr;
  bool main = false;
  if (auto e = s_.table_of_subnet.find(s.id); e != s_.table_of_subnet.end()) {
    auto it = s_.route_tables.find(e->second);
    if (it != s_.route_tables.end()) t = &it->second;
  } else if (auto m = s_.main_table_of_vpc.find(s.vpc); m != s_.main_table_of_vpc.end()) {
    auto it = s_.route_tables.find(m->second);
    if (it != s_.route_tables.end()) t = &it->second;
    main = true;
  }
  if (!t) return out;  // the route tables are not in the snapshot
  out.table = t->id;
  size_t at = offset(t->file, t->id);
  out.evidence.push_back(main ? note(t->file, t->id,
                                     s.id + " has no explicit route table association, so it uses " + s.vpc +
                                         "'s main route table " + t->id)
                              : note(t->file, s.id, s.id + " is associated with route table " + t->id, at));

  std::vector<NetRoute> routes(t->routes.size());
  std::vector<const NetRoute*> view;
  for (size_t i = 0; i < t->routes.size(); ++i) {
    const SnapRoute& sr = t->routes[i];
    NetRoute& r = routes[i];
    r.destination = Cidr::parse(sr.destination);
    r.ipv6 = !sr.destination_ipv6.empty();
    r.prefix_list = !sr.destination_prefix_list.empty();
    r.target = target_of(sr);
    r.target_key = NetKey::literal(sr.target);
    r.blackhole = sr.blackhole;
    view.push_back(&r);
  }
  std::vector<Cidr> local;
  if (auto v = s_.vpcs.find(s.vpc); v != s_.vpcs.end())
    for (const auto& c : v->second.cidrs)
      if (auto parsed = Cidr::parse(c)) local.push_back(*parsed);
  if (local.empty())
    if (auto c = Cidr::parse(s.cidr)) local.push_back(*c);
  PublicRoute choice = choose_public_route(view, local);
  if (choice.mixed) {
    out.egress = SubnetEgress::Elsewhere;  // the internet is split between targets: nothing certain
    return out;
  }
  if (!choice.route) {
    out.egress = SubnetEgress::None;
    out.evidence.push_back(
        note(t->file, t->id, t->id + " has no route for 0.0.0.0/0 (nor routes covering every public address)"));
    return out;
  }
  const SnapRoute& route = t->routes[static_cast<size_t>(choice.route - routes.data())];
  std::string dest = route.destination;
  Note sends = note(
      t->file, dest,
      t->id + " sends " + dest + " to " + std::string(route_target_name(choice.route->target)) + " " + route.target,
      at);
  if (route.blackhole) {
    sends.message += ", a blackhole route (its target is gone): traffic is dropped";
    out.evidence.push_back(std::move(sends));
    out.egress = SubnetEgress::None;
    return out;
  }
  switch (choice.route->target) {
    case RouteTarget::InternetGateway: {
      // An active route to a gateway the file does not list: the gateway was deleted (AWS would
      // show the route as a blackhole); without the file, the active route says it is attached.
      bool attached = !s_.has_internet_gateways;
      if (auto g = s_.internet_gateways.find(route.target); g != s_.internet_gateways.end())
        for (const auto& v : g->second.attached_vpcs) attached |= v == s.vpc;
      if (attached) {
        sends.message += ", attached to " + s.vpc;
        out.egress = SubnetEgress::InternetGateway;
      } else {
        sends.message += ", which is not attached to " + s.vpc;
        out.egress = SubnetEgress::None;
      }
      out.evidence.push_back(std::move(sends));
      return out;
    }
    case RouteTarget::NatGateway: through_nat(route, sends, nat_home, out); return out;
    case RouteTarget::TransitGateway:
    case RouteTarget::Peering:
    case RouteTarget::VpnGateway:
    case RouteTarget::CarrierGateway:
    case RouteTarget::LocalGateway:
    case RouteTarget::CoreNetwork:
      sends.message += ": vpclint does not follow the network beyond it";
      out.evidence.push_back(std::move(sends));
      out.egress = SubnetEgress::Elsewhere;
      return out;
    case RouteTarget::Instance:
    case RouteTarget::NetworkInterface:
    case RouteTarget::VpcEndpoint:
      out.evidence.push_back(std::move(sends));
      // From a NAT gateway's own subnet, an appliance is not an internet gateway: the NAT never
      // reaches the internet itself. From a function's subnet it may be a NAT instance or firewall.
      out.egress = nat_home ? SubnetEgress::None : SubnetEgress::Elsewhere;
      return out;
    default: return out;  // an egress-only gateway (IPv6) or a target the snapshot does not name
  }
}

void AccountNetwork::through_nat(const SnapRoute& route, const Note& sends, bool nat_home, WayOut& out) const {
  if (nat_home) {  // a NAT gateway's subnet that routes to a NAT gateway: its traffic never leaves
    out.evidence.push_back(sends);
    out.egress = SubnetEgress::None;
    return;
  }
  auto it = s_.nat_gateways.find(route.target);
  if (it == s_.nat_gateways.end()) return;  // not in the snapshot: unknown
  const SnapNatGateway& nat = it->second;
  out.evidence.push_back(sends);
  if (!ascii_iequals(nat.state, "available")) {
    if (ascii_iequals(nat.state, "pending")) {
      out.evidence.clear();
      return;  // may become available
    }
    out.evidence.push_back(
        note(nat.file, nat.id, "NAT gateway " + nat.id + " is " + nat.state + ": it forwards nothing"));
    out.egress = SubnetEgress::None;
    return;
  }
  auto home = s_.subnets.find(nat.subnet);
  if (nat.private_nat) {
    // A private NAT gateway never reaches the internet; it may reach other networks through a
    // transit gateway or VPN, which vpclint does not follow.
    WayOut h = home == s_.subnets.end() ? WayOut{} : way_out(home->second, true);
    if (h.egress == SubnetEgress::Elsewhere) {
      out.egress = SubnetEgress::Elsewhere;
      return;
    }
    out.evidence.push_back(
        note(nat.file, nat.id,
             "NAT gateway " + nat.id + " is private (ConnectivityType private): it cannot reach the internet"));
    out.egress = SubnetEgress::None;
    return;
  }
  if (home == s_.subnets.end()) {
    out.evidence.clear();
    return;  // its subnet is not in the snapshot: unknown
  }
  WayOut h = way_out(home->second, true);
  out.evidence.push_back(note(nat.file, nat.id, "NAT gateway " + nat.id + " sits in " + nat.subnet));
  out.evidence.insert(out.evidence.end(), h.evidence.begin(), h.evidence.end());
  switch (h.egress) {
    case SubnetEgress::InternetGateway: out.egress = SubnetEgress::Nat; return;
    case SubnetEgress::None:
      out.evidence.push_back(
          note(nat.file, nat.id, "so NAT gateway " + nat.id + " has no route to an attached internet gateway"));
      out.egress = SubnetEgress::None;
      return;
    case SubnetEgress::Elsewhere: out.egress = SubnetEgress::Elsewhere; return;
    default: out.evidence.clear(); return;
  }
}

std::vector<OutsideEndpoint> AccountNetwork::build_endpoints(std::string_view vpc) const {
  std::vector<OutsideEndpoint> out;
  auto it = endpoints_by_vpc_.find(vpc);
  if (it == endpoints_by_vpc_.end()) return out;
  const SnapVpc* v = nullptr;
  if (auto f = s_.vpcs.find(std::string(vpc)); f != s_.vpcs.end()) v = &f->second;
  for (const SnapEndpoint* e : it->second) {
    if (!ascii_iequals(e->state, "available") || e->type == "GatewayLoadBalancer") continue;
    OutsideEndpoint o;
    o.vpc = NetKey::literal(e->vpc);
    o.service = endpoint_service(e->service_name);
    if (o.service.empty()) continue;
    o.type = e->type == "Gateway" ? ExternalEndpointType::Gateway : ExternalEndpointType::Interface;
    o.described_in = label_;
    o.source = s_.file(e->file).cite(e->id, "endpoint " + e->id + " in " + label_);
    o.route_tables = e->route_tables;
    for (const auto& g : e->groups) o.security_groups.push_back(NetKey::literal(g));
    // Private DNS needs the endpoint's setting and both DNS attributes of its VPC.
    if (o.type == ExternalEndpointType::Interface) {
      if (!e->private_dns)
        o.dns_off = "endpoint " + e->id + " has PrivateDnsEnabled false";
      else if (v && v->dns_support == false)
        o.dns_off = std::string(vpc) + " has enableDnsSupport off";
      else if (v && v->dns_hostnames == false)
        o.dns_off = std::string(vpc) + " has enableDnsHostnames off";
      o.private_dns = o.dns_off.empty();
      o.vpc_dns_support_off = e->private_dns && v && v->dns_support == false;
      o.vpc_dns_hostnames_off = e->private_dns && v && v->dns_hostnames == false;
    }
    out.push_back(std::move(o));
  }
  return out;
}

const NetSecurityGroup* AccountNetwork::security_group(std::string_view id) const {
  auto found = s_.security_groups.find(std::string(id));
  if (found == s_.security_groups.end()) return nullptr;
  std::lock_guard<std::mutex> lock(groups_mutex_);
  auto& slot = groups_[found->first];
  if (slot) return slot.get();
  const SnapSecurityGroup& g = found->second;
  slot = std::make_unique<NetSecurityGroup>();
  NetSecurityGroup& sg = *slot;
  sg.vpc = NetKey::literal(g.vpc);
  sg.explicit_egress = true;  // the account lists every egress rule, the default one included
  sg.account = s_.file(g.file).cite(g.id, "security group " + g.id + " in " + label_);
  for (const auto& p : g.ingress) add_rules(p, sg.ingress);
  for (const auto& p : g.egress) add_rules(p, sg.egress);
  for (auto* rules : {&sg.ingress, &sg.egress})
    for (SgRule& r : *rules) r.account = &sg.account;
  return slot.get();
}

}  // namespace vpclint
