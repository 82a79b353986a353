// The template's network: VPCs, subnets, route tables and routes, gateways, NAT, endpoints and
// security groups, indexed once per template. Things outside the template (literal ids,
// parameters, imports, SSM values) appear only as keys.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/cidr.h"
#include "analysis/net_key.h"
#include "analysis/outside_network.h"
#include "config/config.h"
#include "model/endpoint_service.h"
#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

enum class RouteTarget : uint8_t {
  InternetGateway,
  NatGateway,
  Instance,
  TransitGateway,
  Peering,
  VpnGateway,
  NetworkInterface,
  VpcEndpoint,
  EgressOnlyInternetGateway,
  CarrierGateway,
  LocalGateway,
  CoreNetwork,
  Unknown,
};
std::string_view route_target_name(RouteTarget t);

struct NetVpc {
  const Resource* resource = nullptr;
  bool dns_support = true;  // CloudFormation defaults
  bool dns_hostnames = false;
  std::optional<Cidr> cidr;
};

struct NetRoute;
struct NetRouteTable;

// Which table routes a subnet, found once: its explicit association, else its VPC's main table.
enum class TableSource : uint8_t {
  Explicit,  // a route table of the template (`table` is set)
  Main,      // the main table of a template VPC, which holds only the local route
  Outside,   // a table, or the main table of a VPC, the template does not show
};

// The one walk over a subnet's routes; everyone who asks "where does this subnet route" reads it.
struct SubnetRoutes {
  TableSource source = TableSource::Outside;
  const NetRouteTable* table = nullptr;
  const NetRoute* default_route = nullptr;  // the route for 0.0.0.0/0, if any
  bool internet_route = false;              // a route to an internet gateway, or to a target it cannot name
  bool other_vpc_route = false;             // a route that may lead to another network (peering, TGW, VPN, ...)
};

struct NetSubnet {
  const Resource* resource = nullptr;
  NetKey vpc;
  std::string az;  // literal AZ, or a key-like text for !Select [i, !GetAZs ''] ("az#i")
  std::optional<Cidr> cidr;
  NetKey route_table;  // explicit association, or empty: the VPC's main table
  const Node* association = nullptr;
  SubnetRoutes routes;
};

struct NetRoute {
  const Resource* resource = nullptr;
  NetKey table;
  std::optional<Cidr> destination;  // IPv4 destination
  bool ipv6 = false;
  bool ipv6_default = false;  // the destination is ::/0
  bool prefix_list = false;
  RouteTarget target = RouteTarget::Unknown;
  NetKey target_key;
  bool blackhole = false;  // an account's route whose target is gone: it still matches, and drops
  bool is_default() const { return destination && destination->is_default(); }
};

struct NetRouteTable {
  const Resource* resource = nullptr;
  NetKey vpc;
  std::vector<const NetRoute*> routes;
};

struct NetNat {
  const Resource* resource = nullptr;
  NetKey subnet;
  bool is_private = false;  // ConnectivityType: private never reaches the internet
};

struct SgRule {
  std::string protocol = "-1";  // "tcp", "udp", "icmp", "-1" (all), or a number
  int from = -1, to = -1;       // -1: all ports
  std::optional<Cidr> cidr;
  bool ipv6_or_prefix_list = false;
  NetKey peer_group;  // the source/destination group
  const Node* node = nullptr;
  const ConfigSource* account = nullptr;  // a rule of an account snapshot's group: where that group is
  bool unknown = false;                   // a part could not be resolved

  bool allows_tcp_port(int port) const;
  // A note at the rule: its node in the template, or its group in the snapshot.
  Note note(std::string text) const {
    if (node) return {std::move(text), node->pos};
    if (account) return {std::move(text), account->pos, account->file};
    return {std::move(text), Position{}};
  }
};

struct NetSecurityGroup {
  const Resource* resource = nullptr;
  NetKey vpc;
  std::vector<SgRule> ingress;
  std::vector<SgRule> egress;
  bool explicit_egress = false;  // inline SecurityGroupEgress replaces the default allow-all
  ConfigSource account;          // a group of an account snapshot (no resource): its file and position

  // A note at the group: its resource in the template, or its place in the snapshot.
  Note note(std::string text) const {
    if (resource) return {std::move(text), resource->key ? resource->key->pos : Position{}};
    return {std::move(text), account.pos, account.file};
  }
};

enum class EndpointType : uint8_t { Gateway, Interface, GatewayLoadBalancer };

struct NetEndpoint {
  const Resource* resource = nullptr;
  NetKey vpc;
  std::string service;                        // "lambda", "s3", "secretsmanager"; empty when unknown
  EndpointType type = EndpointType::Gateway;  // CloudFormation's default
  bool private_dns = false;                   // CloudFormation's default
  std::vector<NetKey> route_tables;
  std::vector<NetKey> security_groups;
  bool security_groups_unknown = false;
};

// The deployments a question is asked about: a resource whose Condition `scenario` makes false is
// absent. Without a scenario every resource counts, as the template can create them all.
struct Deployment {
  const Guard* scenario = nullptr;
  // For a Condition the scenario does not name: whether it can be true in the scenario (one
  // implied false, `Not` of an assumed one say, removes the resource). Unset: it can.
  const std::function<bool(std::string_view)>* possible = nullptr;
  bool has(const Resource* r) const;
};

