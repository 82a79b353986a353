// `vpclint graph TEMPLATE --format dot|mermaid`: the template's network model as a picture.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace vpclint {

struct GraphCommand {
  std::string path;                     // "-" reads standard input
  std::string format = "dot";           // "dot" or "mermaid"
  std::string config;                   // --config: this file instead of the nearest .vpclint.yaml
  std::vector<std::string> parameters;  // --parameter Name=Value
  std::vector<std::string> snapshots;   // --snapshot DIR
  std::string stack_name;               // --stack-name NAME
};

// Lints the template with the config that applies to it, exactly as `vpclint PATH` would, and
// writes the network graph to `out`. Returns 0, or 2 with a one-line `vpclint: error: ...` on
// `err` for an unknown format, a file that cannot be read or parsed, or an invalid config.
int run_graph_command(const GraphCommand& command, std::ostream& out, std::ostream& err);

}  // namespace vpclint
