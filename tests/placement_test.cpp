// The network fact layer: where an attachment sits (placement), what security groups admit
// (admission) and where a subnet routes (the route walk). Egress, reachability, V304/V305 and the
// picture all read these answers, so each behaviour is pinned here once.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analysis/admission.h"
#include "analysis/facts.h"
#include "loader/loader.h"
#include "test_support.h"

using namespace vpclint;

namespace {

// A VPC with a public subnet (internet gateway), a private one (NAT in the public one), one on the
// main route table, one routed to a peering connection, and groups that admit in every way.
constexpr const char* kNet = R"(
Parameters:
  OtherSg: {Type: AWS::EC2::SecurityGroup::Id}
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  OtherVpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.9.0.0/16}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !GetAtt Vpc.VpcId, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1a}
  Peered:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24, AvailabilityZone: eu-west-1b}
  Elsewhere:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref OtherVpc, CidrBlock: 10.9.0.0/24}
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PublicDefault:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  PublicAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref Public}
  PrivateRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PrivateDefault:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}
  PrivateAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PrivateA, RouteTableId: !Ref PrivateRt}
  PeeredRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PeeredRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PeeredRt, DestinationCidrBlock: 10.9.0.0/16, VpcPeeringConnectionId: pcx-1}
  PeeredAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Peered, RouteTableId: !Ref PeeredRt}
  FnSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: fn, VpcId: !Ref Vpc}
  ElsewhereSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: other, VpcId: !Ref OtherVpc}
  ByGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admits FnSg on 6379, and on 22 only
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FnSg}
  WrongPort:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admits FnSg on 22 only
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !Ref FnSg}
  ByCidr:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admits 10.0.1.0/24 only
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: 10.0.1.0/24}
  ByPrefixList:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: prefix list
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourcePrefixListId: pl-1}
  ByIpv6:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: IPv6
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "::/0"}
  ByName:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: a group named by name
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupName: legacy}
  ByParameter:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: a source group given at deploy time
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref OtherSg}
)";

struct Net : test::Analysed {
  Net() : test::Analysed(kNet) {}
  const NetworkModel& net() const { return facts->network; }
  Placement at(std::vector<const char*> subnets, std::vector<const char*> groups, bool groups_unknown = false) const {
    std::vector<NetKey> s, g;
    for (const char* id : subnets) s.push_back(NetKey::resource(id));
    for (const char* id : groups) g.push_back(NetKey::resource(id));
    return place(net(), s, false, g, groups_unknown);
  }
  AdmissionResult admit(const char* group, int port, const Placement& from) const {
    return Admission(net(), {{NetKey::resource(group)}, false, NetKey::resource("Vpc"), {port}}).from(from);
  }
};

}  // namespace

