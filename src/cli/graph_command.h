// `vpclint graph TEMPLATE --format dot|mermaid`: the template's network model as a picture.
#pragma once
#include <ostream>
#include <string>

namespace vpclint {

// Lints `path` ("-" reads standard input) with the `.vpclint.yaml` that applies to it, exactly as
// `vpclint PATH` would, and writes the network graph in `format` ("dot" or "mermaid") to `out`.
// Returns 0, or 2 with a one-line `vpclint: error: ...` on `err` for an unknown format, a file
// that cannot be read or parsed, or an invalid config.
int run_graph_command(const std::string& path, const std::string& format, std::ostream& out, std::ostream& err);

}  // namespace vpclint
