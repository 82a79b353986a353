#include "lint/reachability_findings.h"

#include "analysis/facts.h"
#include "lint/text_util.h"

#include <algorithm>
#include <set>

namespace vpclint {

namespace {

std::vector<std::string> labels(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys) add_unique(out, key_label(k));
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

// How a security group is written in a fix: `!GetAtt CacheSecurityGroup.GroupId`, `sg-0abc`, ...
std::string group_ref(std::string_view key) {
  if (std::string_view id = key_resource(key); !id.empty())
    return id.find('.') == std::string_view::npos ? "!GetAtt " + std::string(id) + ".GroupId" : "!GetAtt " + std::string(id);
  if (key.starts_with("param:")) return "!Ref " + std::string(key.substr(6));
  return key_label(key);
}

std::string rule_source(const SgRule& rule) {
  if (!rule.peer_group.empty()) return "security group " + key_label(rule.peer_group);
  if (rule.cidr) return cidr_text(*rule.cidr);
  return "another source";
}

std::string rule_ports(const SgRule& rule) {
  if (rule.protocol == "-1" || rule.protocol == "all") return "all traffic";
  std::string proto = rule.protocol == "6" ? std::string("tcp") : rule.protocol;
  for (char& c : proto) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (rule.from == -1 && rule.to == -1) return proto + " (all ports)";
  if (rule.from == rule.to) return proto + " " + std::to_string(rule.from);
  return proto + " " + std::to_string(rule.from) + "-" + std::to_string(rule.to);
}

// Where the resource lives, as a note.
void placement_note(const VpcResource& r, std::vector<Note>& notes) {
  std::string where;
  if (!r.subnets.empty()) where = plural(r.subnets.size(), "subnet ", "subnets ") + join(labels(r.subnets));
  if (!r.vpc.empty()) where += (where.empty() ? "VPC " : " of VPC ") + key_label(r.vpc);
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
  return "a security group that " + owner(rid) + " security groups (" + join(labels(r.groups)) + ") admit on " + port_text(r);
}

struct Report {
  std::string message;
  std::string fix;
  std::vector<Note> notes;
};

Report outside_vpc(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id);
  Report out;
  out.message = std::string(fn.logical_id) + " is not in any VPC but reads " + resource_text(r) + " " +
                how_text(u, *v.use) + "; " + rid + " is reachable only from inside its VPC, so every connection hangs until the " +
                timeout_text(resolver, fn) + " timeout";
  placement_note(r, out.notes);
  other_uses_notes(u, *v.use, out.notes);
  std::string subnets = r.subnets.empty() ? "subnets of " + owner(rid) + " VPC" : join(labels(r.subnets));
  out.fix = "1) attach " + std::string(fn.logical_id) + " to " + owner(rid) + " VPC: VpcConfig with SubnetIds " + subnets +
            " and " + admitted_group(r) +
            ", then give it a way out for the AWS APIs it calls (N101/N102); 2) use a store that needs no VPC (DynamoDB; "
            "for Aurora, the Data API with EnableHttpEndpoint: true); 3) move the data access to a function in the VPC";
  return out;
}

Report other_vpc(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id);
  Report out;
  out.message = std::string(fn.logical_id) + " is attached to VPC " + key_label(v.function_vpc) + " but reads " +
                resource_text(r) + " " + how_text(u, *v.use) + ", which lives in VPC " + key_label(r.vpc) +
                "; nothing in the template connects the two VPCs, so every connection hangs until the " + timeout_text(resolver, fn) +
                " timeout";
  if (v.variant) out.notes.push_back({owner(fn.logical_id) + " VpcConfig", v.variant->property_key()->pos});
  placement_note(r, out.notes);
  other_uses_notes(u, *v.use, out.notes);
  std::string subnets = r.subnets.empty() ? std::string() : " (" + join(labels(r.subnets)) + ")";
  out.fix = "attach " + std::string(fn.logical_id) + " to subnets of " + key_label(r.vpc) + subnets +
            " and " + admitted_group(r) +
            "; or connect the two VPCs (VPC peering or a transit gateway, routes in both, and an ingress rule on " +
            owner(rid) + " security groups for " + owner(fn.logical_id) + " subnets)";
  return out;
}

