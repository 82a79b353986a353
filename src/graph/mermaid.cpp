// Mermaid flowchart: pastes into GitHub/GitLab Markdown as a ```mermaid block.
#include <map>
#include <vector>

#include "graph/graph_writers.h"
#include "lint/text_util.h"

namespace vpclint {

namespace {

struct Look {
  std::string_view open, close;  // the node shape's brackets
  std::string_view class_name;
  std::string_view style;  // classDef body
};

Look look_of(GraphNodeKind k) {
  switch (k) {
    case GraphNodeKind::Function: return {"([", "])", "function", "fill:#ffe0b2,stroke:#e65100"};
    case GraphNodeKind::Subnet: return {"[", "]", "subnet", "fill:#e3f2fd,stroke:#1565c0"};
    case GraphNodeKind::RouteTable: return {"[", "]", "routetable", "fill:#f5f5f5,stroke:#616161"};
    case GraphNodeKind::Nat: return {"{{", "}}", "nat", "fill:#e8f5e9,stroke:#2e7d32"};
    case GraphNodeKind::Gateway: return {"{{", "}}", "gateway", "fill:#f1f8e9,stroke:#558b2f"};
    case GraphNodeKind::Endpoint: return {"(", ")", "endpoint", "fill:#ede7f6,stroke:#4527a0"};
    case GraphNodeKind::SecurityGroup: return {"[[", "]]", "securitygroup", "fill:#fff8e1,stroke:#ff8f00"};
    case GraphNodeKind::Resource: return {"[(", ")]", "resource", "fill:#fce4ec,stroke:#ad1457"};
    case GraphNodeKind::Service: return {"((", "))", "service", "fill:#e0f7fa,stroke:#00838f"};
    case GraphNodeKind::Outside: return {"[", "]", "outside", "fill:#ffffff,stroke:#757575,stroke-dasharray:5 5"};
    case GraphNodeKind::Note: return {"[", "]", "note", "fill:#ffffff,stroke:#ffffff"};
  }
  return {"[", "]", "note", "fill:#ffffff"};
}

void write_mermaid_node(const GraphNode& n, std::string_view indent, std::ostream& out) {
  Look l = look_of(n.kind);
  out << indent << n.id << l.open << '"' << mermaid_text(n.label) << '"' << l.close << '\n';
}

std::string arrow(const GraphEdge& e) {
  bool dashed = !e.broken && (e.kind == GraphEdgeKind::Uncertain || e.kind == GraphEdgeKind::Admits);
  std::string a = e.kind == GraphEdgeKind::Member ? "-.-" : dashed ? "-.->" : "-->";
  if (!e.label.empty()) a += "|\"" + mermaid_text(e.label) + "\"|";
  return a;
}

std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

}  // namespace

std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '\n': out += "<br/>"; break;
      // Entity starts, HTML, link delimiters and markdown quoting: written as character codes.
      case '#':
      case '&':
      case '<':
      case '>':
      case '|':
      case '`':
      case ';':
      case '\\': out += "#" + std::to_string(static_cast<unsigned char>(c)) + ";"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c; break;
    }
  }
  return out;
}

void write_mermaid(const NetworkGraph& graph, std::ostream& out) {
  // The title goes into a comment, which ends at a line break.
  out << "%% vpclint graph of " << one_line(graph.title) << ": red links are broken paths, labelled with their rule\n"
      << "flowchart LR\n";
  std::map<std::string, std::vector<const GraphNode*>> by_cluster;
  for (const GraphNode& n : graph.nodes()) by_cluster[n.cluster].push_back(&n);
  for (const GraphCluster& c : graph.clusters()) {
    out << "  subgraph " << c.id << "[\"" << mermaid_text(c.label) << "\"]\n";
    for (const GraphNode* n : by_cluster[c.id]) write_mermaid_node(*n, "    ", out);
    out << "  end\n";
  }
  for (const GraphNode* n : by_cluster[""]) write_mermaid_node(*n, "  ", out);

  std::vector<std::string> broken;
  for (size_t i = 0; i < graph.edges().size(); ++i) {
    const GraphEdge& e = graph.edges()[i];
    out << "  " << e.from << ' ' << arrow(e) << ' ' << e.to << '\n';
    if (e.broken) broken.push_back(std::to_string(i));  // linkStyle counts links in order of appearance
  }

  std::map<std::string_view, std::vector<std::string>> by_class;
  std::map<std::string_view, std::string_view> styles;
  for (const GraphNode& n : graph.nodes()) {
    Look l = look_of(n.kind);
    by_class[l.class_name].push_back(n.id);
    styles[l.class_name] = l.style;
  }
  for (const auto& [name, style] : styles) out << "  classDef " << name << ' ' << style << '\n';
  for (const auto& [name, ids] : by_class) out << "  class " << join_ids(ids) << ' ' << name << '\n';
  for (const GraphCluster& c : graph.clusters())
    if (c.outside) out << "  style " << c.id << " stroke-dasharray:5 5\n";
  if (!broken.empty()) out << "  linkStyle " << join_ids(broken) << " stroke:red,stroke-width:2px,color:red\n";
}

}  // namespace vpclint
