// The account snapshot reader (src/config/snapshot*.cpp): each file of the contract in the shape
// the AWS CLI prints it, the maps derived from route tables, and what a broken file does (one
// error line, the file treated as absent, the other files still read).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "config/snapshot.h"
#include "test_support.h"

using namespace vpclint;
using vpclint::test::Workspace;

namespace {

// A snapshot directory `snap/` in a fresh workspace, with `files` in it.
struct Loaded {
  inline static int count = 0;  // each its own directory: a test may hold two
  Workspace ws{"snapshot-reader-" + std::to_string(++count)};
  std::string dir;
  std::unique_ptr<Snapshot> s;
  std::vector<std::string> errors;

  explicit Loaded(std::initializer_list<std::pair<std::string, std::string>> files,
                  size_t max_file_size = size_t{64} << 20) {
    dir = (ws.path / "snap").string();
    std::filesystem::create_directories(dir);
    for (const auto& [name, text] : files) ws.write("snap/" + name, text);
    s = load_snapshot(dir, errors, max_file_size);
    REQUIRE(s);
  }
  // "DIR/name"
  std::string path(const std::string& name) const { return dir + "/" + name; }
};

std::string pos(const Position& p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

const char* const kVpcs = R"({
    "Vpcs": [
        {
            "CidrBlock": "10.0.0.0/16",
            "DhcpOptionsId": "dopt-1",
            "State": "available",
            "VpcId": "vpc-1",
            "OwnerId": "123456789012",
            "InstanceTenancy": "default",
            "CidrBlockAssociationSet": [
                {"AssociationId": "a1", "CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}},
                {"AssociationId": "a2", "CidrBlock": "100.64.0.0/16", "CidrBlockState": {"State": "associated"}},
                {"AssociationId": "a3", "CidrBlock": "10.9.0.0/16", "CidrBlockState": {"State": "disassociated"}}
            ],
            "IsDefault": false,
            "Tags": [{"Key": "Name", "Value": "main"}]
        },
        {"VpcId": "vpc-2", "CidrBlock": "172.31.0.0/16", "IsDefault": true}
    ]
}
)";

const char* const kSubnets = R"({
    "Subnets": [
        {
            "AvailabilityZone": "eu-west-1a",
            "AvailabilityZoneId": "euw1-az1",
            "AvailableIpAddressCount": 251,
            "CidrBlock": "10.0.1.0/24",
            "DefaultForAz": false,
            "MapPublicIpOnLaunch": false,
            "State": "available",
            "SubnetId": "subnet-1",
            "VpcId": "vpc-1",
            "Ipv6CidrBlockAssociationSet": [],
            "Tags": [{"Key": "Name", "Value": "private-a"}],
            "PrivateDnsNameOptionsOnLaunch": {"HostnameType": "ip-name"}
        },
        {"SubnetId": "subnet-2", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1b", "CidrBlock": "10.0.2.0/24"}
    ]
}
)";

const char* const kRouteTables = R"({
    "RouteTables": [
        {
            "Associations": [
                {"Main": true, "RouteTableAssociationId": "rtbassoc-m", "RouteTableId": "rtb-main",
                 "AssociationState": {"State": "associated"}}
            ],
            "PropagatingVgws": [],
            "RouteTableId": "rtb-main",
            "Routes": [
                {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "Origin": "CreateRoute", "State": "active"},
                {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1", "Origin": "CreateRoute", "State": "active"}
            ],
            "Tags": [],
            "VpcId": "vpc-1",
            "OwnerId": "123456789012"
        },
        {
            "Associations": [
                {"Main": false, "RouteTableAssociationId": "rtbassoc-1", "RouteTableId": "rtb-private",
                 "SubnetId": "subnet-1", "AssociationState": {"State": "associated"}},
                {"Main": false, "RouteTableAssociationId": "rtbassoc-2", "RouteTableId": "rtb-private",
                 "SubnetId": "subnet-9", "AssociationState": {"State": "disassociated"}},
                {"Main": false, "RouteTableAssociationId": "rtbassoc-3", "RouteTableId": "rtb-private",
                 "GatewayId": "igw-1", "AssociationState": {"State": "associated"}}
            ],
            "RouteTableId": "rtb-private",
            "Routes": [
                {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-1", "Origin": "CreateRoute", "State": "blackhole"},
                {"DestinationPrefixListId": "pl-s3", "GatewayId": "vpce-s3", "Origin": "CreateRoute", "State": "active"},
                {"DestinationCidrBlock": "172.16.0.0/12", "TransitGatewayId": "tgw-1", "Origin": "CreateRoute", "State": "active"},
                {"DestinationCidrBlock": "192.168.0.0/16", "CoreNetworkArn": "arn:aws:networkmanager::1:core-network/c", "State": "active"},
                {"DestinationCidrBlock": "198.51.100.0/24", "Origin": "EnableVgwRoutePropagation", "State": "active"}
            ],
            "VpcId": "vpc-1"
        }
    ]
}
)";

}  // namespace

