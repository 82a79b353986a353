#include "analysis/project_network.h"

namespace vpclint {

namespace {
// A key of the other template, as this one names it.
NetKey bring(const Resolver& origin, const NetKey& k) {
  switch (k.kind()) {
    case NetKeyKind::Resource: return NetKey::foreign(origin, k.resource_path());
    case NetKeyKind::Literal:
    case NetKeyKind::Foreign: return k;
    default: return {};  // a parameter or import there is not one here
  }
}

std::string name_of(const Resource* r) { return r ? std::string(r->logical_id) : std::string("(outside)"); }

// Where the subnet's default route leads, judged in its own template, with the notes that show it.
SubnetEgress egress_of(const NetworkModel& m, const NetSubnet& s, const std::string& file, const std::string& label,
                       std::vector<Note>& evidence) {
  const SubnetRoutes& routes = s.routes;
  std::string subnet = name_of(s.resource);
  auto note = [&](std::string text, const Resource* at) {
    evidence.push_back({std::move(text), at ? at->key->pos : s.resource->key->pos, file});
  };
  if (routes.source == TableSource::Outside) return SubnetEgress::Unknown;
  std::string table =
      routes.source == TableSource::Main ? "the main route table of " + s.vpc.label() : name_of(routes.table->resource);
  const NetRoute* d = routes.default_route;
  if (!d) {
    if (routes.internet_route || routes.other_vpc_route) return SubnetEgress::Unknown;
    note(subnet + " (in " + label + ") uses " + table + ", which has no route for 0.0.0.0/0",
         routes.table ? routes.table->resource : s.resource);
    return SubnetEgress::None;
  }
  std::string sends = subnet + " (in " + label + ") uses " + table + ", which sends 0.0.0.0/0 to ";
  switch (d->target) {
    case RouteTarget::InternetGateway:
      note(sends + "internet gateway " + d->target_key.label(), d->resource);
      return SubnetEgress::InternetGateway;
    case RouteTarget::NatGateway: {
      const NetNat* nat = m.nat(d->target_key);
      if (!nat || nat->is_private) return SubnetEgress::Unknown;
      NatExit exit = m.nat_exit(nat->subnet);
      if (exit.reach == NatExit::Reach::Yes) {
        note(sends + "NAT gateway " + name_of(nat->resource) + ", whose subnet routes to an internet gateway",
             d->resource);
        return SubnetEgress::Nat;
      }
      if (exit.reach == NatExit::Reach::No) {
        note(sends + "NAT gateway " + name_of(nat->resource) + ", whose own subnet " + nat->subnet.label() +
                 " has no route to an attached internet gateway",
             d->resource);
        return SubnetEgress::None;
      }
      return SubnetEgress::Unknown;
    }
    default: return SubnetEgress::Unknown;
  }
}
}  // namespace

ProjectNetwork::ProjectNetwork(const std::vector<std::shared_ptr<const Snapshot>>& snapshots) {
  for (const auto& s : snapshots) {
    accounts_.push_back(std::make_unique<AccountNetwork>(*s));
    if (s->has_subnets) subnet_files_ += (subnet_files_.empty() ? "snapshot " : ", ") + s->dir;
  }
}
ProjectNetwork::~ProjectNetwork() = default;

const NetworkModel& ProjectNetwork::model_of(const Resolver& origin) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = models_.find(&origin); it != models_.end()) return *it->second;
  }
  // Built outside the lock (a model of another template may ask this one in turn); a race builds
  // it twice and keeps the first.
  auto built = std::make_unique<NetworkModel>(origin.model(), origin, nullptr, this);
  std::lock_guard<std::mutex> lock(mutex_);
  return *models_.emplace(&origin, std::move(built)).first->second;
}

std::optional<OutsideSubnet> ProjectNetwork::subnet(const NetKey& key) const {
  if (!key.literal_id().empty()) {
    for (const auto& a : accounts_)
      if (auto s = a->subnet(key.literal_id())) return s;
    if (subnet_files_.empty()) return std::nullopt;
    OutsideSubnet unknown;
    unknown.not_in = subnet_files_;
    return unknown;
  }
  if (key.kind() != NetKeyKind::Foreign || !key.origin()) return std::nullopt;
  const Resolver& origin = *key.origin();
  const NetworkModel& m = model_of(origin);
  const NetSubnet* s = m.subnet(NetKey::resource(key.foreign_path()));
  if (!s) return std::nullopt;
  const std::string& file = origin.model().source().path();
  OutsideSubnet o;
  o.vpc = bring(origin, s->vpc);
  o.az = s->az;
  o.cidr = s->cidr;
  o.described_in = origin.display();
  o.source = {file, s->resource->key->pos, "subnet " + name_of(s->resource) + " of " + origin.display()};
  o.egress = egress_of(m, *s, file, origin.display(), o.evidence);
  return o;
}

std::vector<OutsideEndpoint> ProjectNetwork::endpoints_in(const NetKey& vpc) const {
  std::vector<OutsideEndpoint> out;
  if (!vpc.literal_id().empty()) {
    for (const auto& a : accounts_) {
      auto found = a->endpoints_in(vpc.literal_id());
      out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    return out;
  }
  if (vpc.kind() != NetKeyKind::Foreign || !vpc.origin()) return out;
  const Resolver& origin = *vpc.origin();
  const NetworkModel& m = model_of(origin);
  const std::string& file = origin.model().source().path();
  for (const NetEndpoint* e : m.endpoints_in(NetKey::resource(vpc.foreign_path()))) {
    if (e->type == EndpointType::GatewayLoadBalancer || e->service.empty()) continue;
    OutsideEndpoint o;
    o.vpc = vpc;
    o.service = e->service;
    o.type = e->type == EndpointType::Gateway ? ExternalEndpointType::Gateway : ExternalEndpointType::Interface;
    o.private_dns = e->private_dns;
    o.described_in = origin.display();
    o.source = {file, e->resource->key->pos, "endpoint " + name_of(e->resource) + " of " + origin.display()};
    out.push_back(std::move(o));
  }
  return out;
}

const NetSecurityGroup* ProjectNetwork::security_group(const NetKey& key) const {
  if (key.literal_id().empty()) return nullptr;
  for (const auto& a : accounts_)
    if (const NetSecurityGroup* g = a->security_group(key.literal_id())) return g;
  return nullptr;
}

}  // namespace vpclint
