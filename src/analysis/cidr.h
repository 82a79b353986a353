// IPv4 CIDR blocks: parsing and containment, for routes and security-group rules.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace vpclint {

struct Cidr {
  uint32_t address = 0;
  uint8_t prefix = 0;

  static std::optional<Cidr> parse(std::string_view text);
  bool contains(const Cidr& inner) const;
  bool is_default() const { return prefix == 0; }
};

// Ranges no public AWS service endpoint uses: private (RFC 1918), shared (100.64/10),
// link-local, loopback, "this network", multicast and reserved. Parsed once.
const std::vector<Cidr>& non_public_blocks();
// Inside one of them: a route or rule there says nothing about reaching a service's public ranges.
bool is_non_public(const Cidr& c);

}  // namespace vpclint
