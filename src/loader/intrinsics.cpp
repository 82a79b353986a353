#include "loader/intrinsics.h"

#include "loader/sub_parser.h"

namespace vpclint {

namespace {

bool is_string(const Node* n) { return n && n->kind == NodeKind::Scalar; }
// A value position: anything but a bare mapping, which no function accepts as a plain value.
bool is_value(const Node* n) { return n && n->kind != NodeKind::Null; }
size_t list_size(const Node* n) { return n && n->is_seq() ? n->size : static_cast<size_t>(-1); }

std::string expect(Fn fn, std::string_view what) {
  return std::string(fn_long_name(fn)) + " expects " + std::string(what);
}

}  // namespace

bool is_preprocessor_directive(const Node* n) {
  if (!n) return false;
  if (n->tag().starts_with("!Rain::")) return true;
  return n->is_map() && n->size == 1 && n->entries()[0].key->text().starts_with("Rain::");
}

// One case per intrinsic function, each a few lines: the grammar reads best in one place.
// NOLINTNEXTLINE(readability-function-size)
const IntrinsicInfo* check_intrinsic(Fn fn, const Node* arg, Arena& arena, std::string& error) {
  auto* info = arena.make<IntrinsicInfo>();
  // Replaced before CloudFormation evaluates the function: a macro (Fn::Transform) or a Rain
  // directive stands for a value of whatever shape the function needs.
  if (arg && (arg->is_intrinsic(Fn::Transform) || is_preprocessor_directive(arg))) return info;
  // A function vpclint does not know yet is a value of unknown shape.
  if (arg && arg->is_map() && arg->size == 1 && arg->entries()[0].key->text().starts_with("Fn::")) return info;
  auto items = arg && arg->is_seq() ? arg->items() : std::span<const Node* const>();
  switch (fn) {
    case Fn::Ref:
      // AWS::LanguageExtensions allows a computed name: Ref: !Sub "Param${Identifier}".
      if (arg && arg->is_intrinsic()) return info;
      [[fallthrough]];
    case Fn::Condition:
      if (!is_string(arg) || arg->text().empty()) {
        error = expect(fn, "a name (a string)");
        return nullptr;
      }
      info->target = arg->text();
      return info;
    case Fn::GetAtt:
      if (is_string(arg)) {
        // "Cache.PrimaryEndPoint.Address": the resource is before the first dot.
        auto s = arg->text();
        size_t dot = s.find('.');
        if (dot == std::string_view::npos || dot == 0 || dot + 1 == s.size()) {
          error = expect(fn, "'Resource.Attribute' or [Resource, Attribute]");
          return nullptr;
        }
        info->target = s.substr(0, dot);
        info->attribute = s.substr(dot + 1);
        return info;
      }
      // The resource name may be computed (AWS::LanguageExtensions, inside Fn::ForEach).
      if (items.size() != 2 || !(is_string(items[0]) || items[0]->is_intrinsic()) || !is_value(items[1]) ||
          items[1]->is_seq() || items[1]->is_map()) {
        error = expect(fn, "'Resource.Attribute' or a list of two items [Resource, Attribute]") +
                (arg && arg->is_seq() ? ", got " + std::to_string(arg->size) + " items" : "");
        return nullptr;
      }
      info->target = items[0]->text();     // empty when computed
      info->attribute = items[1]->text();  // empty when the attribute is itself a !Ref
      return info;
    case Fn::Sub: {
      const Node* str = arg;
      const Node* vars = nullptr;
      if (arg && arg->is_seq()) {
        if (items.size() != 2 || !is_string(items[0]) || !(items[1]->is_map())) {
          error = expect(fn, "a string or [string, {variables}]");
          return nullptr;
        }
        str = items[0];
        vars = items[1];
      } else if (!is_string(arg)) {
        error = expect(fn, "a string or [string, {variables}]");
        return nullptr;
      }
      info->sub_string = str;
      info->sub_vars = vars;
      info->sub_parts = arena.copy(parse_sub(str->text(), arena));
      return info;
    }
    case Fn::If:
      if (list_size(arg) != 3 || !is_string(items[0])) {
        error = expect(fn, "[condition name, value if true, value if false]") +
                (arg && arg->is_seq() ? ", got " + std::to_string(arg->size) + " items" : "");
        return nullptr;
      }
      info->target = items[0]->text();
      return info;
    case Fn::Equals:
    case Fn::Select:
    case Fn::Split:
    case Fn::Join:
      if (list_size(arg) != 2) {
        error = expect(fn, "a list of two items") + (arg && arg->is_seq() ? ", got " + std::to_string(arg->size) : "");
        return nullptr;
      }
      if (fn == Fn::Join && !is_string(items[0])) {
        error = expect(fn, "[delimiter, [values]] with a string delimiter");
        return nullptr;
      }
      return info;
    case Fn::And:
    case Fn::Or:
      if (list_size(arg) < 2 || list_size(arg) > 10) {
        error = expect(fn, "a list of 2 to 10 conditions");
        return nullptr;
      }
      return info;
    case Fn::Not:
      if (list_size(arg) != 1) {
        error = expect(fn, "a list with exactly one condition");
        return nullptr;
      }
      return info;
    case Fn::FindInMap:
      // A fourth item ({DefaultValue: ...}) is allowed with AWS::LanguageExtensions.
      if (list_size(arg) != 3 && list_size(arg) != 4) {
        error = expect(fn, "[MapName, TopLevelKey, SecondLevelKey]");
        return nullptr;
      }
      return info;
    case Fn::Cidr:
    case Fn::ForEach:
      if (list_size(arg) != 3) {
        error = expect(fn, "a list of three items");
        return nullptr;
      }
      return info;
    case Fn::ImportValue:
    case Fn::Base64:
      if (!is_value(arg) || arg->is_seq() || arg->is_map()) {
        error = expect(fn, "a single value (a string or a function)");
        return nullptr;
      }
      return info;
    case Fn::GetAZs:
      if (arg && (arg->is_seq() || arg->is_map())) {
        error = expect(fn, "a region name (a string, possibly empty)");
        return nullptr;
      }
      return info;
    case Fn::Transform:
      // One macro {Name, Parameters}, or a list of them applied in order.
      if (arg && arg->is_seq()) {
        bool ok = arg->size > 0;
        for (const Node* m : items) ok &= m->is_map() && m->get("Name") != nullptr;
        if (ok) return info;
      }
      if (!arg || !arg->is_map() || !arg->get("Name")) {
        error = expect(fn, "a mapping with Name and Parameters");
        return nullptr;
      }
      return info;
    case Fn::Length:
      if (!arg || !(arg->is_seq() || arg->is_intrinsic())) {
        error = expect(fn, "a list");
        return nullptr;
      }
      return info;
    case Fn::ToJsonString:
      if (!arg || !(arg->is_seq() || arg->is_map() || arg->is_intrinsic())) {
        error = expect(fn, "a mapping or a list");
        return nullptr;
      }
      return info;
    case Fn::GetStackOutput:
      if (!arg || !arg->is_map() || !arg->get("StackName") || !arg->get("OutputName")) {
        error = expect(fn, "a mapping with StackName and OutputName");
        return nullptr;
      }
      return info;
    case Fn::Contains:
    case Fn::EachMemberEquals:
    case Fn::EachMemberIn:
    case Fn::RefAll:
    case Fn::ValueOf:
    case Fn::ValueOfAll: return info;  // Rules-section assertions: CloudFormation checks them, vpclint only reads them
    case Fn::None: break;
  }
  error = "unknown intrinsic function";
  return nullptr;
}

}  // namespace vpclint
