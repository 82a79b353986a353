// vpclint command line: options, file discovery, exit codes. Everything else is in the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/graph_command.h"
#include "cli/lint_command.h"
#include "cli/lsp_server.h"
#include "cli/rule_list.h"
#include "cli/snapshot_command.h"
#include "git_commit.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  no finding at or above --fail-on\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage error, an invalid .vpclint.yaml or baseline, or a file that could not be read or parsed\n"
    "     (its T001/T002 finding is still printed, and the other files are still linted)\n";

// `vpclint graph TEMPLATE`: its options.
CLI::App* add_graph_command(CLI::App& app, vpclint::GraphCommand& command) {
  CLI::App* graph =
      app.add_subcommand("graph",
                         "Draw a template's network model: functions, subnets, route tables, NAT, endpoints, security "
                         "groups and VPC-only resources, broken paths in red with their rule");
  graph->add_option("TEMPLATE", command.path, "Template file ('-' reads standard input)")->required();
  graph->add_option("--format", command.format, "dot (Graphviz, the default) or mermaid")
      ->check(CLI::IsMember({"dot", "mermaid"}));
  graph->add_option("--config", command.config, "Use this .vpclint.yaml (default: the nearest one above TEMPLATE)");
  graph->add_option("--parameter", command.parameters, "Template parameter value, Name=Value (repeatable)")
      ->allow_extra_args(false);
  graph->add_option("--snapshot", command.snapshots, "An account snapshot directory (repeatable)")
      ->allow_extra_args(false);
  graph->add_option("--stack-name", command.stack_name, "The template's deployed stack");
  return graph;
}

// `vpclint snapshot -o DIR`: its options.
CLI::App* add_snapshot_command(CLI::App& app, vpclint::SnapshotCommand& command) {
  CLI::App* snapshot = app.add_subcommand(
      "snapshot", "Take an account snapshot for --snapshot: run the AWS CLI's describe commands into DIR");
  snapshot->footer(
      "Exit codes:\n"
      "  0  DIR holds the new snapshot\n"
      "  2  DIR unchanged: a command failed or printed what vpclint cannot read, DIR is not a snapshot's,\n"
      "     or no aws on PATH (then the commands to run by hand are printed)\n");
  snapshot->add_option("-o,--output", command.out_dir, "The snapshot directory (replaced when complete)")->required();
  snapshot->add_option("--region", command.region, "The region (default: the AWS CLI's)");
  snapshot->add_option("--profile", command.profile, "The AWS CLI profile (default: the AWS CLI's)");
  snapshot->add_option("--ssm-path", command.ssm_path, "Also read the SSM parameters under this path");
  return snapshot;
}

// `vpclint lsp`: no options; the editor starts it and talks on standard input and output.
CLI::App* add_lsp_command(CLI::App& app, unsigned& debounce_ms) {
  CLI::App* lsp = app.add_subcommand(
      "lsp",
      "Serve the Language Server Protocol on standard input/output for editors: diagnostics while typing "
      "(the buffer, linted with the nearest .vpclint.yaml and the project context of a command-line run), "
      "quick fixes and hover (a function's network paths)");
  lsp->footer(
      "Logs one line per problem to standard error. Exit codes: 0 after shutdown and exit, 1 when the client "
      "exits or disappears without shutdown. Editor set-up: docs/editors.md\n");
  lsp->add_option("--debounce-ms", debounce_ms,
                  "Lint a buffer this long after its last change (default 100; 0 lints every change)")
      ->check(CLI::Range(0u, 10000u));
  return lsp;
}

