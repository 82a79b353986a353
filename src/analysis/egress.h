// For every VPC-attached function and every AWS service its code calls: is there a network path
// out of its subnets (a working NAT, or an endpoint for that service), and if not, what blocks it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/admission.h"
#include "analysis/egress_near_miss.h"
#include "analysis/function_vpc.h"
#include "analysis/network_model.h"
#include "analysis/placement.h"
#include "analysis/service_calls.h"

namespace vpclint {

// What blocks a path; which rule reports each is decided in one place, rules/rule_ids.cpp.
enum class Blocker : uint8_t {
  None,
  NoRoute,               // no default route, no usable endpoint
  PublicOnly,            // the default route goes to an internet gateway
  EndpointDnsOff,        // only an interface endpoint whose private DNS is off
  EndpointSgBlocks,      // only an endpoint whose security groups refuse 443
  FunctionEgressBlocks,  // the function's own egress rules refuse 443
};

enum class Verdict : uint8_t {
  Yes,              // a path exists (the chain proves it)
  No,               // the network is known and nothing leads out
  Unknown,          // subnets or targets outside the template: nothing in the file gives a way out
  OutsideTemplate,  // a default route leads to something the template does not show (TGW, VPN...)
};

struct SubnetPath {
  NetKey subnet;
  Verdict verdict = Verdict::Unknown;
  Blocker blocker = Blocker::None;
  NetKey route_table;  // empty for the main route table
  // The endpoint that gives the way out (Yes), or whose DNS or security groups block it (No).
  const NetEndpoint* via_endpoint = nullptr;
  std::vector<Note> chain;
  // Yes: the template's resources the way out is made of (endpoint, route, NAT, its route, the
  // internet gateway's attachment); their Conditions decide in which deployments it exists.
  std::vector<const Resource*> relies_on;
  // No, in a deployment that lacks part of a way out: the missing resources the chain already names.
  std::vector<const Resource*> absent_noted;
  ExitDetail exit;  // a subnet blocked by its routes: what its table does (egress_near_miss.h)
};

struct ServicePath {
  const ServiceCall* call = nullptr;
  Verdict verdict = Verdict::Unknown;
  Blocker blocker = Blocker::None;
  NetKey vpc;  // when known
  std::vector<SubnetPath> subnets;
  // Subnets outside the template that nothing describes: labels, and keys (empty for a value
  // vpclint cannot name), so a rule can say how to make each known.
  std::vector<std::string> unknown_subnets;
  std::vector<NetKey> unknown_subnet_keys;
  // For each: the snapshots that were read and do not hold it ("snapshot prod"), else empty.
  std::vector<std::string> unknown_subnet_not_in;
  std::vector<Note> chain;  // evidence shared by all subnets (endpoint, VPC)
  // Subnets unknown, but the template defines something that may give their VPC a way out
  // (an endpoint for the service in that VPC, a NAT gateway): then say nothing.
  bool way_out_in_template = false;
  // Blocked: the fix that already exists in the wrong place, and the VPC DNS attributes that
  // defeat an endpoint's private DNS (egress_near_miss.h).
  std::vector<NearMiss> near_misses;
  VpcDnsOff dns_off;
};

// A way out that exists only under a Condition the function does not share: the deployments
// without it, where the calls have no path.
struct ConditionalWayOut {
  std::string_view condition;        // false in those deployments
  bool in_known_deployment = false;  // the parameter values vpclint knows make it false
  std::vector<Note> notes;           // the way out's resources, with their Condition, and the condition
};

struct FunctionEgress {
  const FunctionVpc* function = nullptr;
  const VpcAttachment* variant = nullptr;
  const Placement* placement = nullptr;
  std::vector<ServicePath> services;
  // The function's groups allow TCP 443 to no destination at all: no path can help, known even
  // when the subnets are not.
  bool https_closed = false;
  // Set for the deployments that lack a conditional way out; `services` then holds only the calls
  // that have no path there.
  std::optional<ConditionalWayOut> without;
  // The conditions these paths are for: the variant's, plus the one `without` makes false.
  Guard situation;
};

class EgressFacts {
 public:
  EgressFacts(const FunctionVpcFacts& functions, const PlacementFacts& placements, const NetworkModel& net,
              const ServiceCallFacts& calls);
  // One entry per attached variant of each function that calls at least one service.
  const std::vector<FunctionEgress>& all() const { return egress_; }
  // For a variant whose way out exists only under a condition it does not share, one entry per
  // such condition: the calls that have no path when it is false.
  const std::vector<FunctionEgress>& without_conditional_ways() const { return without_; }

 private:
  std::vector<FunctionEgress> egress_;
  std::vector<FunctionEgress> without_;
};

}  // namespace vpclint
