// Turns the run's paths into a project: the templates it lints, the parents that nest them (found
// in the repository when only a child is given), each one's config and deploy values.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "cli/config_overlay.h"
#include "config/config_finder.h"
#include "config/project.h"

namespace vpclint {

struct DeploySettings {
  std::string sam_config;  // --sam-config FILE; empty: samconfig.* beside each template
  std::string config_env = "default";
  std::string parameters_file;         // --parameters-file FILE: CloudFormation's [{ParameterKey, ParameterValue}]
  std::vector<std::string> snapshots;  // --snapshot DIR (repeatable); configs' `snapshot:` entries join them
  std::string stack_name;              // --stack-name NAME, for the one template the run lints
};

class ProjectBuilder {
 public:
  // `search_parents`: look in the repository for templates that nest the given ones.
  // `jobs`: threads that read and parse the templates.
  ProjectBuilder(ConfigFinder& finder, ConfigOverlay& overlay, DeploySettings deploy, Limits limits,
                 bool search_parents = true, unsigned jobs = 1);
  // A file the run lints. False when the config that applies is broken (the error is recorded
  // once; the file is not linted).
  bool add(const std::string& file);
  // Finds parents of the given templates in their repositories, reads deploy values, links.
  // Errors (config or deploy files that cannot be used) are appended to `errors`.
  std::shared_ptr<Project> finish(std::vector<std::string>& errors);
  // Editor buffers the project reads instead of the files on disk (`vpclint lsp`).
  void use_buffers(std::shared_ptr<const OpenBuffers> buffers) { project_->buffers = std::move(buffers); }

 private:
  const Config* config_for(const std::string& file);
  void find_parents();
  void apply_deploy_values(std::vector<std::string>& errors);
  void load_snapshots(std::vector<std::string>& errors);

  ConfigFinder& finder_;
  ConfigOverlay& overlay_;
  DeploySettings deploy_;
  Limits limits_;
  bool search_parents_;
  unsigned jobs_;
  std::vector<std::pair<std::string, const Config*>> pending_;  // the run's files, read in finish()
  std::shared_ptr<Project> project_ = std::make_shared<Project>();
  std::vector<std::string> errors_;
};

}  // namespace vpclint
