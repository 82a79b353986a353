#include "model/sam_globals.h"

#include <unordered_map>
#include <vector>

namespace vpclint {

std::string_view sam_globals_section(std::string_view type) {
  if (type == "AWS::Serverless::Function") return "Function";
  if (type == "AWS::Serverless::Api") return "Api";
  if (type == "AWS::Serverless::HttpApi") return "HttpApi";
  if (type == "AWS::Serverless::SimpleTable") return "SimpleTable";
  if (type == "AWS::Serverless::StateMachine") return "StateMachine";
  if (type == "AWS::Serverless::LayerVersion") return "LayerVersion";
  if (type == "AWS::Serverless::CapacityProvider") return "CapacityProvider";
  return {};
}

const Node* merge_sam_globals(const Node* global, const Node* local, Arena& arena) {
  if (!global) return local;
  if (!local) return global;
  if (global->is_map() && local->is_map()) {
    std::vector<MapEntry> merged;
    merged.reserve(global->size + local->size);
    std::unordered_map<std::string_view, size_t> index;
    for (const auto& e : global->entries()) {
      index.emplace(e.key->text(), merged.size());
      merged.push_back(e);
    }
    for (const auto& e : local->entries()) {
      auto it = index.find(e.key->text());
      if (it == index.end()) {
        merged.push_back(e);
      } else {
        // The resource's key keeps the position; the value is merged.
        merged[it->second] = {e.key, merge_sam_globals(merged[it->second].value, e.value, arena)};
      }
    }
    Node* n = arena.new_node();
    *n = *local;
    n->id = arena.node_count() - 1;
    n->data = arena.copy(merged).data();
    n->size = static_cast<uint32_t>(merged.size());
    return n;
  }
  if (global->is_seq() && local->is_seq()) {
    std::vector<const Node*> items(global->items().begin(), global->items().end());
    items.insert(items.end(), local->items().begin(), local->items().end());
    Node* n = arena.new_node();
    *n = *local;
    n->id = arena.node_count() - 1;
    n->data = arena.copy(items).data();
    n->size = static_cast<uint32_t>(items.size());
    return n;
  }
  return local;
}

}  // namespace vpclint
