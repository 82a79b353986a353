#include "analysis/path_finder.h"

#include <algorithm>

namespace vpclint {

ServicePath PathFinder::path(const ServiceCall& call) {
  ServicePath p;
  p.call = &call;
  p.vpc = where_.vpc;
  if (v_.subnets.unknown) {
    p.unknown_subnets.push_back(describe_unknown(v_.subnets.whole));
    p.unknown_subnet_keys.push_back(NetKey::of(v_.subnets.whole));
    p.unknown_subnet_not_in.emplace_back();
  }
  for (size_t i = 0; i < where_.subnets.size(); ++i) {
    SubnetPath sp = subnet_path(i, call.service);
    if (sp.verdict == Verdict::Unknown && !where_.subnets[i].subnet) {
      const auto& outside = where_.subnets[i].outside;
      std::string not_in = outside ? outside->not_in : std::string();
      p.unknown_subnets.push_back(sp.subnet.label() + (not_in.empty() ? "" : " (not in " + not_in + ")"));
      p.unknown_subnet_keys.push_back(sp.subnet);
      p.unknown_subnet_not_in.push_back(std::move(not_in));
    }
    p.subnets.push_back(std::move(sp));
  }
  aggregate(p);
  return p;
}

std::string PathFinder::describe_unknown(const Value& v) {
  switch (v.kind) {
    case ValueKind::Parameter:
      return "parameter " + std::string(v.name) + (v.origin ? " of " + v.origin->display() : std::string());
    case ValueKind::Import: return "import " + v.text;
    case ValueKind::DynamicRef: return v.text;
    default: return v.text.empty() ? "(a value outside the template)" : v.text;
  }
}

bool PathFinder::function_egress_allows(const std::optional<Cidr>& dest, const std::vector<NetKey>& dest_groups,
                                        bool prefix_list_ok) const {
  return egress_allows_https(net_, where_, dest, dest_groups, prefix_list_ok);
}

bool PathFinder::endpoint_admits(const NetEndpoint& e, size_t i) {
  auto it = admissions_.find(&e);
  if (it == admissions_.end()) {
    Admission a(net_, {e.security_groups, e.security_groups_unknown, e.vpc, {443}});
    it = admissions_.emplace(&e, a.from(where_)).first;
  }
  return it->second.per_subnet[i] != Admit::Refuses;
}

Verdict PathFinder::nat_reaches_internet(const NetKey& subnet, SubnetPath& sp, const std::string& what) const {
  NatExit exit = net_.nat_exit(subnet, dep_);
  std::vector<Note>& chain = sp.chain;
  switch (exit.reach) {
    case NatExit::Reach::Yes:
      if (exit.route) sp.relies_on.push_back(exit.route->resource);
      sp.relies_on.push_back(exit.attachment);
      return Verdict::Yes;
    case NatExit::Reach::Unknown: return Verdict::Unknown;
    case NatExit::Reach::OutsideTemplate: return Verdict::OutsideTemplate;
    case NatExit::Reach::No: break;
  }
  if (exit.igw_detached)
    chain.push_back({what + " sits in " + name_of(exit.home->resource) + ", whose internet gateway " +
                         exit.route->target_key.label() + " is not attached to its VPC",
                     pos_of(exit.route->resource)});
  else if (exit.route)
    chain.push_back({what + " sits in " + name_of(exit.home->resource) + ", whose route table sends 0.0.0.0/0 to " +
                         std::string(route_target_name(exit.route->target)) + " " + exit.route->target_key.label() +
                         ", not to an internet gateway",
                     pos_of(exit.route->resource)});
  else
    chain.push_back(
        {what + " sits in " + name_of(exit.home->resource) + ", which has no IPv4 route to an internet gateway",
         pos_of(exit.home->resource)});
  return Verdict::No;
}

SubnetPath PathFinder::subnet_path(size_t i, const ServiceEndpoint& svc) {
  const PlacedSubnet& placed = where_.subnets[i];
  const Node* ref = placed.listed_at;
  SubnetPath sp;
  sp.subnet = placed.key;
  const NetSubnet* s = placed.subnet;
  if (!s) return external_subnet_path(i, svc);
  sp.chain.push_back(
      {std::string(v_.via_capacity_provider ? "its capacity provider uses subnet " : "attached to subnet ") +
           name_of(s->resource),
       ref ? ref->pos : pos_of(s->resource)});
  sp.route_table = s->route_table;
  const NetRouteTable* rt = s->routes.table;
  switch (s->routes.source) {
    case TableSource::Outside: return sp;  // a route table, or the main table of a VPC, outside the template
    case TableSource::Explicit:
      sp.chain.push_back({name_of(s->resource) + " uses route table " + name_of(rt->resource),
                          s->association ? s->association->pos : pos_of(rt->resource)});
      break;
    case TableSource::Main:
      sp.chain.push_back({name_of(s->resource) +
                              " has no route table association, so it uses the main route table of " + s->vpc.label() +
                              ", which holds only the local route",
                          pos_of(s->resource)});
      break;
  }
  if (gateway_endpoint(*s, svc, sp)) return sp;
  FailedEndpoint failed;
  if (interface_endpoint(i, *s, svc, sp, failed)) return sp;
  Blocker nat_blocker = Blocker::NoRoute;
  Verdict nat = default_route(*s, sp, nat_blocker);
  if (nat == Verdict::Yes && !function_egress_allows(Cidr::parse("0.0.0.0/0"), {}, false)) {
    nat = Verdict::No;
    nat_blocker = Blocker::FunctionEgressBlocks;
    sp.chain.push_back({"the function's security groups allow no TCP 443 to 0.0.0.0/0",
                        v_.vpc_config ? v_.vpc_config->pos : Position{}});
  }
  if (nat != Verdict::No) {
    sp.verdict = nat;
    return sp;
  }
  sp.verdict = Verdict::No;
  // The broken endpoint was the only candidate path: it is the cause to fix.
  sp.blocker = failed.blocker != Blocker::None ? failed.blocker : nat_blocker;
  if (failed.blocker != Blocker::None) sp.via_endpoint = failed.endpoint;
  sp.chain.insert(sp.chain.end(), failed.chain.begin(), failed.chain.end());
  return sp;
}

bool PathFinder::gateway_endpoint(const NetSubnet& s, const ServiceEndpoint& svc, SubnetPath& sp) const {
  if (!svc.gateway_capable || s.route_table.empty()) return false;
  for (const NetEndpoint* e : net_.endpoints_in(s.vpc)) {
    if (e->type != EndpointType::Gateway || e->service != svc.endpoint || !dep_.has(e->resource)) continue;
    if (std::find(e->route_tables.begin(), e->route_tables.end(), s.route_table) == e->route_tables.end()) continue;
    sp.chain.push_back({"gateway endpoint " + name_of(e->resource) + " serves " + svc.name + " for " +
                            name_of(s.routes.table->resource),
                        pos_of(e->resource)});
    sp.via_endpoint = e;
    sp.relies_on.push_back(e->resource);
    if (egress_allows_https_to_public(net_, where_)) {
      sp.verdict = Verdict::Yes;
    } else {
      sp.verdict = Verdict::No;
      sp.blocker = Blocker::FunctionEgressBlocks;
    }
    return true;
  }
  return false;
}

bool PathFinder::interface_endpoint(size_t i, const NetSubnet& s, const ServiceEndpoint& svc, SubnetPath& sp,
                                    FailedEndpoint& failed) {
  const NetVpc* vpc = net_.vpc(s.vpc);
  bool vpc_dns = !vpc || (vpc->dns_support && vpc->dns_hostnames);
  for (const NetEndpoint* e : net_.endpoints_in(s.vpc)) {
    if (e->type != EndpointType::Interface || e->service != svc.endpoint || !dep_.has(e->resource)) continue;
    std::string name = name_of(e->resource);
    if (!e->private_dns || !vpc_dns) {
      failed.blocker = Blocker::EndpointDnsOff;
      failed.endpoint = e;
      failed.chain.push_back({!e->private_dns ? "interface endpoint " + name +
                                                    " has PrivateDnsEnabled off (CloudFormation's default), so the "
                                                    "SDK still resolves the public name of " +
                                                    svc.name
                                              : "interface endpoint " + name +
                                                    " needs DNS support and "
                                                    "DNS hostnames on " +
                                                    s.vpc.label(),
                              pos_of(e->resource)});
      continue;
    }
    if (!endpoint_admits(*e, i)) {
      if (failed.blocker == Blocker::None) {
        failed.blocker = Blocker::EndpointSgBlocks;
        failed.endpoint = e;
      }
      failed.chain.push_back(
          {"interface endpoint " + name +
               (e->security_groups.empty()
                    ? " has no security group, so it gets the VPC's default group, which admits only its own members"
                    : " has security groups that do not admit TCP 443 from the function"),
           pos_of(e->resource)});
      continue;
    }
    const NetVpc* ev = net_.vpc(e->vpc);
    if (!function_egress_allows(ev ? ev->cidr : std::nullopt, e->security_groups, false)) {
      failed.blocker = Blocker::FunctionEgressBlocks;
      failed.endpoint = e;
      failed.chain.push_back(
          {"the function's security groups allow no TCP 443 to interface endpoint " + name, pos_of(e->resource)});
      continue;
    }
    sp.chain.push_back(
        {"interface endpoint " + name + " serves " + svc.name + " with private DNS", pos_of(e->resource)});
    sp.via_endpoint = e;
    sp.relies_on.push_back(e->resource);
    sp.verdict = Verdict::Yes;
    return true;
  }
  return false;
}

Verdict PathFinder::default_route(const NetSubnet& s, SubnetPath& sp, Blocker& blocker) const {
  const NetRouteTable* rt = s.routes.table;
  const NetRoute* d = net_.routes_in(s, dep_).default_route;
  std::string table_name = rt ? name_of(rt->resource) : "the main route table of " + s.vpc.label();
  if (!d) {
    const NetRoute* conditional = s.routes.default_route;  // a route this deployment lacks
    // The main route table has no resource: the note points at the VPC that owns it.
    const NetVpc* owner = net_.vpc(s.vpc);
    if (conditional) sp.absent_noted.push_back(conditional->resource);
    sp.chain.push_back(conditional ? Note{table_name + "'s route to 0.0.0.0/0, " + name_of(conditional->resource) +
                                              ", exists only when condition " +
                                              std::string(conditional->resource->condition) + " is true",
                                          pos_of(conditional->resource)}
                                   : Note{table_name + " has no route to 0.0.0.0/0",
                                          rt ? pos_of(rt->resource) : pos_of(owner ? owner->resource : s.resource)});
    return Verdict::No;
  }
  sp.relies_on.push_back(d->resource);
  Verdict nat = Verdict::No;
  switch (d->target) {
    case RouteTarget::InternetGateway:
      blocker = Blocker::PublicOnly;
      sp.chain.push_back({table_name + " sends 0.0.0.0/0 to internet gateway " + d->target_key.label() +
                              ", but Lambda's network interfaces never get a public IP",
                          pos_of(d->resource)});
      break;
    case RouteTarget::NatGateway: {
      const NetNat* n = net_.nat(d->target_key);
      if (!n) return Verdict::Unknown;  // a NAT gateway outside the template
      if (!dep_.has(n->resource)) {
        sp.absent_noted.push_back(n->resource);
        sp.chain.push_back({"NAT gateway " + name_of(n->resource) + " exists only when condition " +
                                std::string(n->resource->condition) + " is true",
                            pos_of(n->resource)});
        break;
      }
      sp.relies_on.push_back(n->resource);
      if (n->is_private) {
        sp.chain.push_back(
            {"NAT gateway " + name_of(n->resource) + " has ConnectivityType private: it never reaches the internet",
             pos_of(n->resource)});
        break;
      }
      nat = nat_reaches_internet(n->subnet, sp, "NAT gateway " + name_of(n->resource));
      if (nat == Verdict::Yes)
        sp.chain.push_back(
            {table_name + " sends 0.0.0.0/0 to NAT gateway " + name_of(n->resource), pos_of(d->resource)});
      break;
    }
    case RouteTarget::Instance: {
      const Resource* inst = net_.instance(d->target_key);
      if (!inst) return Verdict::Unknown;
      if (!dep_.has(inst)) {
        sp.absent_noted.push_back(inst);
        sp.chain.push_back({"NAT instance " + name_of(inst) + " exists only when condition " +
                                std::string(inst->condition) + " is true",
                            pos_of(inst)});
        break;
      }
      sp.relies_on.push_back(inst);
      nat = nat_reaches_internet(net_.instance_subnet(*inst), sp, "NAT instance " + name_of(inst));
      if (nat == Verdict::Yes)
        sp.chain.push_back({table_name + " sends 0.0.0.0/0 to NAT instance " + name_of(inst), pos_of(d->resource)});
      break;
    }
    default:
      nat = Verdict::OutsideTemplate;
      sp.chain.push_back({table_name + " sends 0.0.0.0/0 to " + std::string(route_target_name(d->target)) + " " +
                              d->target_key.label() + ", outside the template",
                          pos_of(d->resource)});
      break;
  }
  return nat;
}

void PathFinder::aggregate(ServicePath& p) const {
  bool any_yes = false, any_outside = false;
  std::vector<Blocker> blockers;
  for (const auto& s : p.subnets) {
    any_yes |= s.verdict == Verdict::Yes;
    any_outside |= s.verdict == Verdict::OutsideTemplate;
    if (s.verdict == Verdict::No) blockers.push_back(s.blocker);
  }
  if (!blockers.empty()) {
    p.verdict = Verdict::No;
    bool same = std::all_of(blockers.begin(), blockers.end(), [&](Blocker b) { return b == blockers[0]; });
    p.blocker = same ? blockers[0] : Blocker::NoRoute;
    return;
  }
  if (any_yes) {
    p.verdict = Verdict::Yes;
    return;
  }
  if (any_outside) {
    p.verdict = Verdict::OutsideTemplate;
    return;
  }
  p.verdict = Verdict::Unknown;
  // Subnets outside the template: does the file give their VPC any way out?
  const ServiceEndpoint& svc = p.call->service;
  if (p.vpc.empty()) {
    p.way_out_in_template = net_.may_serve(svc.endpoint);
  } else {
    for (const NetEndpoint* e : net_.endpoints_in(p.vpc)) p.way_out_in_template |= e->service == svc.endpoint;
    p.way_out_in_template |= net_.may_serve(svc.endpoint) && !net_.vpc(p.vpc);
  }
}

}  // namespace vpclint