Report group_refuses(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id), fid(fn.logical_id);
  std::string port = port_text(r);
  std::string fgroup = v.function_groups.empty() ? std::string() : v.function_groups[0];
  Report out;
  if (r.groups.empty()) {
    out.message = fid + " reads " + resource_text(r) + " " + how_text(u, *v.use) + ", but " + rid +
                  " has no security group of its own: it gets the default security group of " + key_label(r.vpc) +
                  ", which admits only its own members, and " + fid + " is not one; every connection hangs until the " +
                  timeout_text(resolver, fn) + " timeout";
    out.fix = "give " + rid + " a security group with an ingress rule IpProtocol tcp, FromPort/ToPort " +
              (r.ports.empty() ? std::string("its port") : std::to_string(r.ports[0])) + ", SourceSecurityGroupId " +
              (fgroup.empty() ? std::string("the function's security group") : group_ref(fgroup)) +
              "; or add !GetAtt " + std::string(key_resource(r.vpc)) + ".DefaultSecurityGroup to " + owner(fid) +
              " SecurityGroupIds";
  } else {
    std::vector<std::string> groups = labels(r.groups);
    std::string from = fid;
    if (!v.function_groups.empty())
      from += " (security " + plural(v.function_groups.size(), "group ", "groups ") + join(labels(v.function_groups)) +
              (v.refused_subnets.empty() ? std::string() : ", subnets " + join(v.refused_subnets)) + ")";
    out.message = fid + " reads " + resource_text(r) + " " + how_text(u, *v.use) + ", but " + owner(rid) + " security " +
                  plural(groups.size(), "group ", "groups ") + join(groups) + plural(groups.size(), " admits", " admit") +
                  " nothing on " + port + " from " + from + "; every connection hangs until the " + timeout_text(resolver, fn) +
                  " timeout";
    for (const SgRule* rule : v.near_misses)
      out.notes.push_back({"this rule admits " + owner(fid) + " group, but on " + rule_ports(*rule) + ", not " + port,
                           rule->node ? rule->node->pos : Position{}});
    for (const SgRule* rule : v.rules_on_port)
      out.notes.push_back({"this rule admits " + port + " only from " + rule_source(*rule), rule->node ? rule->node->pos : Position{}});
    const std::string& g = r.groups[0];
    std::string gid(key_resource(g));
    std::string name = (gid.empty() ? std::string("Ingress") : gid) + "From" + fid;
    std::string p = r.ports.empty() ? std::string("<port>") : std::to_string(r.ports[0]);
    out.fix = "add " + name + ": {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: " + group_ref(g) +
              ", IpProtocol: tcp, FromPort: " + p + ", ToPort: " + p + ", SourceSecurityGroupId: " +
              (fgroup.empty() ? std::string("<the function's security group>") : group_ref(fgroup)) + "}}";
  }
  if (r.groups_node) out.notes.push_back({owner(rid) + " security groups", r.groups_node->pos});
  if (v.variant) out.notes.push_back({owner(fid) + " VpcConfig", v.variant->property_key()->pos});
  other_uses_notes(u, *v.use, out.notes);
  return out;
}

Report some_subnets(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id), fid(fn.logical_id);
  Report out;
  out.message = fid + " reaches " + resource_text(r) + " only from " +
                plural(v.admitted_subnets.size(), "subnet ", "subnets ") + join(v.admitted_subnets) + ": the CIDR rules of " +
                owner(rid) + " security groups do not cover " + join(v.refused_subnets) + "; invocations that run there (Lambda "
                "picks the subnet) hang until the " + timeout_text(resolver, fn) + " timeout";
  for (const SgRule* rule : v.rules_on_port)
    out.notes.push_back({"this rule admits " + port_text(r) + " only from " + rule_source(*rule), rule->node ? rule->node->pos : Position{}});
  if (v.variant) out.notes.push_back({owner(fid) + " VpcConfig", v.variant->property_key()->pos});
  out.fix = "widen the rule's CidrIp to cover " + join(v.refused_subnets) + ", or admit " + owner(fid) + " security group (SourceSecurityGroupId) instead of address ranges";
  return out;
}

}  // namespace

bool classify_reach(Reach reach, bool another_variant_reaches, ReachProblem& out) {
  switch (reach) {
    case Reach::SomeSubnets: out = ReachProblem::PartlyReached; return true;
    case Reach::NotInVpc: out = another_variant_reaches ? ReachProblem::PartlyReached : ReachProblem::OutsideVpc; return true;
    case Reach::OtherVpc: out = another_variant_reaches ? ReachProblem::PartlyReached : ReachProblem::OtherVpc; return true;
    case Reach::Refused: out = another_variant_reaches ? ReachProblem::PartlyReached : ReachProblem::GroupRefuses; return true;
    default: return false;
  }
}

void report_reachability(const LintContext& ctx, FindingSink& sink, ReachProblem problem) {
  for (const ResourceUsage& u : ctx.facts.reachability.usages()) {
    bool reaches = std::any_of(u.variants.begin(), u.variants.end(),
                               [](const VariantReach& v) { return v.reach == Reach::Reaches || v.reach == Reach::Unknown; });
    std::set<std::string> seen;
    for (const VariantReach& v : u.variants) {
      ReachProblem p;
      if (!classify_reach(v.reach, reaches, p) || p != problem) continue;
      Report r;
      switch (v.reach) {
        case Reach::NotInVpc: r = outside_vpc(ctx.resolver, u, v); break;
        case Reach::OtherVpc: r = other_vpc(ctx.resolver, u, v); break;
        case Reach::Refused: r = group_refuses(ctx.resolver, u, v); break;
        default: r = some_subnets(ctx.resolver, u, v); break;
      }
      if (problem == ReachProblem::PartlyReached && v.reach != Reach::SomeSubnets)
        r.message += "; under its other VpcConfig branches it may reach " + std::string(u.resource->resource->logical_id);
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
