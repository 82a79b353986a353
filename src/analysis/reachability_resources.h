// Internal to the reachability analysis: finds the template's VPC-only resources and reads where
// they live (subnets, VPC, security groups), their port and whether they have a public endpoint.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/reachability.h"

namespace vpclint::reach {

// Keys of a list property (subnets, security groups). Several `!If` alternatives, or items the
// template does not show, make it unknown.
struct KeyList {
  std::vector<NetKey> keys;
  bool present = false;
  bool unknown = false;
};
KeyList key_list(const Resolver& r, const Node* n);

// An EFS file system, placed by its mount targets of the template (reachability_efs.cpp).
void read_file_system(const Template& t, const Resolver& r, const NetworkModel& net, const Resource& fs,
                      VpcResource& v);

// An MSK Serverless cluster, placed by its one VpcConfigs entry (reachability_msk_serverless.cpp).
void read_msk_serverless(const Resolver& r, const NetworkModel& net, const Resource& cluster, VpcResource& v);

// The file system an access point of the template belongs to; null when not known.
const Resource* file_system_of(const Template& t, const Resolver& r, const Resource& access_point);

// Every VPC-only resource of the template, in template order; resources with a public endpoint
// (PubliclyAccessible: true, a domain without VPCOptions, an Aurora cluster with the Data API,
// MSK public access) are left out.
std::vector<VpcResource> read_vpc_resources(const Template& t, const Resolver& r, const NetworkModel& net);

}  // namespace vpclint::reach
