#include "graph/network_graph.h"

#include <algorithm>
#include <tuple>

namespace vpclint {

namespace {

// Functions first and services last, so a left-to-right layout reads as the traffic flows.
int rank(GraphNodeKind k) {
  switch (k) {
    case GraphNodeKind::Function: return 0;
    case GraphNodeKind::SecurityGroup: return 1;
    case GraphNodeKind::Subnet: return 2;
    case GraphNodeKind::RouteTable: return 3;
    case GraphNodeKind::Endpoint: return 4;
    case GraphNodeKind::Nat: return 5;
    case GraphNodeKind::Gateway: return 6;
    case GraphNodeKind::Resource: return 7;
    case GraphNodeKind::Outside: return 8;
    case GraphNodeKind::Service: return 9;
    case GraphNodeKind::Note: return 10;
  }
  return 10;
}

// Ids never hold a NUL byte, so it separates the two ends.
std::string edge_key(std::string_view from, std::string_view to) {
  std::string k(from);
  k += '\0';
  k += to;
  return k;
}

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string graph_id(std::string_view prefix, std::string_view key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(prefix);
  id += '_';
  for (unsigned char c : key) {
    if (is_alnum(c)) {
      id += static_cast<char>(c);
    } else {
      id += '_';
      id += kHex[c >> 4];
      id += kHex[c & 15];
    }
  }
  return id;
}

std::string NetworkGraph::node(std::string id, GraphNodeKind kind, std::string label, std::string cluster) {
  auto [it, added] = node_index_.try_emplace(id, nodes_.size());
  if (added) nodes_.push_back({std::move(id), std::move(label), kind, std::move(cluster)});
  return nodes_[it->second].id;
}

void NetworkGraph::cluster(std::string id, std::string label, bool outside) {
  for (const GraphCluster& c : clusters_)
    if (c.id == id) return;
  clusters_.push_back({std::move(id), std::move(label), outside});
}

void NetworkGraph::edge(GraphEdge e) {
  auto [it, added] = edge_index_.try_emplace(edge_key(e.from, e.to), edges_.size());
  if (added)
    edges_.push_back(std::move(e));
  else if (e.broken && !edges_[it->second].broken)
    edges_[it->second] = std::move(e);
}

void NetworkGraph::finish() {
  std::sort(clusters_.begin(), clusters_.end(),
            [](const GraphCluster& a, const GraphCluster& b) { return a.id < b.id; });
  std::sort(nodes_.begin(), nodes_.end(), [](const GraphNode& a, const GraphNode& b) {
    int ra = rank(a.kind), rb = rank(b.kind);
    return std::tie(a.cluster, ra, a.id) < std::tie(b.cluster, rb, b.id);
  });
  std::sort(edges_.begin(), edges_.end(),
            [](const GraphEdge& a, const GraphEdge& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
  node_index_.clear();
  for (size_t i = 0; i < nodes_.size(); ++i) node_index_[nodes_[i].id] = i;
  edge_index_.clear();
  for (size_t i = 0; i < edges_.size(); ++i) edge_index_[edge_key(edges_[i].from, edges_[i].to)] = i;
}

const GraphNode* NetworkGraph::find(std::string_view id) const {
  auto it = node_index_.find(std::string(id));
  return it == node_index_.end() ? nullptr : &nodes_[it->second];
}

const GraphEdge* NetworkGraph::find_edge(std::string_view from, std::string_view to) const {
  auto it = edge_index_.find(edge_key(from, to));
  return it == edge_index_.end() ? nullptr : &edges_[it->second];
}

}  // namespace vpclint
