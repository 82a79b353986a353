#include "config/project.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "loader/file_reader.h"
#include "loader/loader.h"

namespace vpclint {

namespace {
// Each use of a template is linted; a diamond of nested stacks multiplies uses, so past this many
// a template's further parents are not expanded (it is still judged in the first ones).
constexpr size_t kMaxUses = 20000;

// Lexical, on purpose: resolving symlinks costs a system call per path component and file, a
// tenth of a corpus run. A template reached through two different symlinked paths is read twice.
std::string identity_of(const std::string& path) {
  if (path == "-") return path;
  std::error_code ec;
  auto abs = std::filesystem::absolute(path, ec);
  return (ec ? std::filesystem::path(path) : abs).lexically_normal().string();
}

bool is_nested_stack(const Resource& r) {
  return r.type == "AWS::CloudFormation::Stack" || r.type == "AWS::Serverless::Application";
}

// The template property of a nested stack: TemplateURL, or an Application's Location string.
const Node* template_location(const Resource& r) {
  return r.property(r.type == "AWS::CloudFormation::Stack" ? "TemplateURL" : "Location");
}

// A local path, or empty for a remote location (S3, https, a Serverless Application Repository id).
std::string local_path(const Node* location) {
  if (!location || !location->is_scalar() || !location->dynamic_refs().empty()) return {};
  std::string_view text = location->text();
  for (std::string_view remote : {"s3://", "http://", "https://"})
    if (text.starts_with(remote)) return {};
  if (text.starts_with("file://")) text.remove_prefix(7);
  return std::string(text);
}

// `*` where a placeholder stands.
std::string as_glob(std::string_view name, bool pattern) {
  if (!pattern) return std::string(name);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 2) == "${") {
      size_t close = name.find('}', i);
      if (close != std::string_view::npos) {
        if (out.empty() || out.back() != '*') out += '*';
        i = close;
        continue;
      }
    }
    out += name[i];
  }
  return out;
}

// Linear-time match of `*` patterns, where `*` spans any text, `/` included (glob_match is for
// paths); the classic two-pointer walk with one backtrack point.
bool star_match(std::string_view glob, std::string_view text) {
  size_t g = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (g < glob.size() && glob[g] == text[t] && glob[g] != '*') {
      ++g, ++t;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = t;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}
}  // namespace

bool names_may_match(std::string_view a, bool a_pattern, std::string_view b, bool b_pattern) {
  std::string ga = as_glob(a, a_pattern), gb = as_glob(b, b_pattern);
  bool wa = ga.find('*') != std::string::npos, wb = gb.find('*') != std::string::npos;
  if (!wa && !wb) return ga == gb;
  if (!wb) return star_match(ga, gb);
  if (!wa) return star_match(gb, ga);
  // Both have unknown parts: their fixed ends must agree.
  std::string_view pa = std::string_view(ga).substr(0, ga.find('*')), pb = std::string_view(gb).substr(0, gb.find('*'));
  std::string_view sa = std::string_view(ga).substr(ga.rfind('*') + 1),
                   sb = std::string_view(gb).substr(gb.rfind('*') + 1);
  bool prefix = pa.starts_with(pb) || pb.starts_with(pa);
  bool suffix = sa.ends_with(sb) || sb.ends_with(sa);
  return prefix && suffix;
}

bool Project::may_nest(std::string_view parent_text, std::string_view child_file_name) {
  if (parent_text.find(child_file_name) == std::string_view::npos) return false;
  return parent_text.find("TemplateURL") != std::string_view::npos ||
         parent_text.find("AWS::Serverless::Application") != std::string_view::npos;
}

void Project::release(size_t file) {
  ProjectFile& f = files_[file];
  if (f.shared) return;
  f.model.reset();
  f.doc.root = nullptr;
  f.doc.arena.reset();
}

bool Project::contains(const std::string& path) const { return by_identity_.count(identity_of(path)) > 0; }

