// `vpclint [PATH...]`: find the files, pick each one's config, lint, filter, report, exit code.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/project_builder.h"
#include "lint/finding.h"

namespace vpclint {

struct LintCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;               // empty: standard output
  std::optional<Severity> fail_on;  // from the command line; wins over each file's config
  bool color = false;
  bool skip_non_templates = false;
  bool inline_suppressions = true;
  size_t max_file_size = 0;
  unsigned jobs = 1;
  std::string config;                   // --config: one file for every template
  std::vector<std::string> parameters;  // --parameter Name=Value, over the config's values
  std::string baseline;                 // report only findings this baseline does not hold
  std::string write_baseline;           // record this run's findings
  DeploySettings deploy;                // samconfig and parameter files
  bool isolated = false;                // each file its own project
};

// Returns the exit code (0, 1, 2 as --help says); one-line errors go to standard error.
int run_lint_command(const LintCommand& command);

}  // namespace vpclint
