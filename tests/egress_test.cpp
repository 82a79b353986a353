// The path computation behind the N1xx rules, on the bundled example and small variations.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analysis/facts.h"
#include "loader/loader.h"
#include "test_support.h"

using namespace vpclint;

namespace {
using test::example;

struct Analysed : test::Analysed {
  using test::Analysed::Analysed;
  const ServicePath* path(std::string_view fn, std::string_view service) const {
    for (const auto& fe : facts->egress.all())
      if (fe.function->function->logical_id == fn)
        for (const auto& p : fe.services)
          if (p.call->service.endpoint == service) return &p;
    return nullptr;
  }
};

bool chain_mentions(const std::vector<Note>& chain, std::string_view text) {
  for (const auto& n : chain)
    if (n.message.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_SUITE("egress") {
  TEST_CASE("the bundled example: OrderCancel calls the Lambda API and its subnets lead nowhere") {
    Analysed a(example("template.yaml"));
    const FunctionCalls* calls = a.facts->calls.of("OrderCancel");
    REQUIRE(calls);
    const ServiceCall* invoke = calls->find("lambda");
    REQUIRE(invoke);
    CHECK(invoke->evidence.size() == 2);
    CHECK(invoke->env_hints.size() == 2);
    const ServicePath* p = a.path("OrderCancel", "lambda");
    REQUIRE(p);
    CHECK(p->verdict == Verdict::No);
    CHECK(p->blocker == Blocker::NoRoute);
    CHECK(p->vpc == NetKey::resource("Vpc"));
    REQUIRE(p->subnets.size() == 2);
    for (const auto& s : p->subnets) {
      CHECK(s.verdict == Verdict::No);
      CHECK(s.route_table == NetKey::resource("PrivateRouteTable"));
      CHECK(chain_mentions(s.chain, "PrivateRouteTable has no route to 0.0.0.0/0"));
    }
    // The workers are not in a VPC: nothing to compute for them.
    CHECK(a.path("RefundWorker", "lambda") == nullptr);
  }

  TEST_CASE("the fixed example: the lambda endpoint is the path") {
    Analysed a(example("template-fixed.yaml"));
    const ServicePath* p = a.path("OrderCancel", "lambda");
    REQUIRE(p);
    CHECK(p->verdict == Verdict::Yes);
    CHECK(chain_mentions(p->subnets[0].chain, "interface endpoint LambdaEndpoint"));
  }

  TEST_CASE("a NAT gateway works only from a subnet that routes to an attached internet gateway") {
    std::string base = example("template.yaml");
    std::string nat = R"(
  Igw: {Type: AWS::EC2::InternetGateway}
  IgwAttach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  PublicSubnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.20.100.0/24}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PublicAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicRt}}
  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref PublicSubnet}}
  PrivateDefault: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PrivateRouteTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}}
)";
    std::string igw_route =
        "  PublicDefault: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, "
        "DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}\n";
    auto with = [&](const std::string& extra) {
      std::string s = base;
      s.insert(s.find("Outputs:"), extra + "\n");
      return s;
    };
    Analysed working(with(nat + igw_route));
    CHECK(working.path("OrderCancel", "lambda")->verdict == Verdict::Yes);
    Analysed stranded(with(nat));
    const ServicePath* p = stranded.path("OrderCancel", "lambda");
    CHECK(p->verdict == Verdict::No);
    CHECK(chain_mentions(p->subnets[0].chain,
                         "NAT gateway Nat sits in PublicSubnet, which has no IPv4 route to an internet gateway"));
    Analysed tgw(
        with("  ToTgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PrivateRouteTable, "
             "DestinationCidrBlock: 0.0.0.0/0, TransitGatewayId: tgw-0abc}}\n"));
    CHECK(tgw.path("OrderCancel", "lambda")->verdict == Verdict::OutsideTemplate);
  }

  TEST_CASE("subnets outside the template are unknown, and a template endpoint is a way out") {
    const char* text = R"(
Transform: AWS::Serverless-2016-10-31
Parameters:
  VpcId: {Type: AWS::EC2::VPC::Id}
Resources:
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: !Ref VpcId}}
  Worker: {Type: AWS::Serverless::Function, Properties: {Handler: a, Runtime: python3.12, CodeUri: .}}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a
      Runtime: python3.12
      CodeUri: .
      VpcConfig: {SubnetIds: [subnet-0a, subnet-0b], SecurityGroupIds: [!Ref Sg]}
      Policies: [{LambdaInvokePolicy: {FunctionName: !Ref Worker}}]
)";
    Analysed a(text);
    const ServicePath* p = a.path("Fn", "lambda");
    REQUIRE(p);
    CHECK(p->verdict == Verdict::Unknown);
    CHECK(p->vpc.parameter() == "VpcId");  // tied through the security group's VpcId
    CHECK(p->unknown_subnets == std::vector<std::string>{"subnet-0a", "subnet-0b"});
    CHECK_FALSE(p->way_out_in_template);
    std::string with_endpoint = std::string(text) +
                                "  Ep: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref VpcId, VpcEndpointType: "
                                "Interface, PrivateDnsEnabled: true, ServiceName: com.amazonaws.eu-west-1.lambda}}\n";
    Analysed b(with_endpoint);
    CHECK(b.path("Fn", "lambda")->way_out_in_template);
  }

  TEST_CASE("what the Lambda service does for the function is not a call of the code") {
    const char* text = R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Queue: {Type: AWS::SQS::Queue}
  Dlq: {Type: AWS::SQS::Queue}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a
      Runtime: python3.12
      CodeUri: .
      Policies:
        - SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}
        - Statement:
            - {Effect: Allow, Action: [logs:PutLogEvents, xray:PutTraceSegments, rds-db:connect], Resource: '*'}
            - {Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Dlq.Arn}
            - {Effect: Allow, Action: 'sqs:Send*', Resource: !GetAtt Queue.Arn}
      Events:
        Orders: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Dlq.Arn}
)";
    Analysed a(text);
    const FunctionCalls* calls = a.facts->calls.of("Fn");
    REQUIRE(calls);
    REQUIRE(calls->calls.size() == 1);  // only the code's own sqs:Send* to the queue
    CHECK(calls->calls[0].service.endpoint == "sqs");
    REQUIRE(calls->calls[0].evidence.size() == 1);
    CHECK(calls->calls[0].evidence[0].action == "sqs:Send*");
  }

  TEST_CASE("Action '*' is evidence only for services an environment variable names") {
    const char* text = R"(
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      Policies: [{PolicyName: all, PolicyDocument: {Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}}]
  Table: {Type: AWS::DynamoDB::Table}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Environment: {Variables: {TABLE: !Ref Table}}
)";
    Analysed a(text);
    const FunctionCalls* calls = a.facts->calls.of("Fn");
    REQUIRE(calls);
    CHECK(calls->allow_all != nullptr);
    REQUIRE(calls->calls.size() == 1);
    CHECK(calls->calls[0].service.endpoint == "dynamodb");
    CHECK(calls->calls[0].env_hints[0] == "TABLE names Table");
  }

  TEST_CASE("the message names the timeout only when the template fixes it") {
    std::ifstream in(test::source_dir() + "/fixtures/N101/bad_isolated_subnets.yaml");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto message = [](const std::string& t) {
      for (const auto& f : test::lint(t).findings)
        if (f.rule == "N101") return f.message;
      return std::string("no N101");
    };
    CHECK(message(text).starts_with("Caller's calls to the Lambda API will hang until the 30 s timeout: "));
    std::string from_parameter = text;
    from_parameter.replace(from_parameter.find("Timeout: 30"), 11, "Timeout: !Ref FnTimeout");
    from_parameter.replace(from_parameter.find("Resources:"), 10,
                           "Parameters:\n  FnTimeout: {Type: Number}\nResources:");
    CHECK(message(from_parameter).find("will hang until the function's timeout: ") != std::string::npos);
    std::string absent = text;
    absent.replace(absent.find("      Timeout: 30\n"), 18, "");
    CHECK(message(absent).find("will hang until the 3 s timeout: ") != std::string::npos);
  }
}
