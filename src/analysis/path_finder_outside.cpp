#include "analysis/path_finder.h"

#include <algorithm>

namespace vpclint {

Admit PathFinder::outside_admit(const OutsideEndpoint& e, size_t i) {
  auto it = outside_admissions_.find(e.source.what);
  if (it == outside_admissions_.end()) {
    Admission a(net_, {e.security_groups, false, e.vpc, {443}});
    it = outside_admissions_.emplace(e.source.what, a.from(where_)).first;
  }
  return it->second.per_subnet[i];
}

SubnetPath PathFinder::external_subnet_path(size_t i, const ServiceEndpoint& svc) {
  const PlacedSubnet& placed = where_.subnets[i];
  const Node* ref = placed.listed_at;
  SubnetPath sp;
  sp.subnet = placed.key;
  if (!placed.outside || placed.outside->egress == SubnetEgress::Unknown) return sp;
  const OutsideSubnet& x = *placed.outside;
  std::string id = placed.key.label();
  sp.chain.push_back({"attached to subnet " + id, ref ? ref->pos : Position{}});
  if (placed.value_source) sp.chain.push_back(placed.value_source->note());
  std::string vpc = x.vpc.empty() ? std::string() : x.vpc.label();
  if (x.stated) {
    std::string stated =
        id + " is stated in " + x.described_in + " with egress " + std::string(subnet_egress_name(x.egress));
    if (!vpc.empty()) stated += ", in " + vpc;
    sp.chain.push_back({stated, x.source.pos, x.source.file});
  } else {
    sp.chain.insert(sp.chain.end(), x.evidence.begin(), x.evidence.end());
  }
  Blocker endpoint_blocker = Blocker::None;
  for (const OutsideEndpoint& e : net_.outside_endpoints_in(x.vpc)) {
    if (e.service != svc.endpoint) continue;
    bool gateway = e.type == ExternalEndpointType::Gateway;
    if (gateway && !svc.gateway_capable) continue;
    // A gateway endpoint serves only the route tables it is associated with.
    if (gateway && !e.route_tables.empty() &&
        std::find(e.route_tables.begin(), e.route_tables.end(), x.route_table) == e.route_tables.end())
      continue;
    if (!gateway && !e.private_dns) {
      endpoint_blocker = Blocker::EndpointDnsOff;
      sp.chain.push_back({"the interface endpoint for " + svc.name + " in " + vpc +
                              (e.dns_off.empty() ? " has private DNS off" : " has no private DNS: " + e.dns_off) +
                              ", so the SDK still resolves the public name",
                          e.source.pos, e.source.file});
      continue;
    }
    std::string where = (e.stated ? ", stated in " : ", defined in ") + e.described_in;
    if (!gateway && !e.security_groups.empty()) {
      if (outside_admit(e, i) == Admit::Refuses) {
        if (endpoint_blocker == Blocker::None) endpoint_blocker = Blocker::EndpointSgBlocks;
        sp.chain.push_back({"the interface endpoint for " + svc.name + " in " + vpc + where +
                                ", has security groups that do not admit TCP 443 from the function",
                            e.source.pos, e.source.file});
        continue;
      }
    }
    sp.chain.push_back({std::string(gateway ? "gateway" : "interface") + " endpoint for " + svc.name + " in " + vpc +
                            (gateway && !x.route_table.empty() ? " serves " + x.route_table : std::string()) + where,
                        e.source.pos, e.source.file});
    bool allows = gateway ? egress_allows_https_to_public(net_, where_)
                          : function_egress_allows(std::nullopt, e.security_groups, false);
    sp.verdict = allows ? Verdict::Yes : Verdict::No;
    if (sp.verdict == Verdict::No) sp.blocker = Blocker::FunctionEgressBlocks;
    return sp;
  }
  for (const NetEndpoint* e : net_.endpoints_in(x.vpc)) {
    if (e->type != EndpointType::Interface || e->service != svc.endpoint || !e->private_dns) continue;
    if (!dep_.has(e->resource) || !endpoint_admits(*e, i)) continue;
    sp.chain.push_back(
        {"interface endpoint " + name_of(e->resource) + " serves " + svc.name + " in " + vpc, pos_of(e->resource)});
    sp.via_endpoint = e;
    sp.relies_on.push_back(e->resource);
    sp.verdict = Verdict::Yes;
    return sp;
  }
  switch (x.egress) {
    case SubnetEgress::Nat:
      if (function_egress_allows(Cidr::parse("0.0.0.0/0"), {}, false)) {
        sp.verdict = Verdict::Yes;
        return sp;
      }
      sp.verdict = Verdict::No;
      sp.blocker = Blocker::FunctionEgressBlocks;
      for (const PlacedGroup& g : where_.groups)
        if (g.group) sp.chain.push_back(g.group->note(g.key.label() + " allows no TCP 443 to 0.0.0.0/0"));
      return sp;
    case SubnetEgress::InternetGateway:
      sp.verdict = Verdict::No;
      sp.blocker = endpoint_blocker != Blocker::None ? endpoint_blocker : Blocker::PublicOnly;
      return sp;
    case SubnetEgress::Elsewhere:  // a transit gateway, peering, VPN or appliance: not vpclint's to judge
      sp.verdict = Verdict::OutsideTemplate;
      return sp;
    default:
      sp.verdict = Verdict::No;
      sp.blocker = endpoint_blocker != Blocker::None ? endpoint_blocker : Blocker::NoRoute;
      if (endpoint_blocker != Blocker::None) return sp;  // the endpoint's own note says why it fails
      sp.chain.push_back({"no endpoint for " + svc.name + (vpc.empty() ? std::string() : " in " + vpc) +
                              (x.stated     ? " is stated in "
                               : x.observed ? " is in "
                                            : " is defined in ") +
                              x.described_in + " or in the template",
                          x.source.pos, x.source.file});
      return sp;
  }
}

}  // namespace vpclint
