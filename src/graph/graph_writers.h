// Writers for `vpclint graph`: the same NetworkGraph as Graphviz DOT or as a Mermaid flowchart.
// They only lay out and escape; what is drawn and what is broken is decided in network_graph.
#pragma once
#include <ostream>
#include <string>
#include <string_view>

#include "graph/network_graph.h"

namespace vpclint {

void write_dot(const NetworkGraph& graph, std::ostream& out);
void write_mermaid(const NetworkGraph& graph, std::ostream& out);

// A DOT double-quoted string: quotes and backslashes escaped, '\n' as a line break, other
// control characters as spaces.
std::string dot_string(std::string_view text);
// Text for inside a Mermaid "...": quotes and the characters Mermaid or HTML would interpret as
// entity codes (#quot;, #35;, ...), '\n' as <br/>, other control characters as spaces.
std::string mermaid_text(std::string_view text);

}  // namespace vpclint
