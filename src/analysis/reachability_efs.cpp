// EFS file systems as VPC-only resources: a file system has no network of its own; its mount
// targets (one per Availability Zone) sit in subnets with security groups, and a function mounts
// it through the access point its FileSystemConfigs names, over NFS (TCP 2049).
#include "analysis/reachability_resources.h"

#include <algorithm>

namespace vpclint::reach {

namespace {

// Whether `node` names `target` by !Ref (the way FileSystemId and an access point's file system
// are written).
bool refers_to(const Resolver& r, const Node* node, const Resource& target) {
  if (!node) return false;
  for (const Value& v : r.values(node))
    if (v.kind == ValueKind::ResourceRef && v.name == target.logical_id) return true;
  return false;
}

}  // namespace

void read_file_system(const Template& t, const Resolver& r, const NetworkModel& net, const Resource& fs,
                      VpcResource& v) {
  v.resource = &fs;
  v.engine = "EFS (NFS)";
  v.ports = {2049};
  bool any_target = false;
  for (const Resource& mt : t.resources()) {
    if (mt.kind != ResourceKind::EfsMountTarget || !refers_to(r, mt.property("FileSystemId"), fs)) continue;
    any_target = true;
    const Node* subnet = mt.property("SubnetId");
    auto values = subnet ? r.values(subnet) : std::vector<Value>{};
    NetKey key = values.size() == 1 ? NetKey::of(values[0]) : NetKey();
    if (key.empty())
      v.subnets_unknown = true;
    else if (std::find(v.subnets.begin(), v.subnets.end(), key) == v.subnets.end())
      v.subnets.push_back(std::move(key));
    if (!v.placement) v.placement = subnet;
    // A client is admitted by the mount target of its zone; the groups of all of them together
    // can only say less (a zone whose target refuses it is not told apart).
    const Node* groups = mt.property("SecurityGroups");
    KeyList k = key_list(r, groups);
    v.groups_unknown |= k.unknown || !k.present;
    for (NetKey& g : k.keys)
      if (std::find(v.groups.begin(), v.groups.end(), g) == v.groups.end()) v.groups.push_back(std::move(g));
    if (!v.groups_node) v.groups_node = groups;
  }
  // Mount targets outside the template (another stack, the console): nothing is known.
  if (!any_target) v.subnets_unknown = v.groups_unknown = true;
  v.where = place(net, v.subnets, v.subnets_unknown, v.groups, v.groups_unknown);
  v.vpc = v.where.vpc;
}

const Resource* file_system_of(const Template& t, const Resolver& r, const Resource& access_point) {
  const Node* id = access_point.property("FileSystemId");
  if (!id) return nullptr;
  for (const Value& v : r.values(id))
    if (v.kind == ValueKind::ResourceRef)
      if (const Resource* fs = t.resource(v.name); fs && fs->kind == ResourceKind::EfsFileSystem) return fs;
  return nullptr;
}

}  // namespace vpclint::reach
