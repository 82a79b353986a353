// Internal to src/graph: turns the analysis facts of one template into NetworkGraph nodes and
// edges. graph_nodes.cpp draws the network objects and the structure between them (subnet ->
// route table -> default route target); graph_paths.cpp draws each function's way out to each
// AWS service it calls and to each VPC-only resource it uses, red where a finding says it breaks.
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/egress.h"
#include "analysis/facts.h"
#include "analysis/function_vpc.h"
#include "analysis/network_model.h"
#include "analysis/reachability.h"
#include "graph/network_graph.h"
#include "lint/rule.h"

namespace vpclint {

// A node for something outside the template: the text its id is made from, and its label.
struct OutsideName {
  std::string id, label;
};

class GraphBuilder {
 public:
  GraphBuilder(const LintContext& ctx, const std::vector<Finding>& findings, NetworkGraph& graph);
  void build();

 private:
  // graph_nodes.cpp: each returns the node id, adding the node (and its structure) once.
  std::string vpc_cluster(const NetKey& vpc_key);
  std::string function_node(const Resource& fn);
  std::string subnet_node(const NetKey& key);
  std::string route_table_node(const NetSubnet& s);
  std::string route_target_node(const NetRoute& route, const NetKey& vpc_key);
  // Where traffic leaves a template subnet: its default route's target, else its route table.
  std::string last_hop(const NetSubnet& s);
  std::string group_node(const NetKey& key);
  std::string endpoint_node(const NetEndpoint& e);
  std::string service_node(const ServiceEndpoint& s);
  std::string resource_node(const VpcResource& r);
  std::string outside_node(std::string_view prefix, const NetKey& key, std::string_view what, std::string cluster = {});
  std::string outside_node(std::string_view prefix, const OutsideName& name, std::string_view what,
                           std::string cluster = {});
  // Function -> subnets (or the list the template cannot show) and -> security groups.
  void attach(const FunctionVpc& fv, const VpcAttachment& v);
  // Source group -> group, for the ingress rules between groups already drawn: why a cache or an
  // endpoint admits a function, or (by its absence) why it does not.
  void admissions();

  // graph_paths.cpp
  void egress(const FunctionEgress& fe);
  void way_out(const std::string& fn, const SubnetPath& sp, const std::string& svc);
  void blocked(const Resource& fn, const std::string& fn_node, const SubnetPath& sp, const ServicePath& p,
               const std::string& svc);
  // An interface endpoint for `service` in the subnet's VPC whose private DNS works (or not).
  void reachability(const ResourceUsage& u);
  bool reported(std::string_view rule, std::string_view resource) const;
  // Red and labelled with the rule when its finding was kept, otherwise dashed with the cause.
  void problem_edge(const std::string& from, const std::string& to, const std::string& rule, const std::string& cause,
                    bool is_reported);

  const LintContext& ctx_;
  const NetworkModel& net_;
  NetworkGraph& g_;
  std::set<std::pair<std::string, std::string>> findings_;  // (rule, resource)
  std::set<NetKey> groups_;                                 // the template security groups drawn
};

inline std::string logical_name(const Resource* r) { return r ? std::string(r->logical_id) : std::string("(unknown)"); }

// A list the template cannot show (a parameter, an import) is one node named by that value.
inline OutsideName unknown_list_key(const Resource& fn, const ResolvedList& list, std::string_view property) {
  NetKey key = NetKey::of(list.whole);
  if (!key.empty()) return {std::string(key.id_text()), key.label()};
  std::string name = std::string(fn.logical_id) + "." + std::string(property);
  return {"unknown:" + name, name};
}

// "TCP 6379", "TCP 9098/9094"; empty when the template does not fix the port.
inline std::string ports_text(const VpcResource& r) {
  std::string out;
  for (int p : r.ports) out += (out.empty() ? "TCP " : "/") + std::to_string(p);
  return out;
}

}  // namespace vpclint
