// The words N101-N103 share for a path its routes block: each subnet's cause, the near misses
// (the fix that already exists in the wrong place) and the numbered ways out.
#include <algorithm>

#include "lint/text_util.h"
#include "network/egress_report.h"

namespace vpclint {

namespace {

std::string name_of(const Resource* r) { return r ? std::string(r->logical_id) : std::string(); }
Position pos_of(const Resource* r) { return r && r->key ? r->key->pos : Position{}; }

std::string vpc_text(const BlockedEgress& b) { return b.vpc().empty() ? std::string("the VPC") : b.vpc().label(); }

std::string labels(const std::vector<NetKey>& keys) {
  std::vector<std::string> out;
  for (const NetKey& k : keys) out.push_back(k.label());
  return join(out);
}

// What a blocked subnet's table does, after its subject ("route table RT ...").
std::string exit_phrase(const ExitDetail& x, const std::string& vpc) {
  switch (x.cause) {
    case ExitCause::NoDefaultRoute: return "has no route out" + (vpc.empty() ? "" : " of " + vpc) + " (no NAT)";
    case ExitCause::Ipv6Only:
      return std::string("routes only ::/0 (IPv6) to ") +
             (x.egress_only ? "egress-only internet gateway " : "internet gateway ") + x.target.label() +
             " and has no IPv4 route out";
    case ExitCause::NatNoInternet:
      return std::string("routes 0.0.0.0/0 to NAT ") + (x.nat_instance ? "instance " : "gateway ") + x.target.label() +
             ", which does not reach the internet";
    case ExitCause::NatPrivate: return "routes 0.0.0.0/0 to private NAT gateway " + x.target.label();
    case ExitCause::InternetGateway: return "routes 0.0.0.0/0 only to an internet gateway";
    case ExitCause::Other: break;
  }
  return "has no route out" + (vpc.empty() ? "" : " of " + vpc);
}

// The headline's short word for the first near miss, or empty.
std::string near_miss_headline(const BlockedEgress& b) {
  if (b.near_misses.empty()) return {};
  const NearMiss& m = b.near_misses.front();
  std::string r = name_of(m.resource);
  switch (m.kind) {
    case NearMiss::Kind::GatewayEndpointOtherTable: return "; gateway endpoint " + r + " serves other route tables";
    case NearMiss::Kind::EndpointOtherVpc: return "; endpoint " + r + " is in " + m.other.label();
    case NearMiss::Kind::NatRouteUnusedTable: return "; the NAT route is on " + r + ", which none of its subnets uses";
    case NearMiss::Kind::NatWithoutInternetRoute: break;  // the cause says the NAT does not reach the internet
  }
  return {};
}

}  // namespace

std::string no_route_cause(const BlockedEgress& b) {
  std::string vpc = vpc_text(b);
  std::string no_endpoint = "no " + b.endpoints() + " endpoint";
  std::string vpc_has = (b.vpc().empty() ? std::string("there is ") : vpc + " has ") + no_endpoint;
  bool one = b.subnets.size() == 1;
  if (!b.stated_in.empty() && b.defined_elsewhere)
    return std::string(one ? "its subnet, as " : "its subnets, as ") + b.stated_in +
           (b.observed ? " shows" : " defines") + (one ? " it, has" : " them, have") +
           " no route out of the VPC (no NAT), and " + vpc_has + " there or in this template";
  if (!b.stated_in.empty())
    return std::string(one ? "its subnet has" : "its subnets have") + " no NAT, as " + b.stated_in + " states, and " +
           vpc_has + " there or in the template";
  // One cause for all the tables, or each table's own when they differ.
  std::vector<std::string> phrases;
  for (const SubnetPath* sp : b.blocked) add_unique(phrases, exit_phrase(sp->exit, vpc));
  std::string cause;
  if (phrases.size() == 1) {
    const SubnetPath& first = *b.blocked.front();
    std::string tables = b.tables.empty() || first.route_table.empty()
                             ? "main route table"
                             : (b.tables.size() == 1 ? "route table " : "route tables ") + join(b.tables);
    std::string phrase = phrases.front();
    if (b.tables.size() > 1 && phrase.starts_with("has ")) phrase = "have " + phrase.substr(4);
    if (b.tables.size() > 1 && phrase.starts_with("routes ")) phrase = "route " + phrase.substr(7);
    cause = b.subnets_possessive() + " " + tables + " " + phrase +
            (first.exit.cause == ExitCause::NoDefaultRoute ? " and " + no_endpoint : "; " + no_endpoint + " in " + vpc);
  } else {
    struct Group {
      std::string subject, phrase;
      std::vector<std::string> subnets;
    };
    std::vector<Group> groups;
    for (const SubnetPath* sp : b.blocked) {
      std::string subject = sp->route_table.empty() ? "the main route table of " + vpc : sp->route_table.label();
      std::string phrase = exit_phrase(sp->exit, "");
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const Group& g) { return g.subject == subject && g.phrase == phrase; });
      if (it == groups.end()) it = groups.insert(groups.end(), Group{subject, phrase, {}});
      it->subnets.push_back(sp->subnet.label());
    }
    std::vector<std::string> parts;
    for (const Group& g : groups) parts.push_back(g.subject + " (" + join(g.subnets) + ") " + g.phrase);
    cause = "none of its subnets leads out and " + vpc + " has " + no_endpoint + ": " + join(parts, "; ");
  }
  return cause + near_miss_headline(b);
}

