#include "cli/lsp_lint.h"

#include <filesystem>

#include "cli/config_overlay.h"
#include "cli/discover.h"
#include "cli/project_builder.h"
#include "config/config_finder.h"
#include "lint/fingerprint.h"
#include "lint/project_linter.h"
#include "lint/rule.h"

namespace vpclint {

namespace fs = std::filesystem;

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
  std::vector<FileResult> results = lint_project(project, options, 1);
  if (results.empty()) return out;
  FileResult& result = results.front();
  if (result.unreadable) {
    out.errors.push_back(result.error);
    return out;
  }
  out.linted = true;
  out.findings = std::move(result.findings);
  out.source = result.source;
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
