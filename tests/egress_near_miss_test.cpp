// Why a blocked path is blocked, subnet by subnet, and the near misses (egress_near_miss.h), on
// the N101/N102/N104 fixtures that show each one.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "analysis/facts.h"
#include "test_support.h"

using namespace vpclint;

namespace {

std::string fixture(const std::string& path) {
  std::ifstream in(test::source_dir() + "/fixtures/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Analysed : test::Analysed {
  explicit Analysed(const std::string& path) : test::Analysed(fixture(path)) {}
  const ServicePath& path(std::string_view service) const {
    for (const auto& fe : facts->egress.all())
      for (const auto& p : fe.services)
        if (p.call->service.endpoint == service) return p;
    FAIL("no path for " << service);
    throw 0;
  }
};

}  // namespace

TEST_SUITE("egress") {
  TEST_CASE("near miss: a gateway endpoint on another route table names the table to add") {
    Analysed a("N102/bad_gateway_endpoint_on_other_table.yaml");
    const ServicePath& p = a.path("s3");
    REQUIRE(p.near_misses.size() == 1);
    const NearMiss& m = p.near_misses[0];
    CHECK(m.kind == NearMiss::Kind::GatewayEndpointOtherTable);
    CHECK(m.resource->logical_id == "S3Endpoint");
    CHECK(m.tables == std::vector<NetKey>{NetKey::resource("RouteTable")});
    CHECK(p.subnets[0].exit.cause == ExitCause::NoDefaultRoute);
  }

  TEST_CASE("near miss: an endpoint for the service in another VPC") {
    Analysed a("N101/bad_lambda_endpoint_in_other_vpc.yaml");
    const ServicePath& p = a.path("lambda");
    REQUIRE(p.near_misses.size() == 1);
    CHECK(p.near_misses[0].kind == NearMiss::Kind::EndpointOtherVpc);
    CHECK(p.near_misses[0].resource->logical_id == "LambdaEndpoint");
    CHECK(p.near_misses[0].other == NetKey::resource("OtherVpc"));
    CHECK(p.near_misses[0].tables.empty());  // an interface endpoint: no tables to list
  }

  TEST_CASE("near miss: a NAT route on a table none of the function's subnets uses") {
    Analysed a("N101/bad_nat_on_another_route_table.yaml");
    const ServicePath& p = a.path("lambda");
    REQUIRE(p.near_misses.size() == 1);
    CHECK(p.near_misses[0].kind == NearMiss::Kind::NatRouteUnusedTable);
    CHECK(p.near_misses[0].resource->logical_id == "OtherRouteTable");
    CHECK(p.near_misses[0].other == NetKey::resource("Nat"));
    CHECK(p.near_misses[0].tables == std::vector<NetKey>{NetKey::resource("RouteTable")});
  }

  TEST_CASE("near miss: the NAT gateway's subnet has no IPv4 route to the internet gateway") {
    Analysed none("N101/bad_nat_in_subnet_without_igw_route.yaml");
    const ServicePath& p = none.path("lambda");
    CHECK(p.subnets[0].exit.cause == ExitCause::NatNoInternet);
    REQUIRE(p.near_misses.size() == 1);
    CHECK(p.near_misses[0].kind == NearMiss::Kind::NatWithoutInternetRoute);
    CHECK(p.near_misses[0].other == NetKey::resource("PublicSubnet"));
    CHECK(p.near_misses[0].table == NetKey::resource("PublicRouteTable"));
    CHECK(p.near_misses[0].igw == NetKey::resource("Igw"));
    CHECK_FALSE(p.near_misses[0].ipv6_only);

    Analysed v6("N101/bad_nat_subnet_ipv6_route_only.yaml");
    const ServicePath& q = v6.path("lambda");
    REQUIRE(q.near_misses.size() == 1);
    CHECK(q.near_misses[0].kind == NearMiss::Kind::NatWithoutInternetRoute);
    CHECK(q.near_misses[0].ipv6_only);
  }

  TEST_CASE("exit causes: ::/0 only, and each subnet's own cause when they differ") {
    Analysed v6("N101/bad_ipv6_only_route_out.yaml");
    const ServicePath& p = v6.path("lambda");
    CHECK(p.verdict == Verdict::No);
    CHECK(p.subnets[0].exit.cause == ExitCause::Ipv6Only);
    CHECK(p.subnets[0].exit.egress_only);
    CHECK(p.subnets[0].exit.target == NetKey::resource("Eigw"));

    Analysed mixed("N101/bad_mixed_causes.yaml");
    const ServicePath& q = mixed.path("lambda");
    CHECK(q.blocker == Blocker::NoRoute);
    CHECK(q.subnets[0].exit.cause == ExitCause::NoDefaultRoute);
    CHECK(q.subnets[1].exit.cause == ExitCause::InternetGateway);
    CHECK(q.near_misses.empty());

    // With a NAT for IPv4 the ::/0 route changes nothing: a way out, nothing to explain.
    Analysed good("N101/good_nat_and_egress_only_ipv6.yaml");
    CHECK(good.path("lambda").verdict == Verdict::Yes);
    CHECK(good.path("lambda").near_misses.empty());
  }

  TEST_CASE("the VPC's DNS attributes, not the endpoint, keep private DNS from applying") {
    Analysed vpc("N104/bad_vpc_dns_hostnames_off.yaml");
    const ServicePath& p = vpc.path("lambda");
    CHECK(p.blocker == Blocker::EndpointDnsOff);
    CHECK(p.dns_off.hostnames_off);
    CHECK_FALSE(p.dns_off.support_off);

    Analysed endpoint("N104/bad_lambda_endpoint_without_private_dns.yaml");
    CHECK(endpoint.path("lambda").blocker == Blocker::EndpointDnsOff);
    CHECK_FALSE(endpoint.path("lambda").dns_off.any());
  }
}
