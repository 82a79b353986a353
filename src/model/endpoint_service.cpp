#include "model/endpoint_service.h"

namespace vpclint {

std::string endpoint_service(std::string_view name) {
  // com.amazonaws.<region>.<service>; the region part may be a placeholder.
  for (std::string_view prefix : {"com.amazonaws.", "aws.api."}) {
    if (!name.starts_with(prefix)) continue;
    std::string_view rest = name.substr(prefix.size());
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos) return {};
    return std::string(rest.substr(dot + 1));
  }
  return {};
}

}  // namespace vpclint
