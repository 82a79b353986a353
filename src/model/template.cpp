#include "model/template.h"

#include <array>

#include "loader/intrinsics.h"
#include "model/sam_globals.h"

namespace vpclint {

namespace {
constexpr std::array<std::string_view, 8> kPseudoParameters{
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix",
};

bool transform_is(const Node* t, std::string_view name) {
  if (!t) return false;
  if (t->is_scalar()) return t->text() == name;
  for (const Node* i : t->items())
    if (i->is_scalar() && i->text() == name) return true;
  return false;
}

// Any transform other than SAM and LanguageExtensions can add resources the file does not show.
bool has_other_transform(const Node* t) {
  if (!t) return false;
  auto other = [](const Node* n) {
    return !n->is_scalar() || (n->text() != "AWS::Serverless-2016-10-31" && n->text() != "AWS::LanguageExtensions");
  };
  if (t->is_seq()) {
    for (const Node* i : t->items())
      if (other(i)) return true;
    return false;
  }
  return other(t);
}
}  // namespace

bool Template::is_pseudo_parameter(std::string_view name) {
  for (auto p : kPseudoParameters)
    if (p == name) return true;
  return false;
}

Template::Template(Document& doc) : doc_(&doc) {
  const Node* root = doc.root;
  if (doc.unparsable) return;  // the loader's issue says why
  if (!root || root->is_null()) {
    issues_.push_back({ModelIssueKind::NotTemplate, {1, 1}, "the file is empty: not a CloudFormation template", root});
    return;
  }
  if (!root->is_map()) {
    issues_.push_back(
        {ModelIssueKind::NotTemplate, root->pos, "the document is not a mapping: not a CloudFormation template", root});
    return;
  }
  const Node* resources = root->get("Resources");
  if (!resources) {
    issues_.push_back({ModelIssueKind::NotTemplate, root->pos,
                       "the document has no Resources section: not a CloudFormation template", root});
    return;
  }
  is_template_ = true;
  read_sections();
  if (resources->is_map())
    read_resources(resources);
  else
    structure_issue(resources, "Resources must be a mapping of logical ids to resources");
  apply_sam_globals();
}

void Template::structure_issue(const Node* node, std::string message) {
  issues_.push_back({ModelIssueKind::Structure, node->pos, std::move(message), node});
}

void Template::read_sections() {
  const Node* root = doc_->root;
  const Node* transform = root->get("Transform");
  is_sam_ = transform_is(transform, "AWS::Serverless-2016-10-31");
  has_generated_resources_ = has_other_transform(transform) || !doc_->preprocessor.empty();
  metadata_ = root->get("Metadata");
  mappings_ = root->get("Mappings");
  globals_ = root->get("Globals");

  if (const Node* params = root->get("Parameters")) {
    if (!params->is_map() && !params->is_null()) structure_issue(params, "Parameters must be a mapping");
    for (const auto& e : params->entries()) {
      Parameter p;
      p.name = e.key->text();
      p.key = e.key;
      p.node = e.value;
      if (!e.value->is_map()) {
        structure_issue(e.value, "parameter '" + std::string(p.name) + "' must be a mapping with a Type");
      } else {
        if (const Node* t = e.value->get("Type")) p.type = t->text();
        p.default_value = e.value->get("Default");
        if (const Node* allowed = e.value->get("AllowedValues"))
          for (const Node* v : allowed->items()) p.allowed_values.push_back(v);
      }
      parameter_index_.emplace(p.name, parameters_.size());
      parameters_.push_back(std::move(p));
    }
  }
  if (const Node* conds = root->get("Conditions")) {
    if (!conds->is_map() && !conds->is_null()) structure_issue(conds, "Conditions must be a mapping");
    for (const auto& e : conds->entries()) conditions_.emplace(e.key->text(), e.value);
  }
  if (const Node* outputs = root->get("Outputs")) {
    for (const auto& e : outputs->entries()) {
      Output o{e.key->text(), e.value, e.value->get("Value"), nullptr};
      if (const Node* ex = e.value->get("Export")) o.export_name = ex->get("Name");
      outputs_.push_back(o);
    }
  }
}

void Template::read_resources(const Node* resources) {
  resources_.reserve(resources->size);
  for (const auto& e : resources->entries()) {
    std::string_view id = e.key->text();
    if (id.starts_with("Fn::ForEach::")) {
      has_generated_resources_ = true;  // LanguageExtensions loops create resources at deploy time
      continue;
    }
    const Node* r = e.value;
    if (!r->is_map()) {
      structure_issue(r, "resource '" + std::string(id) + "' must be a mapping with a Type");
      continue;
    }
    Resource res;
    res.logical_id = id;
    res.key = e.key;
    res.node = r;
    const Node* type = r->get("Type");
    if (is_preprocessor_directive(type)) continue;  // a Rain module: expands to other resources
    if (!type || !type->is_scalar()) {
      structure_issue(type ? type : e.key, "resource '" + std::string(id) + "' has no Type (a string)");
      continue;
    }
    res.type = type->text();
    res.kind = resource_kind_of(res.type);
    if (res.type.starts_with("AWS::Serverless::")) is_sam_ = true;
    res.raw_properties = r->get("Properties");
    if (res.raw_properties && !res.raw_properties->is_map() && !res.raw_properties->is_intrinsic()) {
      structure_issue(res.raw_properties, "Properties of '" + std::string(id) + "' must be a mapping");
      res.raw_properties = nullptr;
    }
    res.properties = res.raw_properties;
    if (const Node* c = r->get("Condition")) {
      res.condition_node = c;
      res.condition = c->is_intrinsic(Fn::Condition) && c->info() ? c->info()->target : c->text();
    }
    if (const Node* d = r->get("DependsOn")) {
      if (d->is_seq())
        for (const Node* i : d->items()) res.depends_on.push_back(i);
      else
        res.depends_on.push_back(d);
    }
    res.metadata = r->get("Metadata");
    resource_index_.emplace(res.logical_id, resources_.size());
    resources_.push_back(std::move(res));
  }
}

void Template::apply_sam_globals() {
  if (!globals_ || !globals_->is_map()) return;
  for (auto& r : resources_) {
    std::string_view section = sam_globals_section(r.type);
    if (section.empty()) continue;
    const Node* g = globals_->get(section);
    if (!g || !g->is_map()) continue;
    r.properties = vpclint::merge_sam_globals(g, r.raw_properties, *doc_->arena);
  }
}

const Resource* Template::resource(std::string_view id) const {
  auto it = resource_index_.find(id);
  return it == resource_index_.end() ? nullptr : &resources_[it->second];
}

const Parameter* Template::parameter(std::string_view name) const {
  auto it = parameter_index_.find(name);
  return it == parameter_index_.end() ? nullptr : &parameters_[it->second];
}

const Node* Template::condition(std::string_view name) const {
  auto it = conditions_.find(name);
  return it == conditions_.end() ? nullptr : it->second;
}

}  // namespace vpclint
