// "Do these security groups admit that function on this port": the one place that walks
// security group rules. Endpoints ask it for TCP 443, VPC-only resources for their ports, and the
// picture for the rules between groups it draws.
#pragma once
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/placement.h"

namespace vpclint {

enum class Admit : uint8_t {
  Admits,       // a rule admits the function (its group, or a CIDR covering all its subnets)
  Refuses,      // the rules are all known and none admits it
  SomeSubnets,  // CIDR rules cover only some of its subnets
  Unknown,      // a group, rule or value the template does not show decides
};

// The side that admits: a resource's or an endpoint's security groups.
struct AdmissionTarget {
  std::vector<NetKey> groups;  // empty: the VPC's default group
  bool groups_unknown = false;
  NetKey vpc;
  std::vector<int> ports;  // a rule admitting any of them will do; empty: any TCP port
};

struct AdmissionResult {
  Admit verdict = Admit::Unknown;
  // For each subnet of the placement: Admits, Refuses, or Unknown (its CIDR is not known, or the
  // verdict did not come from CIDR rules and is not Admits).
  std::vector<Admit> per_subnet;
  std::vector<const SgRule*> rules_on_port;  // the target's rules on the port (for notes)
  std::vector<const SgRule*> near_misses;    // rules that admit the function's group on other ports
};

class Admission {
 public:
  // Summarises the target's ingress rules once; each query then costs lookups.
  Admission(const NetworkModel& net, AdmissionTarget target);
  AdmissionResult from(const Placement& function) const;
  const AdmissionTarget& target() const { return target_; }
  // The default group the target gets when it names none, or an empty key.
  const NetKey& default_group() const { return default_group_; }

  static constexpr size_t kMaxRuleNotes = 8;

 private:
  bool covers(const Cidr& c) const;

  const NetworkModel& net_;
  AdmissionTarget target_;
  bool unknown_ = false;  // a group or rule the template does not show
  NetKey default_group_;
  std::unordered_set<NetKey, NetKeyHash> peers_;  // source groups admitted on the port
  bool unfixed_peer_ = false;                     // a source group given by a parameter, import, ...
  std::unordered_set<uint64_t> cidrs_;            // CIDR blocks admitted on the port (address << 8 | prefix)
  bool default_cidr_ = false;                     // 0.0.0.0/0
  std::unordered_map<NetKey, std::vector<const SgRule*>, NetKeyHash> off_port_;  // source group -> rules on other ports
  std::vector<const SgRule*> on_port_;
};

// Whether the function's own security groups let TCP 443 out towards a destination: a CIDR (null:
// any), the destination's groups, and whether a prefix-list rule counts (gateway endpoints).
bool egress_allows_https(const NetworkModel& net, const Placement& function, const std::optional<Cidr>& dest,
                         const std::vector<NetKey>& dest_groups, bool prefix_list_ok);

// Whether the function's own groups let TCP 443 out to a service's public ranges, the way traffic
// through a gateway endpoint (S3, DynamoDB) travels: 0.0.0.0/0, a prefix list, or another public
// block (it may cover the service's) admit it; a rule to private space (the VPC, RFC 1918) or to
// a security group does not.
bool egress_allows_https_to_public(const NetworkModel& net, const Placement& function);

// Whether the function's own groups let TCP 443 out to any destination at all. False is certain
// from the template alone: every group is the template's, with explicit egress and no such rule.
bool egress_allows_any_https(const NetworkModel& net, const Placement& function);

// The ingress rules of a template group whose source is another group, by source group.
std::vector<std::pair<NetKey, std::vector<const SgRule*>>> rules_by_source_group(const NetSecurityGroup& g);

}  // namespace vpclint
