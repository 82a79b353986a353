#include "cli/lint_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "cli/config_overlay.h"
#include "cli/discover.h"
#include "cli/project_builder.h"
#include "config/cdk_assembly.h"
#include "config/config_finder.h"
#include "config/construct_exclude.h"
#include "lint/baseline.h"
#include "lint/project_linter.h"
#include "lint/rule.h"
#include "report/reporter.h"

namespace vpclint {

namespace {

int write_report(const LintCommand& c, const RunResult& run, int exit_code) {
  std::ofstream file;
  if (!c.output.empty()) {
    file.open(c.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "vpclint: error: cannot write '" << c.output << "'\n";
      return 2;
    }
  }
  std::ostream& out = c.output.empty() ? std::cout : file;
  if (c.format == "json") {
    write_json(out, run);
  } else if (c.format == "sarif") {
    std::error_code ec;
    write_sarif(out, run, {exit_code, std::filesystem::current_path(ec).string()});
  } else if (c.format == "github") {
    write_github(out, run);
  } else if (c.format == "junit") {
    write_junit(out, run);
  } else if (c.format == "gnu") {
    write_gnu(out, run);
  } else {
    write_text(out, run, {c.color && c.output.empty()});
  }
  return exit_code;
}

// Findings on the stacks of a CDK cloud assembly also point at the app's source line.
void add_cdk_sources(RunResult& run) {
  for (FileResult& file : run.files) {
    if (file.path == "-") continue;
    std::map<std::string, CdkSource> sources = cdk_sources(file.path);
    if (sources.empty()) continue;
    for (auto* list : {&file.findings, &file.suppressed})
      for (Finding& f : *list)
        if (auto it = sources.find(f.resource); it != sources.end()) f.source = {it->second.file, it->second.pos};
  }
}

// Findings on CDK constructs the config excludes are kept as suppressed, with the glob as reason.
void exclude_constructs(FileResult& file, const Config& config) {
  if (config.exclude.empty()) return;
  std::vector<Finding> kept;
  for (Finding& f : file.findings) {
    if (const std::string* glob = construct_exclusion(config, f.construct)) {
      f.suppression =
          "excluded by " + (config.path.empty() ? std::string(".vpclint.yaml") : config.path) + ": " + *glob;
      file.suppressed.push_back(std::move(f));
    } else {
      kept.push_back(std::move(f));
    }
  }
  file.findings = std::move(kept);
  std::sort(file.suppressed.begin(), file.suppressed.end(), finding_less);
}

std::string no_template_error(const std::vector<std::string>& paths, const Discovered& found) {
  std::string where;
  for (const auto& p : paths) where += (where.empty() ? "'" : ", '") + p + "'";
  std::string error = "no template found in " + where;
  if (!found.unsynthesized.empty())
    error += " (the CDK app in '" + found.unsynthesized.front() + "' has no cloud assembly: run `cdk synth` first)";
  return error;
}

}  // namespace

int run_lint_command(const LintCommand& c) {
  std::string error;
  ConfigOverlay overlay(c.parameters, error);
  Baseline baseline;
  if (error.empty() && !c.baseline.empty()) baseline.load(c.baseline, error);
  if (!error.empty()) {
    std::cerr << "vpclint: error: " << error << '\n';
    return 2;
  }

  Discovered found = discover(c.paths);
  RunResult run;
  run.errors = found.errors;
  // An empty lint is never a pass: a CDK app before `cdk synth` would otherwise go green.
  if (found.files.empty() && found.errors.empty()) run.errors.push_back(no_template_error(c.paths, found));
  ConfigFinder finder(rule_ids(), c.config);
  // vpclint's own files (the report, the baseline) may sit in the tree it lints: never lint them.
  std::vector<std::filesystem::path> own;
  for (const std::string* p : {&c.output, &c.baseline, &c.write_baseline})
    if (!p->empty()) own.push_back(std::filesystem::absolute(*p).lexically_normal());
  auto is_own = [&](const std::string& f) {
    if (own.empty() || f == "-") return false;
    auto abs = std::filesystem::absolute(f).lexically_normal();
    return std::find(own.begin(), own.end(), abs) != own.end();
  };
  LintOptions base;
  base.limits.max_file_size = c.max_file_size;
  base.inline_suppressions = c.inline_suppressions;
  std::vector<std::string> files;
  for (const auto& f : found.files) {
    if (is_own(f)) continue;
    // For hooks that pass every staged YAML/JSON file: judge named files as directory search does.
    if (c.skip_non_templates && f != "-" && !looks_like_template(f)) continue;
    // The templates under a broken config are not linted (half of the team's settings would
    // mislead); the others still are, and the error makes the exit code 2.
    std::string ignored;
    const Config* config = finder.for_file(f, ignored);
    if (config && f != "-" && config->excluded(f)) continue;
    files.push_back(f);
  }
  // One project for the run; --isolated keeps its templates from seeing each other.
  std::vector<const Config*> configs;
  ProjectBuilder builder(finder, overlay, c.deploy, base.limits, !c.isolated, c.jobs);
  for (const std::string& f : files) builder.add(f);
  std::shared_ptr<Project> project = builder.finish(run.errors);
  run.files = lint_project(project, base, c.jobs);
  add_cdk_sources(run);
  for (const ProjectFile& f : project->files())
    if (f.lint) configs.push_back(f.effective_config());
  for (size_t i = 0; i < run.files.size(); ++i) exclude_constructs(run.files[i], *configs[i]);
  for (const auto& r : run.files)
    if (r.unreadable) run.errors.push_back(r.error);

  if (!c.write_baseline.empty() && !write_baseline(c.write_baseline, run, error)) {
    std::cerr << "vpclint: error: " << error << '\n';
    return 2;
  }
  if (!c.baseline.empty()) run.baselined = baseline.filter(run);

  bool failed_files = !run.errors.empty();
  bool over = false;
  for (size_t i = 0; i < run.files.size(); ++i) {
    const FileResult& f = run.files[i];
    failed_files |= f.unparsable;
    const Config* config = configs[i];
    Severity threshold = c.fail_on ? *c.fail_on : config->fail_on ? *config->fail_on : Severity::Warning;
    for (const auto& finding : f.findings) over |= finding.severity >= threshold;
  }
  int exit_code = write_report(c, run, failed_files ? 2 : over ? 1 : 0);
  for (const auto& e : run.errors) std::cerr << "vpclint: error: " << e << '\n';
  return exit_code;
}

}  // namespace vpclint
