#include "model/resource_kind.h"

#include <array>

namespace vpclint {

namespace {
struct TypeName {
  ResourceKind kind;
  std::string_view type;
};
constexpr std::array kTypes{
    TypeName{ResourceKind::LambdaFunction, "AWS::Lambda::Function"},
    TypeName{ResourceKind::ServerlessFunction, "AWS::Serverless::Function"},
    TypeName{ResourceKind::LambdaCapacityProvider, "AWS::Lambda::CapacityProvider"},
    TypeName{ResourceKind::ServerlessCapacityProvider, "AWS::Serverless::CapacityProvider"},
    TypeName{ResourceKind::LambdaEventSourceMapping, "AWS::Lambda::EventSourceMapping"},
    TypeName{ResourceKind::LambdaEventInvokeConfig, "AWS::Lambda::EventInvokeConfig"},
    TypeName{ResourceKind::LambdaPermission, "AWS::Lambda::Permission"},
    TypeName{ResourceKind::ServerlessConnector, "AWS::Serverless::Connector"},
    TypeName{ResourceKind::ServerlessApi, "AWS::Serverless::Api"},
    TypeName{ResourceKind::ServerlessHttpApi, "AWS::Serverless::HttpApi"},
    TypeName{ResourceKind::ServerlessStateMachine, "AWS::Serverless::StateMachine"},
    TypeName{ResourceKind::ServerlessSimpleTable, "AWS::Serverless::SimpleTable"},
    TypeName{ResourceKind::ServerlessLayerVersion, "AWS::Serverless::LayerVersion"},
    TypeName{ResourceKind::IamRole, "AWS::IAM::Role"},
    TypeName{ResourceKind::IamPolicy, "AWS::IAM::Policy"},
    TypeName{ResourceKind::IamManagedPolicy, "AWS::IAM::ManagedPolicy"},
    TypeName{ResourceKind::Ec2Vpc, "AWS::EC2::VPC"},
    TypeName{ResourceKind::Ec2Subnet, "AWS::EC2::Subnet"},
    TypeName{ResourceKind::Ec2RouteTable, "AWS::EC2::RouteTable"},
    TypeName{ResourceKind::Ec2Route, "AWS::EC2::Route"},
    TypeName{ResourceKind::Ec2SubnetRouteTableAssociation, "AWS::EC2::SubnetRouteTableAssociation"},
    TypeName{ResourceKind::Ec2InternetGateway, "AWS::EC2::InternetGateway"},
    TypeName{ResourceKind::Ec2EgressOnlyInternetGateway, "AWS::EC2::EgressOnlyInternetGateway"},
    TypeName{ResourceKind::Ec2VpcGatewayAttachment, "AWS::EC2::VPCGatewayAttachment"},
    TypeName{ResourceKind::Ec2NatGateway, "AWS::EC2::NatGateway"},
    TypeName{ResourceKind::Ec2Instance, "AWS::EC2::Instance"},
    TypeName{ResourceKind::Ec2VpcEndpoint, "AWS::EC2::VPCEndpoint"},
    TypeName{ResourceKind::Ec2SecurityGroup, "AWS::EC2::SecurityGroup"},
    TypeName{ResourceKind::Ec2SecurityGroupIngress, "AWS::EC2::SecurityGroupIngress"},
    TypeName{ResourceKind::Ec2SecurityGroupEgress, "AWS::EC2::SecurityGroupEgress"},
    TypeName{ResourceKind::Ec2TransitGateway, "AWS::EC2::TransitGateway"},
    TypeName{ResourceKind::Ec2VpcPeeringConnection, "AWS::EC2::VPCPeeringConnection"},
    TypeName{ResourceKind::Ec2NetworkInterface, "AWS::EC2::NetworkInterface"},
    TypeName{ResourceKind::ElastiCacheCluster, "AWS::ElastiCache::CacheCluster"},
    TypeName{ResourceKind::ElastiCacheReplicationGroup, "AWS::ElastiCache::ReplicationGroup"},
    TypeName{ResourceKind::ElastiCacheServerlessCache, "AWS::ElastiCache::ServerlessCache"},
    TypeName{ResourceKind::ElastiCacheSubnetGroup, "AWS::ElastiCache::SubnetGroup"},
    TypeName{ResourceKind::MemoryDbCluster, "AWS::MemoryDB::Cluster"},
    TypeName{ResourceKind::MemoryDbSubnetGroup, "AWS::MemoryDB::SubnetGroup"},
    TypeName{ResourceKind::RdsInstance, "AWS::RDS::DBInstance"},
    TypeName{ResourceKind::RdsCluster, "AWS::RDS::DBCluster"},
    TypeName{ResourceKind::RdsSubnetGroup, "AWS::RDS::DBSubnetGroup"},
    TypeName{ResourceKind::RdsDbProxy, "AWS::RDS::DBProxy"},
    TypeName{ResourceKind::DocDbCluster, "AWS::DocDB::DBCluster"},
    TypeName{ResourceKind::DocDbSubnetGroup, "AWS::DocDB::DBSubnetGroup"},
    TypeName{ResourceKind::NeptuneCluster, "AWS::Neptune::DBCluster"},
    TypeName{ResourceKind::NeptuneSubnetGroup, "AWS::Neptune::DBSubnetGroup"},
    TypeName{ResourceKind::RedshiftCluster, "AWS::Redshift::Cluster"},
    TypeName{ResourceKind::RedshiftSubnetGroup, "AWS::Redshift::ClusterSubnetGroup"},
    TypeName{ResourceKind::OpenSearchDomain, "AWS::OpenSearchService::Domain"},
    TypeName{ResourceKind::ElasticsearchDomain, "AWS::Elasticsearch::Domain"},
    TypeName{ResourceKind::MskCluster, "AWS::MSK::Cluster"},
    TypeName{ResourceKind::MqBroker, "AWS::AmazonMQ::Broker"},
    TypeName{ResourceKind::RedshiftServerlessWorkgroup, "AWS::RedshiftServerless::Workgroup"},
    TypeName{ResourceKind::DaxCluster, "AWS::DAX::Cluster"},
    TypeName{ResourceKind::DaxSubnetGroup, "AWS::DAX::SubnetGroup"},
    TypeName{ResourceKind::DocDbElasticCluster, "AWS::DocDBElastic::Cluster"},
    TypeName{ResourceKind::EfsFileSystem, "AWS::EFS::FileSystem"},
    TypeName{ResourceKind::EfsMountTarget, "AWS::EFS::MountTarget"},
    TypeName{ResourceKind::EfsAccessPoint, "AWS::EFS::AccessPoint"},
    TypeName{ResourceKind::MskServerlessCluster, "AWS::MSK::ServerlessCluster"},
};
}  // namespace

ResourceKind resource_kind_of(std::string_view type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.kind;
  return ResourceKind::Other;
}

std::string_view resource_type_name(ResourceKind kind) {
  for (const auto& t : kTypes)
    if (t.kind == kind) return t.type;
  return {};
}

}  // namespace vpclint
