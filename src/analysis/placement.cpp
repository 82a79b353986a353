#include "analysis/placement.h"

#include <algorithm>

#include "analysis/function_vpc.h"

namespace vpclint {

namespace {

Provenance vpc_set_at(const Resource& r, const std::string& what) {
  const Node* n = r.property("VpcId");
  return {what + " sets its VPC here", n ? n->pos : r.key->pos, {}};
}

PlacedSubnet place_subnet(const NetworkModel& net, NetKey key, const Node* listed_at) {
  PlacedSubnet p;
  p.key = std::move(key);
  p.listed_at = listed_at;
  if (const NetSubnet* s = net.subnet(p.key)) {
    p.subnet = s;
    p.vpc = s->vpc;
    p.cidr = s->cidr;
    p.zone = s->az;
    std::string name(s->resource->logical_id);
    if (!s->vpc.empty()) p.vpc_source = vpc_set_at(*s->resource, "subnet " + name);
    if (const Node* az = s->resource->property("AvailabilityZone"); az && !s->az.empty())
      p.zone_source = Provenance{name + " sets its zone here", az->pos, {}};
  } else if ((p.outside = net.outside_subnet(p.key))) {
    const OutsideSubnet& x = *p.outside;
    p.vpc = x.vpc;
    p.zone = x.az;
    p.cidr = x.cidr;
    std::string label = p.key.label();
    std::string says = x.stated ? x.described_in + " states " : x.described_in + " sets ";
    if (!x.vpc.empty()) p.vpc_source = Provenance{says + "the VPC of " + label, x.source.pos, x.source.file};
    if (!x.az.empty()) p.zone_source = Provenance{says + "the zone of " + label, x.source.pos, x.source.file};
  }
  return p;
}

PlacedGroup place_group(const NetworkModel& net, NetKey key, const Node* listed_at) {
  PlacedGroup g;
  g.key = std::move(key);
  g.listed_at = listed_at;
  if (const NetSecurityGroup* sg = net.security_group(g.key)) {
    g.group = sg;
    g.vpc = sg->vpc;
    if (!sg->vpc.empty())
      g.vpc_source =
          sg->resource ? vpc_set_at(*sg->resource, "security group " + std::string(sg->resource->logical_id))
                       : Provenance{sg->account.what + " is in " + sg->vpc.label(), sg->account.pos, sg->account.file};
  }
  return g;
}

// The VPC, conflicts and the one zone, once the members are placed.
void conclude(Placement& p) {
  for (const auto& s : p.subnets)
    if (!s.vpc.empty()) {
      p.vpc = s.vpc;
      break;
    }
  if (p.vpc.empty())
    for (const auto& g : p.groups)
      if (!g.vpc.empty()) {
        p.vpc = g.vpc;
        break;
      }

  // Conflicts: among members whose VPC is fixed, the first that names another VPC the same way.
  struct Member {
    const NetKey* vpc;
    std::string what;
    const Node* listed_at;
    const Provenance* source;
  };
  std::vector<Member> members;
  if (!p.subnets_ambiguous)
    for (const auto& s : p.subnets)
      if (s.vpc.fixed() && s.vpc_source) members.push_back({&s.vpc, "subnet " + s.name(), s.listed_at, &*s.vpc_source});
  if (!p.groups_ambiguous)
    for (const auto& g : p.groups)
      if (g.group && g.vpc.fixed() && g.vpc_source)
        members.push_back(
            {&g.vpc,
             "security group " + (g.group->resource ? std::string(g.group->resource->logical_id) : g.key.label()),
             g.listed_at, &*g.vpc_source});
  for (const Member& m : members) {
    if (!m.vpc->comparable(*members[0].vpc) || *m.vpc == *members[0].vpc) continue;
    p.conflict =
        VpcConflict{members[0].what, m.what, *members[0].vpc, *m.vpc, m.listed_at, *members[0].source, *m.source};
    break;
  }

  // One zone: every subnet's zone fixed and equal.
  if (p.subnets_unknown || p.subnets_ambiguous || p.subnets.size() < 2) return;
  std::string zone;
  for (const auto& s : p.subnets) {
    if (s.zone.empty() || (!zone.empty() && s.zone != zone)) return;
    zone = s.zone;
  }
  p.one_zone = zone;
}

}  // namespace

std::string PlacedSubnet::name() const {
  if (subnet) return std::string(subnet->resource->logical_id);
  if (outside && outside->stated) return key.label() + " (as " + outside->described_in + " states)";
  return key.label();
}

std::vector<NetKey> Placement::group_keys() const {
  std::vector<NetKey> out;
  out.reserve(groups.size());
  for (const auto& g : groups) out.push_back(g.key);
  return out;
}

bool Placement::has_group(const NetKey& k) const {
  return std::any_of(groups.begin(), groups.end(), [&](const PlacedGroup& g) { return g.key == k; });
}

Placement place(const NetworkModel& net, const std::vector<NetKey>& subnets, bool subnets_unknown,
                const std::vector<NetKey>& groups, bool groups_unknown) {
  Placement p;
  p.subnets_unknown = subnets_unknown;
  p.groups_unknown = groups_unknown;
  for (const auto& k : subnets) p.subnets.push_back(place_subnet(net, k, nullptr));
  for (const auto& k : groups) p.groups.push_back(place_group(net, k, nullptr));
  conclude(p);
  return p;
}

Placement place(const NetworkModel& net, const ResolvedList& subnets, const ResolvedList& groups) {
  Placement p;
  p.subnets_unknown = subnets.unknown;
  p.groups_unknown = groups.unknown;
  for (const auto& item : subnets.items) {
    p.subnets_ambiguous |= item.size() != 1;
    for (const Value& v : item) {
      if (v.kind == ValueKind::NoValue) continue;
      p.subnets.push_back(place_subnet(net, NetKey::of(v), v.node));  // an empty key: a value nobody can name
      if (v.stated)
        p.subnets.back().value_source =
            Provenance{v.stated->what.empty() ? v.stated->file + " states this value" : v.stated->what, v.stated->pos,
                       v.stated->file};
    }
  }
  for (const auto& item : groups.items) {
    p.groups_ambiguous |= item.size() != 1;
    for (const Value& v : item) {
      if (v.kind == ValueKind::NoValue) continue;
      p.groups.push_back(place_group(net, NetKey::of(v), v.node));  // an empty key: a value nobody can name
    }
  }
  conclude(p);
  return p;
}

}  // namespace vpclint

namespace vpclint {

PlacementFacts::PlacementFacts(const FunctionVpcFacts& functions, const NetworkModel& net) {
  for (const FunctionVpc& fv : functions.functions())
    for (const VpcAttachment& v : fv.variants)
      if (v.attached()) by_variant_.emplace(&v, place(net, v.subnets, v.security_groups));
}

const Placement& PlacementFacts::of(const VpcAttachment& v) const {
  static const Placement kNone;
  auto it = by_variant_.find(&v);
  return it == by_variant_.end() ? kNone : it->second;
}

}  // namespace vpclint
