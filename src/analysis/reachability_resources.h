// Internal to the reachability analysis: finds the template's VPC-only resources and reads where
// they live (subnets, VPC, security groups), their port and whether they have a public endpoint.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analysis/reachability.h"

namespace vpclint::reach {

// Every VPC-only resource of the template, in template order; resources with a public endpoint
// (PubliclyAccessible: true, a domain without VPCOptions, an Aurora cluster with the Data API,
// MSK public access) are left out.
std::vector<VpcResource> read_vpc_resources(const Template& t, const Resolver& r, const NetworkModel& net);

}  // namespace vpclint::reach
