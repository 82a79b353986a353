// Where a function attachment or a VPC-only resource sits in the network, worked out once: each
// subnet with its VPC, zone, CIDR and routes, each security group with its VPC, the VPC they
// agree on, and where each of those facts comes from (a template node now; other files later).
// Egress, reachability, the VPC-config rules and the picture all read this; none recomputes it.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/network_model.h"

namespace vpclint {

struct ResolvedList;

// Where a fact comes from: the node that sets it, in the template or in another file.
struct Provenance {
  std::string what;  // "PrivateSubnetA sets its zone here", ".vpclint.yaml states the VPC of subnet-1"
  Position pos;
  std::string file;  // empty: the template being linted
  Note note() const { return {what, pos, file}; }
};

struct PlacedSubnet {
  NetKey key;
  const Node* listed_at = nullptr;       // the item that names it
  const NetSubnet* subnet = nullptr;     // a subnet of the template
  std::optional<OutsideSubnet> outside;  // a subnet the team's config states or another template defines
  NetKey vpc;
  std::optional<Provenance> vpc_source;
  std::string zone;  // literal zone, or "az#i" for !Select [i, !GetAZs ''] (same index, same zone)
  std::optional<Provenance> zone_source;
  std::optional<Cidr> cidr;
  // Where the value came from, when another file gives it (an export, samconfig, a parent stack).
  std::optional<Provenance> value_source;
  // "PrivateSubnetA", "subnet-0abc (as .vpclint.yaml states)", "PrivateSubnetA of network.yaml"
  std::string name() const;
};

struct PlacedGroup {
  NetKey key;
  const Node* listed_at = nullptr;
  const NetSecurityGroup* group = nullptr;  // a group of the template
  NetKey vpc;
  std::optional<Provenance> vpc_source;
};

// Two members of one placement known to sit in different VPCs (a deploy failure).
struct VpcConflict {
  std::string first, other;  // "subnet PrivateSubnetA", "security group OtherSg"
  NetKey first_vpc, other_vpc;
  const Node* other_listed_at = nullptr;
  Provenance first_source, other_source;
};

struct Placement {
  std::vector<PlacedSubnet> subnets;  // every alternative of every item, in order
  bool subnets_unknown = false;       // the list, or an item's value, is not known
  bool subnets_ambiguous = false;     // an item has several alternatives (an !If inside the list)
  std::vector<PlacedGroup> groups;
  bool groups_unknown = false;
  bool groups_ambiguous = false;
  // The VPC: from the first subnet whose VPC is known (template or stated), else from a group.
  NetKey vpc;
  std::optional<VpcConflict> conflict;
  // Set when there are two or more subnets, all known to be in this zone.
  std::string one_zone;

  std::vector<NetKey> group_keys() const;
  bool has_group(const NetKey& k) const;
};

// A placement from keyed lists (the VPC-only resources' subnet and group properties).
Placement place(const NetworkModel& net, const std::vector<NetKey>& subnets, bool subnets_unknown,
                const std::vector<NetKey>& groups, bool groups_unknown);
// A placement from a function's VpcConfig lists.
Placement place(const NetworkModel& net, const ResolvedList& subnets, const ResolvedList& groups);

}  // namespace vpclint

namespace vpclint {

struct VpcAttachment;
class FunctionVpcFacts;

// The placement of every attached variant of every function's VpcConfig, computed once.
class PlacementFacts {
 public:
  PlacementFacts(const FunctionVpcFacts& functions, const NetworkModel& net);
  // The placement of one variant (an empty placement for a variant that is not attached).
  const Placement& of(const VpcAttachment& v) const;

 private:
  std::unordered_map<const VpcAttachment*, Placement> by_variant_;
};

}  // namespace vpclint
