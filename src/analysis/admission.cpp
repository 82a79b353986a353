#include "analysis/admission.h"

#include <algorithm>

namespace vpclint {

namespace {

bool tcp_any_port(const SgRule& rule) {
  return rule.protocol == "-1" || rule.protocol == "all" || rule.protocol == "tcp" || rule.protocol == "6";
}

uint64_t cidr_id(const Cidr& c) { return uint64_t{c.address} << 8 | c.prefix; }

}  // namespace

Admission::Admission(const NetworkModel& net, AdmissionTarget target) : net_(net), target_(std::move(target)) {
  if (target_.groups_unknown) {
    unknown_ = true;
    return;
  }
  if (target_.groups.empty()) {  // the VPC's default group: its own members only
    default_group_ = target_.vpc.default_group();
    // Only a template VPC's default group is known to hold no other rule.
    if (default_group_.empty() || target_.vpc.resource_id().empty() || net_.has_outside_ingress(default_group_))
      unknown_ = true;
    return;
  }
  auto port_ok = [&](const SgRule& rule) {
    if (target_.ports.empty()) return tcp_any_port(rule);
    return std::any_of(target_.ports.begin(), target_.ports.end(), [&](int p) { return rule.allows_tcp_port(p); });
  };
  for (const auto& g : target_.groups) {
    const NetSecurityGroup* sg = net_.security_group(g);
    if (!sg) {
      unknown_ = true;  // a group outside the template: its rules are unknown
      continue;
    }
    for (const SgRule& rule : sg->ingress) {
      if (!port_ok(rule)) {
        if (!rule.peer_group.empty()) off_port_[rule.peer_group].push_back(&rule);
        continue;
      }
      if (rule.unknown) {
        unknown_ = true;
        continue;
      }
      if (on_port_.size() < kMaxRuleNotes) on_port_.push_back(&rule);
      if (!rule.peer_group.empty()) {
        peers_.insert(rule.peer_group);
        unfixed_peer_ |= !rule.peer_group.fixed();
      } else if (rule.cidr) {
        cidrs_.insert(cidr_id(*rule.cidr));
        default_cidr_ |= rule.cidr->is_default();
      } else {
        unknown_ = true;  // an IPv6 range, a prefix list, a group named by name: whose, we cannot tell
      }
    }
  }
}

bool Admission::covers(const Cidr& c) const {
  if (default_cidr_) return true;
  for (int p = 0; p <= c.prefix; ++p) {
    uint32_t mask = p == 0 ? 0 : ~0u << (32 - p);
    if (cidrs_.count(cidr_id(Cidr{c.address & mask, static_cast<uint8_t>(p)}))) return true;
  }
  return false;
}

AdmissionResult Admission::from(const Placement& fn) const {
  AdmissionResult out;
  out.per_subnet.assign(fn.subnets.size(), Admit::Unknown);
  if (unknown_) return out;
  auto all = [&](Admit a) {
    out.verdict = a;
    out.per_subnet.assign(fn.subnets.size(), a);
    return out;
  };

  bool groups_in_template = !fn.groups_unknown, unfixed_group = fn.groups_unknown;
  for (const auto& g : fn.groups) {
    groups_in_template &= g.group != nullptr;
    unfixed_group |= !g.key.fixed();
  }
  // VPCs that cannot be compared: only groups all in the template decide.
  bool same_vpc = !target_.vpc.empty() && fn.vpc == target_.vpc;
  if (!same_vpc && (!groups_in_template || !default_group_.empty())) return out;

  for (const auto& g : fn.groups) {
    if (g.key.empty()) continue;
    if (peers_.count(g.key) || g.key == default_group_) return all(Admit::Admits);
    if (auto it = off_port_.find(g.key); it != off_port_.end())
      for (const SgRule* rule : it->second)
        if (out.near_misses.size() < kMaxRuleNotes) out.near_misses.push_back(rule);
  }
  // A source group (or the default group) might be one the template names another way.
  bool group_sources = !peers_.empty() || !default_group_.empty();
  if (group_sources && (unfixed_group || unfixed_peer_)) {
    out.near_misses.clear();
    return out;
  }
  out.rules_on_port = on_port_;

  bool subnets_unknown = fn.subnets_unknown || fn.subnets_ambiguous;
  size_t admitted = 0, refused = 0, undecided = subnets_unknown && !cidrs_.empty() ? 1 : 0;
  for (size_t i = 0; i < fn.subnets.size(); ++i) {
    const auto& cidr = fn.subnets[i].cidr;
    if (cidr ? covers(*cidr) : default_cidr_) {
      ++admitted;
      out.per_subnet[i] = Admit::Admits;
    } else if (!cidr && !cidrs_.empty()) {
      ++undecided;
    } else {
      ++refused;
      out.per_subnet[i] = Admit::Refuses;
    }
  }
  if (admitted && !refused && !undecided)
    out.verdict = Admit::Admits;
  else if (!admitted && !undecided && (refused || subnets_unknown))
    out.verdict = Admit::Refuses;
  else if (admitted && refused)
    out.verdict = Admit::SomeSubnets;
  return out;
}

namespace {
// The one walk over the function's own egress rules: true when some rule for TCP 443 passes
// `admits`, or when the template cannot tell (no groups listed, a group outside the template, the
// default allow-all, a rule it cannot read).
template <class Admits>
bool egress_https_rule(const NetworkModel& net, const Placement& fn, const Admits& admits) {
  if (fn.groups_unknown || fn.groups.empty()) return true;
  for (const auto& g : fn.groups) {
    const NetSecurityGroup* sg = net.security_group(g.key);
    if (!sg || !sg->explicit_egress) return true;
    for (const SgRule& rule : sg->egress) {
      if (rule.unknown) return true;
      if (rule.allows_tcp_port(443) && admits(rule)) return true;
    }
  }
  return false;
}
}  // namespace

bool egress_allows_https(const NetworkModel& net, const Placement& fn, const std::optional<Cidr>& dest,
                         const std::vector<NetKey>& dest_groups, bool prefix_list_ok) {
  return egress_https_rule(net, fn, [&](const SgRule& rule) {
    return (rule.cidr && (!dest || rule.cidr->contains(*dest))) || (rule.ipv6_or_prefix_list && prefix_list_ok) ||
           (!rule.peer_group.empty() &&
            std::find(dest_groups.begin(), dest_groups.end(), rule.peer_group) != dest_groups.end());
  });
}

bool egress_allows_https_to_public(const NetworkModel& net, const Placement& fn) {
  return egress_https_rule(net, fn, [](const SgRule& rule) {
    return (rule.cidr && !is_non_public(*rule.cidr)) || rule.ipv6_or_prefix_list;
  });
}

bool egress_allows_any_https(const NetworkModel& net, const Placement& fn) {
  return egress_https_rule(
      net, fn, [](const SgRule& rule) { return rule.cidr || rule.ipv6_or_prefix_list || !rule.peer_group.empty(); });
}

std::vector<std::pair<NetKey, std::vector<const SgRule*>>> rules_by_source_group(const NetSecurityGroup& g) {
  std::vector<std::pair<NetKey, std::vector<const SgRule*>>> out;
  for (const SgRule& rule : g.ingress) {
    if (rule.peer_group.empty()) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == rule.peer_group; });
    if (it == out.end()) it = out.insert(out.end(), {rule.peer_group, {}});
    it->second.push_back(&rule);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace vpclint
