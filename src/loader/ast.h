// The template AST: every node keeps its position; intrinsic functions are nodes of their own,
// whichever form (short tag or long `Fn::` key) the author used. Nodes live in an arena owned by
// the Document; aliases share the anchored node instead of copying it.
#pragma once
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string_view>
#include <vector>

#include "loader/source.h"

namespace vpclint {

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping, Intrinsic };

enum class Fn : uint8_t {
  None,
  Ref,
  GetAtt,
  Sub,
  If,
  Equals,
  And,
  Or,
  Not,
  Condition,
  Join,
  Select,
  Split,
  FindInMap,
  ImportValue,
  Base64,
  Cidr,
  GetAZs,
  Transform,
  ForEach,
  Length,
  ToJsonString,
  GetStackOutput,  // {StackName, OutputName, Region, RoleArn}: another stack's output, no export needed
  // Functions of the template's Rules section.
  Contains,
  EachMemberEquals,
  EachMemberIn,
  RefAll,
  ValueOf,
  ValueOfAll,
};

// "Ref", "Fn::GetAtt", ... (the long form's key).
std::string_view fn_long_name(Fn fn);
// Recognises a long-form key ("Ref", "Fn::Sub", "Condition") or a short tag without "!" ("Sub").
Fn fn_from_long_name(std::string_view key);
Fn fn_from_tag(std::string_view tag_without_bang);

struct Node;

struct MapEntry {
  const Node* key;
  const Node* value;
};

// A `${...}` part of an Fn::Sub string, or the literal text between them.
struct SubPart {
  enum class Kind : uint8_t { Literal, Variable } kind;
  std::string_view text;  // literal text (with `${!` unescaped to `${`) or the variable name
  uint32_t offset;        // byte offset of the part inside the Sub string
};

// A `{{resolve:service:...}}` dynamic reference found inside a string.
struct DynamicRef {
  std::string_view service;    // ssm, ssm-secure, secretsmanager
  std::string_view reference;  // everything after "service:" (may contain ${} when built by Sub)
  std::string_view full;       // the whole {{resolve:...}} text
};

// Parsed payload of an intrinsic, filled by the loader when the shape is right.
struct IntrinsicInfo {
  std::string_view target;           // Ref name, GetAtt resource, Condition name, If condition
  std::string_view attribute;        // GetAtt attribute ("PrimaryEndPoint.Address")
  const Node* sub_string = nullptr;  // Fn::Sub template string node
  const Node* sub_vars = nullptr;    // Fn::Sub variable map (may be null)
  std::span<const SubPart> sub_parts;
};

// Rarely needed extras, kept out of Node so the common node stays 64 bytes.
struct NodeExtra {
  std::string_view tag;                      // non-intrinsic explicit tag as written (e.g. "tag:yaml.org,2002:binary")
  std::span<const DynamicRef> dynamic_refs;  // `{{resolve:...}}` inside a scalar
};

struct Node {
  NodeKind kind = NodeKind::Null;
  Fn fn = Fn::None;
  bool quoted = false;  // scalar written in quotes (so `<<` or `null` are plain text)
  uint32_t id = 0;      // dense index, for visited-sets over the shared DAG
  Position pos;
  uint32_t offset = 0;         // byte offset of the node's first character in SourceText::text()
  uint32_t size = 0;           // scalar length, item or entry count
  const void* data = nullptr;  // chars, items, entries, or IntrinsicInfo (null: wrong shape)
  const Node* arg = nullptr;   // intrinsic argument, as written
  const NodeExtra* extra = nullptr;
  // First place this node was attached (aliases keep the anchor's), for property paths.
  const Node* parent = nullptr;
  uint32_t index_in_parent = 0;

  bool is_scalar() const { return kind == NodeKind::Scalar; }
  bool is_map() const { return kind == NodeKind::Mapping; }
  bool is_seq() const { return kind == NodeKind::Sequence; }
  bool is_null() const { return kind == NodeKind::Null; }
  bool is_intrinsic() const { return kind == NodeKind::Intrinsic; }
  bool is_intrinsic(Fn f) const { return kind == NodeKind::Intrinsic && fn == f; }

