#include "cli/lsp_lint.h"

#include <filesystem>
#include <span>
#include <utility>

#include "cli/config_overlay.h"
#include "cli/discover.h"
#include "cli/project_builder.h"
#include "config/config_finder.h"
#include "graph/network_graph.h"
#include "lint/fingerprint.h"
#include "lint/project_linter.h"
#include "lint/rule.h"
#include "model/template.h"

namespace vpclint {

namespace fs = std::filesystem;

namespace {

// One line per way from `from` along Path edges to where it ends, labels joined with arrows.
void walk(const NetworkGraph& g, const std::string& from, std::string line, int depth, std::string& out) {
  bool any = false;
  for (const GraphEdge& e : g.edges()) {
    if (e.from != from || (e.kind != GraphEdgeKind::Path && e.kind != GraphEdgeKind::Uncertain) || depth > 8) continue;
    any = true;
    const GraphNode* to = g.find(e.to);
    std::string label = to ? to->label : e.to;  // "PrivateSubnetA\nsubnet 10.20.1.0/24"
    if (size_t nl = label.find('\n'); nl != std::string::npos) {
      std::string rest = label.substr(nl + 1);
      for (size_t at; (at = rest.find('\n')) != std::string::npos;) rest.replace(at, 1, ", ");
      label = label.substr(0, nl) + " (" + rest + ")";
    }
    std::string step = line + " → " + label;
    if (!e.label.empty()) step += e.broken ? " **✗ " + e.label + "**" : " (" + e.label + ")";
    walk(g, e.to, step, depth + 1, out);
  }
  if (!any && depth > 0) out += "- " + line + "\n";
}

// The network paths of each function with a VpcConfig, from the graph `vpclint graph` draws.
std::vector<NetworkHover> network_hovers(const LintContext& ctx, const std::vector<Finding>& findings) {
  std::vector<NetworkHover> out;
  NetworkGraph graph = build_network_graph(ctx, findings, {});
  for (const Resource& r : ctx.model.resources()) {
    const Node* props = r.raw_properties;
    const MapEntry* vpc_config = nullptr;
    for (const MapEntry& e : props ? props->entries() : std::span<const MapEntry>())
      if (e.key->text() == "VpcConfig") vpc_config = &e;
    if (!vpc_config) continue;
    std::string paths;
    for (const GraphNode& n : graph.nodes())
      if (n.kind == GraphNodeKind::Function && n.label.starts_with(std::string(r.logical_id) + "\n"))
        walk(graph, n.id, std::string(r.logical_id), 0, paths);
    if (paths.empty()) paths = "- no path vpclint can follow from this template\n";
    out.push_back(
        {vpc_config->key->pos.line, "**" + std::string(r.logical_id) + "**: network paths (vpclint)\n\n" + paths});
  }
  return out;
}

}  // namespace

BufferLint lint_buffer(const std::string& path, const std::shared_ptr<const OpenBuffers>& buffers) {
  BufferLint out;
  auto open = buffers->find(path);
  if (open == buffers->end() || !looks_like_template_text(open->second)) return out;
  // A fresh finder per lint: a .vpclint.yaml changed on disk or in the editor counts at once
  // (finding it is a few stat calls).
  ConfigFinder finder(rule_ids());
  finder.buffers = buffers;
  std::string error;
  const Config* config = finder.for_file(path, error);
  if (!config) {
    out.errors.push_back(error);
    return out;
  }
  if (config->excluded(path)) return out;
  ConfigOverlay overlay({}, error);
  LintOptions options;
  ProjectBuilder builder(finder, overlay, DeploySettings{}, options.limits, true, 1);
  builder.use_buffers(buffers);
  builder.add(path);
  std::shared_ptr<Project> project = builder.finish(out.errors);
  std::vector<NetworkHover> hovers;
  bool seen = false;
  std::vector<FileResult> results =
      lint_project(project, options, 1, [&](const LintContext& ctx, const std::vector<Finding>& findings) {
        if (!std::exchange(seen, true)) hovers = network_hovers(ctx, findings);
      });
  if (results.empty()) return out;
  FileResult& result = results.front();
  if (result.unreadable) {
    out.errors.push_back(result.error);
    return out;
  }
  out.linted = true;
  out.findings = std::move(result.findings);
  out.source = result.source;
  out.hovers = std::move(hovers);
  std::vector<const Finding*> sorted;
  for (const Finding& f : out.findings) sorted.push_back(&f);
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  out.fingerprints = fingerprints(sorted, [&](const std::string& file) {
    return fs::absolute(file, ec).lexically_normal().lexically_relative(cwd).generic_string();
  });
  return out;
}

}  // namespace vpclint
