#pragma once
#include "loader/ast.h"

namespace vpclint {

// Merges a SAM Globals section value into a resource's value the way SAM's translator does:
// mappings merge key by key (recursively, the resource winning), lists concatenate (Globals
// first), and anything else (scalars, intrinsics, mismatched kinds) is replaced by the
// resource's value. Shared subtrees are reused, not copied; only merged mappings/lists are new.
const Node* merge_sam_globals(const Node* global, const Node* local, Arena& arena);

// Which Globals section applies to a resource type ("Function" for AWS::Serverless::Function).
std::string_view sam_globals_section(std::string_view resource_type);

}  // namespace vpclint
