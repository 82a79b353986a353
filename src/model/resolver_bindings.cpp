// The resolver's half that follows values into other templates of the project (nested stacks,
// exports, SSM parameters, stack outputs) and splits string values into lists.
#include <string>

#include "model/resolver.h"

namespace vpclint {

namespace {
// A chain of templates handing a value on; longer is a cycle (a parent nesting itself, an export
// whose value imports itself), which resolves to Unknown instead of recursing forever.
constexpr int kMaxHops = 16;
thread_local int hops = 0;

bool is_nested_stack(const Resource* r) {
  return r && (r->type == "AWS::CloudFormation::Stack" || r->type == "AWS::Serverless::Application");
}

// `{{resolve:ssm:/name:3}}` pins a version; the parameter is the name's.
std::string_view without_version(std::string_view reference) {
  size_t colon = reference.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < reference.size() &&
      reference.find_first_not_of("0123456789", colon + 1) == std::string_view::npos)
    return reference.substr(0, colon);
  return reference;
}

// A value resolved in another template, as this template sees it: that template's resources are
// foreign here, its unresolved parameters are unknown, its conditions are not ours.
Value bring(Value v, const Binding& b, const Node* node, const Guard& guard) {
  v.node = node;
  v.guard = guard;
  v.parameter = nullptr;
  switch (v.kind) {
    case ValueKind::ResourceRef:
      v.kind = ValueKind::Foreign;
      v.origin = b.resolver;
      break;
    case ValueKind::Parameter:
      if (!v.origin) v.origin = b.resolver;  // a parameter of that template, not of this one
      break;
    case ValueKind::Pseudo:
      if (v.name == "AWS::StackName" || v.name == "AWS::StackId")
        v = make_value(ValueKind::Unknown, node, guard, std::string(v.name) + " of " + b.resolver->display());
      break;
    default: break;
  }
  v.stated = &b.source;
  return v;
}
}  // namespace

std::vector<std::string_view> split_text(std::string_view text, std::string_view delimiter) {
  std::vector<std::string_view> out;
  if (delimiter.empty()) return out;
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  for (std::string_view rest = text;;) {
    size_t at = rest.find(delimiter);
    std::string_view item = trim(rest.substr(0, at));
    if (!item.empty()) out.push_back(item);
    if (at == std::string_view::npos) break;
    rest = rest.substr(at + delimiter.size());
  }
  return out;
}

const std::string& Resolver::label() const { return bindings_ ? bindings_->label() : t_.source().path(); }

