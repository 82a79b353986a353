// The keys parse_config accepts at each level of `.vpclint.yaml`, in the order the docs list
// them; the schema test holds schema/vpclint.schema.json to the same lists.
#pragma once
#include <span>
#include <string_view>

namespace vpclint {

struct ConfigKeys {
  std::span<const std::string_view> top;       // select, ignore, ...
  std::span<const std::string_view> network;   // subnets, endpoints
  std::span<const std::string_view> subnet;    // an item of network.subnets
  std::span<const std::string_view> endpoint;  // an item of network.endpoints
};

const ConfigKeys& config_keys();

}  // namespace vpclint
