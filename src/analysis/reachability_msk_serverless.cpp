// MSK Serverless clusters as VPC-only resources: no public access, IAM authentication only (port
// 9098), placed by `VpcConfigs`, a list of {SubnetIds, SecurityGroups} (one per client VPC).
#include "analysis/reachability_resources.h"

namespace vpclint::reach {

void read_msk_serverless(const Resolver& r, const NetworkModel& net, const Resource& cluster, VpcResource& v) {
  v.resource = &cluster;
  v.engine = "Kafka (MSK Serverless)";
  v.ports = {9098};
  const Node* configs = cluster.property("VpcConfigs");
  auto alternatives = configs ? r.list(configs) : std::vector<ListAlternative>{};
  // Several client VPCs (or a list the template does not show): the model places a resource in
  // one VPC, so say nothing rather than refuse a function of another listed VPC.
  const Node* only = nullptr;
  if (alternatives.size() == 1 && !alternatives[0].unknown && alternatives[0].node && alternatives[0].node->is_seq() &&
      alternatives[0].node->items().size() == 1)
    only = alternatives[0].node->items()[0];
  if (!only || !only->is_map()) {
    v.subnets_unknown = v.groups_unknown = true;
  } else {
    v.placement = only;
    KeyList subnets = key_list(r, only->get("SubnetIds"));
    v.subnets = std::move(subnets.keys);
    v.subnets_unknown = subnets.unknown || !subnets.present;
    // Without SecurityGroups the cluster's interfaces take the VPC's default group.
    const Node* groups = only->get("SecurityGroups");
    KeyList g = key_list(r, groups);
    v.groups = std::move(g.keys);
    v.groups_unknown = g.unknown;
    v.groups_node = groups;
  }
  v.where = place(net, v.subnets, v.subnets_unknown, v.groups, v.groups_unknown);
  v.vpc = v.where.vpc;
}

}  // namespace vpclint::reach