std::pair<size_t, bool> Project::reserve(const std::string& path, const Config* config, bool lint) {
  std::string id = identity_of(path);
  if (auto it = by_identity_.find(id); it != by_identity_.end()) {
    files_[it->second].lint |= lint;
    return {it->second, false};
  }
  size_t index = files_.size();
  by_identity_.emplace(id, index);
  ProjectFile& f = files_.emplace_back();
  f.path = path == "-" ? "<stdin>" : path;
  f.identity = std::move(id);
  f.lint = lint;
  f.config = config;
  return {index, true};
}

bool Project::may_link(std::string_view text) {
  for (std::string_view key : {"Export", "AWS::SSM::Parameter", "TemplateURL", "AWS::Serverless::Application"})
    if (text.find(key) != std::string_view::npos) return true;
  return false;
}

// Reads one reserved file and models it (or defers that); touches nothing shared, so files load
// in parallel.
void Project::load(size_t index, const std::string& path, const Limits& limits, bool allow_defer) {
  ProjectFile& f = files_[index];
  std::string bytes, error;
  if (!read_file(buffers.get(), f.identity, path, limits.max_file_size, bytes, error, f.too_large)) {
    f.read_error = error;
    if (!f.too_large) return;
    // Over the size limit is a finding (T008) on a file that exists, not an unreadable path.
    f.doc.source = std::make_unique<SourceText>(f.path, std::string());
    f.doc.issues.push_back(
        {LoadIssueKind::LimitExceeded, {1, 1}, "the file is " + error + "; it was not linted", nullptr, {}});
    f.doc.unparsable = true;
    f.model = std::make_unique<Template>(f.doc);
    return;
  }
  if (allow_defer && !may_link(bytes)) {
    f.deferred = true;
    f.deferred_bytes = std::move(bytes);
    return;
  }
  parse(index, std::move(bytes), limits);
}

void Project::parse(size_t index, std::string bytes, const Limits& limits) {
  ProjectFile& f = files_[index];
  f.doc = load_document(f.path, std::move(bytes), limits);
  f.model = std::make_unique<Template>(f.doc);
}

void Project::ensure_loaded(size_t file, const Limits& limits) {
  ProjectFile& f = files_[file];
  if (!f.deferred) return;
  f.deferred = false;
  parse(file, std::move(f.deferred_bytes), limits);
  f.deferred_bytes = std::string();
}

std::unique_ptr<Use> Project::private_use(size_t file) const {
  const ProjectFile& f = files_[file];
  auto use = std::make_unique<Use>();
  use->project = this;
  use->file = file;
  use->label_ = f.path;
  use->display_ = std::filesystem::path(f.path).filename().string();
  use->resolver = std::make_unique<Resolver>(*f.model, f.effective_config(), use.get());
  return use;
}

size_t Project::add(const std::string& path, const Config* config, bool lint, const Limits& limits) {
  auto [index, fresh] = reserve(path, config, lint);
  if (fresh) load(index, path, limits, false);
  return index;
}

void Project::add_all(const std::vector<std::pair<std::string, const Config*>>& paths, bool lint, const Limits& limits,
                      unsigned jobs) {
  std::vector<std::pair<size_t, const std::string*>> fresh;
  for (const auto& [path, config] : paths)
    if (auto [index, is_new] = reserve(path, config, lint); is_new) fresh.emplace_back(index, &path);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < fresh.size(); i = next++) load(fresh[i].first, *fresh[i].second, limits, defer);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(jobs, fresh.size()); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

