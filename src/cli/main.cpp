// vpclint command line: options, file discovery, exit codes. Everything else is in the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/discover.h"
#include "cli/rule_list.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "report/reporter.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  no finding at or above --fail-on\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage error, or a file that could not be read or parsed (its T001/T002 finding is still\n"
    "     printed, and the other files are still linted)\n";

// Lints files on `jobs` threads; results keep the input order, so output is the same for any -j.
std::vector<vpclint::FileResult> lint_all(const std::vector<std::string>& files, const vpclint::LintOptions& options,
                                          unsigned jobs) {
  std::vector<vpclint::FileResult> results(files.size());
  vpclint::all_rules();  // build the registry before the threads share it
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) results[i] = vpclint::lint_path(files[i], options);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(jobs, files.size()); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return results;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vpclint: finds the Lambda functions in a SAM/CloudFormation template that will hang or fail "
               "to deploy because of their VPC."};
  app.footer(kExitCodes);
  std::vector<std::string> paths;
  std::string format = "text", output, fail_on = "warning", explain;
  bool show_rules = false, no_color = false, version = false, skip_non_templates = false;
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
  app.add_option("--max-file-size", max_file_size, "Largest file linted, in bytes (default 20 MB)");
  app.add_option("-j,--jobs", jobs, "Files linted in parallel (default: all cores); the output does not depend on it")
      ->check(CLI::Range(1u, 1024u));
  app.add_flag("--version", version, "Print the version and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  if (version) {
    std::cout << "vpclint " << VPCLINT_VERSION << '\n';
    return 0;
  }
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

  vpclint::LintOptions options;
  options.limits.max_file_size = max_file_size;
  vpclint::Discovered found = vpclint::discover(paths);
  if (skip_non_templates) {
    // For hooks that pass every staged YAML/JSON file: judge named files as directory search does.
    std::erase_if(found.files, [](const std::string& f) { return f != "-" && !vpclint::looks_like_template(f); });
  }
  vpclint::RunResult run;
  run.errors = found.errors;
  run.files = lint_all(found.files, options, jobs);
  for (const auto& r : run.files)
    if (r.unreadable) run.errors.push_back(r.error);

  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "vpclint: error: cannot write '" << output << "'\n";
      return 2;
    }
  }
  vpclint::Severity threshold{};
  vpclint::parse_severity(fail_on, threshold);
  bool failed_files = !run.errors.empty();
  bool over = false;
  for (const auto& f : run.files) {
    failed_files |= f.unparsable;
    for (const auto& finding : f.findings) over |= finding.severity >= threshold;
  }
  int exit_code = failed_files ? 2 : over ? 1 : 0;

  std::ostream& out = output.empty() ? std::cout : file;
  if (format == "json") {
    vpclint::write_json(out, run);
  } else if (format == "sarif") {
    std::error_code ec;
    vpclint::write_sarif(out, run, {exit_code, std::filesystem::current_path(ec).string()});
  } else if (format == "github") {
    vpclint::write_github(out, run);
  } else if (format == "junit") {
    vpclint::write_junit(out, run);
  } else if (format == "gnu") {
    vpclint::write_gnu(out, run);
  } else {
    bool color = !no_color && output.empty() && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO);
    vpclint::write_text(out, run, {color});
  }
  for (const auto& e : run.errors) std::cerr << "vpclint: error: " << e << '\n';
  return exit_code;
}