std::string near_miss_fixes(const BlockedEgress& b) {
  std::vector<std::string> out;
  for (const NearMiss& m : b.near_misses) {
    std::string r = name_of(m.resource);
    switch (m.kind) {
      case NearMiss::Kind::GatewayEndpointOtherTable:
        out.push_back("add " + labels(m.tables) + " to " + r + "'s RouteTableIds");
        break;
      case NearMiss::Kind::EndpointOtherVpc:
        out.push_back(m.tables.empty()
                          ? "add an interface endpoint like " + r + " to " + vpc_text(b) +
                                " (VpcId, and SubnetIds and SecurityGroupIds of " + vpc_text(b) + "); " + r +
                                " serves " + m.other.label() + " only"
                          : "add a gateway endpoint like " + r + " to " + vpc_text(b) + " with RouteTableIds " +
                                labels(m.tables) + "; " + r + " serves " + m.other.label() + " only");
        break;
      case NearMiss::Kind::NatRouteUnusedTable:
        out.push_back(m.tables.empty() ? "associate the function's subnets with " + r + ", which routes 0.0.0.0/0 to " +
                                             m.other.label()
                                       : "route 0.0.0.0/0 from " + labels(m.tables) + " to " + m.other.label() +
                                             " as " + r + " does (or associate the function's subnets with " + r + ")");
        break;
      case NearMiss::Kind::NatWithoutInternetRoute: {
        std::string igw = m.igw.empty() ? "an internet gateway attached to the VPC" : m.igw.label();
        out.push_back(m.table.empty()
                          ? "associate " + m.other.label() + " with a route table that routes 0.0.0.0/0 to " + igw +
                                ", so that " + r + " reaches the internet"
                          : "route 0.0.0.0/0 from " + m.table.label() + " to " + igw + " so that " + r +
                                " reaches the internet" + (m.ipv6_only ? " (it routes only ::/0 there)" : ""));
        break;
      }
    }
  }
  return join(out, "; ");
}

std::vector<Note> near_miss_notes(const BlockedEgress& b) {
  std::vector<Note> notes;
  // A table whose only way out is ::/0: what that route does for a function.
  for (const SubnetPath* sp : b.blocked)
    if (sp->exit.cause == ExitCause::Ipv6Only && sp->exit.route)
      notes.push_back({std::string(sp->exit.route->logical_id) + " sends ::/0 to " +
                           (sp->exit.egress_only ? "egress-only internet gateway " : "internet gateway ") +
                           sp->exit.target.label() +
                           ": IPv6 only, which the function uses only with Ipv6AllowedForDualStack true in "
                           "dual-stack subnets and only towards IPv6 addresses",
                       pos_of(sp->exit.route)});
  for (const NearMiss& m : b.near_misses) {
    std::string r = name_of(m.resource);
    switch (m.kind) {
      case NearMiss::Kind::GatewayEndpointOtherTable:
        notes.push_back({"gateway endpoint " + r + " serves " + b.first().call->service.name +
                             " only for the route tables it lists, not " + labels(m.tables),
                         pos_of(m.resource)});
        break;
      case NearMiss::Kind::EndpointOtherVpc:
        notes.push_back({"endpoint " + r + " is in " + m.other.label() + ", not in " + vpc_text(b) +
                             "; an endpoint serves only its own VPC",
                         pos_of(m.resource)});
        break;
      case NearMiss::Kind::NatRouteUnusedTable:
        notes.push_back(
            {r + " routes 0.0.0.0/0 to NAT gateway " + m.other.label() + ", but none of the function's subnets uses it",
             pos_of(m.resource)});
        break;
      case NearMiss::Kind::NatWithoutInternetRoute:
        if (m.ipv6_only)
          notes.push_back({(m.table.empty() ? std::string("its route table") : m.table.label()) +
                               " routes only ::/0 to the internet gateway: a NAT gateway needs an IPv4 route",
                           pos_of(m.resource)});
        break;
    }
  }
  return notes;
}

