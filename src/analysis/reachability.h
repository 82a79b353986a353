// Reaching VPC-only resources: which data stores of the template live only inside a VPC (caches,
// databases, brokers, search domains), where (subnets, security groups, port), which functions
// use them, and whether each way a function's VpcConfig can look lets it connect.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/admission.h"
#include "analysis/connectors.h"
#include "analysis/function_vpc.h"
#include "analysis/iam.h"
#include "analysis/network_model.h"
#include "analysis/placement.h"
#include "model/references.h"

namespace vpclint {

// Whether the resource has a public endpoint: only a Private resource is unreachable from
// outside its VPC; a MaybePublic one (RDS without PubliclyAccessible, in a VPC with an internet
// gateway or one the template does not show) is still private to a function inside its VPC.
enum class Exposure : uint8_t { Private, MaybePublic };

struct VpcResource {
  const Resource* resource = nullptr;
  std::string engine;  // "Redis", "PostgreSQL", "Kafka", ...: for messages
  // Ports a client connects to, the usual one first; a rule admitting any of them admits the
  // client (MSK and ActiveMQ listen on one port per protocol). Empty: unknown (any TCP port).
  std::vector<int> ports;
  const Node* port_node = nullptr;  // the Port property, when it sets the port
  Exposure exposure = Exposure::Private;

  NetKey vpc;  // empty when the template does not show it
  std::vector<NetKey> subnets;
  bool subnets_unknown = false;            // a list the template does not show (parameter, import, ...)
  const Resource* subnet_group = nullptr;  // the template subnet group that holds the subnets
  const Node* placement = nullptr;         // the property that places it (subnet group, SubnetIds, VPCOptions)
  std::vector<NetKey> groups;              // empty: the VPC's default group
  bool groups_unknown = false;
  const Node* groups_node = nullptr;  // the security group property as written
  Placement where;                    // its subnets and groups placed in the network

  // The VPC's default security group when it has no groups of its own.
  NetKey default_group() const { return groups.empty() && !groups_unknown ? vpc.default_group() : NetKey(); }
};

// One piece of evidence that a function uses a resource.
struct ResourceUse {
  enum class Via : uint8_t { Property, Policy, Connector };
  Via via = Via::Property;
  // After "through": "CACHE_HOST", "its InlineCode", "rds-db:connect granted to its role",
  // "connector ReadCache".
  std::string how;
  std::string attribute;  // the GetAtt / ${X.Attr} attribute, if any
  // The use names how to connect (an endpoint attribute, a data-plane grant, a connector). A
  // bare !Ref or an ARN may as well serve control-plane API calls (snapshots, start/stop): it
  // counts only when the role is known and grants none for the resource's service.
  bool direct = true;
  // A FileSystemConfigs mount: without a VPC the deployment fails (V310) before any connection.
  bool mount = false;
  const Node* node = nullptr;  // where it is written
  Position pos;
  Guard guard;  // the conditions under which the use exists (resource conditions, !If branches)
};

// How one variant of a function's VpcConfig fares against one resource.
enum class Reach : uint8_t {
  Reaches,      // same VPC, a rule of the resource's groups admits the function on the port
  NotInVpc,     // the variant is not attached to a VPC
  OtherVpc,     // attached to a VPC known to differ, nothing in the template connects the two
  Refused,      // same VPC, but no rule of the resource's groups admits the function on the port
  SomeSubnets,  // admitted only from some of the function's subnets (CIDR rules)
  Unknown,      // something outside the template decides: say nothing
};

struct VariantReach {
  const VpcAttachment* variant = nullptr;  // null: the function has no VpcConfig
  Guard guard;                             // the variant's conditions and the use's
  const ResourceUse* use = nullptr;        // the evidence that holds under `guard`
  Reach reach = Reach::Unknown;
  NetKey function_vpc;  // when known
  std::vector<NetKey> function_groups;
  std::vector<std::string> admitted_subnets, refused_subnets;  // labels (SomeSubnets, Refused by CIDR)
  std::vector<const SgRule*> rules_on_port;                    // the rules of the resource's groups that match the port
  std::vector<const SgRule*> near_misses;                      // rules that admit the function, but on other ports
};

// A function that uses a VPC-only resource, and how each variant of its VpcConfig fares.
struct ResourceUsage {
  const FunctionVpc* function = nullptr;
  const VpcResource* resource = nullptr;
  std::vector<ResourceUse> uses;  // in source order
  std::vector<VariantReach> variants;
};

class ReachabilityFacts {
 public:
  ReachabilityFacts(const Template& t, const Resolver& r, const ReferenceGraph& refs, const FunctionVpcFacts& functions,
                    const PlacementFacts& placements, const NetworkModel& net, const IamFacts& iam,
                    const ConnectorFacts& connectors);

  const std::vector<VpcResource>& resources() const { return resources_; }
  const VpcResource* resource(std::string_view logical_id) const;
  // One entry per (function, resource) pair with at least one use, in function order.
  const std::vector<ResourceUsage>& usages() const { return usages_; }

  // Whether a variant of a function's VpcConfig can reach `res`, one of resources() (exposed for
  // tests and for rules that need the answer for a variant of their own). Null: no VpcConfig.
  VariantReach reach(const VpcResource& res, const VpcAttachment* variant) const;

 private:
  struct Found {  // evidence, before it is grouped by resource
    size_t resource;
    ResourceUse use;
  };
  void collect_uses(const ReferenceGraph& refs, const FunctionVpcFacts& functions, const IamFacts& iam,
                    const ConnectorFacts& connectors);
  void property_use(const Reference& ref, const Resource& fn, std::vector<Found>& out) const;
  std::unordered_map<std::string_view, std::vector<Found>> connector_uses(const ConnectorFacts& connectors) const;
  std::vector<Found> role_uses(const RoleFacts& role) const;
  void add_usages(const FunctionVpc& fv, const RoleFacts* role, std::vector<Found>& found);
  bool vpcs_connected(const Placement& fn) const;

  const NetworkModel& net_;
  const PlacementFacts& placements_;
  std::vector<VpcResource> resources_;
  std::vector<Admission> admissions_;  // one per resource: what its groups admit on its ports
  std::unordered_map<std::string_view, size_t> index_;
  // Access point -> the file system it opens (FileSystemConfigs names access points).
  std::unordered_map<std::string_view, std::string_view> file_system_of_;
  std::vector<ResourceUsage> usages_;
};

// "10.0.1.0/24"
std::string cidr_text(const Cidr& c);

// Default port of a database or cache engine ("redis" 6379, "aurora-postgresql" 5432, ...), or
// 0 when the engine is unknown.
int engine_default_port(std::string_view engine);

}  // namespace vpclint
