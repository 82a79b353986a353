#include "reachability/reach_report.h"
#include "analysis/facts.h"

#include <algorithm>
#include <set>

#include "lint/text_util.h"

namespace vpclint {

std::vector<std::string> labels(const std::vector<NetKey>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys) add_unique(out, k.label());
  return out;
}

// "Orders'", "Cache's"
std::string owner(std::string_view name) { return std::string(name) + (name.ends_with("s") ? "'" : "'s"); }

std::string plural(size_t n, std::string_view one, std::string_view many) { return std::string(n == 1 ? one : many); }

// "TCP 6379", "TCP 9098/9094", or "its port" when the template does not fix it.
std::string port_text(const VpcResource& r) {
  if (r.ports.empty()) return "its port";
  std::string out = "TCP ";
  for (size_t i = 0; i < r.ports.size(); ++i) out += (i ? "/" : "") + std::to_string(r.ports[i]);
  return out;
}

// "Cache (AWS::ElastiCache::ReplicationGroup, Redis on TCP 6379)"
std::string resource_text(const VpcResource& r) {
  std::string s = std::string(r.resource->logical_id) + " (" + std::string(r.resource->type);
  if (!r.engine.empty()) s += ", " + r.engine;
  if (!r.ports.empty()) s += " on " + port_text(r);
  return s + ")";
}

// "through CACHE_HOST", "through CACHE_HOST, CACHE_PORT", the chosen evidence first.
std::string how_text(const ResourceUsage& u, const ResourceUse& chosen) {
  std::vector<std::string> hows{chosen.how};
  for (const auto& use : u.uses) add_unique(hows, use.how);
  if (hows.size() > 3) {
    size_t more = hows.size() - 3;
    hows.resize(3);
    hows.push_back(std::to_string(more) + " more");
  }
  return "through " + join(hows);
}

std::string rule_source(const SgRule& rule) {
  if (!rule.peer_group.empty()) return "security group " + rule.peer_group.label();
  if (rule.cidr) return cidr_text(*rule.cidr);
  return "another source";
}

// Where the resource lives, as a note.
void placement_note(const VpcResource& r, std::vector<Note>& notes) {
  std::string where;
  if (!r.subnets.empty()) where = plural(r.subnets.size(), "subnet ", "subnets ") + join(labels(r.subnets));
  if (!r.vpc.empty()) where += (where.empty() ? "VPC " : " of VPC ") + r.vpc.label();
  if (where.empty()) where = "a VPC the template does not show";
  std::string text = std::string(r.resource->logical_id) + " lives in " + where;
  if (r.subnet_group) text += " (subnet group " + std::string(r.subnet_group->logical_id) + ")";
  const Node* at = r.subnet_group ? r.subnet_group->key : r.placement ? r.placement : r.resource->key;
  notes.push_back({text, at->pos});
}

void other_uses_notes(const ResourceUsage& u, const ResourceUse& chosen, std::vector<Note>& notes) {
  constexpr size_t kMax = 8;
  size_t shown = 0;
  for (const auto& use : u.uses)
    if (&use != &chosen && shown++ < kMax)
      notes.push_back({"also reads " + std::string(u.resource->resource->logical_id) + " through " + use.how, use.pos});
}

// "a security group that Cache's security groups (CacheSecurityGroup) admit on TCP 6379"
std::string admitted_group(const VpcResource& r) {
  std::string rid(r.resource->logical_id);
  if (r.groups.empty())
    return "a security group, and give " + rid + " a security group that admits it on " + port_text(r) + " (" + rid +
           " has none, so it gets the VPC's default group)";
  return "a security group that " + owner(rid) + " security groups (" + join(labels(r.groups)) + ") admit on " +
         port_text(r);
}

void report_reach(const LintContext& ctx, FindingSink& sink, ReachProblem problem, ReachWording words) {
  for (const ResourceUsage& u : ctx.facts.reachability.usages()) {
    bool reaches = any_variant_reaches(u);
    std::set<std::string> seen;
    for (const VariantReach& v : u.variants) {
      ReachProblem p;
      if (!classify_reach(v.reach, reaches, p) || p != problem) continue;
      // Mounting a file system from outside any VPC fails the deployment: V310 says so.
      if (v.reach == Reach::NotInVpc && v.use && v.use->mount) continue;
      ReachWords r = words(ctx.resolver, u, v);
      std::string when = v.guard.describe();
      if (!when.empty()) r.message = when + ", " + r.message;
      if (!seen.insert(r.message).second) continue;
      Finding& f = sink.report(v.use->pos, std::move(r.message), u.function->function->logical_id);
      if (v.use->node) f.path = property_path(v.use->node);
      f.notes = std::move(r.notes);
      if (v.variant && v.variant->from_globals)
        f.notes.push_back({"VpcConfig inherited from Globals by " + std::string(u.function->function->logical_id),
                           u.function->function->key->pos});
      f.fix = std::move(r.fix);
    }
  }
}

}  // namespace vpclint