TEST_SUITE("placement") {
  TEST_CASE("network keys: one identity whatever way the template names the object") {
    Net n;
    CHECK(n.net().subnet(NetKey::resource("PrivateA"))->vpc == NetKey::resource("Vpc"));  // !GetAtt Vpc.VpcId
    NetKey def = NetKey::resource("Vpc").default_group();
    CHECK(def.is_default_group());
    CHECK(def.default_group_vpc() == NetKey::resource("Vpc"));
    CHECK(def.label() == "Vpc.DefaultSecurityGroup");
    CHECK(NetKey::literal("subnet-1").comparable(NetKey::literal("subnet-2")));
    CHECK_FALSE(NetKey::literal("vpc-1").comparable(NetKey::resource("Vpc")));
    CHECK(NetKey::literal("").empty());
    CHECK(NetKey::literal("sg-1").literal_id() == "sg-1");
    CHECK(NetKey::resource("Vpc").resource_id() == "Vpc");
  }

  TEST_CASE("the route walk: explicit table, main table, default route and what other routes lead to") {
    Net n;
    const SubnetRoutes& pub = n.net().subnet(NetKey::resource("Public"))->routes;
    CHECK(pub.source == TableSource::Explicit);
    REQUIRE(pub.default_route);
    CHECK(pub.default_route->target == RouteTarget::InternetGateway);
    CHECK(pub.internet_route);
    CHECK_FALSE(pub.other_vpc_route);

    const SubnetRoutes& priv = n.net().subnet(NetKey::resource("PrivateA"))->routes;
    REQUIRE(priv.default_route);
    CHECK(priv.default_route->target == RouteTarget::NatGateway);
    CHECK_FALSE(priv.internet_route);

    const SubnetRoutes& main = n.net().subnet(NetKey::resource("PrivateB"))->routes;
    CHECK(main.source == TableSource::Main);  // no association: the VPC's main table, local only
    CHECK_FALSE(main.default_route);

    const SubnetRoutes& peered = n.net().subnet(NetKey::resource("Peered"))->routes;
    CHECK(peered.other_vpc_route);
    CHECK_FALSE(peered.default_route);  // a /16 to the peer is not a default route

    NatExit nat = n.net().nat_exit(n.net().nat(NetKey::resource("Nat"))->subnet);
    CHECK(nat.reach == NatExit::Reach::Yes);
    CHECK(n.net().nat_exit(NetKey::resource("PrivateB")).reach == NatExit::Reach::No);  // main table: no IGW route
    CHECK(n.net().nat_exit(NetKey::literal("subnet-outside")).reach == NatExit::Reach::Unknown);
    CHECK(n.net().vpc_has_igw(NetKey::resource("Vpc")));
    CHECK_FALSE(n.net().vpc_has_igw(NetKey::resource("OtherVpc")));
  }

  TEST_CASE("placement: each subnet's VPC, zone and CIDR with where they are set; the VPC; one zone") {
    Net n;
    Placement p = n.at({"PrivateA", "PrivateB"}, {"FnSg"});
    CHECK(p.vpc == NetKey::resource("Vpc"));
    REQUIRE(p.subnets.size() == 2);
    CHECK(p.subnets[0].zone == "eu-west-1a");
    REQUIRE(p.subnets[0].cidr);
    CHECK(p.subnets[0].cidr->prefix == 24);
    REQUIRE(p.subnets[0].zone_source);
    CHECK(p.subnets[0].zone_source->what == "PrivateA sets its zone here");
    CHECK(p.subnets[0].zone_source->pos.line == 20);
    REQUIRE(p.subnets[0].vpc_source);
    CHECK(p.subnets[0].vpc_source->what == "subnet PrivateA sets its VPC here");
    CHECK(p.one_zone == "eu-west-1a");
    CHECK_FALSE(p.conflict);

    CHECK(n.at({"PrivateA", "Peered"}, {}).one_zone.empty());  // two zones
    CHECK(n.at({"PrivateA"}, {}).one_zone.empty());            // one subnet is V303's business

    Placement from_group = n.at({}, {"FnSg"});
    CHECK(from_group.vpc == NetKey::resource("Vpc"));  // no subnet: the group's VPC
  }

  TEST_CASE("placement: members in different VPCs are a conflict, keys named differently are not") {
    Net n;
    Placement p = n.at({"PrivateA"}, {"ElsewhereSg"});
    REQUIRE(p.conflict);
    CHECK(p.conflict->first == "subnet PrivateA");
    CHECK(p.conflict->other == "security group ElsewhereSg");
    CHECK(p.conflict->other_vpc == NetKey::resource("OtherVpc"));
    CHECK(p.conflict->other_source.what == "security group ElsewhereSg sets its VPC here");

    Placement q = place(n.net(), {NetKey::resource("PrivateA"), NetKey::literal("subnet-9")}, false, {}, false);
    CHECK_FALSE(q.conflict);  // nothing states subnet-9's VPC
  }

  TEST_CASE("admission by source group, on the port or not") {
    Net n;
    Placement fn = n.at({"PrivateA", "PrivateB"}, {"FnSg"});
    CHECK(n.admit("ByGroup", 6379, fn).verdict == Admit::Admits);
    AdmissionResult wrong = n.admit("WrongPort", 6379, fn);
    CHECK(wrong.verdict == Admit::Refuses);
    REQUIRE(wrong.near_misses.size() == 1);
    CHECK(wrong.near_misses[0]->from == 22);
    // A function whose group is a deploy-time value might be the admitted group.
    Placement unknown_group = place(n.net(), {NetKey::resource("PrivateA")}, false, {}, true);
    CHECK(n.admit("ByGroup", 6379, unknown_group).verdict == Admit::Unknown);
  }

  TEST_CASE("admission by CIDR: per subnet") {
    Net n;
    AdmissionResult r = n.admit("ByCidr", 6379, n.at({"PrivateA", "PrivateB"}, {"FnSg"}));
    CHECK(r.verdict == Admit::SomeSubnets);
    CHECK(r.per_subnet == std::vector<Admit>{Admit::Admits, Admit::Refuses});
    CHECK(n.admit("ByCidr", 6379, n.at({"PrivateA"}, {"FnSg"})).verdict == Admit::Admits);
    CHECK(n.admit("ByCidr", 6379, n.at({"PrivateB"}, {"FnSg"})).verdict == Admit::Refuses);
    // A subnet whose CIDR nobody states: undecided, not refused.
    Placement outside = place(n.net(), {NetKey::literal("subnet-1")}, false, {NetKey::resource("FnSg")}, false);
    CHECK(n.admit("ByCidr", 6379, outside).verdict == Admit::Unknown);
  }

  TEST_CASE("admission by prefix list, IPv6 range, group name or deploy-time group: unknown, never refused") {
    Net n;
    Placement fn = n.at({"PrivateA"}, {"FnSg"});
    for (const char* group : {"ByPrefixList", "ByIpv6", "ByName", "ByParameter"}) {
      CAPTURE(group);
      AdmissionResult r = n.admit(group, 443, fn);
      CHECK(r.verdict == Admit::Unknown);
      CHECK(r.per_subnet == std::vector<Admit>{Admit::Unknown});
    }
    // Off the port they say nothing: a prefix list on 443 does not admit 6379.
    CHECK(n.admit("ByPrefixList", 6379, fn).verdict == Admit::Refuses);
  }

  TEST_CASE("admission by the VPC's default group: only its members, and only for a template VPC") {
    Net n;
    auto by_default = [&](const NetKey& vpc, const Placement& from) {
      return Admission(n.net(), {{}, false, vpc, {443}}).from(from).verdict;
    };
    CHECK(by_default(NetKey::resource("Vpc"), n.at({"PrivateA"}, {"FnSg"})) == Admit::Refuses);
    Placement member =
        place(n.net(), {NetKey::resource("PrivateA")}, false, {NetKey::resource("Vpc").default_group()}, false);
    CHECK(by_default(NetKey::resource("Vpc"), member) == Admit::Admits);
    // A VPC outside the template may have any rule on its default group.
    Placement outside = place(n.net(), {NetKey::literal("subnet-1")}, false, {NetKey::literal("sg-1")}, false);
    CHECK(by_default(NetKey::literal("vpc-1"), outside) == Admit::Unknown);
  }

  TEST_CASE("egress and reachability agree: a prefix-list or IPv6 rule blocks neither N105 nor R403") {
    std::ifstream in(test::source_dir() + "/fixtures/N105/good_endpoint_admits_by_prefix_list.yaml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    CHECK(test::ids_at(test::lint(text)) == std::vector<std::string>{});
    // The same rules on ports nobody uses: now both refuse, definitely, each on its own port.
    auto replace = [&](std::string_view from, std::string_view to) {
      size_t at = text.find(from);
      REQUIRE(at != std::string::npos);
      text.replace(at, from.size(), to);
    };
    replace("FromPort: 443, ToPort: 443, SourcePrefixListId", "FromPort: 80, ToPort: 80, SourcePrefixListId");
    replace("FromPort: 6379, ToPort: 6379, CidrIpv6", "FromPort: 22, ToPort: 22, CidrIpv6");
    CHECK(test::ids_at(test::lint(text)) == std::vector<std::string>{"N105@72:7", "R403@77:31"});
  }
}
