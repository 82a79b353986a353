#include "cli/project_builder.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/discover.h"
#include "config/deploy_values.h"
#include "config/snapshot.h"
#include "loader/file_reader.h"

namespace vpclint {

namespace fs = std::filesystem;

namespace {
// The repository a file belongs to: the nearest directory above it that holds `.git`. None: the
// parent search is bounded by the repository, so without one there is none.
std::string repository_of(const std::string& file, std::map<std::string, std::string>& known) {
  std::error_code ec;
  fs::path start = fs::absolute(file, ec).lexically_normal().parent_path();
  if (auto it = known.find(start.string()); it != known.end()) return it->second;
  std::string found;
  for (fs::path dir = start; !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      found = dir.string();
      break;
    }
    if (dir == dir.root_path()) break;
  }
  known.emplace(start.string(), found);
  return found;
}
}  // namespace

ProjectBuilder::ProjectBuilder(ConfigFinder& finder, ConfigOverlay& overlay, DeploySettings deploy, Limits limits,
                               bool search_parents, unsigned jobs)
    : finder_(finder),
      overlay_(overlay),
      deploy_(std::move(deploy)),
      limits_(limits),
      search_parents_(search_parents),
      jobs_(jobs) {
  project_->config_for = [this](const std::string& path) { return config_for(path); };
}

const Config* ProjectBuilder::config_for(const std::string& file) {
  std::string error;
  const Config* c = finder_.for_file(file, error);
  if (!c) {
    if (std::find(errors_.begin(), errors_.end(), error) == errors_.end()) errors_.push_back(error);
    return nullptr;
  }
  return overlay_.apply(c);
}

bool ProjectBuilder::add(const std::string& file) {
  const Config* c = config_for(file);
  if (!c) return false;
  pending_.emplace_back(file, c);
  return true;
}

// pre-commit passes only the changed files: a child given alone is judged in the context of the
// templates of its repository that nest it (and of theirs, in turn). Each repository's templates
// are read once; only those that nest some template (a few) are kept for the name test.
void ProjectBuilder::find_parents() {
  struct Parent {
    std::string path, text;
  };
  std::map<std::string, std::vector<Parent>> parents;  // repository -> templates that nest others
  std::set<std::string> searched;
  std::map<std::string, std::string> repositories;  // directory -> its repository root
  for (size_t i = 0; i < project_->files().size(); ++i) {
    std::string path = project_->files()[i].path;
    const ProjectFile& f = project_->files()[i];
    bool readable = f.deferred || (f.model && f.model->is_template());
    if (path == "<stdin>" || !readable || !searched.insert(f.identity).second) continue;
    // A parent can only change what it passes in Parameters: a template that declares none is
    // judged the same alone, and the search (a walk of the repository) is skipped.
    if (f.deferred ? f.deferred_bytes.find("Parameters") == std::string::npos : f.model->parameters().empty()) continue;
    std::string repo = repository_of(path, repositories);
    if (repo.empty()) continue;
    auto [it, fresh] = parents.emplace(repo, std::vector<Parent>());
    if (fresh)
      for (std::string candidate : discover({repo}).files) {
        // Shown relative to the working directory, as the paths the user gives are.
        std::error_code ec;
        std::string relative = fs::path(candidate).lexically_relative(fs::current_path(ec)).string();
        if (!ec && !relative.empty()) candidate = relative;
        if (project_->contains(candidate)) continue;  // already read: link follows its children
        std::string text, error;
        bool too_large = false;
        if (read_file(candidate, limits_.max_file_size, text, error, too_large) && Project::may_nest(text, ""))
          it->second.push_back({candidate, std::move(text)});
      }
    std::string name = fs::path(path).filename().string();
    for (const Parent& p : it->second) {
      if (!Project::may_nest(p.text, name) || project_->contains(p.path)) continue;
      if (const Config* c = config_for(p.path)) project_->add(p.path, c, false, limits_);  // the loop visits it too
    }
  }
}

namespace {
// `sam deploy` deploys one template per samconfig: its template_file, else template.yaml (.yml,
// .json) beside it.
bool deploys(const DeployValues& dv, const std::string& samconfig, const std::string& template_path) {
  fs::path dir = fs::path(samconfig).parent_path();
  fs::path t = fs::path(template_path).lexically_normal();
  if (!dv.template_file.empty()) return (dir / dv.template_file).lexically_normal() == t;
  if (t.parent_path() != dir.lexically_normal()) return false;
  std::string name = t.filename().string();
  return name == "template.yaml" || name == "template.yml" || name == "template.json";
}

// Values below what the team's config (and --parameter) states: only names the config leaves open.
void add_values(Config& into, const DeployValues& dv, const Template& model, std::set<std::string>& used) {
  for (const auto& [name, value] : dv.parameters) {
    if (!model.parameter(name)) continue;
    used.insert(name);
    ExternalValue v = value;
    v.source.what = v.source.file + " sets " + name;
    into.parameters.emplace(name, std::move(v));
  }
}
}  // namespace

