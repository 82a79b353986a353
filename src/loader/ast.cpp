#include "loader/ast.h"

#include <array>
#include <string>
#include <utility>

namespace vpclint {

namespace {
struct FnName {
  Fn fn;
  std::string_view long_name;
};
constexpr std::array<FnName, 28> kFnNames{{
    {Fn::Ref, "Ref"},
    {Fn::GetAtt, "Fn::GetAtt"},
    {Fn::Sub, "Fn::Sub"},
    {Fn::If, "Fn::If"},
    {Fn::Equals, "Fn::Equals"},
    {Fn::And, "Fn::And"},
    {Fn::Or, "Fn::Or"},
    {Fn::Not, "Fn::Not"},
    {Fn::Condition, "Condition"},
    {Fn::Join, "Fn::Join"},
    {Fn::Select, "Fn::Select"},
    {Fn::Split, "Fn::Split"},
    {Fn::FindInMap, "Fn::FindInMap"},
    {Fn::ImportValue, "Fn::ImportValue"},
    {Fn::Base64, "Fn::Base64"},
    {Fn::Cidr, "Fn::Cidr"},
    {Fn::GetAZs, "Fn::GetAZs"},
    {Fn::Transform, "Fn::Transform"},
    {Fn::ForEach, "Fn::ForEach"},
    {Fn::Length, "Fn::Length"},
    {Fn::ToJsonString, "Fn::ToJsonString"},
    {Fn::GetStackOutput, "Fn::GetStackOutput"},
    {Fn::Contains, "Fn::Contains"},
    {Fn::EachMemberEquals, "Fn::EachMemberEquals"},
    {Fn::EachMemberIn, "Fn::EachMemberIn"},
    {Fn::RefAll, "Fn::RefAll"},
    {Fn::ValueOf, "Fn::ValueOf"},
    {Fn::ValueOfAll, "Fn::ValueOfAll"},
}};
}  // namespace

std::string_view fn_long_name(Fn fn) {
  for (const auto& f : kFnNames)
    if (f.fn == fn) return f.long_name;
  return {};
}

Fn fn_from_long_name(std::string_view key) {
  for (const auto& f : kFnNames)
    if (f.long_name == key) return f.fn;
  return Fn::None;
}

Fn fn_from_tag(std::string_view tag) {
  if (tag == "Ref" || tag == "Condition") return fn_from_long_name(tag);
  // Short tags exist for the classic functions only; ForEach/Length/ToJsonString are long-form.
  std::string long_name = "Fn::" + std::string(tag);
  Fn fn = fn_from_long_name(long_name);
  if (fn == Fn::ForEach || fn == Fn::Length || fn == Fn::ToJsonString) return Fn::None;
  return fn;
}

const MapEntry* Node::find_entry(std::string_view key) const {
  if (kind != NodeKind::Mapping) return nullptr;
  for (const auto& e : entries())
    if (e.key->kind == NodeKind::Scalar && e.key->text() == key) return &e;
  return nullptr;
}

const Node* Node::get(std::string_view key) const {
  const MapEntry* e = find_entry(key);
  return e ? e->value : nullptr;
}

Position position_in_scalar(const SourceText& source, const Node* scalar, size_t offset) {
  if (!scalar || !scalar->is_scalar()) return scalar ? scalar->pos : Position{};
  std::string_view text = source.text();
  size_t start = scalar->offset;
  if (start < text.size() && (text[start] == '"' || text[start] == '\'')) ++start;
  std::string_view value = scalar->text();
  if (start + value.size() > text.size() || text.substr(start, value.size()) != value ||
      value.substr(0, offset).find('\n') != std::string_view::npos)
    return scalar->pos;
  Position p = scalar->pos;
  p.column += count_code_points(text.substr(scalar->offset, start - scalar->offset + offset));
  return p;
}

std::string property_path(const Node* node) {
  std::vector<std::string> parts;
  for (const Node* n = node; n && n->parent; n = n->parent) {
    const Node* p = n->parent;
    if (p->kind == NodeKind::Mapping && n->index_in_parent < p->size) {
      const Node* key = p->entries()[n->index_in_parent].key;
      parts.emplace_back(key->text());
    } else if (p->kind == NodeKind::Sequence) {
      parts.push_back(std::to_string(n->index_in_parent));
    } else if (p->kind == NodeKind::Intrinsic) {
      parts.emplace_back(fn_long_name(p->fn));
    }
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!out.empty()) out += '/';
    out += *it;
  }
  return out;
}

}  // namespace vpclint
