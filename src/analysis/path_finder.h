// The network path of one function variant's calls, subnet by subnet: what EgressFacts asks for
// every call, and again for the deployments that lack a conditional way out (egress_conditions.h).
// Internal to the analysis layer: path_finder.cpp (the template's subnets), path_finder_outside.cpp
// (subnets outside the template).
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/egress.h"

namespace vpclint {

class PathFinder {
 public:
  PathFinder(const NetworkModel& net, const VpcAttachment& v, const Placement& where, Deployment dep = {})
      : net_(net), v_(v), where_(where), dep_(dep) {}

  ServicePath path(const ServiceCall& call);

 private:
  static Position pos_of(const Resource* r) { return r && r->key ? r->key->pos : Position{}; }
  static std::string name_of(const Resource* r) { return r ? std::string(r->logical_id) : std::string(); }

  static std::string describe_unknown(const Value& v);

  bool function_egress_allows(const std::optional<Cidr>& dest, const std::vector<NetKey>& dest_groups,
                              bool prefix_list_ok) const;

  // Whether an interface endpoint's groups admit TCP 443 from the function's subnet `i`: asked
  // once per endpoint; anything the template does not show counts as admitting.
  bool endpoint_admits(const NetEndpoint& e, size_t i);

  // The same for an endpoint outside the template (an account's), asked once per endpoint.
  Admit outside_admit(const OutsideEndpoint& e, size_t i);

  // Does a NAT (gateway or instance) placed in `subnet` reach the internet?
  Verdict nat_reaches_internet(const NetKey& subnet, SubnetPath& sp, const std::string& what) const;

  SubnetPath subnet_path(size_t i, const ServiceEndpoint& svc);

  // Gateway endpoints (S3, DynamoDB) apply to the route tables they list. True when one decides.
  bool gateway_endpoint(const NetSubnet& s, const ServiceEndpoint& svc, SubnetPath& sp) const;

  // The interface endpoints that exist but do not work, and why: the cause to report when
  // nothing else leads out.
  struct FailedEndpoint {
    Blocker blocker = Blocker::None;
    const NetEndpoint* endpoint = nullptr;
    std::vector<Note> chain;
  };

  // Interface endpoints apply VPC-wide (with private DNS). True when one gives the way out.
  bool interface_endpoint(size_t i, const NetSubnet& s, const ServiceEndpoint& svc, SubnetPath& sp,
                          FailedEndpoint& failed);

  // Where the subnet's default route leads: a NAT that reaches the internet (Yes), an internet
  // gateway or nothing (No, with `blocker`), or something outside the template.
  Verdict default_route(const NetSubnet& s, SubnetPath& sp, Blocker& blocker) const;

  // A subnet outside the template: only what the team's config states, or another template of the
  // project defines, can decide.
  SubnetPath external_subnet_path(size_t i, const ServiceEndpoint& svc);

  void aggregate(ServicePath& p) const;

  const NetworkModel& net_;
  const VpcAttachment& v_;
  const Placement& where_;
  Deployment dep_;
  std::unordered_map<const NetEndpoint*, AdmissionResult> admissions_;
  std::unordered_map<std::string, AdmissionResult> outside_admissions_;  // by what the endpoint's source names
};

}  // namespace vpclint
