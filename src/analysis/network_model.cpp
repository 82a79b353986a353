#include "analysis/network_model.h"

#include <algorithm>

#include "analysis/route_choice.h"
#include "model/scalar_values.h"

namespace vpclint {

std::string_view route_target_name(RouteTarget t) {
  switch (t) {
    case RouteTarget::InternetGateway: return "internet gateway";
    case RouteTarget::NatGateway: return "NAT gateway";
    case RouteTarget::Instance: return "instance";
    case RouteTarget::TransitGateway: return "transit gateway";
    case RouteTarget::Peering: return "VPC peering connection";
    case RouteTarget::VpnGateway: return "VPN gateway";
    case RouteTarget::NetworkInterface: return "network interface";
    case RouteTarget::VpcEndpoint: return "gateway load balancer endpoint";
    case RouteTarget::EgressOnlyInternetGateway: return "egress-only internet gateway";
    case RouteTarget::CarrierGateway: return "carrier gateway";
    case RouteTarget::LocalGateway: return "local gateway";
    case RouteTarget::CoreNetwork: return "Cloud WAN core network";
    case RouteTarget::Unknown: return "unknown target";
  }
  return "unknown target";
}

bool SgRule::allows_tcp_port(int port) const {
  if (protocol != "-1" && protocol != "tcp" && protocol != "6" && protocol != "all") return false;
  if (protocol == "-1" || protocol == "all") return true;
  if (from == -1 && to == -1) return true;
  return from <= port && port <= to;
}

namespace {

// A port: -1 (all ports) when absent or not a literal number.
int port_value(const Resolver& r, const Node* n) { return integer_of(r, n).value_or(-1); }

SgRule read_rule(const Resolver& r, const NetworkModel& m, const Node* rule, bool ingress) {
  SgRule out;
  out.node = rule;
  std::string proto = literal_text(r, rule->get("IpProtocol"));
  if (!proto.empty()) out.protocol = proto;
  if (rule->get("IpProtocol") && proto.empty()) out.unknown = true;
  out.from = port_value(r, rule->get("FromPort"));
  out.to = port_value(r, rule->get("ToPort"));
  if (const Node* c = rule->get("CidrIp")) {
    out.cidr = Cidr::parse(literal_text(r, c));
    out.unknown |= !out.cidr;
  }
  out.ipv6_or_prefix_list =
      rule->get("CidrIpv6") || rule->get(ingress ? "SourcePrefixListId" : "DestinationPrefixListId");
  if (const Node* g = rule->get(ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId")) {
    out.peer_group = m.key_of(g);
    out.unknown |= out.peer_group.empty();
  }
  return out;
}

}  // namespace

NetKey NetworkModel::key_of(const Node* node) const {
  if (!node) return {};
  auto v = r_.values(node);
  return v.empty() ? NetKey() : NetKey::of(v[0]);
}

NetworkModel::NetworkModel(const Template& t, const Resolver& r, const Config* config, const OutsideNetwork* outside)
    : t_(t), r_(r), config_(config), outside_(outside) {
  auto self = [](const Resource& res) { return NetKey::resource(res.logical_id); };
  std::vector<const Resource*> later;  // resources that attach to others, read once all exist
  for (const Resource& res : t.resources()) {
    switch (res.kind) {
      case ResourceKind::Ec2Vpc: {
        NetVpc v;
        v.resource = &res;
        v.dns_support = flag_or(r, res.property("EnableDnsSupport"), true);
        v.dns_hostnames = flag_or(r, res.property("EnableDnsHostnames"), false);
        v.cidr = Cidr::parse(literal_text(r, res.property("CidrBlock")));
        vpcs_.emplace(self(res), v);
        break;
      }
      case ResourceKind::Ec2Subnet: {
        NetSubnet s;
        s.resource = &res;
        s.vpc = key_of(res.property("VpcId"));
        s.cidr = Cidr::parse(literal_text(r, res.property("CidrBlock")));
        if (const Node* az = res.property("AvailabilityZone")) {
          s.az = literal_text(r, az);
          // !Select [i, !GetAZs ...]: the same index is the same zone.
          if (s.az.empty() && az->is_intrinsic(Fn::Select) && az->info())
            if (std::string index = literal_text(r, az->arg->items()[0]); !index.empty()) s.az = "az#" + index;
        }
        subnets_.emplace(self(res), s);
        break;
      }
      case ResourceKind::Ec2RouteTable: {
        NetRouteTable rt;
        rt.resource = &res;
        rt.vpc = key_of(res.property("VpcId"));
        tables_.emplace(self(res), rt);
        break;
      }
      case ResourceKind::Ec2NatGateway: {
        NetNat n;
        n.resource = &res;
        n.subnet = key_of(res.property("SubnetId"));
        n.is_private = literal_text(r, res.property("ConnectivityType")) == "private";
        nats_.emplace(self(res), n);
        break;
      }
      case ResourceKind::Ec2SecurityGroup: {
        NetSecurityGroup g;
        g.resource = &res;
        g.vpc = key_of(res.property("VpcId"));
        groups_.emplace(self(res), std::move(g));
        later.push_back(&res);
        break;
      }
      case ResourceKind::Ec2Instance: instances_.emplace(self(res), &res); break;
      case ResourceKind::Ec2VpcPeeringConnection:
      case ResourceKind::Ec2TransitGateway: links_vpcs_ = true; break;
      case ResourceKind::Ec2Route:
      case ResourceKind::Ec2SubnetRouteTableAssociation:
      case ResourceKind::Ec2VpcGatewayAttachment:
      case ResourceKind::Ec2VpcEndpoint:
      case ResourceKind::Ec2SecurityGroupIngress:
      case ResourceKind::Ec2SecurityGroupEgress: later.push_back(&res); break;
      default: break;
    }
  }
  for (const Resource* res : later) {
    switch (res->kind) {
      case ResourceKind::Ec2SecurityGroup: {
        NetSecurityGroup& g = groups_[self(*res)];
        for (const Node* rule : res->property("SecurityGroupIngress") ? res->property("SecurityGroupIngress")->items()
                                                                      : std::span<const Node* const>())
          if (rule->is_map()) g.ingress.push_back(read_rule(r, *this, rule, true));
        if (const Node* egress = res->property("SecurityGroupEgress")) {
          g.explicit_egress = true;
          for (const Node* rule : egress->items())
            if (rule->is_map()) g.egress.push_back(read_rule(r, *this, rule, false));
        }
        break;
      }
      case ResourceKind::Ec2SecurityGroupIngress:
      case ResourceKind::Ec2SecurityGroupEgress: {
        bool ingress = res->kind == ResourceKind::Ec2SecurityGroupIngress;
        auto it = groups_.find(key_of(res->property("GroupId")));
        if (ingress && it == groups_.end()) outside_ingress_.insert(key_of(res->property("GroupId")));
        if (it == groups_.end() || !res->properties) break;
        SgRule rule = read_rule(r, *this, res->properties, ingress);
        rule.node = res->key;
        (ingress ? it->second.ingress : it->second.egress).push_back(std::move(rule));
        break;
      }
      case ResourceKind::Ec2Route: read_route(*res); break;
      case ResourceKind::Ec2SubnetRouteTableAssociation: {
        auto it = subnets_.find(key_of(res->property("SubnetId")));
        if (it == subnets_.end()) break;
        it->second.route_table = key_of(res->property("RouteTableId"));
        it->second.association = res->key;
        break;
      }
      case ResourceKind::Ec2VpcGatewayAttachment: {
        NetKey igw = key_of(res->property("InternetGatewayId"));
        if (igw.empty()) break;
        igw_vpcs_[igw].emplace_back(key_of(res->property("VpcId")), res);
        vpcs_with_igw_.insert(key_of(res->property("VpcId")));
        break;
      }
      case ResourceKind::Ec2VpcEndpoint: read_endpoint(*res); break;
      default: break;
    }
  }
  for (const auto& e : endpoints_) endpoints_by_vpc_[e.vpc].push_back(&e);
  for (auto& [key, subnet] : subnets_) subnet.routes = walk_routes(subnet);
  for (const Resource& res : t.resources()) {
    if (res.kind != ResourceKind::Ec2RouteTable) continue;
    const NetRouteTable* rt = route_table(self(res));
    if (rt && std::any_of(rt->routes.begin(), rt->routes.end(),
                          [](const NetRoute* r) { return r->is_default() && r->target == RouteTarget::NatGateway; }))
      nat_tables_by_vpc_[rt->vpc].push_back(rt);
  }
}

void NetworkModel::read_route(const Resource& res) {
  auto route = std::make_unique<NetRoute>();
  route->resource = &res;
  route->table = key_of(res.property("RouteTableId"));
  if (const Node* d = res.property("DestinationCidrBlock")) route->destination = Cidr::parse(literal_text(r_, d));
  route->ipv6 = res.property("DestinationIpv6CidrBlock") != nullptr;
  route->ipv6_default = route->ipv6 && literal_text(r_, res.property("DestinationIpv6CidrBlock")) == "::/0";
  route->prefix_list = res.property("DestinationPrefixListId") != nullptr;
  struct TargetProp {
    const char* name;
    RouteTarget target;
  };
  static constexpr TargetProp kTargets[] = {
      {"NatGatewayId", RouteTarget::NatGateway},
      {"InstanceId", RouteTarget::Instance},
      {"TransitGatewayId", RouteTarget::TransitGateway},
      {"VpcPeeringConnectionId", RouteTarget::Peering},
      {"NetworkInterfaceId", RouteTarget::NetworkInterface},
      {"VpcEndpointId", RouteTarget::VpcEndpoint},
      {"EgressOnlyInternetGatewayId", RouteTarget::EgressOnlyInternetGateway},
      {"CarrierGatewayId", RouteTarget::CarrierGateway},
      {"LocalGatewayId", RouteTarget::LocalGateway},
      {"CoreNetworkArn", RouteTarget::CoreNetwork},
      {"GatewayId", RouteTarget::InternetGateway},
  };
  for (const auto& tp : kTargets) {
    const Node* n = res.property(tp.name);
    if (!n) continue;
    route->target = tp.target;
    route->target_key = key_of(n);
    if (tp.target == RouteTarget::InternetGateway) {
      // GatewayId also names virtual private gateways (vgw-...).
      std::string_view id = route->target_key.resource_id();
      const Resource* gw = id.empty() ? nullptr : t_.resource(id);
      std::string_view literal = route->target_key.literal_id();
      if ((gw && gw->type == "AWS::EC2::VPNGateway") || literal.starts_with("vgw-"))
        route->target = RouteTarget::VpnGateway;
      else if (!gw && !literal.starts_with("igw-"))
        route->target = RouteTarget::Unknown;
    }
    break;
  }
  auto it = tables_.find(route->table);
  if (it != tables_.end()) it->second.routes.push_back(route.get());
  routes_.push_back(std::move(route));
}

void NetworkModel::read_endpoint(const Resource& res) {
  NetEndpoint e;
  e.resource = &res;
  e.vpc = key_of(res.property("VpcId"));
  auto name = r_.values(res.property("ServiceName"));
  if (name.size() == 1 && (name[0].kind == ValueKind::Literal || name[0].kind == ValueKind::Composite))
    e.service = endpoint_service(name[0].text);
  std::string type = literal_text(r_, res.property("VpcEndpointType"));
  if (type == "Interface") e.type = EndpointType::Interface;
  if (type == "GatewayLoadBalancer") e.type = EndpointType::GatewayLoadBalancer;
  e.private_dns = flag_or(r_, res.property("PrivateDnsEnabled"), false);
  for (const auto& alt : r_.list(res.property("RouteTableIds")))
    for (const auto& item : alt.items)
      if (!item.empty()) e.route_tables.push_back(NetKey::of(item[0]));
  if (const Node* sgs = res.property("SecurityGroupIds")) {
    for (const auto& alt : r_.list(sgs)) {
      e.security_groups_unknown |= alt.unknown;
      for (const auto& item : alt.items)
        if (!item.empty()) e.security_groups.push_back(NetKey::of(item[0]));
    }
  }
  endpoints_.push_back(std::move(e));
}

NetKey NetworkModel::instance_subnet(const Resource& inst) const {
  NetKey subnet = key_of(inst.property("SubnetId"));
  if (subnet.empty())
    if (const Node* nis = inst.property("NetworkInterfaces"); nis && nis->is_seq() && nis->size)
      subnet = key_of(nis->items()[0]->get("SubnetId"));
  return subnet;
}

namespace {
template <class M>
auto find_in(const M& map, const NetKey& key) -> decltype(&map.begin()->second) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}
}  // namespace

const NetVpc* NetworkModel::vpc(const NetKey& k) const { return find_in(vpcs_, k); }
const NetSubnet* NetworkModel::subnet(const NetKey& k) const { return find_in(subnets_, k); }
const NetRouteTable* NetworkModel::route_table(const NetKey& k) const { return find_in(tables_, k); }
const NetNat* NetworkModel::nat(const NetKey& k) const { return find_in(nats_, k); }
const NetSecurityGroup* NetworkModel::security_group(const NetKey& k) const {
  if (const NetSecurityGroup* g = find_in(groups_, k)) return g;
  return outside_ && !k.literal_id().empty() ? outside_->security_group(k) : nullptr;
}

const Resource* NetworkModel::instance(const NetKey& k) const {
  auto it = instances_.find(k);
  return it == instances_.end() ? nullptr : it->second;
}

bool NetworkModel::vpc_has_igw(const NetKey& vpc_key) const { return vpcs_with_igw_.count(vpc_key) > 0; }

const std::vector<const NetEndpoint*>& NetworkModel::endpoints_in(const NetKey& vpc_key) const {
  static const std::vector<const NetEndpoint*> kNone;
  auto it = endpoints_by_vpc_.find(vpc_key);
  return it == endpoints_by_vpc_.end() ? kNone : it->second;
}

bool NetworkModel::may_serve(std::string_view service) const {
  if (!nats_.empty()) return true;
  return std::any_of(endpoints_.begin(), endpoints_.end(), [&](const NetEndpoint& e) {
    return e.service.empty() || e.service == service;  // an endpoint whose service is unknown may be it
  });
}

std::optional<OutsideSubnet> NetworkModel::outside_subnet(const NetKey& key) const {
  if (key.kind() == NetKeyKind::Foreign) return outside_ ? outside_->subnet(key) : std::nullopt;
  const ExternalSubnet* x = config_ && !key.literal_id().empty() ? config_->subnet(key.literal_id()) : nullptr;
  // The team's statement wins over the account's snapshot: it is how they override a stale one.
  if (!x) return outside_ && !key.literal_id().empty() ? outside_->subnet(key) : std::nullopt;
  OutsideSubnet o;
  o.vpc = NetKey::literal(x->vpc);
  o.az = x->az;
  o.egress = x->egress;
  o.stated = true;
  o.described_in = x->source.file;
  o.source = x->source;
  return o;
}

std::vector<OutsideEndpoint> NetworkModel::outside_endpoints_in(const NetKey& vpc_key) const {
  if (vpc_key.kind() == NetKeyKind::Foreign)
    return outside_ ? outside_->endpoints_in(vpc_key) : std::vector<OutsideEndpoint>();
  std::vector<OutsideEndpoint> out;
  if (vpc_key.literal_id().empty()) return out;
  if (config_)
    for (const ExternalEndpoint* e : config_->endpoints_in(vpc_key.literal_id()))
      out.push_back(
          {vpc_key, e->service, e->type, e->private_dns, true, e->source.file, e->source, {}, false, false, {}, {}});
  if (outside_) {
    auto account = outside_->endpoints_in(vpc_key);
    out.insert(out.end(), std::make_move_iterator(account.begin()), std::make_move_iterator(account.end()));
  }
  return out;
}

}  // namespace vpclint
