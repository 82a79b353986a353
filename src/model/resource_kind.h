// The resource types vpclint understands: one enum and one table, so no rule compares type strings.
#pragma once
#include <cstdint>
#include <string_view>

namespace vpclint {

enum class ResourceKind : uint8_t {
  Other,
  // Lambda and SAM
  LambdaFunction,
  ServerlessFunction,
  LambdaCapacityProvider,
  ServerlessCapacityProvider,
  LambdaEventSourceMapping,
  LambdaEventInvokeConfig,
  LambdaPermission,
  ServerlessConnector,
  ServerlessApi,
  ServerlessHttpApi,
  ServerlessStateMachine,
  ServerlessSimpleTable,
  ServerlessLayerVersion,
  // IAM
  IamRole,
  IamPolicy,
  IamManagedPolicy,
  // EC2 networking
  Ec2Vpc,
  Ec2Subnet,
  Ec2RouteTable,
  Ec2Route,
  Ec2SubnetRouteTableAssociation,
  Ec2InternetGateway,
  Ec2EgressOnlyInternetGateway,
  Ec2VpcGatewayAttachment,
  Ec2NatGateway,
  Ec2Instance,
  Ec2VpcEndpoint,
  Ec2SecurityGroup,
  Ec2SecurityGroupIngress,
  Ec2SecurityGroupEgress,
  Ec2TransitGateway,
  Ec2VpcPeeringConnection,
  Ec2NetworkInterface,
  // VPC-only data stores
  ElastiCacheCluster,
  ElastiCacheReplicationGroup,
  ElastiCacheServerlessCache,
  ElastiCacheSubnetGroup,
  MemoryDbCluster,
  MemoryDbSubnetGroup,
  RdsInstance,
  RdsCluster,
  RdsSubnetGroup,
  RdsDbProxy,
  DocDbCluster,
  DocDbSubnetGroup,
  NeptuneCluster,
  NeptuneSubnetGroup,
  RedshiftCluster,
  RedshiftSubnetGroup,
  OpenSearchDomain,
  ElasticsearchDomain,
  MskCluster,
  MqBroker,
  RedshiftServerlessWorkgroup,
  DaxCluster,
  DaxSubnetGroup,
  DocDbElasticCluster,
  EfsFileSystem,
  EfsMountTarget,
  EfsAccessPoint,
  MskServerlessCluster,
};

// Type string -> kind (Other when vpclint has no model for it).
ResourceKind resource_kind_of(std::string_view type);
std::string_view resource_type_name(ResourceKind kind);

inline bool is_function(ResourceKind k) {
  return k == ResourceKind::LambdaFunction || k == ResourceKind::ServerlessFunction;
}

}  // namespace vpclint