void Project::follow_children(size_t file, const Limits& limits) {
  if (!files_[file].model) return;
  std::filesystem::path dir = std::filesystem::path(files_[file].path).parent_path();
  for (const Resource& r : files_[file].model->resources()) {
    if (!is_nested_stack(r)) continue;
    const Node* location = template_location(r);
    std::string local = local_path(location);
    if (local.empty()) continue;  // remote: the child is unknown, which the resolver says
    std::string child_path = (dir / local).lexically_normal().string();
    bool known = by_identity_.count(identity_of(child_path)) > 0;
    size_t child =
        add(child_path, config_for ? config_for(child_path) : files_[file].config, files_[file].lint, limits);
    ensure_loaded(child, limits);
    ProjectFile& c = files_[child];
    if (!c.model || !c.model->is_template()) {
      std::string why = c.model ? "is not a template" : "cannot be read (" + c.read_error + ")";
      files_[file].issues.push_back({LinkIssueKind::ChildMissing,
                                     location,
                                     std::string(r.logical_id) + " nests " + local + ", which " + why,
                                     {"the path is relative to this template: " + child_path, r.key->pos, {}}});
      if (!known) c.lint = false;  // reported here, not as a file of the run
      continue;
    }
    children_[file].emplace_back(&r, child);
    files_[file].shared = files_[child].shared = true;
    if (!known) follow_children(child, limits);
  }
}

void Project::link(const Limits& limits) {
  if (!isolated)
    for (size_t i = 0, n = files_.size(); i < n; ++i) follow_children(i, limits);
  std::vector<bool> nested(files_.size(), false);
  for (const auto& [parent, kids] : children_)
    for (const auto& [res, child] : kids) nested[child] = true;
  std::vector<size_t> path;
  for (size_t i = 0; i < files_.size(); ++i)
    if (!nested[i] && files_[i].model) build_uses(i, nullptr, nullptr, path);
  // Templates only reachable through a cycle still get a use of their own.
  for (size_t i = 0; i < files_.size(); ++i)
    if (files_[i].model && !uses_by_file_.count(i)) build_uses(i, nullptr, nullptr, path);
  if (!isolated)
    for (const Use& u : uses_)
      if (uses_by_file_[u.file].front() == &u) publish(u);
}

void Project::build_uses(size_t file, Use* parent, const Resource* via, std::vector<size_t>& path) {
  ProjectFile& f = files_[file];
  Use& use = uses_.emplace_back();
  use.project = this;
  use.file = file;
  use.parent = parent;
  use.via = via;
  use.label_ = parent ? f.path + " (nested by " + std::string(via->logical_id) + " in " + parent->label_ + ")" : f.path;
  std::string name = std::filesystem::path(f.path).filename().string();
  use.display_ = parent ? name + " (nested by " + std::string(via->logical_id) + " in " + parent->display_ + ")" : name;
  use.resolver = std::make_unique<Resolver>(*f.model, f.effective_config(), &use);
  for (const Output& o : f.model->outputs())
    if (o.value)
      use.outputs.emplace(o.name,
                          Binding{use.resolver.get(),
                                  o.value,
                                  {f.path, o.node->pos, "output " + std::string(o.name) + " of " + use.display_}});
  if (parent) {
    const Node* params = via->property("Parameters");
    if (params && params->is_map())
      for (const auto& e : params->entries())
        use.passed.emplace(e.key->text(), Binding{parent->resolver.get(),
                                                  e.value,
                                                  {files_[parent->file].path, e.key->pos,
                                                   std::string(via->logical_id) + " passes " +
                                                       std::string(e.key->text()) + " in " + parent->display_}});
  }
  uses_by_file_[file].push_back(&use);
  path.push_back(file);
  if (auto it = children_.find(file); it != children_.end())
    for (const auto& [res, child] : it->second) {
      if (std::find(path.begin(), path.end(), child) != path.end()) {
        const Node* at = template_location(*res);
        std::string chain;
        for (size_t i = std::find(path.begin(), path.end(), child) - path.begin(); i < path.size(); ++i)
          chain += files_[path[i]].path + " -> ";
        f.issues.push_back({LinkIssueKind::NestingCycle,
                            at ? at : res->key,
                            std::string(res->logical_id) + " nests " + files_[child].path +
                                ", which nests this template again: CloudFormation cannot create the stacks",
                            {"the cycle: " + chain + files_[child].path, res->key->pos, {}}});
        continue;
      }
      if (uses_.size() >= kMaxUses) continue;
      size_t child_use = uses_.size();
      build_uses(child, &use, res, path);
      use.children.emplace(res->logical_id, &uses_[child_use]);
    }
  path.pop_back();
}

}  // namespace vpclint
