#include "analysis/reachability.h"

#include <algorithm>
#include <optional>

#include "analysis/iam_collect.h"
#include "analysis/reachability_resources.h"
#include "model/ascii.h"

namespace vpclint {

namespace {

using iam::resource_guard;

// IAM actions with which code talks to the resource itself over the network (IAM database
// authentication, signed HTTP requests, Kafka IAM auth). Control-plane actions (rds:*, kafka:*,
// mq:*) go to the public AWS API, and often only serve an event source mapping: they are no use.
std::span<const std::string_view> data_plane_actions(ResourceKind k) {
  static constexpr std::string_view kCache[] = {"elasticache:Connect"};
  static constexpr std::string_view kMemoryDb[] = {"memorydb:Connect"};
  static constexpr std::string_view kRds[] = {"rds-db:connect"};
  static constexpr std::string_view kNeptune[] = {"neptune-db:connect", "neptune-db:ReadDataViaQuery",
                                                  "neptune-db:WriteDataViaQuery"};
  static constexpr std::string_view kSearch[] = {"es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut"};
  static constexpr std::string_view kKafka[] = {"kafka-cluster:Connect"};
  // The DAX client sends these to the cluster's endpoint, inside the VPC.
  static constexpr std::string_view kDax[] = {"dax:GetItem",    "dax:BatchGetItem",   "dax:Query",
                                              "dax:Scan",       "dax:PutItem",        "dax:UpdateItem",
                                              "dax:DeleteItem", "dax:BatchWriteItem", "dax:ConditionCheckItem"};
  switch (k) {
    case ResourceKind::ElastiCacheCluster:
    case ResourceKind::ElastiCacheReplicationGroup:
    case ResourceKind::ElastiCacheServerlessCache: return kCache;
    case ResourceKind::MemoryDbCluster: return kMemoryDb;
    case ResourceKind::RdsInstance:
    case ResourceKind::RdsCluster:
    case ResourceKind::RdsDbProxy: return kRds;
    case ResourceKind::NeptuneCluster: return kNeptune;
    case ResourceKind::OpenSearchDomain:
    case ResourceKind::ElasticsearchDomain: return kSearch;
    case ResourceKind::MskCluster:
    case ResourceKind::MskServerlessCluster: return kKafka;
    case ResourceKind::DaxCluster: return kDax;
    default: return {};
  }
}

// The control-plane API of a resource's service: a role that may call it may be managing the
// resource rather than connecting to it.
std::string_view control_plane_prefix(ResourceKind k) {
  switch (k) {
    case ResourceKind::ElastiCacheCluster:
    case ResourceKind::ElastiCacheReplicationGroup:
    case ResourceKind::ElastiCacheServerlessCache: return "elasticache:";
    case ResourceKind::MemoryDbCluster: return "memorydb:";
    case ResourceKind::RedshiftCluster: return "redshift:";
    case ResourceKind::OpenSearchDomain:
    case ResourceKind::ElasticsearchDomain: return "es:";
    case ResourceKind::MskCluster:
    case ResourceKind::MskServerlessCluster: return "kafka:";
    case ResourceKind::MqBroker: return "mq:";
    case ResourceKind::RedshiftServerlessWorkgroup: return "redshift-serverless:";
    case ResourceKind::DaxCluster:
      return "dax:create";  // dax:* is mostly the data plane: only cluster management counts
    case ResourceKind::DocDbElasticCluster: return "docdb-elastic:";
    default: return "rds:";  // RDS, DocumentDB and Neptune share the RDS API
  }
}

bool may_manage(const RoleFacts* role, std::string_view prefix) {
  if (!role || !role->known() || role->incomplete) return true;
  for (const PolicyStatement& s : role->statements) {
    if (s.effect != Effect::Allow) continue;
    if (!s.not_actions.empty()) return true;
    for (const auto& a : s.actions)
      if (a == "*" || ascii_lower(a).starts_with(prefix)) return true;
  }
  return false;
}

// An attribute that tells a client where to connect: Endpoint.Address, PrimaryEndPoint.Port,
// DomainEndpoint, ReadEndpoint.Addresses, AmqpEndpoints, ...
bool endpoint_attribute(std::string_view attribute) {
  std::string a = ascii_lower(attribute);
  return a.find("endpoint") != std::string::npos || a.ends_with("port") || a.ends_with("address") ||
         a.ends_with("addresses");
}

// Function properties whose references say nothing about what the code connects to.
bool ignored_property(std::string_view p) {
  static constexpr std::string_view kIgnored[] = {"Events",
                                                  "VpcConfig",
                                                  "Role",
                                                  "Policies",
                                                  "Layers",
                                                  "Tags",
                                                  "Description",
                                                  "FunctionName",
                                                  "PermissionsBoundary",
                                                  "CapacityProviderConfig",
                                                  "DeploymentPreference",
                                                  "AutoPublishAlias",
                                                  "DeadLetterQueue",
                                                  "DeadLetterConfig",
                                                  "EventInvokeConfig",
                                                  "FileSystemConfigs",
                                                  "KmsKeyArn",
                                                  "ProvisionedConcurrencyConfig",
                                                  "FunctionUrlConfig",
                                                  "LoggingConfig"};
  return std::find(std::begin(kIgnored), std::end(kIgnored), p) != std::end(kIgnored);
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// The `!If` branches a node sits in, up to `top`: false on a contradiction.
bool branch_guard(const Node* n, const Node* top, Guard& g) {
  for (; n && n != top && n->parent; n = n->parent) {
    const Node* p = n->parent;
    if (!p->is_seq() || !p->parent || !p->parent->is_intrinsic(Fn::If) || p->parent->arg != p) continue;
    const IntrinsicInfo* info = p->parent->info();
    if (!info || (n->index_in_parent != 1 && n->index_in_parent != 2)) continue;
    if (!g.assume(info->target, n->index_in_parent == 1)) return false;
  }
  return true;
}

}  // namespace

std::string cidr_text(const Cidr& c) {
  return std::to_string(c.address >> 24) + "." + std::to_string((c.address >> 16) & 255) + "." +
         std::to_string((c.address >> 8) & 255) + "." + std::to_string(c.address & 255) + "/" +
         std::to_string(c.prefix);
}

ReachabilityFacts::ReachabilityFacts(const Template& t, const Resolver& r, const ReferenceGraph& refs,
                                     const FunctionVpcFacts& functions, const PlacementFacts& placements,
                                     const NetworkModel& net, const IamFacts& iam, const ConnectorFacts& connectors)
    : net_(net), placements_(placements) {
  resources_ = reach::read_vpc_resources(t, r, net);
  for (size_t i = 0; i < resources_.size(); ++i) index_.emplace(resources_[i].resource->logical_id, i);
  for (const Resource& res : t.resources())
    if (res.kind == ResourceKind::EfsAccessPoint)
      if (const Resource* fs = reach::file_system_of(t, r, res))
        file_system_of_.emplace(res.logical_id, fs->logical_id);
  admissions_.reserve(resources_.size());
  for (const VpcResource& res : resources_)
    admissions_.emplace_back(net, AdmissionTarget{res.groups, res.groups_unknown, res.vpc, res.ports});
  collect_uses(refs, functions, iam, connectors);
}

const VpcResource* ReachabilityFacts::resource(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &resources_[it->second];
}

// A reference from a function's properties (or from Globals.Function) to a VPC-only resource.
void ReachabilityFacts::property_use(const Reference& ref, const Resource& fn, std::vector<Found>& out) const {
  if (ref.kind != ReferenceKind::Ref && ref.kind != ReferenceKind::GetAtt && ref.kind != ReferenceKind::Sub) return;
  // FileSystemConfigs names an access point; the function mounts the access point's file system.
  auto ap = file_system_of_.find(ref.target);
  auto it = index_.find(ap == file_system_of_.end() ? ref.target : ap->second);
  if (it == index_.end()) return;
  std::string path = property_path(ref.node);
  auto parts = split_path(path);
  // Resources/<Fn>/Properties/<Prop>/... or Globals/Function/<Prop>/...
  bool global = parts[0] == "Globals";
  size_t at = global ? 2 : 3;
  if (parts.size() <= at || (global ? parts[1] != "Function" : parts[2] != "Properties")) return;
  std::string_view prop = parts[at];
  bool mount = prop == "FileSystemConfigs" && ap != file_system_of_.end();
  if (ignored_property(prop) && !mount) return;
  std::string var;
  if (prop == "Environment" && parts.size() > at + 2 && parts[at + 1] == "Variables") var = parts[at + 2];
  // A Globals reference reaches the function unless the function sets the same thing itself.
  if (global) {
    const Node* own = fn.raw_properties ? fn.raw_properties->get(prop) : nullptr;
    if (own && !var.empty()) {
      const Node* vars = own->is_map() ? own->get("Variables") : nullptr;
      own = vars && vars->is_map() ? vars->get(var) : nullptr;
    }
    if (own) return;
  }
  Found f{it->second, {}};
  f.use.via = ResourceUse::Via::Property;
  f.use.how = mount         ? "its FileSystemConfigs (access point " + std::string(ref.target) + ")"
              : var.empty() ? "its " + std::string(prop)
                            : var;
  f.use.attribute = std::string(ref.attribute);
  f.use.direct = mount || endpoint_attribute(ref.attribute);
  f.use.mount = mount;
  f.use.node = ref.node;
  f.use.pos = ref.pos;
  f.use.guard = resource_guard(fn);
  if (!f.use.guard.combine(resource_guard(*resources_[it->second].resource))) return;
  if (!branch_guard(ref.node, global ? nullptr : fn.node, f.use.guard)) return;
  out.push_back(std::move(f));
}

// Connectors between a function and a VPC-only resource (SAM has no profile for them, but they
// state the intent to read it), by function.
std::unordered_map<std::string_view, std::vector<ReachabilityFacts::Found>> ReachabilityFacts::connector_uses(
    const ConnectorFacts& connectors) const {
  std::unordered_map<std::string_view, std::vector<Found>> out;
  for (const Connector& con : connectors.all()) {
    const Resource* a = con.source.resource;
    for (const ConnectorEnd& end : con.destinations) {
      const Resource* b = end.resource;
      if (!a || !b) continue;
      const Resource* fn = is_function(a->kind) ? a : is_function(b->kind) ? b : nullptr;
      const Resource* other = fn == a ? b : a;
      auto it = fn ? index_.find(other->logical_id) : index_.end();
      if (it == index_.end()) continue;
      Found f{it->second, {}};
      f.use.via = ResourceUse::Via::Connector;
      f.use.how = "connector " + std::string(con.name);
      f.use.node = con.at;
      f.use.pos = con.at->pos;
      f.use.guard = con.guard;
      if (f.use.guard.combine(resource_guard(*other))) out[fn->logical_id].push_back(std::move(f));
    }
  }
  return out;
}

// Statements of a role that grant a data-plane action on a VPC-only resource.
std::vector<ReachabilityFacts::Found> ReachabilityFacts::role_uses(const RoleFacts& role) const {
  std::vector<Found> out;
  for (const PolicyStatement& s : role.statements) {
    if (s.effect != Effect::Allow || s.not_resource) continue;
    std::vector<std::string_view> names;
    auto add = [&](std::string_view n) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    };
    for (const Value& v : s.resources) {
      if (v.kind == ValueKind::ResourceRef) add(v.name);
      // ${Db.DbiResourceId} inside an ARN, or a Sub variable bound to !GetAtt Db.X.
      for (size_t at = v.text.find("${"); at != std::string::npos; at = v.text.find("${", at + 2)) {
        size_t close = v.text.find('}', at);
        if (close == std::string::npos) break;
        std::string_view name = std::string_view(v.text).substr(at + 2, close - at - 2);
        add(name.substr(0, name.find('.')));
      }
      if (v.node && v.node->is_intrinsic(Fn::Sub) && v.node->info() && v.node->info()->sub_vars)
        for (const MapEntry& e : v.node->info()->sub_vars->entries())
          if ((e.value->is_intrinsic(Fn::GetAtt) || e.value->is_intrinsic(Fn::Ref)) && e.value->info())
            add(e.value->info()->target);
    }
    for (std::string_view name : names) {
      auto r = index_.find(name);
      if (r == index_.end()) continue;
      const VpcResource& res = resources_[r->second];
      for (std::string_view action : data_plane_actions(res.resource->kind)) {
        if (!s.covers(action)) continue;
        Found f{r->second, {}};
        f.use.via = ResourceUse::Via::Policy;
        f.use.how = std::string(action) + " granted to its role";
        f.use.node = s.node;
        f.use.pos = s.node ? s.node->pos : Position{};
        f.use.guard = s.guard;
        if (f.use.guard.combine(resource_guard(*res.resource))) out.push_back(std::move(f));
        break;
      }
    }
  }
  return out;
}

void ReachabilityFacts::collect_uses(const ReferenceGraph& refs, const FunctionVpcFacts& functions, const IamFacts& iam,
                                     const ConnectorFacts& connectors) {
  if (resources_.empty()) return;
  std::vector<const Reference*> globals;  // Globals.Function references to VPC-only resources
  for (size_t i : refs.from("Globals"))
    if (index_.count(refs.all()[i].target)) globals.push_back(&refs.all()[i]);
  auto by_connector = connector_uses(connectors);
  std::unordered_map<const RoleFacts*, std::vector<Found>> by_role;  // functions may share a role

  for (const FunctionVpc& fv : functions.functions()) {
    const Resource& fn = *fv.function;
    std::vector<Found> found;
    for (size_t i : refs.from(fn.logical_id)) property_use(refs.all()[i], fn, found);
    if (fn.kind == ResourceKind::ServerlessFunction)
      for (const Reference* ref : globals) property_use(*ref, fn, found);
    const RoleFacts* role = iam.role_of(fn.logical_id);
    if (role) {
      auto [it, fresh] = by_role.try_emplace(role);
      if (fresh) it->second = role_uses(*role);
      found.insert(found.end(), it->second.begin(), it->second.end());
    }
    if (auto it = by_connector.find(fn.logical_id); it != by_connector.end())
      found.insert(found.end(), it->second.begin(), it->second.end());
    if (!found.empty()) add_usages(fv, role, found);
  }
}

// Groups one function's evidence by resource, drops what may not be a connection, and judges
// every variant of its VpcConfig.
void ReachabilityFacts::add_usages(const FunctionVpc& fv, const RoleFacts* role, std::vector<Found>& found) {
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return std::tie(a.use.pos.line, a.use.pos.column) < std::tie(b.use.pos.line, b.use.pos.column);
  });
  std::unordered_map<size_t, size_t> usage_of;  // resource index -> usages_ index
  size_t first = usages_.size();
  for (Found& f : found) {
    const VpcResource& res = resources_[f.resource];
    // Redshift's Data API (redshift-data) needs no VPC: only a role known to lack it is evidence.
    if ((res.resource->kind == ResourceKind::RedshiftCluster ||
         res.resource->kind == ResourceKind::RedshiftServerlessWorkgroup) &&
        (!role || role->evaluate("redshift-data:ExecuteStatement").decision != Decision::NotAllowed))
      continue;
    if (!f.use.direct && may_manage(role, control_plane_prefix(res.resource->kind))) continue;
    auto [it, fresh] = usage_of.try_emplace(f.resource, usages_.size());
    if (fresh) {
      ResourceUsage u;
      u.function = &fv;
      u.resource = &res;
      usages_.push_back(std::move(u));
    }
    usages_[it->second].uses.push_back(std::move(f.use));
  }
  for (size_t i = first; i < usages_.size(); ++i) {
    ResourceUsage& u = usages_[i];
    // Each variant is judged with the first evidence that can hold together with it.
    auto judge = [&](const VpcAttachment* v) {
      for (const ResourceUse& use : u.uses) {
        Guard g = v ? v->guard : Guard{};
        if (!g.combine(use.guard)) continue;
        VariantReach vr = reach(*u.resource, v);
        vr.guard = std::move(g);
        vr.use = &use;
        u.variants.push_back(std::move(vr));
        return;
      }
    };
    if (fv.variants.empty()) judge(nullptr);
    for (const VpcAttachment& v : fv.variants) judge(&v);
  }
}

