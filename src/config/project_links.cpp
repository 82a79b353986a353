// What the templates of a project publish to each other (exports, SSM parameters, stacks) and how
// a use answers the resolver's questions from them.
#include <algorithm>

#include "config/project.h"

namespace vpclint {

namespace {
// The name a template gives an export or SSM parameter, as this use resolves it.
bool resolve_name(const Resolver& r, const Node* node, std::string& name, bool& pattern) {
  std::vector<Value> v = r.values(node);
  if (v.size() != 1 || (v[0].kind != ValueKind::Literal && v[0].kind != ValueKind::Composite)) return false;
  name = v[0].text;
  pattern = v[0].kind == ValueKind::Composite;
  return !name.empty();
}

Published published(const Use& use, const std::string& path, std::string name, bool pattern, const Node* at,
                    const Node* value, const std::string& kind) {
  Published p;
  p.name = std::move(name);
  p.pattern = pattern;
  std::string what = kind + " " + p.name + " of " + use.display();
  p.exact = Binding{use.resolver.get(), value, {path, at->pos, what}};
  p.by_pattern = Binding{use.resolver.get(), value, {path, at->pos, what + " (matched by name pattern)"}};
  return p;
}
}  // namespace

void Project::publish(const Use& use) {
  ProjectFile& f = files_[use.file];
  if (!use.parent && !f.stack_name.value.empty()) stacks_.emplace(f.stack_name.value, &use);
  f.shared |= !f.stack_name.value.empty();
  for (const Output& o : f.model->outputs()) {
    std::string name;
    bool pattern = false;
    if (!o.export_name || !o.value || !resolve_name(*use.resolver, o.export_name, name, pattern)) continue;
    const Use* root = &use;
    while (root->parent) root = root->parent;
    if (!pattern) {
      auto& same = exports_exact_[name];
      // Only one deployment can tell: two stacks of one nesting tree (or one template) deploy to
      // the same account and Region. Separate root templates may never meet, so their shared
      // name only leaves imports of it unknown.
      for (size_t i : same) {
        if (exports_[i].root != root) continue;
        const Binding& first = exports_[i].exact;
        f.issues.push_back({LinkIssueKind::DuplicateExport,
                            o.export_name,
                            "output " + std::string(o.name) + " exports " + name + ", which is already exported at " +
                                first.source.file + ":" + std::to_string(first.source.pos.line) +
                                ": export names are unique in an account and Region, so the stack fails to deploy",
                            {"first exported here", first.source.pos, first.source.file}});
        break;
      }
      same.push_back(exports_.size());
    }
    exports_.push_back(published(use, f.path, std::move(name), pattern, o.export_name, o.value, "export"));
    exports_.back().root = root;
    f.shared = true;
  }
  for (const Resource& r : f.model->resources()) {
    if (r.type != "AWS::SSM::Parameter") continue;
    const Node* name_node = r.property("Name");
    const Node* value = r.property("Value");
    std::string name;
    bool pattern = false;
    if (!name_node || !value || !resolve_name(*use.resolver, name_node, name, pattern)) continue;
    if (!pattern) ssm_exact_[name].push_back(ssm_.size());
    ssm_.push_back(published(use, f.path, std::move(name), pattern, r.key, value, "SSM parameter"));
    f.shared = true;
  }
}

const Binding* Project::find(const std::vector<Published>& list,
                             const std::unordered_map<std::string, std::vector<size_t>>& exact, std::string_view name,
                             bool pattern) {
  if (!pattern)
    if (auto it = exact.find(std::string(name)); it != exact.end())
      return it->second.size() == 1 ? &list[it->second.front()].exact : nullptr;  // two exports: which one is not known
  // By pattern: only a single candidate is an answer.
  const Published* found = nullptr;
  for (const Published& p : list) {
    if (!pattern && !p.pattern) continue;  // exact names were looked up above
    if (!names_may_match(name, pattern, p.name, p.pattern)) continue;
    if (found) return nullptr;
    found = &p;
  }
  return found ? &found->by_pattern : nullptr;
}

const Binding* Project::find_export(std::string_view name, bool pattern) const {
  return find(exports_, exports_exact_, name, pattern);
}
const Binding* Project::find_ssm(std::string_view name, bool pattern) const {
  return find(ssm_, ssm_exact_, name, pattern);
}
const Use* Project::stack(std::string_view name) const {
  auto it = stacks_.find(std::string(name));
  return it == stacks_.end() ? nullptr : it->second;
}

std::vector<const Use*> Project::uses_of(size_t file) const {
  auto it = uses_by_file_.find(file);
  return it == uses_by_file_.end() ? std::vector<const Use*>() : it->second;
}

const Binding* Use::parameter(std::string_view name) const {
  auto it = passed.find(name);
  return it == passed.end() ? nullptr : &it->second;
}
const Binding* Use::import(std::string_view name, bool pattern) const { return project->find_export(name, pattern); }
const Binding* Use::ssm(std::string_view name, bool pattern) const { return project->find_ssm(name, pattern); }
const AccountValues* Use::account() const { return project->account.get(); }
const Binding* Use::stack_output(std::string_view stack, std::string_view output) const {
  const Use* u = project->stack(stack);
  if (!u) return nullptr;
  auto it = u->outputs.find(output);
  return it == u->outputs.end() ? nullptr : &it->second;
}
const Binding* Use::nested_output(std::string_view resource, std::string_view output) const {
  auto c = children.find(resource);
  if (c == children.end()) return nullptr;
  auto it = c->second->outputs.find(output);
  return it == c->second->outputs.end() ? nullptr : &it->second;
}
const ExternalValue* Use::stack_name() const {
  const ExternalValue& s = project->files()[file].stack_name;
  return parent || s.value.empty() ? nullptr : &s;
}

Note Use::nested_note() const {
  if (!parent) return {};
  const std::string& parent_path = project->files()[parent->file].path;
  return {"nested by " + std::string(via->logical_id) + " in " + parent->display(), via->key->pos, parent_path};
}

}  // namespace vpclint
