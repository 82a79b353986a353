#include "model/references.h"

namespace vpclint {

namespace {
const std::vector<size_t> kNone;
}

ReferenceGraph::ReferenceGraph(const Template& t) : t_(t) {
  const Node* root = t.root();
  if (!t.is_template() || !root) return;
  std::vector<bool> seen(t.node_count());
  // Attribute each resource's references to it; other sections by name.
  for (const auto& e : root->entries()) {
    std::string_view section = e.key->text();
    if (section == "Resources" && e.value->is_map()) {
      for (const auto& r : e.value->entries()) {
        std::string_view id = r.key->text();
        walk(r.value, id, seen);
        if (const Resource* res = t.resource(id)) {
          for (const Node* d : res->depends_on)
            if (d->is_scalar()) add(ReferenceKind::DependsOn, id, d->text(), {}, d, d->pos);
          if (res->condition_node && res->condition_node->is_scalar())
            add(ReferenceKind::Condition, id, res->condition, {}, res->condition_node, res->condition_node->pos);
        }
      }
    } else if (section == "Outputs" && e.value->is_map()) {
      for (const auto& o : e.value->entries()) {
        walk(o.value, "Outputs", seen);
        if (const Node* c = o.value->get("Condition"); c && c->is_scalar())
          add(ReferenceKind::Condition, "Outputs", c->text(), {}, c, c->pos);
      }
    } else if (section != "Mappings" && section != "Metadata" && section != "Parameters") {
      walk(e.value, section, seen);
    }
  }
}

void ReferenceGraph::walk(const Node* root, std::string_view from, std::vector<bool>& seen) {
  visit_once(root, seen, [&](const Node* n) {
    if (n->kind != NodeKind::Intrinsic || !n->info()) return true;
    const IntrinsicInfo* info = n->info();
    switch (n->fn) {
      case Fn::Ref: add(ReferenceKind::Ref, from, info->target, {}, n, n->arg->pos); break;
      case Fn::GetAtt: add(ReferenceKind::GetAtt, from, info->target, info->attribute, n, n->arg->pos); break;
      case Fn::Condition: add(ReferenceKind::Condition, from, info->target, {}, n, n->arg->pos); break;
      case Fn::If: add(ReferenceKind::Condition, from, info->target, {}, n, n->arg->items()[0]->pos); break;
      case Fn::Sub:
        for (const SubPart& part : info->sub_parts) {
          if (part.kind != SubPart::Kind::Variable) continue;
          if (info->sub_vars && info->sub_vars->get(part.text)) continue;  // a local variable
          std::string_view name = part.text, attr;
          if (size_t dot = name.find('.'); dot != std::string_view::npos) {
            attr = name.substr(dot + 1);
            name = name.substr(0, dot);
          }
          add(ReferenceKind::Sub, from, name, attr, n, position_in_scalar(t_.source(), info->sub_string, part.offset));
        }
        break;
      default: break;
    }
    return true;
  });
}

// SAM resources and CloudFormation modules (Type ...::MODULE) create resources whose logical ids
// start with their own: MyFunctionRole, MyApi.Stage, MyModuleBucket.
bool ReferenceGraph::generated_by_prefix(std::string_view target) const {
  for (size_t len = 1; len < target.size(); ++len) {
    const Resource* r = t_.resource(target.substr(0, len));
    if (r && (r->type.starts_with("AWS::Serverless::") || r->type.ends_with("::MODULE"))) return true;
  }
  return false;
}

bool ReferenceGraph::may_be_generated(std::string_view target) const {
  if (t_.has_generated_resources()) return true;
  if (!t_.is_sam()) return generated_by_prefix(target);
  // SAM creates resources named after their source (MyFunctionRole, MyApi.Stage, ...) and the
  // implicit APIs; a reference to such a name is fine.
  if (target.starts_with("ServerlessRestApi") || target.starts_with("ServerlessHttpApi") ||
      target.starts_with("ServerlessDeploymentApplication"))
    return true;
  return generated_by_prefix(target);
}

bool ReferenceGraph::is_defined(ReferenceKind kind, std::string_view target) const {
  if (kind == ReferenceKind::Condition) return t_.condition(target) != nullptr;
  if (kind == ReferenceKind::DependsOn) return t_.resource(target) || may_be_generated(target);
  if (kind != ReferenceKind::GetAtt && (Template::is_pseudo_parameter(target) || t_.parameter(target))) return true;
  return t_.resource(target) || may_be_generated(target);
}

void ReferenceGraph::add(ReferenceKind kind, std::string_view from, std::string_view target, std::string_view attribute,
                         const Node* node, Position pos) {
  if (target.empty()) return;  // computed name (AWS::LanguageExtensions)
  size_t index = refs_.size();
  refs_.push_back({kind, from, target, attribute, node, pos, is_defined(kind, target)});
  by_target_[target].push_back(index);
  by_source_[from].push_back(index);
}

const std::vector<size_t>& ReferenceGraph::to(std::string_view target) const {
  auto it = by_target_.find(target);
  return it == by_target_.end() ? kNone : it->second;
}

const std::vector<size_t>& ReferenceGraph::from(std::string_view source) const {
  auto it = by_source_.find(source);
  return it == by_source_.end() ? kNone : it->second;
}

}  // namespace vpclint
