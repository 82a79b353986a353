// Which route a table uses for the public internet, by longest-prefix match: template tables and
// an account snapshot's tables are judged by this one function.
#pragma once
#include <span>
#include <vector>

#include "analysis/cidr.h"

namespace vpclint {

struct NetRoute;

struct PublicRoute {
  const NetRoute* route = nullptr;  // the one target every public address is sent to (one of its routes)
  bool uncovered = false;           // some public address has no route at all
  bool mixed = false;               // public addresses go to different targets
};

// For every public IPv4 address (outside `local`, the VPC's blocks, and the private and special
// ranges) the most specific IPv4 route wins. When they all go to one target (0.0.0.0/0, or two
// /1 routes to a NAT gateway, say), that is the table's way to the internet. O(routes²) per
// table; AWS caps a table at 1,000 routes.
PublicRoute choose_public_route(const std::vector<const NetRoute*>& routes, std::span<const Cidr> local);

}  // namespace vpclint
