// Graphviz DOT: `vpclint graph T --format dot | dot -Tsvg -o picture.svg`.
#include <map>
#include <vector>

#include "graph/graph_writers.h"
#include "lint/text_util.h"

namespace vpclint {

namespace {

std::string_view node_style(GraphNodeKind k) {
  switch (k) {
    case GraphNodeKind::Function:
      return "shape=box, style=\"rounded,filled\", fillcolor=\"#ffe0b2\", color=\"#e65100\"";
    case GraphNodeKind::Subnet: return "shape=box, style=filled, fillcolor=\"#e3f2fd\", color=\"#1565c0\"";
    case GraphNodeKind::RouteTable: return "shape=tab, style=filled, fillcolor=\"#f5f5f5\", color=\"#616161\"";
    case GraphNodeKind::Nat: return "shape=hexagon, style=filled, fillcolor=\"#e8f5e9\", color=\"#2e7d32\"";
    case GraphNodeKind::Gateway: return "shape=hexagon, style=filled, fillcolor=\"#f1f8e9\", color=\"#558b2f\"";
    case GraphNodeKind::Endpoint: return "shape=component, style=filled, fillcolor=\"#ede7f6\", color=\"#4527a0\"";
    case GraphNodeKind::SecurityGroup: return "shape=octagon, style=filled, fillcolor=\"#fff8e1\", color=\"#ff8f00\"";
    case GraphNodeKind::Resource: return "shape=cylinder, style=filled, fillcolor=\"#fce4ec\", color=\"#ad1457\"";
    case GraphNodeKind::Service: return "shape=ellipse, style=filled, fillcolor=\"#e0f7fa\", color=\"#00838f\"";
    case GraphNodeKind::Outside: return "shape=box, style=dashed, color=\"#757575\", fontcolor=\"#424242\"";
    case GraphNodeKind::Note: return "shape=plaintext";
  }
  return "shape=box";
}

std::string edge_attributes(const GraphEdge& e) {
  std::vector<std::string> attrs;
  if (!e.label.empty()) attrs.push_back("label=" + dot_string(e.label));
  if (e.broken) {
    attrs.insert(attrs.end(), {"color=red", "fontcolor=red", "penwidth=2"});
  } else if (e.kind == GraphEdgeKind::Member) {
    attrs.insert(attrs.end(), {"style=dashed", "arrowhead=none", "color=\"#9e9e9e\""});
  } else if (e.kind == GraphEdgeKind::Admits) {
    attrs.insert(attrs.end(), {"style=dashed", "color=\"#ff8f00\"", "fontcolor=\"#e65100\""});
  } else if (e.kind == GraphEdgeKind::Uncertain) {
    attrs.insert(attrs.end(), {"style=dashed", "color=\"#757575\"", "fontcolor=\"#616161\""});
  }
  if (attrs.empty()) return {};
  std::string out = " [";
  for (size_t i = 0; i < attrs.size(); ++i) out += (i ? ", " : "") + attrs[i];
  return out + "]";
}

void write_node(const GraphNode& n, std::string_view indent, std::ostream& out) {
  out << indent << n.id << " [label=" << dot_string(n.label) << ", " << node_style(n.kind) << "];\n";
}

}  // namespace

std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c; break;
    }
  }
  return out + "\"";
}

void write_dot(const NetworkGraph& graph, std::ostream& out) {
  out << "// vpclint graph of " << one_line(graph.title) << ": red edges are broken paths, labelled with their rule\n"
      << "digraph vpclint {\n"
      << "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=" << dot_string(graph.title)
      << ", nodesep=0.3, ranksep=0.6];\n"
      << "  node [fontname=\"Helvetica\", fontsize=10];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::map<std::string, std::vector<const GraphNode*>> by_cluster;
  for (const GraphNode& n : graph.nodes()) by_cluster[n.cluster].push_back(&n);
  for (const GraphCluster& c : graph.clusters()) {
    out << "\n  subgraph cluster_" << c.id << " {\n"
        << "    label=" << dot_string(c.label) << ";\n"
        << "    style=" << (c.outside ? "\"rounded,dashed\"" : "rounded")
        << "; color=\"#5c6bc0\"; fontcolor=\"#3949ab\";\n";
    for (const GraphNode* n : by_cluster[c.id]) write_node(*n, "    ", out);
    out << "  }\n";
  }
  if (!by_cluster[""].empty()) out << "\n";
  for (const GraphNode* n : by_cluster[""]) write_node(*n, "  ", out);
  if (!graph.edges().empty()) out << "\n";
  for (const GraphEdge& e : graph.edges()) out << "  " << e.from << " -> " << e.to << edge_attributes(e) << ";\n";
  out << "}\n";
}

}  // namespace vpclint