// Whether a NAT (gateway or instance) placed in a subnet reaches the internet.
struct NatExit {
  enum class Reach : uint8_t { Yes, No, Unknown, OutsideTemplate } reach = Reach::Unknown;
  const NetSubnet* home = nullptr;       // the NAT's subnet, when in the template
  const NetRoute* route = nullptr;       // its default route, when there is one
  bool igw_detached = false;             // No: the route's internet gateway is not attached to the VPC
  const Resource* attachment = nullptr;  // Yes: the VPCGatewayAttachment of that internet gateway
};

class NetworkModel {
 public:
  // `config`: what the team states about subnets and endpoints outside the template; `outside`:
  // the network other templates of the project define. Either may be null.
  NetworkModel(const Template& t, const Resolver& r, const Config* config = nullptr,
               const OutsideNetwork* outside = nullptr);

  const NetVpc* vpc(const NetKey& key) const;
  const NetSubnet* subnet(const NetKey& key) const;
  const NetRouteTable* route_table(const NetKey& key) const;
  const NetNat* nat(const NetKey& key) const;
  const NetSecurityGroup* security_group(const NetKey& key) const;
  const Resource* instance(const NetKey& key) const;
  // The subnet an instance (a NAT instance) sits in.
  NetKey instance_subnet(const Resource& instance) const;
  // Internet gateways attached to a VPC (by VPCGatewayAttachment).
  bool igw_attached(const NetKey& igw_key, const NetKey& vpc_key) const {
    return igw_attachment(igw_key, vpc_key) != nullptr;
  }
  // The attachment of an internet gateway to a VPC present in `d`, or null.
  const Resource* igw_attachment(const NetKey& igw_key, const NetKey& vpc_key, Deployment d = {}) const;
  bool vpc_has_igw(const NetKey& vpc_key) const;
  // An internet gateway attached to the VPC (the first by key), else empty.
  NetKey igw_of(const NetKey& vpc_key) const;
  // The template's route tables in a VPC whose 0.0.0.0/0 route targets a NAT gateway, in template
  // order; indexed once, so asking per blocked path stays linear.
  const std::vector<const NetRouteTable*>& nat_route_tables_in(const NetKey& vpc_key) const;
  // Whether a NAT placed in `subnet` reaches the internet through its subnet's routes.
  NatExit nat_exit(const NetKey& subnet, Deployment d = {}) const;
  // A subnet's routes in `d`: its routes() without the routes `d` lacks.
  SubnetRoutes routes_in(const NetSubnet& s, Deployment d) const { return d.scenario ? walk_routes(s, d) : s.routes; }
  const std::vector<const NetEndpoint*>& endpoints_in(const NetKey& vpc_key) const;
  const std::vector<NetEndpoint>& endpoints() const { return endpoints_; }
  // The template defines a NAT (gateway or instance route target), or an endpoint for `service`
  // ("lambda", "s3"): something that may give subnets it does not show a way out to that service.
  bool may_serve(std::string_view service) const;
  // A subnet outside the template that the team's config (a literal subnet id) or another template
  // of the project (a foreign key) describes.
  std::optional<OutsideSubnet> outside_subnet(const NetKey& key) const;
  // Endpoints the team's config states, or another template defines, for a VPC outside the template.
  std::vector<OutsideEndpoint> outside_endpoints_in(const NetKey& vpc_key) const;
  const Resolver& resolver() const { return r_; }
  // The first value of a property as a key (empty when absent or unknown).
  NetKey key_of(const Node* node) const;
  // Groups that AWS::EC2::SecurityGroupIngress resources add rules to but the model does not
  // hold (a VPC's default group, a group outside the template).
  bool has_outside_ingress(const NetKey& group) const { return outside_ingress_.count(group) > 0; }
  // The template defines a VPC peering connection or a transit gateway.
  bool links_vpcs() const { return links_vpcs_; }

 private:
  SubnetRoutes walk_routes(const NetSubnet& s, Deployment d = {}) const;
  void read_route(const Resource& res);
  void read_endpoint(const Resource& res);

  const Template& t_;
  const Resolver& r_;
  const Config* config_;
  const OutsideNetwork* outside_;
  std::unordered_map<NetKey, NetVpc, NetKeyHash> vpcs_;
  std::unordered_map<NetKey, NetSubnet, NetKeyHash> subnets_;
  std::unordered_map<NetKey, NetRouteTable, NetKeyHash> tables_;
  std::vector<std::unique_ptr<NetRoute>> routes_;
  std::unordered_map<NetKey, NetNat, NetKeyHash> nats_;
  std::unordered_map<NetKey, NetSecurityGroup, NetKeyHash> groups_;
  std::unordered_map<NetKey, const Resource*, NetKeyHash> instances_;
  // Internet gateway -> the VPCs it is attached to, with the attachment.
  std::unordered_map<NetKey, std::vector<std::pair<NetKey, const Resource*>>, NetKeyHash> igw_vpcs_;
  std::unordered_set<NetKey, NetKeyHash> vpcs_with_igw_;
  std::unordered_set<NetKey, NetKeyHash> outside_ingress_;
  bool links_vpcs_ = false;
  std::vector<NetEndpoint> endpoints_;
  std::unordered_map<NetKey, std::vector<const NetEndpoint*>, NetKeyHash> endpoints_by_vpc_;
  std::unordered_map<NetKey, std::vector<const NetRouteTable*>, NetKeyHash> nat_tables_by_vpc_;
};

}  // namespace vpclint
