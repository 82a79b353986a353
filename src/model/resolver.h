// Answers "what can this value be" for rules, so no rule interprets raw intrinsics itself.
#pragma once
#include <string>
#include <string_view>
#include <vector>

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
  Unknown,      // anything else: text says what (e.g. "Fn::GetAZs")
};

struct Value {
  ValueKind kind = ValueKind::Unknown;
  std::string text;
  std::string_view name;
  std::string_view attribute;
  const Parameter* parameter = nullptr;
  const Node* node = nullptr;            // where this alternative is written
  Guard guard;                           // conditions under which the value takes this alternative
  const ConfigSource* stated = nullptr;  // a parameter or SSM value the team stated in its config

  bool is_literal(std::string_view s) const { return kind == ValueKind::Literal && text == s; }
};

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
  explicit Resolver(const Template& t, const StatedValues* stated = nullptr) : t_(t), stated_(stated) {}

  // All alternatives of a value; at most kMaxAlternatives (then one Unknown stands for the rest).
  std::vector<Value> values(const Node* node, const Guard& start = {}) const;
  // A list property; `start` holds the conditions already assumed (an enclosing !If branch).
  std::vector<ListAlternative> list(const Node* node, const Guard& start = {}) const;

  static constexpr size_t kMaxAlternatives = 64;

 private:
  void collect(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void collect_list(const Node* node, const Guard& guard, std::vector<ListAlternative>& out, int depth) const;
  Value ref(const Node* node, std::string_view name, const Guard& guard) const;
  void sub(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void join(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  void find_in_map(const Node* node, const Guard& guard, std::vector<Value>& out, int depth) const;
  std::string single_literal(const Node* node, const Guard& guard, int depth, bool& ok) const;
  const ExternalValue* stated_parameter(const Parameter& p) const;
  const ExternalValue* stated_ssm(std::string_view reference) const;

  const Template& t_;
  const StatedValues* stated_;
};

}  // namespace vpclint