// Whether something in the template may carry traffic from the function's subnets to another
// VPC: a peering connection or transit gateway, or a route to anything but the internet.
bool ReachabilityFacts::vpcs_connected(const Placement& fn) const {
  if (net_.links_vpcs() || fn.subnets_unknown || fn.subnets_ambiguous) return true;
  for (const PlacedSubnet& s : fn.subnets) {
    if (!s.subnet) return true;
    switch (s.subnet->routes.source) {
      case TableSource::Outside: return true;
      case TableSource::Main: continue;  // a template VPC's main route table: the local route only
      case TableSource::Explicit:
        if (s.subnet->routes.other_vpc_route) return true;
        break;
    }
  }
  return false;
}

VariantReach ReachabilityFacts::reach(const VpcResource& res, const VpcAttachment* v) const {
  VariantReach out;
  out.variant = v;
  if (!v || !v->attached()) {
    out.reach = res.exposure == Exposure::Private ? Reach::NotInVpc : Reach::Unknown;
    return out;
  }
  out.reach = Reach::Unknown;
  const Placement& fn = placements_.of(*v);
  out.function_vpc = fn.vpc;
  for (const PlacedGroup& g : fn.groups)
    if (!g.key.empty()) out.function_groups.push_back(g.key);

  if (fn.vpc.comparable(res.vpc) && fn.vpc != res.vpc) {
    if (res.exposure == Exposure::Private && !vpcs_connected(fn)) out.reach = Reach::OtherVpc;
    return out;
  }
  auto index = index_.find(res.resource->logical_id);
  if (index == index_.end() || &resources_[index->second] != &res) return out;  // not one of ours
  AdmissionResult a = admissions_[index->second].from(fn);
  out.rules_on_port = std::move(a.rules_on_port);
  out.near_misses = std::move(a.near_misses);
  switch (a.verdict) {
    case Admit::Admits: out.reach = Reach::Reaches; return out;
    case Admit::Unknown: return out;
    case Admit::Refuses: out.reach = Reach::Refused; break;
    case Admit::SomeSubnets: out.reach = Reach::SomeSubnets; break;
  }
  for (size_t i = 0; i < fn.subnets.size(); ++i) {
    const PlacedSubnet& s = fn.subnets[i];
    std::string label = s.key.label() + (s.subnet && s.cidr ? " (" + cidr_text(*s.cidr) + ")" : std::string());
    if (a.per_subnet[i] == Admit::Admits)
      out.admitted_subnets.push_back(std::move(label));
    else if (a.per_subnet[i] == Admit::Refuses)
      out.refused_subnets.push_back(std::move(label));
  }
  return out;
}

}  // namespace vpclint
