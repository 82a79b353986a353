// Answers "what can this value be" for rules, so no rule interprets raw intrinsics itself.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/bindings.h"
#include "model/condition_guard.h"
#include "model/stated_values.h"
#include "model/template.h"

namespace vpclint {

enum class ValueKind : uint8_t {
  Literal,      // text is the value
  ResourceRef,  // Ref or GetAtt to a resource of this template: name (+ attribute)
  Parameter,    // Ref to a template parameter: name, parameter
  Pseudo,       // AWS::Region, AWS::AccountId, ...: name
  NoValue,      // AWS::NoValue: the property or list item is removed
  DynamicRef,   // {{resolve:...}}: unknown at lint time; text is the reference
  Import,       // Fn::ImportValue: text is the export name (or its Sub pattern)
  Composite,    // Sub/Join with parts unknown at lint time: text with ${Name} placeholders
  Foreign,      // a resource of another template of the project: origin, name (+ attribute)
  Unknown,      // anything else: text says what (e.g. "Fn::GetAZs")
};

struct Value {
  ValueKind kind = ValueKind::Unknown;
  std::string text;
  std::string_view name;
  std::string_view attribute;
  const Parameter* parameter = nullptr;
  const Node* node = nullptr;  // where this alternative is written
  Guard guard;                 // conditions under which the value takes this alternative
  // Where a value from outside the template is set: the team's config, samconfig, an export, the
  // parent's Parameters entry. The last hop when values pass through several templates.
  const ConfigSource* stated = nullptr;
  // Foreign: the template (in its use) that holds the resource. Parameter: set when the parameter
  // is another template's (one a parent passes on unresolved).
  const Resolver* origin = nullptr;

  bool is_literal(std::string_view s) const { return kind == ValueKind::Literal && text == s; }
};

// A value of `kind` written at `node`, under `guard`.
Value make_value(ValueKind kind, const Node* node, const Guard& guard, std::string text = {});

// One way a list can look: `!If [C, [a, b], [c]]` has two; items each carry their alternatives.
struct ListAlternative {
  Guard guard;
  const Node* node = nullptr;
  std::vector<std::vector<Value>> items;  // NoValue items are dropped
  bool unknown = false;                   // the list itself is not known (a parameter of type List, an import...)
  Value whole;                            // what the list is when unknown
};

class Resolver {
 public:
  // `stated` supplies the parameter and SSM values the template cannot show; may be null.
  // `bindings` supplies what other templates of the project give this one; may be null.
  explicit Resolver(const Template& t, const StatedValues* stated = nullptr, const Bindings* bindings = nullptr)
      : t_(t), stated_(stated), bindings_(bindings) {}

  const Template& model() const { return t_; }
  const Bindings* bindings() const { return bindings_; }
  // How keys and notes name this template: the bindings' label, else the file's path.
  const std::string& label() const;
  // Short, for messages: the file name, with the parent that nests it.
  std::string display() const;

  // All alternatives of a value; at most kMaxAlternatives (then one Unknown stands for the rest).
  std::vector<Value> values(const Node* node, const Guard& start = {}) const;
  // A list property; `start` holds the conditions already assumed (an enclosing !If branch).
  std::vector<ListAlternative> list(const Node* node, const Guard& start = {}) const;

  static constexpr size_t kMaxAlternatives = 64;
  // Intrinsics nest a few levels in practice; deeper nesting is hostile and resolves to Unknown.
  static constexpr int kMaxDepth = 32;

 private:
  void collect(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void collect_ref(const Node* node, std::string_view name, const Guard& guard, std::vector<Value>& out,
                   int depth) const;
  void collect_import(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void collect_getatt(const Node* node, const Guard& guard, std::vector<Value>& out) const;
  void collect_stack_output(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  // Resolves a binding's expression in its template and brings each value here.
  void follow(const Binding& b, const Node* node, const Guard& guard, std::vector<Value>& out) const;
  // The items of a string-valued expression split at `delimiter` (!Split's source).
  void split(const Node* node, std::string_view delimiter, const Guard& guard, ListAlternative& alt, int depth) const;
  void follow_split(const Binding& b, std::string_view delimiter, const Node* node, const Guard& guard,
                    ListAlternative& alt) const;
  const Binding* binding_of(const Node* node, const Guard& guard, int depth) const;
  void collect_list(const Node* node, const Guard& guard, std::vector<ListAlternative>& out, int depth) const;
  Value ref(const Node* node, std::string_view name, const Guard& guard) const;
  void sub(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void join(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void find_in_map(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  std::string single_literal(const Node* node, const Guard& guard, int depth, bool& ok) const;
  const ExternalValue* stated_parameter(const Parameter& p) const;
  const ExternalValue* stated_ssm(std::string_view reference) const;
  const ExternalValue* stated_import(std::string_view name) const;

  const Template& t_;
  const StatedValues* stated_;
  const Bindings* bindings_;
};

// A parameter type whose value is a list: CommaDelimitedList, List<...>, SSM list values.
bool is_list_type(std::string_view type);

// "a,b , c" -> {"a", "b", "c"}: CloudFormation's list parameters and Fn::Split on literals.
std::vector<std::string_view> split_text(std::string_view text, std::string_view delimiter);

}  // namespace vpclint