// Stack names and parameter values from deploy files, below what the team's config states
// (--parameter > .vpclint.yaml > samconfig > parameter file > Default).
void ProjectBuilder::apply_deploy_values(std::vector<std::string>& errors) {
  struct Read {
    bool ok = false;
    DeployValues values;
    std::set<std::string> used;  // override names some template it applies to declares
    std::vector<std::string> templates;
  };
  std::map<std::string, Read> samconfigs;
  Read parameter_file;
  ExternalValue stack_flag{deploy_.stack_name, {"--stack-name", {}, "--stack-name " + deploy_.stack_name}};
  std::string error;
  if (!deploy_.parameters_file.empty()) {
    parameter_file.ok = read_parameter_file(deploy_.parameters_file, parameter_file.values, error);
    if (!parameter_file.ok) errors.push_back(error);
  }
  for (size_t i = 0; i < project_->files().size(); ++i) {
    ProjectFile& f = project_->file(i);
    if (!f.config || (!f.model && !f.deferred) || f.path == "<stdin>") continue;
    const ExternalValue* stack = f.config->stack_of(f.path);
    if (f.lint && !deploy_.stack_name.empty()) stack = &stack_flag;
    bool given = !deploy_.sam_config.empty();
    std::string path = given ? deploy_.sam_config : find_samconfig(fs::path(f.path).parent_path().string());
    // A template with a stack name or deploy values is read now: its outputs may answer
    // Fn::GetStackOutput, and its parameters decide which values apply.
    if (stack || !path.empty() || (parameter_file.ok && f.lint)) project_->ensure_loaded(i, limits_);
    if (!f.model || !f.model->is_template()) continue;
    if (stack) f.stack_name = *stack;
    auto merged = std::make_unique<Config>(*f.config);
    size_t before = merged->parameters.size();
    if (!path.empty()) {
      auto [it, fresh] = samconfigs.emplace(path, Read());
      Read& r = it->second;
      if (fresh) {
        r.ok = read_samconfig(path, deploy_.config_env, r.values, error);
        if (!r.ok) errors.push_back(error);
        if (r.ok && !r.values.env_found && deploy_.config_env != "default")
          errors.push_back(path + ": no environment '" + deploy_.config_env + "' (--config-env)");
      }
      if (r.ok && ((given && f.lint) || (!given && deploys(r.values, path, f.path)))) {
        add_values(*merged, r.values, *f.model, r.used);
        r.templates.push_back(f.path);
        if (f.stack_name.value.empty() && !r.values.stack_name.empty())
          f.stack_name = ExternalValue{r.values.stack_name, r.values.stack_name_source};
      }
    }
    if (parameter_file.ok && f.lint) {
      add_values(*merged, parameter_file.values, *f.model, parameter_file.used);
      parameter_file.templates.push_back(f.path);
    }
    // Below every file: the values the deployed stack was last given, which `sam deploy` keeps for
    // a parameter nobody overrides.
    if (project_->account && !f.stack_name.value.empty())
      for (auto& [name, value] : project_->account->stack_parameters(f.stack_name.value))
        if (f.model->parameter(name)) merged->parameters.emplace(name, std::move(value));
    if (merged->parameters.size() != before) f.merged = std::move(merged);
  }
  // An override no template declares: CloudFormation rejects the deploy, and a typo would leave
  // vpclint reading the Default instead.
  auto unused = [&](const Read& r) {
    for (const auto& [name, value] : r.values.parameters)
      if (!r.used.count(name) && !r.templates.empty()) {
        const Position& p = value.source.pos;
        errors.push_back(value.source.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
                         ": sets parameter " + name + ", which " + r.templates.front() +
                         " does not declare (CloudFormation rejects the deploy)");
      }
  };
  for (const auto& [path, r] : samconfigs) unused(r);
  unused(parameter_file);
}

// The snapshots of the run: --snapshot, then each config's `snapshot:` entries, each read once. A
// broken file is an error (exit 2) and is read as absent; the rest of the snapshot still counts.
void ProjectBuilder::load_snapshots(std::vector<std::string>& errors) {
  std::vector<std::string> dirs = deploy_.snapshots;
  for (const ProjectFile& f : project_->files())
    if (f.config)
      for (const ExternalValue& d : f.config->snapshots) dirs.push_back(d.value);
  std::set<std::string> seen;
  std::vector<std::shared_ptr<const Snapshot>> loaded;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::string identity = fs::weakly_canonical(dir, ec).string();
    if (!seen.insert(ec ? dir : identity).second) continue;
    if (auto s = load_snapshot(dir, errors)) loaded.push_back(std::move(s));
  }
  if (!loaded.empty()) project_->account = std::make_shared<SnapshotValues>(std::move(loaded));
}

std::shared_ptr<Project> ProjectBuilder::finish(std::vector<std::string>& errors) {
  project_->add_all(pending_, true, limits_, jobs_);
  if (search_parents_) find_parents();
  if (!deploy_.stack_name.empty()) {
    size_t linted =
        std::count_if(project_->files().begin(), project_->files().end(), [](const ProjectFile& f) { return f.lint; });
    if (linted != 1)
      errors_.push_back("--stack-name names the deployed stack of one template, but the run lints " +
                        std::to_string(linted) + " (name each template's stack in .vpclint.yaml `stacks:`)");
  }
  load_snapshots(errors_);
  apply_deploy_values(errors_);
  project_->isolated = !search_parents_;
  project_->link(limits_);
  project_->config_for = nullptr;  // it points at this builder
  errors.insert(errors.end(), errors_.begin(), errors_.end());
  return project_;
}

}  // namespace vpclint
