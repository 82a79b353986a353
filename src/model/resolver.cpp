#include "model/resolver.h"

namespace vpclint {

Value make_value(ValueKind kind, const Node* node, const Guard& guard, std::string text) {
  Value v;
  v.kind = kind;
  v.node = node;
  v.guard = guard;
  v.text = std::move(text);
  return v;
}

bool is_list_type(std::string_view type) {
  return type == "CommaDelimitedList" || type.starts_with("List<") ||
         type.starts_with("AWS::SSM::Parameter::Value<List<") ||
         type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
}

const ExternalValue* Resolver::stated_parameter(const Parameter& p) const {
  if (stated_)
    if (auto it = stated_->parameters.find(p.name); it != stated_->parameters.end()) return &it->second;
  // An SSM-typed parameter's value is the SSM parameter its default names.
  if (p.type.starts_with("AWS::SSM::Parameter::Value<") && p.default_value && p.default_value->is_scalar())
    return stated_ssm(p.default_value->text());
  return nullptr;
}

const ExternalValue* Resolver::stated_ssm(std::string_view reference) const {
  const AccountValues* account = bindings_ ? bindings_->account() : nullptr;
  auto find = [&](std::string_view name) -> const ExternalValue* {
    if (stated_)
      if (auto it = stated_->ssm.find(name); it != stated_->ssm.end()) return &it->second;
    return account ? account->ssm(name) : nullptr;
  };
  if (const ExternalValue* v = find(reference)) return v;
  // `{{resolve:ssm:/name:3}}` pins a version; the stated value is the name's.
  size_t colon = reference.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < reference.size() &&
      reference.find_first_not_of("0123456789", colon + 1) == std::string_view::npos)
    return find(reference.substr(0, colon));
  return nullptr;
}

const ExternalValue* Resolver::stated_import(std::string_view name) const {
  if (stated_)
    if (auto it = stated_->imports.find(name); it != stated_->imports.end()) return &it->second;
  const AccountValues* account = bindings_ ? bindings_->account() : nullptr;
  return account ? account->import(name) : nullptr;
}

std::vector<Value> Resolver::values(const Node* node, const Guard& start) const {
  std::vector<Value> out;
  if (node) collect(node, start, out, 0);
  return out;
}

std::vector<ListAlternative> Resolver::list(const Node* node, const Guard& start) const {
  std::vector<ListAlternative> out;
  if (node) collect_list(node, start, out, 0);
  return out;
}

Value Resolver::ref(const Node* node, std::string_view name, const Guard& guard) const {
  if (name == "AWS::NoValue") return make_value(ValueKind::NoValue, node, guard);
  if (Template::is_pseudo_parameter(name)) {
    Value v = make_value(ValueKind::Pseudo, node, guard);
    v.name = name;
    return v;
  }
  if (const Parameter* p = t_.parameter(name)) {
    const ExternalValue* stated = stated_parameter(*p);
    Value v = stated ? make_value(ValueKind::Literal, node, guard, stated->value)
                     : make_value(ValueKind::Parameter, node, guard);
    if (stated) v.stated = &stated->source;
    v.name = name;
    v.parameter = p;
    return v;
  }
  if (t_.resource(name)) {
    Value v = make_value(ValueKind::ResourceRef, node, guard);
    v.name = name;
    return v;
  }
  return make_value(ValueKind::Unknown, node, guard, "Ref " + std::string(name));
}

