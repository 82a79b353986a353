// The reachability facts behind the R4xx rules: VPC-only resources (port, VPC, groups), which
// functions use them, whether their security groups admit them; and the bundled example.
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
  const ReachabilityFacts& reach() const { return facts->reachability; }
  const ResourceUsage* usage(std::string_view fn, std::string_view res) const {
    for (const auto& u : reach().usages())
      if (u.function->function->logical_id == fn && u.resource->resource->logical_id == res) return &u;
    return nullptr;
  }
};

// A VPC with two subnets, a function group, and `extra` appended to Resources.
std::string network(const std::string& extra) {
  return R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}
  FnSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: fn, VpcId: !Ref Vpc}
  Groups:
    Type: AWS::ElastiCache::SubnetGroup
    Properties: {Description: g, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
)" + extra;
}

// A cache on `CacheSg` read by an attached function; `sg` defines CacheSg (and anything else).
std::string cache_case(const std::string& sg, const std::string& fn_groups = "[!Ref FnSg]") {
  return network(R"(  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: c, CacheSubnetGroupName: !Ref Groups, SecurityGroupIds: [!Ref CacheSg]}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      VpcConfig: {SubnetIds: [!Ref SubnetA, !Ref SubnetB], SecurityGroupIds: )" +
                 fn_groups + R"(}
      Environment: {Variables: {HOST: !GetAtt Cache.PrimaryEndPoint.Address}}
)" + sg);
}

Reach reach_of(const std::string& text) {
  Analysed a(text);
  const ResourceUsage* u = a.usage("Fn", "Cache");
  REQUIRE(u);
  REQUIRE(u->variants.size() == 1);
  return u->variants[0].reach;
}

std::vector<std::string> r4_findings(const FileResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.rule.starts_with("R4")) out.push_back(f.rule + "@" + std::to_string(f.pos.line));
  return out;
}

}  // namespace

