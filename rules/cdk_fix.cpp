#include "cdk_fix.h"

namespace vpclint {

namespace {
// "secretsmanager" -> "Secretsmanager", "ecr.api" -> "EcrApi": a construct id for the endpoint.
std::string endpoint_id(std::string_view endpoint) {
  std::string out;
  bool upper = true;
  for (char c : endpoint) {
    if (c == '.' || c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}
}  // namespace

std::string cdk_name(const Template& model, std::string_view logical_id) {
  const Resource* r = model.resource(logical_id);
  std::string construct = r ? cdk_construct(*r) : std::string();
  return construct.empty() ? std::string(logical_id) : construct;
}

std::string cdk_interface_endpoint(std::string_view endpoint) {
  std::string service = endpoint == "lambda"
                            ? std::string("ec2.InterfaceVpcEndpointAwsService.LAMBDA")
                            : "new ec2.InterfaceVpcEndpointAwsService('" + std::string(endpoint) + "')";
  return "`vpc.addInterfaceEndpoint('" + endpoint_id(endpoint) + "', { service: " + service + " })`";
}

std::string cdk_gateway_endpoint(std::string_view endpoint) {
  std::string id = endpoint == "s3" ? "S3" : endpoint == "dynamodb" ? "DynamoDb" : endpoint_id(endpoint);
  std::string constant = endpoint == "dynamodb" ? "DYNAMODB" : endpoint == "s3" ? "S3" : endpoint_id(endpoint);
  return "`vpc.addGatewayEndpoint('" + id + "', { service: ec2.GatewayVpcEndpointAwsService." + constant + " })`";
}

}  // namespace vpclint
