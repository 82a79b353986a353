// The network model of one template as a small, format-neutral graph for `vpclint graph`:
// functions -> subnets -> route tables -> NAT / gateways / endpoints -> AWS services, security
// groups, and the VPC-only resources functions use. Broken paths carry the rule that found them.
// Writers (graph_writers.h) only lay it out; build_network_graph decides what is drawn and broken.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/finding.h"

namespace vpclint {

struct LintContext;

enum class GraphNodeKind : uint8_t {
  Function,
  Subnet,
  RouteTable,
  Nat,
  Gateway,
  Endpoint,
  SecurityGroup,
  Resource,
  Service,
  Outside,  // named by the template but defined elsewhere (literal ids, parameters, SSM, imports)
  Note,     // text only (an empty graph says why it is empty)
};

enum class GraphEdgeKind : uint8_t {
  Path,       // traffic flows this way
  Member,     // a security group a function, endpoint or resource belongs to
  Admits,     // an ingress rule of the target group admits members of the source group
  Uncertain,  // decided outside the template, or blocked without a finding (suppressed, disabled)
};

struct GraphNode {
  std::string id;     // [A-Za-z0-9_], starts with a letter: valid in DOT and Mermaid unquoted
  std::string label;  // '\n' separates lines; writers escape everything else
  GraphNodeKind kind = GraphNodeKind::Note;
  std::string cluster;  // id of the VPC cluster it is drawn in, or empty
};

struct GraphEdge {
  std::string from, to;
  std::string label;
  GraphEdgeKind kind = GraphEdgeKind::Path;
  bool broken = false;  // a finding says traffic fails here: drawn red
  std::string rule;     // the finding's rule id when broken
};

struct GraphCluster {
  std::string id;
  std::string label;
  bool outside = false;  // a VPC the template does not define
};

class NetworkGraph {
 public:
  std::string title;

  // Adds a node once (ids are derived from keys, so the first description wins); returns its id.
  std::string node(std::string id, GraphNodeKind kind, std::string label, std::string cluster = {});
  void cluster(std::string id, std::string label, bool outside);
  // One edge per (from, to): a broken edge replaces an intact one, other duplicates are dropped.
  void edge(GraphEdge e);
  void path(std::string from, std::string to, std::string label = {}) {
    edge({std::move(from), std::move(to), std::move(label), GraphEdgeKind::Path, false, {}});
  }
  void member(std::string from, std::string to) {
    edge({std::move(from), std::move(to), {}, GraphEdgeKind::Member, false, {}});
  }
  void admits(std::string from, std::string to, std::string label) {
    edge({std::move(from), std::move(to), std::move(label), GraphEdgeKind::Admits, false, {}});
  }
  void uncertain(std::string from, std::string to, std::string label) {
    edge({std::move(from), std::move(to), std::move(label), GraphEdgeKind::Uncertain, false, {}});
  }
  void broken(std::string from, std::string to, std::string rule, std::string label) {
    edge({std::move(from), std::move(to), std::move(label), GraphEdgeKind::Path, true, std::move(rule)});
  }
  // Sorts clusters, nodes and edges so output never depends on the order facts were visited.
  void finish();

  const std::vector<GraphCluster>& clusters() const { return clusters_; }
  const std::vector<GraphNode>& nodes() const { return nodes_; }
  const std::vector<GraphEdge>& edges() const { return edges_; }
  const GraphNode* find(std::string_view id) const;
  const GraphEdge* find_edge(std::string_view from, std::string_view to) const;

 private:
  std::vector<GraphCluster> clusters_;
  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
  std::unordered_map<std::string, size_t> node_index_;  // id -> position in nodes_
  std::unordered_map<std::string, size_t> edge_index_;  // from \0 to -> position in edges_
};

// A stable node id: `prefix` + "_" + the key, every byte outside [A-Za-z0-9] written as _hh, so
// distinct keys never collide (callers pass NetKey::id_text() for network objects).
std::string graph_id(std::string_view prefix, std::string_view key);

// Builds the graph from the facts the linter computed and the findings it kept (after
// suppressions): a finding's rule and resource mark which function's paths are broken.
NetworkGraph build_network_graph(const LintContext& ctx, const std::vector<Finding>& findings, std::string title);

}  // namespace vpclint
