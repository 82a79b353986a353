#include "analysis/route_choice.h"

#include <algorithm>

#include "analysis/network_model.h"

namespace vpclint {

namespace {
// [first, last) of a block, in 64 bits so that 2^32 fits.
std::pair<uint64_t, uint64_t> span_of(const Cidr& c) {
  uint64_t size = uint64_t{1} << (32 - c.prefix);
  uint64_t first = uint64_t{c.address} & ~(size - 1);
  return {first, first + size};
}
}  // namespace

PublicRoute choose_public_route(const std::vector<const NetRoute*>& routes, std::span<const Cidr> local) {
  PublicRoute out;
  std::vector<uint64_t> edges{0, uint64_t{1} << 32};
  std::vector<const NetRoute*> v4;
  for (const NetRoute* r : routes)
    if (r->destination && !r->ipv6 && !r->prefix_list) {
      v4.push_back(r);
      auto [a, b] = span_of(*r->destination);
      edges.push_back(a);
      edges.push_back(b);
    }
  // Addresses no AWS service endpoint uses: the VPC's blocks, private and special ranges. A route
  // there to something else (a peering, a VPN) takes nothing from the way out.
  std::vector<std::pair<uint64_t, uint64_t>> skip;
  for (const Cidr& c : local) skip.push_back(span_of(c));
  for (const Cidr& c : non_public_blocks()) skip.push_back(span_of(c));
  for (const auto& [a, b] : skip) {
    edges.push_back(a);
    edges.push_back(b);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    uint64_t at = edges[i];
    if (std::any_of(skip.begin(), skip.end(), [&](const auto& r) { return r.first <= at && at < r.second; })) continue;
    const NetRoute* best = nullptr;
    for (const NetRoute* r : v4) {
      auto [a, b] = span_of(*r->destination);
      if (a <= at && at < b && (!best || r->destination->prefix > best->destination->prefix)) best = r;
    }
    if (!best) {
      out.uncovered = true;
      continue;
    }
    if (out.route && (best->target != out.route->target || !(best->target_key == out.route->target_key) ||
                      best->blackhole != out.route->blackhole))
      out.mixed = true;
    if (!out.route) out.route = best;
  }
  if (out.uncovered || out.mixed) out.route = nullptr;
  return out;
}

}  // namespace vpclint
