// Why a blocked path is blocked, subnet by subnet, and the near misses: the fix that already
// exists in the wrong place (a gateway endpoint on another route table, an endpoint in another
// VPC, a NAT route on a table none of the function's subnets uses, a NAT gateway in a subnet
// without an internet route), and the VPC DNS attribute that defeats an endpoint's private DNS.
// Rules word what this finds; none of them looks at routes themselves.
#pragma once
#include <cstdint>
#include <vector>

#include "analysis/net_key.h"

namespace vpclint {

struct Resource;
class NetworkModel;
struct Placement;
struct ServicePath;

// What a blocked subnet's route table does with traffic for the internet.
enum class ExitCause : uint8_t {
  Other,            // not a routing cause (an endpoint, the function's groups), or unknown
  NoDefaultRoute,   // no route for 0.0.0.0/0 and none for ::/0
  Ipv6Only,         // ::/0 to an egress-only or internet gateway, no IPv4 route out
  NatNoInternet,    // 0.0.0.0/0 to a NAT (gateway or instance) that does not reach the internet
  NatPrivate,       // 0.0.0.0/0 to a NAT gateway with ConnectivityType private
  InternetGateway,  // 0.0.0.0/0 only to an internet gateway
};

struct ExitDetail {
  ExitCause cause = ExitCause::Other;
  NetKey target;                    // the NAT, or the gateway ::/0 or 0.0.0.0/0 leads to
  bool egress_only = false;         // Ipv6Only: the gateway is an egress-only internet gateway
  bool nat_instance = false;        // NatNoInternet: the NAT is an instance, not a NAT gateway
  const Resource* route = nullptr;  // Ipv6Only: the ::/0 route
  bool main_table = false;          // the subnet uses its VPC's main route table
};

struct NearMiss {
  enum class Kind : uint8_t {
    GatewayEndpointOtherTable,  // `resource` (a gateway endpoint) lists other route tables than `tables`
    EndpointOtherVpc,           // `resource` (an endpoint for the service) sits in VPC `other`; for a
                                // gateway endpoint, `tables` are the tables one in the right VPC needs
    NatRouteUnusedTable,        // `resource` (a route table) routes 0.0.0.0/0 to NAT `other`; `tables` do not
    NatWithoutInternetRoute,    // `resource` (a NAT) sits in subnet `other`, whose table `table` has no IPv4 internet
                                // route
  };
  Kind kind = Kind::GatewayEndpointOtherTable;
  const Resource* resource = nullptr;
  NetKey other;
  std::vector<NetKey> tables;  // the function's route tables the change applies to
  NetKey table;                // NatWithoutInternetRoute: the NAT subnet's route table (empty: its VPC's main table)
  NetKey igw;                  // NatWithoutInternetRoute: an internet gateway attached to the VPC, if any
  bool ipv6_only = false;      // NatWithoutInternetRoute: the table routes only ::/0 to it
};

// The VPC attributes that keep an interface endpoint's private DNS from applying.
struct VpcDnsOff {
  bool support_off = false;    // EnableDnsSupport false
  bool hostnames_off = false;  // EnableDnsHostnames false (CloudFormation's default)
  bool any() const { return support_off || hostnames_off; }
};

struct Deployment;

// Fills each blocked subnet's ExitDetail, the path's near misses and its VPC DNS attributes; with
// `d`, the routes and NATs of that deployment (the ones it lacks are gone).
void explain_blocked(const NetworkModel& net, const Placement& where, ServicePath& p, const Deployment* d = nullptr);

}  // namespace vpclint