int print_version() {
  std::cout << "vpclint " << VPCLINT_VERSION;
  if (*VPCLINT_GIT_COMMIT) std::cout << " (commit " << VPCLINT_GIT_COMMIT << ')';
  std::cout << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "vpclint: finds the Lambda functions in a SAM/CloudFormation template that will hang or fail "
      "to deploy because of their VPC."};
  app.footer(kExitCodes);
  std::vector<std::string> paths;
  std::string format = "text", output, fail_on = "warning", explain;
  std::string config, baseline, write_baseline;
  std::vector<std::string> parameters;
  bool show_rules = false, no_color = false, version = false, skip_non_templates = false,
       no_inline_suppressions = false, isolated = false;
  vpclint::DeploySettings deploy;
  size_t max_file_size = vpclint::Limits{}.max_file_size;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("paths", paths, "Template files or directories ('-' reads standard input)");
  app.add_option("--format", format,
                 "Output format: text, json, sarif, github, junit, gnu; with --list-rules also markdown (the README's "
                 "rules table)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit", "gnu", "markdown"}));
  app.add_option("-o,--output", output, "Write the report to FILE instead of standard output");
  app.add_option("--fail-on", fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  app.add_flag("--list-rules", show_rules, "List the rules and exit");
  app.add_option("--explain", explain, "Print the documentation of RULE and exit");
  app.add_flag("--skip-non-templates", skip_non_templates,
               "Skip named files that do not look like templates (as directory search does); for hooks");
  app.add_flag("--no-color", no_color, "Never color the text output (NO_COLOR is honoured too)");
  app.add_option("--max-file-size", max_file_size,
                 "Largest file linted, in bytes (default 2 MB: CloudFormation deploys at most 1 MB)");
  app.add_option("-j,--jobs", jobs, "Files linted in parallel (default: all cores); the output does not depend on it")
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--config", config,
                 "Use this .vpclint.yaml for every file (default: the nearest one above each file)");
  app.add_option("--parameter", parameters, "Template parameter value, Name=Value (repeatable); wins over the config")
      ->allow_extra_args(false);
  app.add_option("--sam-config", deploy.sam_config,
                 "Read deploy parameter values and the stack name from this samconfig file (default: samconfig.toml, "
                 ".yaml or .yml beside each template)");
  app.add_option("--config-env", deploy.config_env, "The samconfig environment to read (default: default)");
  app.add_option("--parameters-file", deploy.parameters_file,
                 "Parameter values from a CloudFormation parameter file ([{ParameterKey, ParameterValue}])");
  app.add_option("--snapshot", deploy.snapshots,
                 "Read the account's network, exports, SSM parameters and deployed stacks from this snapshot "
                 "directory of AWS CLI output (repeatable; see `vpclint snapshot` and docs/snapshot.md)")
      ->allow_extra_args(false);
  app.add_option("--stack-name", deploy.stack_name,
                 "The deployed stack of the one template linted: its snapshot parameter values apply");
  app.add_flag("--isolated", isolated,
               "Lint each file alone: no nesting parents, no other templates' exports, SSM parameters or outputs");
  app.add_flag("--no-inline-suppressions", no_inline_suppressions,
               "Ignore the suppressions written in templates (Metadata and # vpclint: comments)");
  app.add_option("--baseline", baseline, "Report only findings that this baseline file does not record");
  app.add_option("--write-baseline", write_baseline, "Record this run's findings in FILE (by fingerprint)");
  app.add_flag("--version", version, "Print the version and exit");
  vpclint::GraphCommand graph_command;
  CLI::App* graph = add_graph_command(app, graph_command);
  vpclint::SnapshotCommand snapshot_command;
  CLI::App* snapshot = add_snapshot_command(app, snapshot_command);
  unsigned lsp_debounce_ms = 100;
  CLI::App* lsp = add_lsp_command(app, lsp_debounce_ms);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (graph->parsed()) return vpclint::run_graph_command(graph_command, std::cout, std::cerr);
  if (snapshot->parsed()) return vpclint::run_snapshot_command(snapshot_command, std::cout, std::cerr);
  if (lsp->parsed()) return vpclint::run_lsp_command(std::chrono::milliseconds(lsp_debounce_ms));
  if (version) return print_version();
  if (show_rules) {
    if (format == "markdown")
      vpclint::write_rule_list_markdown(std::cout);
    else
      vpclint::write_rule_list_text(std::cout);
    return 0;
  }
  if (!explain.empty()) {
    std::string_view doc = vpclint::rule_doc(explain);
    if (doc.empty()) {
      std::cerr << "vpclint: error: no rule '" << explain << "' (see --list-rules)\n";
      return 2;
    }
    std::cout << doc;
    return 0;
  }
  if (format == "markdown") {
    std::cerr << "vpclint: error: --format markdown is only for --list-rules\n";
    return 2;
  }
  if (paths.empty()) {
    std::cerr << "vpclint: error: no PATH given (see --help)\n";
    return 2;
  }

  vpclint::LintCommand command;
  command.paths = std::move(paths);
  command.format = format;
  command.output = output;
  if (app.count("--fail-on")) {
    vpclint::Severity s{};
    vpclint::parse_severity(fail_on, s);
    command.fail_on = s;
  }
  command.color = !no_color && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO);
  command.skip_non_templates = skip_non_templates;
  command.inline_suppressions = !no_inline_suppressions;
  command.max_file_size = max_file_size;
  command.jobs = jobs;
  command.config = config;
  command.parameters = parameters;
  command.baseline = baseline;
  command.write_baseline = write_baseline;
  command.deploy = deploy;
  command.isolated = isolated;
  return vpclint::run_lint_command(command);
}
