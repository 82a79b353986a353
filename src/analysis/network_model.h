// The template's network: VPCs, subnets, route tables and routes, gateways, NAT, endpoints and
// security groups, indexed once per template. Things outside the template (literal ids,
// parameters, imports, SSM values) appear only as keys.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/cidr.h"
#include "config/config.h"
#include "model/endpoint_service.h"
#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

// Identity of a network object whatever way the template names it: "resource:Vpc" for
// !Ref Vpc or !GetAtt Vpc.VpcId, "literal:subnet-0abc", "param:SubnetA", "ssm:/net/sg",
// "import:shared-vpc". Empty when nothing is known. Equal keys are the same object.
std::string net_key(const Value& v);
// The logical id of a key's template resource, or empty.
std::string_view key_resource(std::string_view key);
// Human text for a key: "PrivateSubnetA", "subnet-0abc", "parameter SubnetA", ...
std::string key_label(std::string_view key);

enum class RouteTarget : uint8_t {
  InternetGateway, NatGateway, Instance, TransitGateway, Peering, VpnGateway, NetworkInterface,
  VpcEndpoint, EgressOnlyInternetGateway, CarrierGateway, LocalGateway, CoreNetwork, Unknown,
};
std::string_view route_target_name(RouteTarget t);

struct NetVpc {
  const Resource* resource = nullptr;
  bool dns_support = true;     // CloudFormation defaults
  bool dns_hostnames = false;
  std::optional<Cidr> cidr;
};

struct NetSubnet {
  const Resource* resource = nullptr;
  std::string vpc;
  std::string az;  // literal AZ, or a key-like text for !Select [i, !GetAZs ''] ("az#i")
  std::optional<Cidr> cidr;
  std::string route_table;          // explicit association, or empty: the VPC's main table
  const Node* association = nullptr;
};

struct NetRoute {
  const Resource* resource = nullptr;
  std::string table;
  std::optional<Cidr> destination;  // IPv4 destination
  bool ipv6 = false;
  bool prefix_list = false;
  RouteTarget target = RouteTarget::Unknown;
  std::string target_key;
  bool is_default() const { return destination && destination->is_default(); }
};

struct NetRouteTable {
  const Resource* resource = nullptr;
  std::string vpc;
  std::vector<const NetRoute*> routes;
};

struct NetNat {
  const Resource* resource = nullptr;
  std::string subnet;
  bool is_private = false;  // ConnectivityType: private never reaches the internet
};

struct SgRule {
  std::string protocol = "-1";  // "tcp", "udp", "icmp", "-1" (all), or a number
  int from = -1, to = -1;       // -1: all ports
  std::optional<Cidr> cidr;
  bool ipv6_or_prefix_list = false;
  std::string peer_group;  // key of the source/destination group
  const Node* node = nullptr;
  bool unknown = false;    // a part could not be resolved

  bool allows_tcp_port(int port) const;
};

struct NetSecurityGroup {
  const Resource* resource = nullptr;
  std::string vpc;
  std::vector<SgRule> ingress;
  std::vector<SgRule> egress;
  bool explicit_egress = false;  // inline SecurityGroupEgress replaces the default allow-all
};

enum class EndpointType : uint8_t { Gateway, Interface, GatewayLoadBalancer };

struct NetEndpoint {
  const Resource* resource = nullptr;
  std::string vpc;
  std::string service;  // "lambda", "s3", "secretsmanager"; empty when unknown
  EndpointType type = EndpointType::Gateway;  // CloudFormation's default
  bool private_dns = false;                   // CloudFormation's default
  std::vector<std::string> route_tables;
  std::vector<std::string> security_groups;
  bool security_groups_unknown = false;
};

class NetworkModel {
 public:
  // `config`: what the team states about subnets and endpoints outside the template; may be null.
  NetworkModel(const Template& t, const Resolver& r, const Config* config = nullptr);

  const NetVpc* vpc(std::string_view key) const;
  const NetSubnet* subnet(std::string_view key) const;
  const NetRouteTable* route_table(std::string_view key) const;
  const NetNat* nat(std::string_view key) const;
  const NetSecurityGroup* security_group(std::string_view key) const;
  const Resource* instance(std::string_view key) const;
  // Internet gateways attached to a VPC (by VPCGatewayAttachment).
  bool igw_attached(std::string_view igw_key, std::string_view vpc_key) const;
  const std::vector<const NetEndpoint*>& endpoints_in(std::string_view vpc_key) const;
  const std::vector<NetEndpoint>& endpoints() const { return endpoints_; }
  bool has_nat_or_endpoint() const { return !nats_.empty() || !endpoints_.empty(); }
  // A subnet outside the template that the team's config describes ("literal:subnet-0abc").
  const ExternalSubnet* external_subnet(std::string_view key) const;
  // Endpoints the team's config states for a VPC outside the template ("literal:vpc-0123").
  std::vector<const ExternalEndpoint*> external_endpoints_in(std::string_view vpc_key) const;
  // The first value of a property as a key (empty when absent or unknown).
  std::string key_of(const Node* node) const;

 private:
  const Resolver& r_;
  const Config* config_;
  std::unordered_map<std::string, NetVpc> vpcs_;
  std::unordered_map<std::string, NetSubnet> subnets_;
  std::unordered_map<std::string, NetRouteTable> tables_;
  std::vector<std::unique_ptr<NetRoute>> routes_;
  std::unordered_map<std::string, NetNat> nats_;
  std::unordered_map<std::string, NetSecurityGroup> groups_;
  std::unordered_map<std::string, const Resource*> instances_;
  std::unordered_map<std::string, std::vector<std::string>> igw_vpcs_;
  std::vector<NetEndpoint> endpoints_;
  std::unordered_map<std::string, std::vector<const NetEndpoint*>> endpoints_by_vpc_;
};

}  // namespace vpclint
