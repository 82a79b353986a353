// A VPC endpoint's ServiceName as the short service name. Below analysis and the project layer:
// both the network model (template endpoints) and the config (stated endpoints) read it.
#pragma once
#include <string>
#include <string_view>

namespace vpclint {

// "com.amazonaws.${AWS::Region}.lambda" -> "lambda"; empty when it is not a service name.
std::string endpoint_service(std::string_view service_name);

}  // namespace vpclint