std::string ways_out(const BlockedEgress& b) {
  // Every service of the finding: each needs its own endpoint, while one NAT serves them all.
  std::vector<std::string> gateway, interface, names;
  bool invokes = false;
  for (const ServicePath* p : b.paths) {
    const ServiceEndpoint& s = p->call->service;
    if (s.gateway_capable) add_unique(gateway, s.endpoint);
    add_unique(interface, s.endpoint);
    if (s.endpoint == "lambda")
      invokes = true;
    else
      add_unique(names, s.name);
  }
  std::string vpc = b.vpc().empty() ? "the function's VPC" : b.vpc().label();
  std::string out;
  int n = 1;
  auto way = [&](const std::string& text) { out += (out.empty() ? "" : "; ") + std::to_string(n++) + ") " + text; };
  bool gateway_near = std::any_of(b.near_misses.begin(), b.near_misses.end(), [](const NearMiss& m) {
    return m.kind == NearMiss::Kind::GatewayEndpointOtherTable;
  });
  if (!gateway.empty() && !gateway_near)  // else the closest fix is that endpoint's RouteTableIds
    way("add a gateway endpoint for " + join_and(gateway) + " (free) with RouteTableIds " +
        (b.tables.empty() ? std::string("of the function's subnets") : join(b.tables)));
  std::string service_name = interface.size() == 1 ? interface.front() : "<service>";
  way(std::string(interface.size() == 1 ? "add an interface endpoint"
                                        : "add an interface endpoint for each of " + join_and(interface)) +
      " (ServiceName !Sub com.amazonaws.${AWS::Region}." + service_name +
      ", VpcEndpointType Interface, PrivateDnsEnabled true, a security group admitting TCP 443 from " +
      function_groups_text(b) + ") in " + vpc + "; billed per AZ-hour");
  // Subnets whose table routes to an internet gateway are public: a NAT route there would cut
  // off what the table serves; with other subnets beside them, the NAT belongs to the others.
  std::vector<std::string> nat_tables, public_subnets;
  for (const SubnetPath* sp : b.blocked) {
    if (sp->exit.cause == ExitCause::InternetGateway)
      add_unique(public_subnets, sp->subnet.label());
    else if (!sp->route_table.empty())
      add_unique(nat_tables, sp->route_table.label());
  }
  bool mixed = !public_subnets.empty() && public_subnets.size() < b.blocked.size();
  const std::vector<std::string>& tables = mixed ? nat_tables : b.tables;
  way("route 0.0.0.0/0 from " + (tables.empty() ? std::string("the subnets' route table") : join(tables)) +
      " to a NAT gateway in a public subnet; billed per hour and per GB" +
      (mixed ? ", and list private subnets instead of the public " + join(public_subnets) : std::string()));
  if (std::any_of(b.blocked.begin(), b.blocked.end(),
                  [](const SubnetPath* sp) { return sp->exit.cause == ExitCause::Ipv6Only; }))
    way(b.egress->variant->ipv6_allowed
            ? "use the ::/0 route (Ipv6AllowedForDualStack is already true): have the SDK call the service's "
              "dual-stack endpoint where it has one (AWS_USE_DUALSTACK_ENDPOINT=true)"
            : "use the ::/0 route: set Ipv6AllowedForDualStack: true in VpcConfig (Lambda then sends IPv6 from "
              "dual-stack subnets) and have the SDK call the service's dual-stack endpoint where it has one "
              "(AWS_USE_DUALSTACK_ENDPOINT=true)");
  if (invokes)
    way("let the Lambda service deliver instead of invoking (async destinations, SQS, EventBridge), or share state "
        "through DynamoDB; or move the invoke to a function outside the VPC");
  if (!names.empty()) way("move the " + join_and(names) + " calls to a function outside the VPC");
  std::string near = near_miss_fixes(b);
  return near.empty() ? out : "closest fix: " + near + "; other ways out: " + out;
}

}  // namespace vpclint
