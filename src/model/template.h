// The semantic model of one template: sections, resources with their kinds, SAM Globals merged.
#pragma once
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loader/document.h"
#include "model/resource_kind.h"

namespace vpclint {

// Structural problems the model finds (the loader's issues are separate).
enum class ModelIssueKind : uint8_t {
  NotTemplate,  // T002: not a mapping, no Resources
  Structure,    // T009: a section or resource of the wrong type
};

struct ModelIssue {
  ModelIssueKind kind;
  Position pos;
  std::string message;
  const Node* node = nullptr;
};

struct Parameter {
  std::string_view name;
  const Node* node = nullptr;  // the parameter's mapping
  const Node* key = nullptr;
  std::string_view type;
  const Node* default_value = nullptr;
  std::vector<const Node*> allowed_values;
};

struct Resource {
  std::string_view logical_id;
  const Node* key = nullptr;   // the logical id, where findings about the whole resource point
  const Node* node = nullptr;  // the resource's mapping
  std::string_view type;
  ResourceKind kind = ResourceKind::Other;
  // Properties with SAM Globals merged in (for Serverless resources); never null for a valid
  // resource without Properties it is null.
  const Node* properties = nullptr;
  const Node* raw_properties = nullptr;  // as written in the resource
  std::string_view condition;
  const Node* condition_node = nullptr;
  std::vector<const Node*> depends_on;
  const Node* metadata = nullptr;

  const Node* property(std::string_view name) const { return properties ? properties->get(name) : nullptr; }
};

struct Output {
  std::string_view name;
  const Node* node = nullptr;
  const Node* value = nullptr;
  const Node* export_name = nullptr;
};

class Template {
 public:
  // Builds the model; structural problems go to issues(). `doc` must outlive the Template, and its
  // arena receives the nodes created by Globals merging.
  explicit Template(Document& doc);
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  const Document& document() const { return *doc_; }
  const SourceText& source() const { return *doc_->source; }
  const Node* root() const { return doc_->root; }
  uint32_t node_count() const { return doc_->arena->node_count(); }
  const std::vector<ModelIssue>& issues() const { return issues_; }
  bool is_template() const { return is_template_; }

  const std::vector<Resource>& resources() const { return resources_; }
  const Resource* resource(std::string_view logical_id) const;
  const std::vector<Parameter>& parameters() const { return parameters_; }
  const Parameter* parameter(std::string_view name) const;
  const Node* condition(std::string_view name) const;
  const std::unordered_map<std::string_view, const Node*>& conditions() const { return conditions_; }
  const Node* mappings() const { return mappings_; }
  const Node* globals() const { return globals_; }
  const std::vector<Output>& outputs() const { return outputs_; }
  const Node* metadata() const { return metadata_; }

  // Transform: AWS::Serverless-2016-10-31, or any AWS::Serverless::* resource (SAM's own test
  // inputs often omit the Transform line).
  bool is_sam() const { return is_sam_; }
  // The template uses macros, AWS::Include or Fn::ForEach: resources may appear at deploy time
  // that the file does not show, so "undefined" cannot be decided.
  bool has_generated_resources() const { return has_generated_resources_; }

  static bool is_pseudo_parameter(std::string_view name);

 private:
  void read_sections();
  void read_resources(const Node* resources);
  void apply_sam_globals();
  void structure_issue(const Node* node, std::string message);

  Document* doc_;
  std::vector<ModelIssue> issues_;
  bool is_template_ = false;
  bool is_sam_ = false;
  bool has_generated_resources_ = false;
  std::vector<Resource> resources_;
  std::unordered_map<std::string_view, size_t> resource_index_;
  std::vector<Parameter> parameters_;
  std::unordered_map<std::string_view, size_t> parameter_index_;
  std::unordered_map<std::string_view, const Node*> conditions_;
  std::vector<Output> outputs_;
  const Node* mappings_ = nullptr;
  const Node* globals_ = nullptr;
  const Node* metadata_ = nullptr;
};

}  // namespace vpclint
