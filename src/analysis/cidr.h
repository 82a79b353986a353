// IPv4 CIDR blocks: parsing and containment, for routes and security-group rules.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace vpclint {

struct Cidr {
  uint32_t address = 0;
  uint8_t prefix = 0;

  static std::optional<Cidr> parse(std::string_view text);
  bool contains(const Cidr& inner) const;
  bool is_default() const { return prefix == 0; }
};

}  // namespace vpclint
