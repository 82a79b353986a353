#include "analysis/network_model.h"

#include <charconv>

namespace vpclint {

std::string net_key(const Value& v) {
  switch (v.kind) {
    case ValueKind::ResourceRef:
      // !GetAtt X.GroupId / X.VpcId name X itself; other attributes (Vpc.DefaultSecurityGroup,
      // Vpc.CidrBlock) are different objects.
      if (!v.attribute.empty() && !v.attribute.ends_with("Id"))
        return "resource:" + std::string(v.name) + "." + std::string(v.attribute);
      return "resource:" + std::string(v.name);
    case ValueKind::Literal: return v.text.empty() ? std::string() : "literal:" + v.text;
    case ValueKind::Parameter: return "param:" + std::string(v.name);
    case ValueKind::DynamicRef: return "ssm:" + v.text;
    case ValueKind::Import: return "import:" + v.text;
    case ValueKind::Composite: return "composite:" + v.text;
    default: return {};
  }
}

std::string_view key_resource(std::string_view key) {
  constexpr std::string_view kPrefix = "resource:";
  return key.starts_with(kPrefix) ? key.substr(kPrefix.size()) : std::string_view();
}

std::string key_label(std::string_view key) {
  size_t colon = key.find(':');
  if (colon == std::string_view::npos) return "(unknown)";
  std::string_view kind = key.substr(0, colon), rest = key.substr(colon + 1);
  if (kind == "resource" || kind == "literal") return std::string(rest);
  if (kind == "param") return "parameter " + std::string(rest);
  if (kind == "import") return "import " + std::string(rest);
  return std::string(rest);
}

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

bool bool_value(const Resolver& r, const Node* n, bool fallback) {
  if (!n) return fallback;
  auto v = r.values(n);
  if (v.size() != 1 || v[0].kind != ValueKind::Literal) return fallback;
  return v[0].text == "true" || v[0].text == "True" || v[0].text == "TRUE";
}

std::string literal(const Resolver& r, const Node* n) {
  if (!n) return {};
  auto v = r.values(n);
  return v.size() == 1 && v[0].kind == ValueKind::Literal ? v[0].text : std::string();
}

int port_value(const Resolver& r, const Node* n) {
  std::string s = literal(r, n);
  int v = -1;
  if (s.empty() || std::from_chars(s.data(), s.data() + s.size(), v).ec != std::errc()) return -1;
  return v;
}

SgRule read_rule(const Resolver& r, const NetworkModel& m, const Node* rule, bool ingress) {
  SgRule out;
  out.node = rule;
  std::string proto = literal(r, rule->get("IpProtocol"));
  if (!proto.empty()) out.protocol = proto;
  if (rule->get("IpProtocol") && proto.empty()) out.unknown = true;
  out.from = port_value(r, rule->get("FromPort"));
  out.to = port_value(r, rule->get("ToPort"));
  if (const Node* c = rule->get("CidrIp")) {
    out.cidr = Cidr::parse(literal(r, c));
    out.unknown |= !out.cidr;
  }
  out.ipv6_or_prefix_list = rule->get("CidrIpv6") || rule->get(ingress ? "SourcePrefixListId" : "DestinationPrefixListId");
  if (const Node* g = rule->get(ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId")) {
    out.peer_group = m.key_of(g);
    out.unknown |= out.peer_group.empty();
  }
  return out;
}

}  // namespace

std::string NetworkModel::key_of(const Node* node) const {
  if (!node) return {};
  auto v = r_.values(node);
  return v.empty() ? std::string() : net_key(v[0]);
}

NetworkModel::NetworkModel(const Template& t, const Resolver& r, const Config* config) : r_(r), config_(config) {
  auto self = [](const Resource& res) { return "resource:" + std::string(res.logical_id); };
  std::vector<const Resource*> later;  // resources that attach to others, read once all exist
  for (const Resource& res : t.resources()) {
    switch (res.kind) {
      case ResourceKind::Ec2Vpc: {
        NetVpc v;
        v.resource = &res;
        v.dns_support = bool_value(r, res.property("EnableDnsSupport"), true);
        v.dns_hostnames = bool_value(r, res.property("EnableDnsHostnames"), false);
        v.cidr = Cidr::parse(literal(r, res.property("CidrBlock")));
        vpcs_.emplace(self(res), v);
        break;
      }
      case ResourceKind::Ec2Subnet: {
        NetSubnet s;
        s.resource = &res;
        s.vpc = key_of(res.property("VpcId"));
        s.cidr = Cidr::parse(literal(r, res.property("CidrBlock")));
        if (const Node* az = res.property("AvailabilityZone")) {
          s.az = literal(r, az);
          // !Select [i, !GetAZs ...]: the same index is the same zone.
          if (s.az.empty() && az->is_intrinsic(Fn::Select) && az->info())
            if (std::string index = literal(r, az->arg->items()[0]); !index.empty()) s.az = "az#" + index;
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
        n.is_private = literal(r, res.property("ConnectivityType")) == "private";
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
      case ResourceKind::Ec2Instance:
        instances_.emplace(self(res), &res);
        break;
      case ResourceKind::Ec2Route:
      case ResourceKind::Ec2SubnetRouteTableAssociation:
      case ResourceKind::Ec2VpcGatewayAttachment:
      case ResourceKind::Ec2VpcEndpoint:
      case ResourceKind::Ec2SecurityGroupIngress:
      case ResourceKind::Ec2SecurityGroupEgress:
        later.push_back(&res);
        break;
      default:
        break;
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
        if (it == groups_.end() || !res->properties) break;
        SgRule rule = read_rule(r, *this, res->properties, ingress);
        rule.node = res->key;
        (ingress ? it->second.ingress : it->second.egress).push_back(std::move(rule));
        break;
      }
      case ResourceKind::Ec2Route: {
        auto route = std::make_unique<NetRoute>();
        route->resource = res;
        route->table = key_of(res->property("RouteTableId"));
        if (const Node* d = res->property("DestinationCidrBlock")) route->destination = Cidr::parse(literal(r, d));
        route->ipv6 = res->property("DestinationIpv6CidrBlock") != nullptr;
        route->prefix_list = res->property("DestinationPrefixListId") != nullptr;
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
          const Node* n = res->property(tp.name);
          if (!n) continue;
          route->target = tp.target;
          route->target_key = key_of(n);
          if (tp.target == RouteTarget::InternetGateway) {
            // GatewayId also names virtual private gateways (vgw-...).
            std::string_view id = key_resource(route->target_key);
            const Resource* gw = id.empty() ? nullptr : t.resource(id);
            if ((gw && gw->type == "AWS::EC2::VPNGateway") || route->target_key.starts_with("literal:vgw-"))
              route->target = RouteTarget::VpnGateway;
            else if (!gw && !route->target_key.starts_with("literal:igw-"))
              route->target = RouteTarget::Unknown;
          }
          break;
        }
        auto it = tables_.find(route->table);
        if (it != tables_.end()) it->second.routes.push_back(route.get());
        routes_.push_back(std::move(route));
        break;
      }
      case ResourceKind::Ec2SubnetRouteTableAssociation: {
        auto it = subnets_.find(key_of(res->property("SubnetId")));
        if (it == subnets_.end()) break;
        it->second.route_table = key_of(res->property("RouteTableId"));
        it->second.association = res->key;
        break;
      }
      case ResourceKind::Ec2VpcGatewayAttachment: {
        std::string igw = key_of(res->property("InternetGatewayId"));
        if (!igw.empty()) igw_vpcs_[igw].push_back(key_of(res->property("VpcId")));
        break;
      }
      case ResourceKind::Ec2VpcEndpoint: {
        NetEndpoint e;
        e.resource = res;
        e.vpc = key_of(res->property("VpcId"));
        auto name = r.values(res->property("ServiceName"));
        if (name.size() == 1 && (name[0].kind == ValueKind::Literal || name[0].kind == ValueKind::Composite))
          e.service = endpoint_service(name[0].text);
        std::string type = literal(r, res->property("VpcEndpointType"));
        if (type == "Interface") e.type = EndpointType::Interface;
        if (type == "GatewayLoadBalancer") e.type = EndpointType::GatewayLoadBalancer;
        e.private_dns = bool_value(r, res->property("PrivateDnsEnabled"), false);
        for (const auto& alt : r.list(res->property("RouteTableIds")))
          for (const auto& item : alt.items)
            if (!item.empty()) e.route_tables.push_back(net_key(item[0]));
        if (const Node* sgs = res->property("SecurityGroupIds")) {
          for (const auto& alt : r.list(sgs)) {
            e.security_groups_unknown |= alt.unknown;
            for (const auto& item : alt.items)
              if (!item.empty()) e.security_groups.push_back(net_key(item[0]));
          }
        }
        endpoints_.push_back(std::move(e));
        break;
      }
      default:
        break;
    }
  }
  for (const auto& e : endpoints_) endpoints_by_vpc_[e.vpc].push_back(&e);
}

namespace {
template <class M>
auto find_in(const M& map, std::string_view key) -> decltype(&map.begin()->second) {
  auto it = map.find(std::string(key));
  return it == map.end() ? nullptr : &it->second;
}
}  // namespace

const NetVpc* NetworkModel::vpc(std::string_view k) const { return find_in(vpcs_, k); }
const NetSubnet* NetworkModel::subnet(std::string_view k) const { return find_in(subnets_, k); }
const NetRouteTable* NetworkModel::route_table(std::string_view k) const { return find_in(tables_, k); }
const NetNat* NetworkModel::nat(std::string_view k) const { return find_in(nats_, k); }
const NetSecurityGroup* NetworkModel::security_group(std::string_view k) const { return find_in(groups_, k); }

const Resource* NetworkModel::instance(std::string_view k) const {
  auto it = instances_.find(std::string(k));
  return it == instances_.end() ? nullptr : it->second;
}

bool NetworkModel::igw_attached(std::string_view igw, std::string_view vpc_key) const {
  auto it = igw_vpcs_.find(std::string(igw));
  if (it == igw_vpcs_.end()) return false;
  for (const auto& v : it->second)
    if (v == vpc_key) return true;
  return false;
}

const std::vector<const NetEndpoint*>& NetworkModel::endpoints_in(std::string_view vpc_key) const {
  static const std::vector<const NetEndpoint*> kNone;
  auto it = endpoints_by_vpc_.find(std::string(vpc_key));
  return it == endpoints_by_vpc_.end() ? kNone : it->second;
}

namespace {
constexpr std::string_view kLiteral = "literal:";
}

const ExternalSubnet* NetworkModel::external_subnet(std::string_view key) const {
  const Config* c = config_;
  return c && key.starts_with(kLiteral) ? c->subnet(key.substr(kLiteral.size())) : nullptr;
}

std::vector<const ExternalEndpoint*> NetworkModel::external_endpoints_in(std::string_view vpc_key) const {
  const Config* c = config_;
  if (!c || !vpc_key.starts_with(kLiteral)) return {};
  return c->endpoints_in(vpc_key.substr(kLiteral.size()));
}

}  // namespace vpclint