TEST_SUITE("reachability") {
  TEST_CASE("engine default ports") {
    CHECK(engine_default_port("redis") == 6379);
    CHECK(engine_default_port("valkey") == 6379);
    CHECK(engine_default_port("memcached") == 11211);
    CHECK(engine_default_port("MySQL") == 3306);
    CHECK(engine_default_port("aurora-mysql") == 3306);
    CHECK(engine_default_port("aurora-postgresql") == 5432);
    CHECK(engine_default_port("postgres") == 5432);
    CHECK(engine_default_port("oracle-ee") == 1521);
    CHECK(engine_default_port("sqlserver-ex") == 1433);
    CHECK(engine_default_port("docdb") == 27017);
    CHECK(engine_default_port("neptune") == 8182);
    CHECK(engine_default_port("cassandra") == 0);
  }

  TEST_CASE("VPC-only resources: ports, defaults and what is not VPC-only") {
    Analysed a(network(R"(  Memcached:
    Type: AWS::ElastiCache::CacheCluster
    Properties: {Engine: memcached, CacheNodeType: cache.t4g.micro, NumCacheNodes: 1, CacheSubnetGroupName: !Ref Groups, VpcSecurityGroupIds: [!Ref FnSg]}
  RedisOnPort:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: r, Port: 6380, CacheSubnetGroupName: !Ref Groups}
  Serverless:
    Type: AWS::ElastiCache::ServerlessCache
    Properties: {Engine: valkey, ServerlessCacheName: s, SubnetIds: [!Ref SubnetA], SecurityGroupIds: [!Ref FnSg]}
  MemDbGroup:
    Type: AWS::MemoryDB::SubnetGroup
    Properties: {SubnetGroupName: mem-private, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
  MemDb:
    Type: AWS::MemoryDB::Cluster
    Properties: {ClusterName: m, NodeType: db.t4g.small, ACLName: open-access, SubnetGroupName: mem-private}
  Postgres:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, PubliclyAccessible: false}
  SqlServer:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: sqlserver-ex, PubliclyAccessible: "false"}
  Public:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, PubliclyAccessible: true}
  Aurora:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-mysql, PubliclyAccessible: false}
  DataApi:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-postgresql, EnableHttpEndpoint: true}
  Proxy:
    Type: AWS::RDS::DBProxy
    Properties: {EngineFamily: POSTGRESQL, VpcSubnetIds: [!Ref SubnetA, !Ref SubnetB]}
  Docs:
    Type: AWS::DocDB::DBCluster
    Properties: {MasterUsername: u}
  Graph:
    Type: AWS::Neptune::DBCluster
    Properties: {Port: 8200}
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties: {NodeType: ra3.xlplus, ClusterType: single-node}
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties: {VPCOptions: {SubnetIds: [!Ref SubnetA]}}
  PublicSearch:
    Type: AWS::OpenSearchService::Domain
    Properties: {EngineVersion: OpenSearch_2.11}
  KafkaIam:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {ClientSubnets: [!Ref SubnetA, !Ref SubnetB], SecurityGroups: [!Ref FnSg]}
      ClientAuthentication: {Sasl: {Iam: {Enabled: true}}, Tls: {Enabled: true}}
  KafkaPlain:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {ClientSubnets: [!Ref SubnetA, !Ref SubnetB]}
      EncryptionInfo: {EncryptionInTransit: {ClientBroker: PLAINTEXT}}
  KafkaPublic:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo:
        ClientSubnets: [!Ref SubnetA, !Ref SubnetB]
        ConnectivityInfo: {PublicAccess: {Type: SERVICE_PROVIDED_EIPS}}
  Rabbit:
    Type: AWS::AmazonMQ::Broker
    Properties: {EngineType: RABBITMQ, PubliclyAccessible: false, SubnetIds: [!Ref SubnetA]}
  Active:
    Type: AWS::AmazonMQ::Broker
    Properties: {EngineType: ACTIVEMQ, PubliclyAccessible: false, SubnetIds: [!Ref SubnetA]}
)"));
    auto ports = [&](std::string_view id) {
      const VpcResource* r = a.reach().resource(id);
      REQUIRE_MESSAGE(r, id);
      return r->ports;
    };
    CHECK(ports("Memcached") == std::vector<int>{11211});
    CHECK(ports("RedisOnPort") == std::vector<int>{6380});  // the Port property wins; Redis by default
    CHECK(a.reach().resource("RedisOnPort")->engine == "Redis");
    CHECK(ports("Serverless") == std::vector<int>{6379});
    CHECK(ports("MemDb") == std::vector<int>{6379});
    CHECK(ports("Postgres") == std::vector<int>{5432});
    CHECK(ports("SqlServer") == std::vector<int>{1433});
    CHECK(ports("Aurora") == std::vector<int>{3306});
    CHECK(ports("Proxy") == std::vector<int>{5432});
    CHECK(ports("Docs") == std::vector<int>{27017});
    CHECK(ports("Graph") == std::vector<int>{8200});
    CHECK(ports("Warehouse") == std::vector<int>{5439});
    CHECK(ports("Search") == std::vector<int>{443});
    CHECK(ports("KafkaIam") == std::vector<int>{9098, 9094});  // IAM first, then TLS
    CHECK(ports("KafkaPlain") == std::vector<int>{9092});
    CHECK(ports("Rabbit") == std::vector<int>{5671});
    CHECK(ports("Active").front() == 61617);
    // Public endpoints or the Data API: not a reachability question.
    CHECK(a.reach().resource("Public") == nullptr);
    CHECK(a.reach().resource("DataApi") == nullptr);
    CHECK(a.reach().resource("PublicSearch") == nullptr);
    CHECK(a.reach().resource("KafkaPublic") == nullptr);
    // Where they live: through a subnet group (by !Ref or by its literal name) or their own subnets.
    const VpcResource* mem = a.reach().resource("MemDb");
    CHECK(mem->vpc == NetKey::resource("Vpc"));
    CHECK(mem->subnets == std::vector<NetKey>{NetKey::resource("SubnetA"), NetKey::resource("SubnetB")});
    CHECK(mem->subnet_group->logical_id == "MemDbGroup");
    CHECK(a.reach().resource("Memcached")->groups == std::vector<NetKey>{NetKey::resource("FnSg")});
    CHECK(a.reach().resource("Proxy")->vpc == NetKey::resource("Vpc"));
    // Without groups: the VPC's default group.
    CHECK(a.reach().resource("RedisOnPort")->default_group() == NetKey::resource("Vpc").default_group());
    // No subnet group: the default VPC, unknown.
    CHECK(a.reach().resource("Postgres")->vpc.empty());
    CHECK(a.reach().resource("Postgres")->subnets_unknown);
  }

  TEST_CASE("RDS without PubliclyAccessible is private only in a VPC without an internet gateway") {
    std::string db = R"(  DbGroup:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: d, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBSubnetGroupName: !Ref DbGroup}
)";
    CHECK(Analysed(network(db)).reach().resource("Db")->exposure == Exposure::Private);
    std::string igw = R"(  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
)";
    std::string public_a = R"(  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Out:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  PublicA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref PublicRt}
)";
    CHECK(Analysed(network(db + igw + public_a)).reach().resource("Db")->exposure == Exposure::MaybePublic);
    // With the gateway attached but the subnets routing only inside the VPC, it stays private.
    CHECK(Analysed(network(db + igw)).reach().resource("Db")->exposure == Exposure::Private);
    std::string tables = R"(  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  RtA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Rt}
  RtB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref Rt}
)";
    CHECK(Analysed(network(db + igw + tables)).reach().resource("Db")->exposure == Exposure::Private);
  }

  TEST_CASE("uses: environment variables, Globals, policies, connectors; not event sources") {
    Analysed a(network(R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: c, VpcId: !Ref Vpc}
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: c, CacheSubnetGroupName: !Ref Groups, SecurityGroupIds: [!Ref CacheSg]}
  DbGroup:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: d, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBSubnetGroupName: !Ref DbGroup, PubliclyAccessible: false}
  Kafka:
    Type: AWS::MSK::Cluster
    Properties: {BrokerNodeGroupInfo: {ClientSubnets: [!Ref SubnetA, !Ref SubnetB]}}
  Env:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      Environment: {Variables: {HOST: !Sub "redis://${Cache.PrimaryEndPoint.Address}:6379"}}
  Policy:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      Policies:
        - Statement:
            - Effect: Allow
              Action: rds-db:connect
              Resource: !Sub
                - "arn:aws:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:${Id}/app"
                - {Id: !GetAtt Db.DbiResourceId}
  Connected:
    Type: AWS::Serverless::Function
    Connectors:
      ToCache:
        Properties: {Destination: {Id: Cache}, Permissions: [Read]}
    Properties: {Handler: a.h, Runtime: python3.12, CodeUri: src/}
  Consumer:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      Policies:
        - Statement:
            - {Effect: Allow, Action: [kafka:DescribeClusterV2, kafka:GetBootstrapBrokers], Resource: !Ref Kafka}
      Events:
        Stream: {Type: MSK, Properties: {Stream: !Ref Kafka, Topics: [t], StartingPosition: LATEST}}
  Manager:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      Environment: {Variables: {DB_ID: !Ref Db}}
      Policies:
        - Statement:
            - {Effect: Allow, Action: [rds:StopDBInstance, rds:StartDBInstance], Resource: '*'}
  Named:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      Environment: {Variables: {DB_ID: !Ref Db}}
      Policies: [AWSLambdaBasicExecutionRole]
)"));
    const ResourceUsage* env = a.usage("Env", "Cache");
    REQUIRE(env);
    CHECK(env->uses[0].how == "HOST");
    CHECK(env->uses[0].attribute == "PrimaryEndPoint.Address");
    CHECK(env->uses[0].pos.line > 0);
    const ResourceUsage* policy = a.usage("Policy", "Db");
    REQUIRE(policy);
    CHECK(policy->uses[0].via == ResourceUse::Via::Policy);
    CHECK(policy->uses[0].how == "rds-db:connect granted to its role");
    const ResourceUsage* connector = a.usage("Connected", "Cache");
    REQUIRE(connector);
    CHECK(connector->uses[0].how == "connector ToCache");
    // The MSK event source and its control-plane grants: Lambda polls from the cluster's VPC.
    CHECK(a.usage("Consumer", "Kafka") == nullptr);
    // A bare !Ref next to rds:* grants may serve the RDS API; without them it is a use.
    CHECK(a.usage("Manager", "Db") == nullptr);
    CHECK(a.usage("Named", "Db") != nullptr);
    // None of them is in a VPC.
    CHECK(env->variants.size() == 1);
    CHECK(env->variants[0].variant == nullptr);
    CHECK(env->variants[0].reach == Reach::NotInVpc);
  }

  TEST_CASE("a Globals environment variable is a use unless the function sets its own") {
    Analysed a(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment: {Variables: {HOST: !GetAtt Cache.PrimaryEndPoint.Address}}
Resources:
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: c}
  Inherits:
    Type: AWS::Serverless::Function
    Properties: {Handler: a.h, Runtime: python3.12, CodeUri: src/}
  Overrides:
    Type: AWS::Serverless::Function
    Properties: {Handler: a.h, Runtime: python3.12, CodeUri: src/, Environment: {Variables: {HOST: localhost}}}
)");
    CHECK(a.usage("Inherits", "Cache") != nullptr);
    CHECK(a.usage("Overrides", "Cache") == nullptr);
  }

  TEST_CASE("admission: by group, by CIDR, by a separate ingress resource, by the default group") {
    std::string admits_group = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !GetAtt FnSg.GroupId}]
)";
    CHECK(reach_of(cache_case(admits_group)) == Reach::Reaches);
    std::string all_traffic = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: "-1", SourceSecurityGroupId: !Ref FnSg}]
)";
    CHECK(reach_of(cache_case(all_traffic)) == Reach::Reaches);
    std::string separate = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: c, VpcId: !Ref Vpc}
  In:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref CacheSg, IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FnSg}
)";
    CHECK(reach_of(cache_case(separate)) == Reach::Reaches);
    std::string cidr = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 10.0.0.0/22}]
)";
    CHECK(reach_of(cache_case(cidr)) == Reach::Reaches);
    std::string half = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: 10.0.2.0/24}]
)";
    {
      Analysed a(cache_case(half));
      const VariantReach& v = a.usage("Fn", "Cache")->variants[0];
      CHECK(v.reach == Reach::SomeSubnets);
      CHECK(v.admitted_subnets == std::vector<std::string>{"SubnetB (10.0.2.0/24)"});
      CHECK(v.refused_subnets == std::vector<std::string>{"SubnetA (10.0.1.0/24)"});
    }
    std::string wrong_port = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6380, ToPort: 6380, SourceSecurityGroupId: !Ref FnSg}]
)";
    {
      Analysed a(cache_case(wrong_port));
      const VariantReach& v = a.usage("Fn", "Cache")->variants[0];
      CHECK(v.reach == Reach::Refused);
      CHECK(v.near_misses.size() == 1);
    }
    std::string udp = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: udp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FnSg}]
)";
    CHECK(reach_of(cache_case(udp)) == Reach::Refused);
    // Unknowns: a group outside the template, a source that is a parameter, a prefix list.
    {
      std::string external = cache_case("");
      external.replace(external.find("[!Ref CacheSg]"), 14, "[sg-0123456789abcdef0]");
      CHECK(reach_of(external) == Reach::Unknown);
    }
    std::string param_source = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !ImportValue shared-sg}]
)";
    CHECK(reach_of(cache_case(param_source)) == Reach::Unknown);
    std::string prefix_list = R"(  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourcePrefixListId: pl-0123}]
)";
    CHECK(reach_of(cache_case(prefix_list)) == Reach::Unknown);
    // The function's group is a parameter: a rule naming a template group might still be it.
    std::string other_group = R"(  OtherSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: o, VpcId: !Ref Vpc}
  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref OtherSg}]
)";
    CHECK(reach_of(cache_case(other_group)) == Reach::Refused);
    CHECK(reach_of(cache_case(other_group, "['{{resolve:ssm:/net/fn-sg}}']")) == Reach::Unknown);
  }

  TEST_CASE("the default security group admits only its own members") {
    auto with = [](const std::string& fn_groups) {
      return network(R"(  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: c, CacheSubnetGroupName: !Ref Groups}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      VpcConfig: {SubnetIds: [!Ref SubnetA], SecurityGroupIds: )" +
                     fn_groups + R"(}
      Environment: {Variables: {HOST: !GetAtt Cache.PrimaryEndPoint.Address}}
)");
    };
    CHECK(reach_of(with("[!Ref FnSg]")) == Reach::Refused);
    CHECK(reach_of(with("[!GetAtt Vpc.DefaultSecurityGroup]")) == Reach::Reaches);
    CHECK(reach_of(with("[!Ref FnSg]") + R"(  OpenDefault:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !GetAtt Vpc.DefaultSecurityGroup, IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FnSg}
)") == Reach::Unknown);
  }

  TEST_CASE("another VPC, unless something in the template connects them") {
    std::string two = R"(  Other:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.9.0.0/16}
  OtherSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Other, CidrBlock: 10.9.1.0/24}
  OtherGroups:
    Type: AWS::ElastiCache::SubnetGroup
    Properties: {Description: g, SubnetIds: [!Ref OtherSubnet]}
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: c, CacheSubnetGroupName: !Ref OtherGroups}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      VpcConfig: {SubnetIds: [!Ref SubnetA], SecurityGroupIds: [!Ref FnSg]}
      Environment: {Variables: {HOST: !GetAtt Cache.PrimaryEndPoint.Address}}
)";
    {
      Analysed a(network(two));
      const VariantReach& v = a.usage("Fn", "Cache")->variants[0];
      CHECK(v.reach == Reach::OtherVpc);
      CHECK(v.function_vpc == NetKey::resource("Vpc"));
    }
    CHECK(reach_of(network(two + R"(  Peer:
    Type: AWS::EC2::VPCPeeringConnection
    Properties: {VpcId: !Ref Vpc, PeerVpcId: !Ref Other}
)")) == Reach::Unknown);
  }

  TEST_CASE("VpcConfig under !If: one variant per branch, each with its guard") {
    Analysed a(R"(Transform: AWS::Serverless-2016-10-31
Conditions:
  InVpc: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  FnSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: fn, VpcId: !Ref Vpc}
  CacheSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: c
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FnSg}]
  Cache:
    Type: AWS::ElastiCache::ServerlessCache
    Properties: {Engine: redis, ServerlessCacheName: c, SubnetIds: [!Ref SubnetA], SecurityGroupIds: [!Ref CacheSg]}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.h
      Runtime: python3.12
      CodeUri: src/
      VpcConfig: !If [InVpc, {SubnetIds: [!Ref SubnetA], SecurityGroupIds: [!Ref FnSg]}, !Ref AWS::NoValue]
      Environment: {Variables: {HOST: !GetAtt Cache.Endpoint.Address}}
)");
    const ResourceUsage* u = a.usage("Fn", "Cache");
    REQUIRE(u);
    REQUIRE(u->variants.size() == 2);
    CHECK(u->variants[0].reach == Reach::Reaches);
    CHECK(u->variants[0].guard.describe() == "when condition InVpc is true");
    CHECK(u->variants[1].reach == Reach::NotInVpc);
    CHECK(u->variants[1].guard.describe() == "when condition InVpc is false");
  }

  TEST_CASE("the bundled example is clean for R4xx; its variants give R403 and R401 at the reference") {
    std::string text = example("template.yaml");
    CHECK(r4_findings(test::lint(text)).empty());
    FileResult fixed = test::lint(example("template-fixed.yaml"));
    CHECK(fixed.findings.empty());
    {
      Analysed a(text);
      const ResourceUsage* u = a.usage("OrderCancel", "Cache");
      REQUIRE(u);
      CHECK(u->uses.size() == 1);
      CHECK(u->uses[0].how == "CACHE_HOST");
      CHECK(u->resource->ports == std::vector<int>{6379});
      CHECK(u->resource->vpc == NetKey::resource("Vpc"));
      CHECK(u->resource->groups == std::vector<NetKey>{NetKey::resource("CacheSecurityGroup")});
      CHECK(u->variants[0].reach == Reach::Reaches);
    }
    // The cache admits the function on 6380 only.
    std::string port = text;
    for (std::string from : {"FromPort: 6379", "ToPort: 6379"}) {
      size_t at = port.find(from);
      REQUIRE(at != std::string::npos);
      port.replace(at, from.size(), from.substr(0, from.size() - 4) + "6380");
    }
    CHECK(r4_findings(test::lint(port)) == std::vector<std::string>{"R403@98"});
    // The function leaves the VPC (3 lines fewer): R401 at the !GetAtt.
    std::string detached = text;
    std::string config =
        "      VpcConfig:\n        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
        "        SecurityGroupIds: [!Ref OrderCancelSecurityGroup]\n";
    size_t at = detached.find(config);
    REQUIRE(at != std::string::npos);
    detached.erase(at, config.size());
    CHECK(r4_findings(test::lint(detached)) == std::vector<std::string>{"R401@95"});
  }
}
