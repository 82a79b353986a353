// For resources the AWS CDK synthesized (they carry Metadata aws:cdk:path), the rules give the
// CDK call (TypeScript) that fixes a finding: the user edits the app, never the generated template.
#pragma once
#include <string>
#include <string_view>

#include "model/cdk_path.h"
#include "model/template.h"

namespace vpclint {

inline bool is_cdk_resource(const Resource& r) { return !cdk_construct(r).empty(); }
// The construct of the resource `logical_id` names, or the logical id when it has none.
std::string cdk_name(const Template& model, std::string_view logical_id);

// `vpc.addInterfaceEndpoint('Lambda', { service: ec2.InterfaceVpcEndpointAwsService.LAMBDA })`,
// with the service's constant for Lambda and the constructor (which takes any service) otherwise.
std::string cdk_interface_endpoint(std::string_view endpoint);
// `vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 })` (S3, DynamoDB).
std::string cdk_gateway_endpoint(std::string_view endpoint);
// Subnets with a NAT for the function.
inline constexpr std::string_view kCdkNatSubnets =
    "`vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }` on the function, in a Vpc with `natGateways` "
    "of at least 1";

}  // namespace vpclint
