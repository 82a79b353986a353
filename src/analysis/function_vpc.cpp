#include "analysis/function_vpc.h"

#include "model/scalar_values.h"

namespace vpclint {

namespace {

// `!If [C, {SubnetIds: ...}, !Ref AWS::NoValue]`: the mapping variants of a VpcConfig node.
void config_variants(const Node* node, const Guard& guard, std::vector<std::pair<const Node*, Guard>>& out, int depth) {
  if (!node || depth > 16 || out.size() >= Resolver::kMaxAlternatives) return;
  if (node->is_intrinsic(Fn::If) && node->info()) {
    auto items = node->arg->items();
    Guard yes = guard, no = guard;
    if (yes.assume(node->info()->target, true)) config_variants(items[1], yes, out, depth + 1);
    if (no.assume(node->info()->target, false)) config_variants(items[2], no, out, depth + 1);
    return;
  }
  if (node->is_intrinsic(Fn::Ref) && node->info() && node->info()->target == "AWS::NoValue") node = nullptr;
  out.emplace_back(node, guard);  // null: this branch detaches the function
}

void resolve_lists(const Resolver& r, const Node* config, const Guard& guard, const char* key,
                   std::vector<std::pair<ResolvedList, Guard>>& out) {
  const Node* node = config && config->is_map() ? config->get(key) : nullptr;
  if (!node) {
    out.push_back({ResolvedList{}, guard});
    return;
  }
  auto alternatives = r.list(node, guard);
  if (alternatives.empty()) {  // the property is AWS::NoValue in every branch
    out.push_back({ResolvedList{}, guard});
    return;
  }
  for (auto& alt : alternatives) {
    Guard g = guard;
    if (!g.combine(alt.guard)) continue;
    ResolvedList list;
    list.node = node;
    list.items = std::move(alt.items);
    list.unknown = alt.unknown;
    list.whole = std::move(alt.whole);
    list.alternative = alt.node;
    out.push_back({std::move(list), std::move(g)});
  }
}

}  // namespace

const Node* VpcAttachment::property_key() const {
  const Node* n = vpc_config;
  while (n && n->parent && (n->parent->is_intrinsic() || n->parent->is_seq()) && n->parent->parent) n = n->parent;
  if (n && n->parent && n->parent->is_map() && n->index_in_parent < n->parent->size)
    return n->parent->entries()[n->index_in_parent].key;
  return n;
}

bool FunctionVpc::maybe_attached() const {
  for (const auto& v : variants)
    if (v.attached()) return true;
  return false;
}

bool FunctionVpc::always_attached() const {
  if (variants.empty()) return false;
  for (const auto& v : variants)
    if (!v.attached()) return false;
  return true;
}

namespace {

// Lambda Managed Instances: a function on a capacity provider runs in the provider's subnets.
// Returns the provider's resource when the template defines it; `external` when the ARN points
// outside the template.
const Resource* capacity_provider_of(const Template& t, const Resolver& r, const Resource& fn, bool& external) {
  external = false;
  const Node* cp = fn.property("CapacityProviderConfig");
  if (!cp) return nullptr;
  const Node* lmi = cp->get("LambdaManagedInstancesCapacityProviderConfig");
  const Node* arn = lmi ? lmi->get("CapacityProviderArn") : cp->get("Arn");
  for (const Value& v : r.values(arn)) {
    const Resource* p = v.kind == ValueKind::ResourceRef ? t.resource(v.name) : nullptr;
    if (p && (p->kind == ResourceKind::LambdaCapacityProvider || p->kind == ResourceKind::ServerlessCapacityProvider))
      return p;
  }
  external = arn != nullptr;
  return nullptr;
}

std::vector<VpcAttachment> attachments(const Resolver& r, const Node* config, bool from_globals) {
  std::vector<VpcAttachment> out;
  std::vector<std::pair<const Node*, Guard>> configs;
  config_variants(config, Guard{}, configs, 0);
  for (const auto& [node, guard] : configs) {
    if (node && !node->is_map()) {
      // A VpcConfig that is itself a parameter or import: attached, nothing known.
      VpcAttachment a;
      a.guard = guard;
      a.vpc_config = node;
      a.from_globals = from_globals;
      a.subnets.node = a.security_groups.node = node;
      a.subnets.unknown = a.security_groups.unknown = true;
      auto v = r.values(node);
      if (!v.empty()) a.subnets.whole = a.security_groups.whole = v[0];
      out.push_back(std::move(a));
      continue;
    }
    std::vector<std::pair<ResolvedList, Guard>> subnets, groups;
    resolve_lists(r, node, guard, "SubnetIds", subnets);
    for (auto& [s, sg] : subnets) {
      groups.clear();
      resolve_lists(r, node, sg, "SecurityGroupIds", groups);
      for (auto& [g, gg] : groups) {
        VpcAttachment a;
        a.guard = gg;
        a.vpc_config = node;
        a.from_globals = from_globals;
        a.subnets = s;
        a.security_groups = std::move(g);
        a.ipv6_allowed = node && flag_or(r, node->get("Ipv6AllowedForDualStack"), false);
        out.push_back(std::move(a));
      }
    }
  }
  return out;
}

// The items of a list written under `section` (the Globals section): merged lists keep the
// items' own nodes, whose parents are where they were written.
size_t items_from(const ResolvedList& list, const Node* section) {
  if (!section) return 0;
  size_t n = 0;
  for (const auto& alternatives : list.items) {
    const Node* at = alternatives.empty() ? nullptr : alternatives[0].node;
    while (at && at != section) at = at->parent;
    n += at != nullptr;
  }
  return n;
}

}  // namespace

FunctionVpcFacts::FunctionVpcFacts(const Template& t, const Resolver& r) {
  for (const Resource& res : t.resources()) {
    if (!is_function(res.kind)) continue;
    FunctionVpc fn;
    fn.function = &res;
    bool external_provider = false;
    fn.capacity_provider = capacity_provider_of(t, r, res, external_provider);
    if (fn.capacity_provider) {
      fn.variants = attachments(r, fn.capacity_provider->property("VpcConfig"), false);
      for (auto& v : fn.variants) v.via_capacity_provider = true;
    } else if (external_provider) {
      VpcAttachment a;  // in a VPC that only the provider's own stack knows
      a.vpc_config = res.property("CapacityProviderConfig");
      a.via_capacity_provider = true;
      a.subnets.node = a.security_groups.node = a.vpc_config;
      a.subnets.unknown = a.security_groups.unknown = true;
      fn.variants.push_back(std::move(a));
    } else {
      bool own = res.raw_properties && res.raw_properties->get("VpcConfig");
      fn.variants = attachments(r, res.property("VpcConfig"), !own);
      for (VpcAttachment& v : fn.variants) {
        v.subnets.from_globals = items_from(v.subnets, t.globals());
        v.security_groups.from_globals = items_from(v.security_groups, t.globals());
      }
    }
    index_.emplace(res.logical_id, functions_.size());
    functions_.push_back(std::move(fn));
  }
}

const FunctionVpc* FunctionVpcFacts::find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &functions_[it->second];
}

}  // namespace vpclint
