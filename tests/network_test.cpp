#include <doctest/doctest.h>

#include "analysis/aws_services.h"
#include "analysis/cidr.h"
#include "analysis/function_vpc.h"
#include "analysis/network_model.h"
#include "loader/loader.h"
#include "test_support.h"

using namespace vpclint;

namespace {
const char* kNetwork = R"(
Parameters:
  ExternalSubnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
Conditions:
  InVpc: !Equals [a, a]
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16, EnableDnsHostnames: true}}
  Public: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}
  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !GetAtt Vpc.VpcId, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PrivateRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PublicAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}
  PrivateAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt}}
  ToIgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Public, ConnectivityType: private}}
  ToNat: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}}
  ToTgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 172.16.0.0/12, TransitGatewayId: tgw-1}}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      VpcId: !Ref Vpc
      SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}]
  SgIn: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !GetAtt Sg.GroupId, IpProtocol: -1, SourceSecurityGroupId: !Ref Sg}}
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.${AWS::Region}.secretsmanager', VpcEndpointType: Interface, SecurityGroupIds: [!Ref Sg]}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      VpcConfig: !If
        - InVpc
        - {SubnetIds: [!Ref Private, !If [InVpc, !Ref Public, !Ref AWS::NoValue]], SecurityGroupIds: [!Ref Sg]}
        - !Ref AWS::NoValue
  External:
    Type: AWS::Lambda::Function
    Properties:
      VpcConfig: {SubnetIds: !Ref ExternalSubnets, SecurityGroupIds: []}
  Detached:
    Type: AWS::Lambda::Function
    Properties: {VpcConfig: {}}
)";
}  // namespace

TEST_SUITE("network") {
  TEST_CASE("CIDR parsing and containment") {
    auto vpc = Cidr::parse("10.0.0.0/16");
    REQUIRE(vpc);
    CHECK(vpc->contains(*Cidr::parse("10.0.1.0/24")));
    CHECK_FALSE(vpc->contains(*Cidr::parse("10.1.0.0/24")));
    CHECK_FALSE(Cidr::parse("10.0.1.0/24")->contains(*vpc));
    CHECK(Cidr::parse("0.0.0.0/0")->is_default());
    CHECK(Cidr::parse("0.0.0.0/0")->contains(*Cidr::parse("192.168.1.7")));
    CHECK(Cidr::parse("10.0.0.5/16")->address == Cidr::parse("10.0.0.0/16")->address);
    for (const char* bad : {"", "10.0.0/16", "10.0.0.256/8", "10.0.0.0/33", "10.0.0.0/", "a.b.c.d/1", "10.0.0.0/16x"})
      CHECK_FALSE(Cidr::parse(bad));
  }

  TEST_CASE("endpoint service names and the action table") {
    CHECK(endpoint_service("com.amazonaws.eu-west-1.lambda") == "lambda");
    CHECK(endpoint_service("com.amazonaws.${AWS::Region}.ecr.dkr") == "ecr.dkr");
    CHECK(endpoint_service("com.amazonaws.${?}.s3") == "s3");
    CHECK(endpoint_service("lambda") == "");
    CHECK(service_of_action("lambda:InvokeFunction").endpoint == "lambda");
    CHECK(service_of_action("LAMBDA:invoke*").endpoint == "lambda");
    CHECK(service_of_action("s3:GetObject").gateway_capable);
    CHECK(service_of_action("kinesis:PutRecord").endpoint == "kinesis-streams");
    CHECK(service_of_action("logs:PutLogEvents").endpoint.empty());
    CHECK(service_of_action("xray:PutTraceSegments").endpoint.empty());
    CHECK(service_of_action("rds-db:connect").endpoint.empty());
    CHECK(service_of_action("ec2:CreateNetworkInterface").endpoint.empty());
    CHECK(service_of_action("ec2:*").endpoint.empty());
    CHECK(service_of_action("ec2:StartInstances").endpoint == "ec2");
    CHECK(service_of_action("*").endpoint.empty());
    CHECK(is_event_source_poll_action("sqs:ReceiveMessage"));
    CHECK_FALSE(is_event_source_poll_action("sqs:SendMessage"));
  }

  TEST_CASE("the network model links subnets, route tables, gateways, endpoints and groups") {
    Document d = load_document("t.yaml", kNetwork);
    Template t(d);
    Resolver r(t);
    NetworkModel net(t, r);
    const NetSubnet* priv = net.subnet(NetKey::resource("Private"));
    REQUIRE(priv);
    CHECK(priv->vpc == NetKey::resource("Vpc"));  // !GetAtt Vpc.VpcId and !Ref Vpc are the same VPC
    CHECK(priv->az == "eu-west-1a");
    CHECK(priv->route_table == NetKey::resource("PrivateRt"));
    const NetRouteTable* rt = net.route_table(NetKey::resource("PrivateRt"));
    REQUIRE(rt);
    REQUIRE(rt->routes.size() == 2);
    CHECK(rt->routes[0]->is_default());
    CHECK(rt->routes[0]->target == RouteTarget::NatGateway);
    CHECK(rt->routes[1]->target == RouteTarget::TransitGateway);
    CHECK_FALSE(rt->routes[1]->is_default());
    CHECK(net.nat(NetKey::resource("Nat"))->is_private);
    CHECK(net.igw_attached(NetKey::resource("Igw"), NetKey::resource("Vpc")));
    CHECK(net.vpc(NetKey::resource("Vpc"))->dns_hostnames);
    CHECK(net.vpc(NetKey::resource("Vpc"))->dns_support);
    const NetSecurityGroup* sg = net.security_group(NetKey::resource("Sg"));
    REQUIRE(sg);
    CHECK(sg->explicit_egress);
    REQUIRE(sg->ingress.size() == 1);  // from the separate SecurityGroupIngress resource
    CHECK(sg->ingress[0].peer_group == NetKey::resource("Sg"));
    CHECK(sg->ingress[0].allows_tcp_port(6379));
    CHECK(sg->egress[0].allows_tcp_port(443));
    CHECK_FALSE(sg->egress[0].allows_tcp_port(80));
    auto eps = net.endpoints_in(NetKey::resource("Vpc"));
    REQUIRE(eps.size() == 1);
    CHECK(eps[0]->service == "secretsmanager");
    CHECK(eps[0]->type == EndpointType::Interface);
    CHECK_FALSE(eps[0]->private_dns);  // CloudFormation's default
  }

  TEST_CASE("function VPC attachments per condition branch") {
    Document d = load_document("t.yaml", kNetwork);
    Template t(d);
    Resolver r(t);
    FunctionVpcFacts facts(t, r);
    const FunctionVpc* fn = facts.find("Fn");
    REQUIRE(fn);
    REQUIRE(fn->variants.size() == 2);
    CHECK(fn->variants[0].attached());
    CHECK(fn->variants[0].guard.describe() == "when condition InVpc is true");
    REQUIRE(fn->variants[0].subnets.items.size() == 2);
    CHECK(fn->variants[0].subnets.items[1].size() == 1);  // the inner If's false branch contradicts
    CHECK_FALSE(fn->variants[1].attached());
    CHECK(fn->maybe_attached());
    CHECK_FALSE(fn->always_attached());
    const FunctionVpc* ext = facts.find("External");
    REQUIRE(ext);
    REQUIRE(ext->variants.size() == 1);
    CHECK(ext->variants[0].subnets.unknown);
    CHECK(ext->variants[0].security_groups.empty());
    CHECK(ext->always_attached());
    CHECK_FALSE(facts.find("Detached")->maybe_attached());
  }
}
