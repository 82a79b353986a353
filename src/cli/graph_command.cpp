#include "cli/graph_command.h"

#include <filesystem>

#include "analysis/project_network.h"
#include "cli/config_overlay.h"
#include "cli/project_builder.h"
#include "config/config_finder.h"
#include "graph/graph_writers.h"
#include "lint/linter.h"
#include "lint/rule.h"
#include "lint/text_util.h"

namespace vpclint {

namespace {

// "t.yaml:3:7: <message>" of the finding that made the file unusable (T001, T002, T008).
std::string parse_error(const FileResult& r) {
  for (const Finding& f : r.findings)
    if (f.rule == "T001" || f.rule == "T002" || f.rule == "T008")
      return r.path + ":" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) + ": " + f.message;
  return r.path + ": not a usable template";
}

}  // namespace

int run_graph_command(const GraphCommand& command, std::ostream& out, std::ostream& err) {
  const std::string& path = command.path;
  const std::string& format = command.format;
  if (format != "dot" && format != "mermaid") {
    err << "vpclint: error: unknown graph format '" << one_line(format) << "' (dot, mermaid)\n";
    return 2;
  }
  std::string shown = path == "-" ? "<stdin>" : path;
  LintOptions options;
  std::string error;
  // The same config and project `vpclint PATH` uses, so the picture shows the findings the lint
  // reports, with values from other templates (parents, exports, SSM) named by their template.
  ConfigFinder configs(rule_ids(), command.config);
  ConfigOverlay overlay(command.parameters, error);
  if (!error.empty()) {
    err << "vpclint: error: " << one_line(error) << '\n';
    return 2;
  }
  DeploySettings deploy;
  deploy.snapshots = command.snapshots;
  deploy.stack_name = command.stack_name;
  ProjectBuilder builder(configs, overlay, deploy, options.limits);
  std::vector<std::string> errors;
  bool added = builder.add(path);
  std::shared_ptr<Project> project = builder.finish(errors);
  if (!added || !errors.empty()) {
    err << "vpclint: error: " << one_line(errors.empty() ? std::string("no config") : errors.front()) << '\n';
    return 2;
  }
  project->ensure_loaded(0, options.limits);
  const ProjectFile& file = project->files().front();
  if (!file.model) {
    err << "vpclint: error: cannot read '" << one_line(shown) << "': " << one_line(file.read_error) << '\n';
    return 2;
  }
  options.config = file.effective_config();
  std::string title = path == "-" ? shown : std::filesystem::path(path).filename().string();
  NetworkGraph graph;
  ProjectNetwork network(project->account ? project->account->snapshots()
                                          : std::vector<std::shared_ptr<const Snapshot>>{});
  std::vector<const Use*> uses = project->uses_of(0);
  std::unique_ptr<Use> own = uses.empty() ? project->private_use(0) : nullptr;
  const Use& use = own ? *own : *uses.front();
  FileResult result = lint_model(file.doc, *file.model, *use.resolver, options, &network, &file.issues,
                                 [&](const LintContext& ctx, const std::vector<Finding>& findings) {
                                   graph = build_network_graph(ctx, findings, title);
                                 });
  if (result.unparsable) {
    err << "vpclint: error: cannot draw " << one_line(parse_error(result)) << '\n';
    return 2;
  }
  if (format == "dot")
    write_dot(graph, out);
  else
    write_mermaid(graph, out);
  return 0;
}

}  // namespace vpclint