  std::string_view text() const {
    return kind == NodeKind::Scalar ? std::string_view(static_cast<const char*>(data), size) : std::string_view();
  }
  std::span<const Node* const> items() const {
    if (kind != NodeKind::Sequence) return {};
    return {static_cast<const Node* const*>(data), size};
  }
  std::span<const MapEntry> entries() const {
    if (kind != NodeKind::Mapping) return {};
    return {static_cast<const MapEntry*>(data), size};
  }
  // Intrinsic payload; null when the argument's shape is wrong (reported as T004).
  const IntrinsicInfo* info() const {
    return kind == NodeKind::Intrinsic ? static_cast<const IntrinsicInfo*>(data) : nullptr;
  }
  std::string_view tag() const { return extra ? extra->tag : std::string_view(); }
  std::span<const DynamicRef> dynamic_refs() const {
    return extra ? extra->dynamic_refs : std::span<const DynamicRef>();
  }

  // Mapping lookup by key text (linear: template mappings are small; the model indexes big ones).
  const Node* get(std::string_view key) const;
  const MapEntry* find_entry(std::string_view key) const;
};

// Position of byte `offset` of a scalar's value: exact when the scalar sits on one line as
// written (plain or quoted without escapes); otherwise the scalar's own position.
Position position_in_scalar(const SourceText& source, const Node* scalar, size_t offset);

// "Resources/OrderCancel/Properties/VpcConfig/SubnetIds/0".
std::string property_path(const Node* node);

// Owns every node and string of one document.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  Node* new_node() {
    auto* n = static_cast<Node*>(pool_.allocate(sizeof(Node), alignof(Node)));
    new (n) Node();
    n->id = node_count_++;
    return n;
  }
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    auto* p = static_cast<char*>(pool_.allocate(s.size(), 1));
    std::copy(s.begin(), s.end(), p);
    return {p, s.size()};
  }
  template <class T>
  std::span<const T> copy(const std::vector<T>& v) {
    if (v.empty()) return {};
    auto* p = static_cast<T*>(pool_.allocate(sizeof(T) * v.size(), alignof(T)));
    std::uninitialized_copy(v.begin(), v.end(), p);
    return {p, v.size()};
  }
  template <class T>
  T* make() {
    auto* p = static_cast<T*>(pool_.allocate(sizeof(T), alignof(T)));
    return new (p) T();
  }
  uint32_t node_count() const { return node_count_; }

 private:
  std::pmr::monotonic_buffer_resource pool_{64 * 1024};
  uint32_t node_count_ = 0;
};

// Visits every node reachable from `root` that `seen` (indexed by Node::id) does not mark yet, and
// marks it: aliased subtrees are shared, so a naive walk of an alias bomb would be exponential.
// Several walks can share one `seen` to stay linear overall. `f(node)` returns false to skip the
// node's children.
template <class F>
void visit_once(const Node* root, std::vector<bool>& seen, F&& f) {
  if (!root) return;
  std::vector<const Node*> stack{root};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->id >= seen.size()) seen.resize(n->id + 1);
    if (seen[n->id]) continue;
    seen[n->id] = true;
    if (!f(n)) continue;
    switch (n->kind) {
      case NodeKind::Sequence:
        for (auto it = n->items().rbegin(); it != n->items().rend(); ++it) stack.push_back(*it);
        break;
      case NodeKind::Mapping:
        for (auto it = n->entries().rbegin(); it != n->entries().rend(); ++it) {
          stack.push_back(it->value);
          stack.push_back(it->key);
        }
        break;
      case NodeKind::Intrinsic:
        if (n->arg) stack.push_back(n->arg);
        break;
      default: break;
    }
  }
}

}  // namespace vpclint