std::string Resolver::display() const {
  if (bindings_) return bindings_->display();
  std::string_view path = t_.source().path();
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

void Resolver::collect_ref(const Node* node, std::string_view name, const Guard& guard, std::vector<Value>& out,
                           int depth) const {
  if (bindings_ && depth <= kMaxDepth) {
    if (t_.parameter(name)) {
      if (const Binding* b = bindings_->parameter(name)) return follow(*b, node, guard, out);
    } else if (name == "AWS::StackName") {
      if (const ExternalValue* s = bindings_->stack_name()) {
        Value v = make_value(ValueKind::Literal, node, guard, s->value);
        v.stated = &s->source;
        out.push_back(std::move(v));
        return;
      }
    }
  }
  out.push_back(ref(node, name, guard));
}

const Binding* Resolver::binding_of(const Node* node, const Guard& guard, int depth) const {
  if (!bindings_ || depth > kMaxDepth) return nullptr;
  if (node->is_scalar()) {
    // The whole scalar is one SSM reference, and the team's config does not state its value.
    const auto& refs = node->dynamic_refs();
    if (refs.size() != 1 || refs[0].full != node->text() || refs[0].service != "ssm") return nullptr;
    if (stated_ssm(refs[0].reference)) return nullptr;
    return bindings_->ssm(without_version(refs[0].reference), false);
  }
  const IntrinsicInfo* info = node->info();
  if (!info) return nullptr;
  switch (node->fn) {
    case Fn::Ref: {
      const Parameter* p = t_.parameter(info->target);
      if (!p) return nullptr;
      if (const Binding* b = bindings_->parameter(p->name)) return b;
      // An SSM-typed parameter's value is the SSM parameter its default names.
      if (p->type.starts_with("AWS::SSM::Parameter::Value<") && !stated_parameter(*p) && p->default_value &&
          p->default_value->is_scalar())
        return bindings_->ssm(p->default_value->text(), false);
      return nullptr;
    }
    case Fn::Sub: {
      std::vector<Value> v;
      sub(node, guard, v, depth + 1);
      std::string_view text = v.size() == 1 ? std::string_view(v[0].text) : std::string_view();
      constexpr std::string_view kOpen = "{{resolve:ssm:";
      if (v.empty() || v[0].kind != ValueKind::DynamicRef || !text.starts_with(kOpen) || !text.ends_with("}}") ||
          text.find("{{", 2) != std::string_view::npos)
        return nullptr;
      std::string_view name = without_version(text.substr(kOpen.size(), text.size() - kOpen.size() - 2));
      if (stated_ssm(name)) return nullptr;
      return bindings_->ssm(name, name.find("${") != std::string_view::npos);
    }
    case Fn::ImportValue: {
      std::vector<Value> v;
      collect(node->arg, guard, v, depth + 1);
      if (v.size() != 1 || (v[0].kind != ValueKind::Literal && v[0].kind != ValueKind::Composite)) return nullptr;
      if (stated_import(v[0].text)) return nullptr;
      return bindings_->import(v[0].text, v[0].kind == ValueKind::Composite);
    }
    case Fn::GetAtt:
      if (!is_nested_stack(t_.resource(info->target)) || !info->attribute.starts_with("Outputs.")) return nullptr;
      return bindings_->nested_output(info->target, info->attribute.substr(8));
    case Fn::GetStackOutput: {
      // Another account or Region: no template of the project describes that stack.
      if (node->arg->get("Region") || node->arg->get("RoleArn")) return nullptr;
      bool ok_stack = false, ok_output = false;
      std::string stack = single_literal(node->arg->get("StackName"), guard, depth + 1, ok_stack);
      std::string output = single_literal(node->arg->get("OutputName"), guard, depth + 1, ok_output);
      return ok_stack && ok_output ? bindings_->stack_output(stack, output) : nullptr;
    }
    default: return nullptr;
  }
}

void Resolver::collect_import(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const {
  std::vector<Value> name;
  collect(node->arg, guard, name, depth + 1);
  bool known = name.size() == 1 && (name[0].kind == ValueKind::Literal || name[0].kind == ValueKind::Composite);
  if (known)
    if (const ExternalValue* stated = stated_import(name[0].text)) {
      Value v = make_value(ValueKind::Literal, node, guard, stated->value);
      v.stated = &stated->source;
      out.push_back(std::move(v));
      return;
    }
  out.push_back(
      make_value(ValueKind::Import, node, guard, known ? name[0].text : std::string("(computed export name)")));
}

void Resolver::collect_getatt(const Node* node, const Guard& guard, std::vector<Value>& out) const {
  const IntrinsicInfo* info = node->info();
  Value v = make_value(t_.resource(info->target) ? ValueKind::ResourceRef : ValueKind::Unknown, node, guard,
                       "Fn::GetAtt " + std::string(info->target));
  v.name = info->target;
  v.attribute = info->attribute;
  out.push_back(std::move(v));
}

void Resolver::collect_stack_output(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const {
  bool ok_stack = false, ok_output = false;
  std::string stack = single_literal(node->arg->get("StackName"), guard, depth + 1, ok_stack);
  std::string output = single_literal(node->arg->get("OutputName"), guard, depth + 1, ok_output);
  std::string text = "Fn::GetStackOutput " + (ok_stack ? stack : std::string("(computed stack)")) + "." +
                     (ok_output ? output : std::string("(computed output)"));
  out.push_back(make_value(ValueKind::Unknown, node, guard, std::move(text)));
}

void Resolver::follow(const Binding& b, const Node* node, const Guard& guard, std::vector<Value>& out) const {
  if (hops >= kMaxHops) {
    out.push_back(make_value(ValueKind::Unknown, node, guard, "a cycle of references between templates"));
    return;
  }
  ++hops;
  std::vector<Value> there = b.resolver->values(b.expr);
  --hops;
  for (Value& v : there)
    if (out.size() < kMaxAlternatives) out.push_back(bring(std::move(v), b, node, guard));
}

void Resolver::split(const Node* node, std::string_view delimiter, const Guard& guard, ListAlternative& alt,
                     int depth) const {
  if (depth > kMaxDepth) {
    alt.unknown = true;
    alt.whole = make_value(ValueKind::Unknown, node, guard, "nested too deeply");
    return;
  }
  if (node->is_intrinsic(Fn::Join) && node->info()) {
    auto args = node->arg->items();
    if (args[0]->text() == delimiter && args[1]->is_seq()) {
      for (const Node* item : args[1]->items()) {
        std::vector<Value> v;
        collect(item, guard, v, depth + 1);
        if (!(v.size() == 1 && v[0].kind == ValueKind::NoValue)) alt.items.push_back(std::move(v));
      }
      return;
    }
  }
  if (const Binding* b = binding_of(node, guard, depth)) return follow_split(*b, delimiter, node, guard, alt);
  std::vector<Value> v;
  collect(node, guard, v, depth + 1);
  if (v.size() == 1 && v[0].kind == ValueKind::Literal) {
    for (std::string_view piece : split_text(v[0].text, delimiter)) {
      Value item = v[0];
      item.text = std::string(piece);
      alt.items.push_back({std::move(item)});
    }
    return;
  }
  alt.unknown = true;
  alt.whole = v.empty() ? make_value(ValueKind::Unknown, node, guard) : v[0];
}

void Resolver::follow_split(const Binding& b, std::string_view delimiter, const Node* node, const Guard& guard,
                            ListAlternative& alt) const {
  if (hops >= kMaxHops) {
    alt.unknown = true;
    alt.whole = make_value(ValueKind::Unknown, node, guard, "a cycle of references between templates");
    return;
  }
  ++hops;
  ListAlternative there;
  b.resolver->split(b.expr, delimiter, {}, there, 0);
  --hops;
  for (auto& item : there.items) {
    std::vector<Value> here;
    for (Value& v : item) here.push_back(bring(std::move(v), b, node, guard));
    alt.items.push_back(std::move(here));
  }
  if (there.unknown) {
    alt.unknown = true;
    alt.whole = bring(std::move(there.whole), b, node, guard);
  }
}

}  // namespace vpclint