void Resolver::collect(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const {
  if (out.size() >= kMaxAlternatives) return;
  if (depth > kMaxDepth) {
    out.push_back(make_value(ValueKind::Unknown, node, guard, "nested too deeply"));
    return;
  }
  if (const Binding* b = binding_of(node, guard, depth)) {
    follow(*b, node, guard, out);
    return;
  }
  switch (node->kind) {
    case NodeKind::Null: out.push_back(make_value(ValueKind::Literal, node, guard)); return;
    case NodeKind::Scalar:
      if (!node->dynamic_refs().empty()) {
        // The whole scalar is one SSM reference whose value the team stated.
        const DynamicRef& d = node->dynamic_refs()[0];
        if (const ExternalValue* stated =
                node->dynamic_refs().size() == 1 && d.full == node->text() && d.service == "ssm"
                    ? stated_ssm(d.reference)
                    : nullptr) {
          Value v = make_value(ValueKind::Literal, node, guard, stated->value);
          v.stated = &stated->source;
          out.push_back(std::move(v));
          return;
        }
        out.push_back(make_value(ValueKind::DynamicRef, node, guard, std::string(node->text())));
        return;
      }
      out.push_back(make_value(ValueKind::Literal, node, guard, std::string(node->text())));
      return;
    case NodeKind::Sequence:
    case NodeKind::Mapping:
      out.push_back(make_value(ValueKind::Unknown, node, guard, node->is_seq() ? "a list" : "a mapping"));
      return;
    case NodeKind::Intrinsic: break;
  }
  const IntrinsicInfo* info = node->info();
  if (!info) {
    out.push_back(make_value(ValueKind::Unknown, node, guard, std::string(fn_long_name(node->fn)) + " (malformed)"));
    return;
  }
  switch (node->fn) {
    case Fn::Ref: collect_ref(node, info->target, guard, out, depth); return;
    case Fn::GetStackOutput: collect_stack_output(node, guard, out, depth); return;
    case Fn::GetAtt: collect_getatt(node, guard, out); return;
    case Fn::If: {
      auto items = node->arg->items();
      Guard yes = guard, no = guard;
      if (yes.assume(info->target, true)) collect(items[1], yes, out, depth + 1);
      if (no.assume(info->target, false)) collect(items[2], no, out, depth + 1);
      return;
    }
    case Fn::Sub: sub(node, guard, out, depth); return;
    case Fn::Join: join(node, guard, out, depth); return;
    case Fn::FindInMap: find_in_map(node, guard, out, depth); return;
    case Fn::ImportValue: collect_import(node, guard, out, depth); return;
    case Fn::Select: {
      auto items = node->arg->items();
      bool ok = false;
      std::string index = single_literal(items[0], guard, depth + 1, ok);
      const Node* list = items[1];
      if (ok && list->is_seq() && !index.empty() && index.find_first_not_of("0123456789") == std::string::npos &&
          index.size() < 9 && std::stoul(index) < list->size) {
        collect(list->items()[std::stoul(index)], guard, out, depth + 1);
        return;
      }
      out.push_back(make_value(ValueKind::Unknown, node, guard, "Fn::Select"));
      return;
    }
    default: out.push_back(make_value(ValueKind::Unknown, node, guard, std::string(fn_long_name(node->fn)))); return;
  }
}

std::string Resolver::single_literal(const Node* node, const Guard& guard, int depth, bool& ok) const {
  std::vector<Value> v;
  collect(node, guard, v, depth);
  ok = v.size() == 1 && v[0].kind == ValueKind::Literal;
  return ok ? v[0].text : std::string();
}

void Resolver::sub(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const {
  const IntrinsicInfo* info = node->info();
  std::string text;
  bool all_literal = true;
  for (const SubPart& part : info->sub_parts) {
    if (part.kind == SubPart::Kind::Literal) {
      text += part.text;
      continue;
    }
    std::vector<Value> vals;
    const Node* local = info->sub_vars ? info->sub_vars->get(part.text) : nullptr;
    if (local) {
      collect(local, guard, vals, depth + 1);
    } else if (part.text.find('.') == std::string_view::npos) {
      collect_ref(node, part.text, guard, vals, depth + 1);
    }
    if (vals.size() == 1 && vals[0].kind == ValueKind::Literal) {
      text += vals[0].text;
    } else {
      all_literal = false;
      text += "${";
      text += part.text;
      text += '}';
    }
  }
  if (!info->sub_string->dynamic_refs().empty()) {
    out.push_back(make_value(ValueKind::DynamicRef, node, guard, std::move(text)));
    return;
  }
  out.push_back(make_value(all_literal ? ValueKind::Literal : ValueKind::Composite, node, guard, std::move(text)));
}

void Resolver::join(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const {
  auto items = node->arg->items();
  std::string delimiter(items[0]->text());
  std::string text;
  bool all_literal = true;
  const Node* list = items[1];
  if (!list->is_seq()) {
    out.push_back(make_value(ValueKind::Unknown, node, guard, "Fn::Join"));
    return;
  }
  bool first = true;
  for (const Node* item : list->items()) {
    bool ok = false;
    std::string s = single_literal(item, guard, depth + 1, ok);
    if (!first) text += delimiter;
    first = false;
    if (ok) {
      text += s;
    } else {
      // Named as !Sub names it (${F.Arn}), so messages and name patterns say what is unknown.
      all_literal = false;
      const IntrinsicInfo* info = item->info();
      if (item->is_intrinsic(Fn::Ref) && info)
        text += "${" + std::string(info->target) + "}";
      else if (item->is_intrinsic(Fn::GetAtt) && info && !info->target.empty())
        text += "${" + std::string(info->target) + "." + std::string(info->attribute) + "}";
      else
        text += "${" + std::string(item->is_intrinsic() ? fn_long_name(item->fn) : "value") + "}";
    }
  }
  // A reference assembled piecewise: !Join ['', ['{{resolve:secretsmanager:', !Ref S, '}}']].
  ValueKind kind = text.find("{{resolve:") != std::string::npos ? ValueKind::DynamicRef
                   : all_literal                                ? ValueKind::Literal
                                                                : ValueKind::Composite;
  out.push_back(make_value(kind, node, guard, std::move(text)));
}

void Resolver::find_in_map(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const {
  auto items = node->arg->items();
  bool ok0 = false, ok1 = false, ok2 = false;
  std::string map = single_literal(items[0], guard, depth + 1, ok0);
  std::string top = single_literal(items[1], guard, depth + 1, ok1);
  std::string second = single_literal(items[2], guard, depth + 1, ok2);
  const Node* maps = t_.mappings();
  const Node* m = ok0 && maps ? maps->get(map) : nullptr;
  const Node* t = ok1 && m ? m->get(top) : nullptr;
  const Node* v = ok2 && t ? t->get(second) : nullptr;
  if (v) {
    collect(v, guard, out, depth + 1);
    return;
  }
  out.push_back(make_value(ValueKind::Unknown, node, guard, "Fn::FindInMap"));
}

void Resolver::collect_list(const Node* node, const Guard& guard, std::vector<ListAlternative>& out, int depth) const {
  if (out.size() >= kMaxAlternatives) return;
  if (node->is_intrinsic(Fn::If) && node->info() && depth <= kMaxDepth) {
    auto items = node->arg->items();
    Guard yes = guard, no = guard;
    if (yes.assume(node->info()->target, true)) collect_list(items[1], yes, out, depth + 1);
    if (no.assume(node->info()->target, false)) collect_list(items[2], no, out, depth + 1);
    return;
  }
  ListAlternative alt;
  alt.guard = guard;
  alt.node = node;
  if (!node->is_seq()) {
    const IntrinsicInfo* info = node->info();
    if (node->is_intrinsic(Fn::Split) && info && node->arg->items()[0]->is_scalar()) {
      split(node->arg->items()[1], node->arg->items()[0]->text(), guard, alt, depth + 1);
      out.push_back(std::move(alt));
      return;
    }
    if (node->is_intrinsic(Fn::Ref) && info) {
      const Parameter* p = t_.parameter(info->target);
      if (p && is_list_type(p->type)) {
        split(node, ",", guard, alt, depth + 1);
        out.push_back(std::move(alt));
        return;
      }
    }
    std::vector<Value> v;
    collect(node, guard, v, depth);
    if (v.size() == 1 && v[0].kind == ValueKind::NoValue) return;  // the whole property is removed
    alt.unknown = true;
    alt.whole = v.empty() ? make_value(ValueKind::Unknown, node, guard) : v[0];
    out.push_back(std::move(alt));
    return;
  }
  for (const Node* item : node->items()) {
    std::vector<Value> v;
    collect(item, guard, v, depth + 1);
    // An item that is AWS::NoValue in every alternative disappears from the list.
    bool all_novalue = !v.empty();
    for (const auto& x : v) all_novalue &= x.kind == ValueKind::NoValue;
    if (all_novalue) continue;
    alt.items.push_back(std::move(v));
  }
  out.push_back(std::move(alt));
}

}  // namespace vpclint