TEST_SUITE("snapshot") {
  TEST_CASE("VPCs: the primary block and the associated secondary ones") {
    Loaded l({{"ec2-describe-vpcs.json", kVpcs}});
    CHECK(l.errors.empty());
    CHECK(l.s->has_vpcs);
    CHECK_FALSE(l.s->has_subnets);
    REQUIRE(l.s->vpcs.size() == 2);
    const SnapVpc& v = l.s->vpcs.at("vpc-1");
    CHECK(v.cidrs == std::vector<std::string>{"10.0.0.0/16", "100.64.0.0/16"});
    CHECK_FALSE(v.dns_support.has_value());
    CHECK(l.s->vpcs.at("vpc-2").cidrs == std::vector<std::string>{"172.31.0.0/16"});
    REQUIRE(l.s->files.size() == 1);
    CHECK(l.s->file(v.file).path() == l.path("ec2-describe-vpcs.json"));
  }

  TEST_CASE("subnets: id, VPC, zone and block") {
    Loaded l({{"ec2-describe-subnets.json", kSubnets}});
    CHECK(l.errors.empty());
    REQUIRE(l.s->subnets.size() == 2);
    const SnapSubnet& s = l.s->subnets.at("subnet-1");
    CHECK(s.id == "subnet-1");
    CHECK(s.vpc == "vpc-1");
    CHECK(s.az == "eu-west-1a");
    CHECK(s.cidr == "10.0.1.0/24");
    CHECK(l.s->subnets.at("subnet-2").az == "eu-west-1b");
  }

  TEST_CASE("route tables: main and explicit associations, every target kind, blackhole") {
    Loaded l({{"ec2-describe-route-tables.json", kRouteTables}});
    CHECK(l.errors.empty());
    const SnapRouteTable& main = l.s->route_tables.at("rtb-main");
    CHECK(main.main);
    CHECK(main.subnets.empty());
    REQUIRE(main.routes.size() == 3);
    CHECK(main.routes[0].destination == "10.0.0.0/16");
    CHECK(main.routes[0].target_kind == "GatewayId");
    CHECK(main.routes[0].target == "local");
    CHECK(main.routes[1].target == "igw-1");
    CHECK(main.routes[2].destination.empty());
    CHECK(main.routes[2].destination_ipv6 == "::/0");
    CHECK(main.routes[2].target_kind == "EgressOnlyInternetGatewayId");
    CHECK(main.routes[2].target == "eigw-1");

    const SnapRouteTable& t = l.s->route_tables.at("rtb-private");
    CHECK_FALSE(t.main);
    // Disassociated and gateway (edge) associations are not subnet associations.
    CHECK(t.subnets == std::vector<std::string>{"subnet-1"});
    REQUIRE(t.routes.size() == 5);
    CHECK(t.routes[0].target_kind == "NatGatewayId");
    CHECK(t.routes[0].target == "nat-1");
    CHECK(t.routes[0].blackhole);
    CHECK_FALSE(t.routes[1].blackhole);
    CHECK(t.routes[1].destination_prefix_list == "pl-s3");
    CHECK(t.routes[1].destination.empty());
    CHECK(t.routes[1].target == "vpce-s3");
    CHECK(t.routes[2].target_kind == "TransitGatewayId");
    CHECK(t.routes[3].target_kind == "CoreNetworkArn");
    CHECK(t.routes[3].target == "arn:aws:networkmanager::1:core-network/c");
    CHECK(t.routes[4].target_kind.empty());  // a propagated route: no target the snapshot names
    CHECK(t.routes[4].target.empty());

    CHECK(l.s->main_table_of_vpc == std::unordered_map<std::string, std::string>{{"vpc-1", "rtb-main"}});
    CHECK(l.s->table_of_subnet == std::unordered_map<std::string, std::string>{{"subnet-1", "rtb-private"}});
  }

  TEST_CASE("route tables: the id and VPC may come after the associations") {
    Loaded l({{"ec2-describe-route-tables.json", R"({"RouteTables": [
      {"Associations": [{"Main": true}, {"SubnetId": "subnet-3"}], "Routes": [], "VpcId": "vpc-3", "RouteTableId": "rtb-3"},
      {"RouteTableId": "rtb-4", "VpcId": "vpc-3", "Associations": [{"Main": true}]}]})"}});
    CHECK(l.errors.empty());
    CHECK(l.s->main_table_of_vpc.at("vpc-3") == "rtb-3");   // the first main table of a VPC stands
    CHECK(l.s->table_of_subnet.at("subnet-3") == "rtb-3");  // an association with no state counts
  }

  TEST_CASE("NAT gateways, internet gateways, egress-only gateways") {
    Loaded l({{"ec2-describe-nat-gateways.json", R"({"NatGateways": [
        {"CreateTime": "2025-01-01T00:00:00+00:00", "NatGatewayAddresses": [{"PublicIp": "52.0.0.1"}],
         "NatGatewayId": "nat-1", "State": "available", "SubnetId": "subnet-pub", "VpcId": "vpc-1",
         "ConnectivityType": "public"},
        {"NatGatewayId": "nat-2", "State": "failed", "SubnetId": "subnet-2", "VpcId": "vpc-1", "ConnectivityType": "private"}]})"},
              {"ec2-describe-internet-gateways.json", R"({"InternetGateways": [
        {"Attachments": [{"State": "available", "VpcId": "vpc-1"}], "InternetGatewayId": "igw-1", "OwnerId": "1", "Tags": []},
        {"Attachments": [{"State": "detaching", "VpcId": "vpc-2"}], "InternetGatewayId": "igw-2"},
        {"Attachments": [], "InternetGatewayId": "igw-3"}]})"},
              {"ec2-describe-egress-only-internet-gateways.json", R"({"EgressOnlyInternetGateways": [
        {"Attachments": [{"State": "attached", "VpcId": "vpc-1"}], "EgressOnlyInternetGatewayId": "eigw-1", "Tags": []}]})"}});
    CHECK(l.errors.empty());
    const SnapNatGateway& n = l.s->nat_gateways.at("nat-1");
    CHECK(n.subnet == "subnet-pub");
    CHECK(n.vpc == "vpc-1");
    CHECK(n.state == "available");
    CHECK_FALSE(n.private_nat);
    CHECK(l.s->nat_gateways.at("nat-2").private_nat);
    CHECK(l.s->nat_gateways.at("nat-2").state == "failed");
    CHECK(l.s->internet_gateways.at("igw-1").attached_vpcs == std::vector<std::string>{"vpc-1"});
    CHECK(l.s->internet_gateways.at("igw-2").attached_vpcs.empty());
    CHECK(l.s->internet_gateways.at("igw-3").attached_vpcs.empty());
    CHECK(l.s->egress_only_gateways.at("eigw-1").attached_vpcs == std::vector<std::string>{"vpc-1"});
    CHECK(l.s->has_nat_gateways);
    CHECK(l.s->has_internet_gateways);
    CHECK(l.s->has_egress_only_gateways);
  }

  TEST_CASE("VPC endpoints: gateway and interface, state as the CLI prints it") {
    Loaded l({{"ec2-describe-vpc-endpoints.json", R"({
    "VpcEndpoints": [
        {
            "VpcEndpointId": "vpce-s3", "VpcEndpointType": "Gateway", "VpcId": "vpc-1",
            "ServiceName": "com.amazonaws.eu-west-1.s3", "State": "available",
            "PolicyDocument": "{\"Version\":\"2008-10-17\",\"Statement\":[]}",
            "RouteTableIds": ["rtb-private", "rtb-main"], "SubnetIds": [], "Groups": [],
            "PrivateDnsEnabled": false, "RequesterManaged": false, "NetworkInterfaceIds": [], "DnsEntries": []
        },
        {
            "VpcEndpointId": "vpce-lambda", "VpcEndpointType": "Interface", "VpcId": "vpc-1",
            "ServiceName": "com.amazonaws.eu-west-1.lambda", "State": "PendingAcceptance",
            "RouteTableIds": [], "SubnetIds": ["subnet-1", "subnet-2"],
            "Groups": [{"GroupId": "sg-ep", "GroupName": "endpoints"}], "PrivateDnsEnabled": true
        }
    ]
})"}});
    CHECK(l.errors.empty());
    const SnapEndpoint& s3 = l.s->endpoints.at("vpce-s3");
    CHECK(s3.type == "Gateway");
    CHECK(s3.vpc == "vpc-1");
    CHECK(s3.service_name == "com.amazonaws.eu-west-1.s3");
    CHECK(s3.state == "available");
    CHECK_FALSE(s3.private_dns);
    CHECK(s3.route_tables == std::vector<std::string>{"rtb-private", "rtb-main"});
    const SnapEndpoint& lambda = l.s->endpoints.at("vpce-lambda");
    CHECK(lambda.type == "Interface");
    CHECK(lambda.state == "pendingAcceptance");  // the API reference's spelling, as the CLI prints it
    CHECK(lambda.private_dns);
    CHECK(lambda.subnets == std::vector<std::string>{"subnet-1", "subnet-2"});
    CHECK(lambda.groups == std::vector<std::string>{"sg-ep"});
  }

  TEST_CASE("security groups: every source kind, ports absent for all traffic") {
    Loaded l({{"ec2-describe-security-groups.json", R"({
    "SecurityGroups": [
        {
            "Description": "fn", "GroupName": "fn-sg",
            "IpPermissions": [
                {"FromPort": 443, "IpProtocol": "tcp", "ToPort": 443,
                 "IpRanges": [{"CidrIp": "10.0.0.0/16", "Description": "vpc"}],
                 "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
                 "PrefixListIds": [{"PrefixListId": "pl-s3"}],
                 "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "123456789012"}, {"GroupName": "classic"}]},
                {"FromPort": -1, "IpProtocol": "icmp", "ToPort": -1, "IpRanges": [], "Ipv6Ranges": [],
                 "PrefixListIds": [], "UserIdGroupPairs": []}
            ],
            "OwnerId": "123456789012", "GroupId": "sg-1",
            "IpPermissionsEgress": [
                {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [],
                 "UserIdGroupPairs": []}
            ],
            "Tags": [], "VpcId": "vpc-1"
        }
    ]
})"}});
    CHECK(l.errors.empty());
    const SnapSecurityGroup& g = l.s->security_groups.at("sg-1");
    CHECK(g.name == "fn-sg");
    CHECK(g.vpc == "vpc-1");
    REQUIRE(g.ingress.size() == 2);
    const SnapSgRule& https = g.ingress[0];
    CHECK(https.protocol == "tcp");
    CHECK(https.from == 443);
    CHECK(https.to == 443);
    CHECK(https.cidrs == std::vector<std::string>{"10.0.0.0/16"});
    CHECK(https.ipv6_cidrs == std::vector<std::string>{"::/0"});
    CHECK(https.prefix_lists == std::vector<std::string>{"pl-s3"});
    CHECK(https.groups == std::vector<std::string>{"sg-2"});
    CHECK(g.ingress[1].protocol == "icmp");
    CHECK(g.ingress[1].from == -1);
    REQUIRE(g.egress.size() == 1);
    CHECK(g.egress[0].protocol == "-1");
    CHECK(g.egress[0].from == -1);
    CHECK(g.egress[0].to == -1);
    CHECK(g.egress[0].cidrs == std::vector<std::string>{"0.0.0.0/0"});
  }

  TEST_CASE("prefix lists, exports, stacks, SSM parameters") {
    Loaded l({{"ec2-describe-managed-prefix-lists.json", R"({"PrefixLists": [
        {"PrefixListId": "pl-6da54004", "AddressFamily": "IPv4", "State": "create-complete",
         "PrefixListName": "com.amazonaws.eu-west-1.s3", "OwnerId": "AWS"}]})"},
              {"cloudformation-list-exports.json", R"({"Exports": [
        {"ExportingStackId": "arn:aws:cloudformation:eu-west-1:1:stack/net/x", "Name": "net-PrivateSubnets",
         "Value": "subnet-1,subnet-2"}]})"},
              {"cloudformation-describe-stacks.json", R"({"Stacks": [
        {"StackId": "arn:aws:cloudformation:eu-west-1:1:stack/app/y", "StackName": "app", "StackStatus": "UPDATE_COMPLETE",
         "Parameters": [{"ParameterKey": "Subnets", "ParameterValue": "subnet-1,subnet-2"},
                        {"ParameterKey": "SgParam", "ParameterValue": "/net/sg", "ResolvedValue": "sg-1"}],
         "Outputs": [{"OutputKey": "FnArn", "OutputValue": "arn:aws:lambda:eu-west-1:1:function:f", "ExportName": "app-Fn"}],
         "Tags": []},
        {"StackName": "bare", "StackId": "arn:b"}]})"},
              {"ssm-get-parameters-by-path.json", R"({"Parameters": [
        {"Name": "/net/sg", "Type": "String", "Value": "sg-1", "Version": 3, "LastModifiedDate": "2025-01-01T00:00:00+00:00",
         "ARN": "arn:aws:ssm:eu-west-1:1:parameter/net/sg", "DataType": "text"},
        {"Name": "/net/subnets", "Type": "StringList", "Value": "subnet-1,subnet-2"}]})"}});
    CHECK(l.errors.empty());
    CHECK(l.s->prefix_lists.at("pl-6da54004").name == "com.amazonaws.eu-west-1.s3");
    CHECK(l.s->exports.at("net-PrivateSubnets").value == "subnet-1,subnet-2");
    CHECK(l.s->exports.at("net-PrivateSubnets").type.empty());
    const SnapStack& app = l.s->stacks.at("app");
    CHECK(app.id == "arn:aws:cloudformation:eu-west-1:1:stack/app/y");
    CHECK(app.parameters.at("Subnets").value == "subnet-1,subnet-2");
    CHECK(app.parameters.at("Subnets").resolved.empty());
    CHECK(app.parameters.at("SgParam").resolved == "sg-1");
    CHECK(app.outputs.at("FnArn") == "arn:aws:lambda:eu-west-1:1:function:f");
    CHECK(l.s->stacks.at("bare").parameters.empty());
    CHECK(l.s->ssm.at("/net/sg").value == "sg-1");
    CHECK(l.s->ssm.at("/net/sg").type == "String");
    CHECK(l.s->ssm.at("/net/subnets").type == "StringList");
    CHECK((l.s->has_prefix_lists && l.s->has_exports && l.s->has_stacks && l.s->has_ssm));
  }

  TEST_CASE("VPC attribute files set DNS support and hostnames on the VPCs the VPC file lists") {
    Loaded l({{"ec2-describe-vpcs.json", kVpcs},
              {"ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json",
               R"({"VpcId": "vpc-1", "EnableDnsSupport": {"Value": true}})"},
              {"ec2-describe-vpc-attribute-vpc-1-enableDnsHostnames.json",
               R"({"EnableDnsHostnames": {"Value": false}, "VpcId": "vpc-1"})"},
              // A VPC the VPC file does not list: nothing to set.
              {"ec2-describe-vpc-attribute-vpc-7-enableDnsSupport.json",
               R"({"VpcId": "vpc-7", "EnableDnsSupport": {"Value": true}})"}});
    CHECK(l.errors.empty());
    const SnapVpc& v = l.s->vpcs.at("vpc-1");
    CHECK(v.dns_support == std::optional<bool>(true));
    CHECK(v.dns_hostnames == std::optional<bool>(false));
    CHECK(l.s->file(v.dns_support_file).path() == l.path("ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json"));
    CHECK(l.s->file(v.dns_hostnames_file).path() == l.path("ec2-describe-vpc-attribute-vpc-1-enableDnsHostnames.json"));
    CHECK_FALSE(l.s->vpcs.at("vpc-2").dns_support.has_value());
    CHECK(l.s->vpcs.count("vpc-7") == 0);
  }

  TEST_CASE("attribute files without the VPC file, or naming another VPC than their name") {
    Loaded alone({{"ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json",
                   R"({"VpcId": "vpc-1", "EnableDnsSupport": {"Value": true}})"}});
    CHECK(alone.errors.empty());
    CHECK(alone.s->vpcs.empty());
    CHECK_FALSE(alone.s->has_vpcs);

    Loaded l({{"ec2-describe-vpcs.json", kVpcs},
              {"ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json",
               R"({"VpcId": "vpc-2", "EnableDnsSupport": {"Value": true}})"},
              {"ec2-describe-vpc-attribute-vpc-1-enableDnsHostnames.json",
               R"({"VpcId": "vpc-1", "EnableDnsHostnames": {}})"},
              {"ec2-describe-vpc-attribute-vpc-2-enableDnsHostnames.json",
               R"({"VpcId": "vpc-2", "EnableDnsSupport": {"Value": true}})"}});
    CHECK(l.errors == std::vector<std::string>{l.path("ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json") +
                                                   ": /VpcId: \"vpc-2\" is not vpc-1, the VPC the file's name gives",
                                               l.path("ec2-describe-vpc-attribute-vpc-1-enableDnsHostnames.json") +
                                                   ": /EnableDnsHostnames: missing required key \"Value\"",
                                               l.path("ec2-describe-vpc-attribute-vpc-2-enableDnsHostnames.json") +
                                                   ": /: missing required key \"EnableDnsHostnames\""});
    CHECK_FALSE(l.s->vpcs.at("vpc-1").dns_support.has_value());
    CHECK_FALSE(l.s->vpcs.at("vpc-2").dns_support.has_value());
    CHECK(l.s->files.size() == 1);
  }

  TEST_CASE("the manifest names the snapshot; label() with and without it") {
    Loaded l({{"manifest.json", R"({"account": "123456789012", "region": "eu-west-1",
                                    "taken": "2026-11-02T10:00:00Z", "cli_version": "2.15.0", "note": "extra"})"}});
    CHECK(l.errors.empty());
    REQUIRE(l.s->manifest);
    CHECK(l.s->manifest->account == "123456789012");
    CHECK(l.s->manifest->region == "eu-west-1");
    CHECK(l.s->manifest->cli_version == "2.15.0");
    CHECK(l.s->label() == "snapshot " + l.dir + "/ (taken 2026-11-02T10:00:00Z)");

    Snapshot bare;
    bare.dir = "prod";
    CHECK(bare.label() == "snapshot prod/");
    bare.dir = "prod/";
    CHECK(bare.label() == "snapshot prod/");
  }

  TEST_CASE("manifest_json writes what the reader reads") {
    SnapshotManifest m{"123456789012", "eu-west-1", "2026-11-02T10:00:00Z", "2.15.0"};
    const std::string text = manifest_json(m);
    CHECK(text ==
          "{\n    \"account\": \"123456789012\",\n    \"region\": \"eu-west-1\",\n    \"taken\": "
          "\"2026-11-02T10:00:00Z\",\n    \"cli_version\": \"2.15.0\"\n}\n");
    std::vector<std::string> errors;
    auto s = load_snapshot_texts("snap", {{"manifest.json", text}}, errors);
    CHECK(errors.empty());
    REQUIRE(s->manifest);
    CHECK(s->manifest->taken == m.taken);
    CHECK(manifest_json(SnapshotManifest{"1", "", "", ""}) == "{\n    \"account\": \"1\"\n}\n");
  }

  TEST_CASE("missing files are not known, not errors; other files are ignored") {
    Loaded l({{"notes.txt", "hello"}, {"ec2-describe-vpcs.json.bak", "{"}, {"ec2-describe-vpc-attribute-x.json", "{"}});
    CHECK(l.errors.empty());
    CHECK(l.s->files.empty());
    CHECK_FALSE(l.s->manifest);
    CHECK_FALSE((l.s->has_vpcs || l.s->has_subnets || l.s->has_route_tables || l.s->has_nat_gateways ||
                 l.s->has_internet_gateways || l.s->has_egress_only_gateways || l.s->has_endpoints ||
                 l.s->has_security_groups || l.s->has_prefix_lists || l.s->has_exports || l.s->has_stacks ||
                 l.s->has_ssm));
    CHECK(l.s->dir == l.dir);
  }

  TEST_CASE("a directory that cannot be read: null and one line") {
    Workspace ws("snapshot-reader");
    std::vector<std::string> errors;
    const std::string missing = (ws.path / "nope").string();
    CHECK_FALSE(load_snapshot(missing, errors));
    CHECK(errors == std::vector<std::string>{missing + ": No such file or directory"});
    errors.clear();
    const std::string file = ws.write("file.json", "{}");
    CHECK_FALSE(load_snapshot(file, errors));
    CHECK(errors == std::vector<std::string>{file + ": Not a directory"});
  }

  TEST_CASE("not JSON: DIR/FILE:LINE:COL, the file absent, the others read") {
    Loaded l({{"ec2-describe-vpcs.json", kVpcs},
              {"ec2-describe-subnets.json", "{\n    \"Subnets\": [\n        {\"SubnetId\": subnet-1}\n    ]\n}\n"},
              {"ec2-describe-route-tables.json", std::string(kRouteTables).substr(0, 200)},
              {"ec2-describe-nat-gateways.json", ""},
              {"ec2-describe-security-groups.json", "{\"SecurityGroups\": [{\"GroupId\": \"sg-\xff\"}]}"}});
    CHECK(l.errors ==
          std::vector<std::string>{
              l.path("ec2-describe-subnets.json") +
                  ":3:22: not valid JSON: syntax error while parsing value - invalid literal; last read: "
                  "'\"SubnetId\": s'",
              // Cut short after "AssociationState": , at the end of line 6.
              l.path("ec2-describe-route-tables.json") +
                  ":6:38: not valid JSON: syntax error while parsing value - unexpected end of input; expected '[', "
                  "'{', or a literal",
              l.path("ec2-describe-nat-gateways.json") +
                  ":1:1: not valid JSON: syntax error while parsing value - unexpected end of input; expected '[', "
                  "'{', or a literal",
              l.path("ec2-describe-security-groups.json") +
                  ":1:37: not valid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
                  "last read: '\"sg-<0xFF>'"});
    CHECK(l.s->has_vpcs);
    CHECK(l.s->vpcs.size() == 2);
    CHECK_FALSE(l.s->has_subnets);
    CHECK(l.s->subnets.empty());
    CHECK_FALSE(l.s->has_route_tables);
    CHECK(l.s->main_table_of_vpc.empty());
    CHECK_FALSE(l.s->has_nat_gateways);
    CHECK_FALSE(l.s->has_security_groups);
    CHECK(l.s->files.size() == 1);
  }

  TEST_CASE("the wrong shape: DIR/FILE: /pointer: what is wrong, and nothing of the file kept") {
    Loaded l(
        {{"ec2-describe-vpcs.json", R"([{"VpcId": "vpc-1"}])"},
         {"ec2-describe-subnets.json", R"({"Subnets": [
                  {"SubnetId": "subnet-1", "VpcId": "vpc-1"},
                  {"SubnetId": "subnet-2", "VpcId": "vpc-1", "CidrBlock": 10}]})"},
         {"ec2-describe-route-tables.json", R"({"RouteTables": [
                  {"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Associations": [{"Main": true}]},
                  {"VpcId": "vpc-1"}]})"},
         {"ec2-describe-security-groups.json", R"({"SecurityGroups": [{"GroupId": "sg-1",
                  "IpPermissions": [{"IpProtocol": "tcp", "FromPort": "443"}]}]})"},
         {"ec2-describe-vpc-endpoints.json", R"({"VpcEndpoints": {"VpcEndpointId": "vpce-1"}})"},
         {"ec2-describe-nat-gateways.json", R"({"NatGateway": []})"},
         {"ec2-describe-internet-gateways.json", R"({"InternetGateways": [{"InternetGatewayId": ""}]})"},
         {"ec2-describe-managed-prefix-lists.json",
          R"({"PrefixLists": [{"PrefixListId": "pl-1", "PrefixListName": null}]})"},
         {"cloudformation-list-exports.json", R"({"Exports": [{"Name": "x"}]})"},
         {"cloudformation-describe-stacks.json",
          R"({"Stacks": [{"StackName": "a", "Parameters": [{"ParameterKey": "K"}, ["P"]]}]})"},
         {"ssm-get-parameters-by-path.json", R"({"Parameters": [{"Name": "/a/b~c", "Value": {"nested": 1}}]})"},
         {"ec2-describe-egress-only-internet-gateways.json",
          R"({"EgressOnlyInternetGateways": [{"EgressOnlyInternetGatewayId": "eigw-1", "Attachments": [{"VpcId": ["vpc-1"]}]}]})"},
         {"manifest.json", R"({"account": 123456789012})"}});
    const std::vector<std::string> expected{
        l.path("ec2-describe-vpcs.json") + ": /: expected an object, not an array",
        l.path("ec2-describe-subnets.json") + ": /Subnets/1/CidrBlock: expected a string, not a number",
        l.path("ec2-describe-route-tables.json") + ": /RouteTables/1: missing required key \"RouteTableId\"",
        l.path("ec2-describe-nat-gateways.json") + ": /: missing required key \"NatGateways\"",
        l.path("ec2-describe-internet-gateways.json") + ": /InternetGateways/0/InternetGatewayId: an empty id",
        l.path("ec2-describe-egress-only-internet-gateways.json") +
            ": /EgressOnlyInternetGateways/0/Attachments/0/VpcId: expected a string, not an array",
        l.path("ec2-describe-vpc-endpoints.json") + ": /VpcEndpoints: expected an array of objects, not an object",
        l.path("ec2-describe-security-groups.json") +
            ": /SecurityGroups/0/IpPermissions/0/FromPort: expected an integer, not a string",
        l.path("ec2-describe-managed-prefix-lists.json") +
            ": /PrefixLists/0/PrefixListName: expected a string, not null",
        l.path("cloudformation-list-exports.json") + ": /Exports/0: missing required key \"Value\"",
        l.path("cloudformation-describe-stacks.json") + ": /Stacks/0/Parameters/1: expected an object, not an array",
        l.path("ssm-get-parameters-by-path.json") + ": /Parameters/0/Value: expected a string, not an object",
        l.path("manifest.json") + ": /account: expected a string, not a number",
    };
    CHECK(l.errors == expected);
    CHECK(l.s->files.empty());
    CHECK(l.s->subnets.empty());
    CHECK(l.s->route_tables.empty());
    CHECK(l.s->main_table_of_vpc.empty());  // derived from a file that did not read whole
    CHECK(l.s->security_groups.empty());
    CHECK_FALSE(l.s->manifest);
  }

  TEST_CASE("pointers escape ~ and / in keys, and number where an integer is due") {
    std::vector<std::string> errors;
    load_snapshot_texts(
        "snap",
        {{"ec2-describe-security-groups.json",
          R"({"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"FromPort": 1.5}]}]})"},
         {"ec2-describe-subnets.json", R"({"Subnets": [{"SubnetId": "s", "VpcId": "v"}], "a/b~c": 1})"},
         {"ec2-describe-route-tables.json",
          R"({"RouteTables": [{"RouteTableId": "r", "VpcId": "v", "Routes": [{"State": false}]}]})"},
         {"ec2-describe-vpc-endpoints.json",
          R"({"VpcEndpoints": [{"VpcEndpointId": "e", "PrivateDnsEnabled": "true"}]})"},
         {"ec2-describe-nat-gateways.json", R"({"NatGateways": [{"NatGatewayId": "n"}, 7]})"},
         {"ec2-describe-vpcs.json",
          R"({"Vpcs": [{"VpcId": "v", "CidrBlockAssociationSet": [{"CidrBlock": "1", "CidrBlockState": {"State": 99999999999999999999}}]}]})"},
         {"ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json",
          R"({"VpcId": "vpc-\n\u0001\u00e9", "EnableDnsSupport": {"Value": true}})"}},
        errors);
    CHECK(errors ==
          std::vector<std::string>{
              "snap/ec2-describe-vpcs.json: /Vpcs/0/CidrBlockAssociationSet/0/CidrBlockState/State: "
              "expected a string, not a number",
              "snap/ec2-describe-route-tables.json: /RouteTables/0/Routes/0/State: expected a string, not false",
              "snap/ec2-describe-nat-gateways.json: /NatGateways/1: expected an object, not a number",
              "snap/ec2-describe-vpc-endpoints.json: /VpcEndpoints/0/PrivateDnsEnabled: expected true or "
              "false, not a string",
              "snap/ec2-describe-security-groups.json: /SecurityGroups/0/IpPermissions/0/FromPort: expected "
              "an integer, not a fraction",
              // What the file holds never breaks the line.
              "snap/ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json: /VpcId: \"vpc-<U+000A><U+0001>é\" "
              "is not vpc-1, the VPC the file's name gives"});
    // An unknown member is skipped whatever it holds; its name never reaches a pointer.
    std::vector<std::string> none;
    auto s = load_snapshot_texts(
        "snap/", {{"ec2-describe-subnets.json", R"({"a/b~c": [1, {"x": [null]}], "Subnets": []})"}}, none);
    CHECK(none.empty());
    CHECK(s->has_subnets);
  }

  TEST_CASE("too large, a directory, a FIFO: one line each, the others read") {
    Loaded l({{"ec2-describe-vpcs.json", R"({"Vpcs": []})"}, {"ec2-describe-subnets.json", kSubnets}},
             std::string(kSubnets).size() - 1);
    std::filesystem::create_directories(l.dir + "/ec2-describe-route-tables.json");
    REQUIRE(mkfifo((l.dir + "/ec2-describe-security-groups.json").c_str(), 0600) == 0);
    std::vector<std::string> errors;
    auto s = load_snapshot(l.dir, errors, std::string(kSubnets).size() - 1);
    REQUIRE(s);
    CHECK(errors == std::vector<std::string>{l.path("ec2-describe-subnets.json") + ": larger than the limit of " +
                                                 std::to_string(std::string(kSubnets).size() - 1) + " bytes",
                                             l.path("ec2-describe-route-tables.json") + ": is a directory",
                                             l.path("ec2-describe-security-groups.json") + ": is not a regular file"});
    CHECK(s->has_vpcs);
    CHECK_FALSE(s->has_subnets);
    CHECK_FALSE(s->has_route_tables);
    CHECK_FALSE(s->has_security_groups);
  }

  TEST_CASE("UTF-16 with a BOM (Windows PowerShell's redirection) and a UTF-8 BOM are read") {
    const std::string json = R"({"Subnets": [{"SubnetId": "subnet-é", "VpcId": "vpc-1"}]})";
    std::string utf16 = "\xff\xfe";
    for (unsigned char c : std::string(R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1"}]})")) {
      utf16 += static_cast<char>(c);
      utf16 += '\0';
    }
    Loaded l({{"ec2-describe-subnets.json", utf16}, {"ec2-describe-vpcs.json", "\xef\xbb\xbf" + std::string(kVpcs)}});
    CHECK(l.errors.empty());
    CHECK(l.s->subnets.count("subnet-1"));
    CHECK(l.s->vpcs.count("vpc-1"));
    // Positions are in the text as read (the BOM dropped).
    CHECK(pos(l.s->file(l.s->vpcs.at("vpc-1").file).locate("\"vpc-1\"")) == "7:22");

    Loaded odd({{"ec2-describe-subnets.json", "\xff\xfe{"}});
    REQUIRE(odd.errors.size() == 1);
    CHECK(odd.errors[0].starts_with(odd.path("ec2-describe-subnets.json") + ": "));
  }

  TEST_CASE("locate, offset_of, cite and position_of") {
    Loaded l({{"ec2-describe-subnets.json", kSubnets}, {"ec2-describe-route-tables.json", kRouteTables}});
    const SnapshotFile& subnets = l.s->file(l.s->subnets.at("subnet-1").file);
    CHECK(pos(subnets.locate("\"subnet-1\"")) == "11:25");
    CHECK(pos(subnets.locate("\"subnet-2\"")) == "17:22");
    CHECK(pos(subnets.locate("\"vpc-1\"")) == "12:22");
    // From an offset: the second VPC id, in subnet-2's object.
    const size_t second = subnets.offset_of("\"subnet-2\"");
    CHECK(pos(subnets.locate("\"vpc-1\"", second)) == "17:43");
    CHECK(subnets.offset_of("\"vpc-1\"", second) > second);
    // Absent: the file's start, npos.
    CHECK(pos(subnets.locate("\"subnet-404\"")) == "1:1");
    CHECK(subnets.offset_of("\"subnet-404\"") == std::string::npos);
    CHECK(subnets.offset_of("\"vpc-1\"", subnets.text().size() + 5) == std::string::npos);

    const ConfigSource c = subnets.cite("subnet-2", "subnet subnet-2 in snap");
    CHECK(c.file == l.path("ec2-describe-subnets.json"));
    CHECK(pos(c.pos) == "17:22");
    CHECK(c.what == "subnet subnet-2 in snap");

    // The route tables file: an association's subnet after its table's id.
    const SnapshotFile& tables = l.s->file(l.s->route_tables.at("rtb-private").file);
    const size_t table = tables.offset_of("\"rtb-private\"");
    CHECK(pos(tables.position_of(table)) == "21:90");
    CHECK(pos(tables.locate("\"subnet-1\"", table)) == "22:30");

    // Columns count code points; past the end is the end.
    SnapshotFile f("x.json", "{\n  \"é\": \"subnet-1\"\n}");
    CHECK(pos(f.locate("\"subnet-1\"")) == "2:8");
    CHECK(pos(f.position_of(1000)) == "3:2");
    CHECK(pos(SnapshotFile("e.json", "").position_of(0)) == "1:1");
    // An id with a quote is found as the CLI escapes it.
    SnapshotFile q("q.json", R"({"Name": "a\"b"})");
    CHECK(pos(q.cite("a\"b", "").pos) == "1:10");
  }

  TEST_CASE("the file names of the contract, in the order vpclint snapshot takes them") {
    CHECK(snapshot_file_names() == std::vector<std::string_view>{
                                       "ec2-describe-vpcs.json",
                                       "ec2-describe-subnets.json",
                                       "ec2-describe-route-tables.json",
                                       "ec2-describe-nat-gateways.json",
                                       "ec2-describe-internet-gateways.json",
                                       "ec2-describe-egress-only-internet-gateways.json",
                                       "ec2-describe-vpc-endpoints.json",
                                       "ec2-describe-security-groups.json",
                                       "ec2-describe-managed-prefix-lists.json",
                                       "cloudformation-list-exports.json",
                                       "cloudformation-describe-stacks.json",
                                       "ssm-get-parameters-by-path.json",
                                   });
    CHECK(snapshot_attribute_file_name("vpc-1", "enableDnsSupport") ==
          "ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json");
  }

  TEST_CASE("a large snapshot is read on several threads with the same result") {
    // Over the size at which files are read in parallel, so sanitizers see the threads.
    std::string subnets = "{\"Subnets\": [", groups = "{\"SecurityGroups\": [";
    for (int i = 0; i < 6000; ++i) {
      const std::string n = std::to_string(i);
      subnets += (i ? ",\n" : "\n") + std::string("    {\"SubnetId\": \"subnet-") + n +
                 "\", \"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/24\", \"Tags\": [{\"Key\": \"Name\", "
                 "\"Value\": \"private-" +
                 n + "\"}]}";
      groups += (i ? ",\n" : "\n") + std::string("    {\"GroupId\": \"sg-") + n +
                "\", \"IpPermissions\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443, "
                "\"UserIdGroupPairs\": [{\"GroupId\": \"sg-0\"}]}]}";
    }
    subnets += "\n]}\n";
    groups += "\n]}\n";
    Loaded l({{"ec2-describe-subnets.json", subnets},
              {"ec2-describe-security-groups.json", groups},
              {"ec2-describe-vpcs.json", kVpcs},
              {"ec2-describe-route-tables.json", kRouteTables}});
    CHECK(l.errors.empty());
    CHECK(l.s->subnets.size() == 6000);
    CHECK(l.s->security_groups.size() == 6000);
    CHECK(l.s->security_groups.at("sg-5999").ingress.at(0).groups == std::vector<std::string>{"sg-0"});
    // File indices follow the contract's order, whatever order the threads finished in.
    CHECK(l.s->file(l.s->vpcs.at("vpc-1").file).path() == l.path("ec2-describe-vpcs.json"));
    CHECK(l.s->vpcs.at("vpc-1").file == 0);
    CHECK(l.s->subnets.at("subnet-1").file == 1);
    CHECK(l.s->route_tables.at("rtb-main").file == 2);
    CHECK(l.s->security_groups.at("sg-1").file == 3);
    CHECK(pos(l.s->file(3).locate("\"sg-5999\"")) == "6001:17");
  }
}
