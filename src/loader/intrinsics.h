#pragma once
#include <string>

#include "loader/ast.h"

namespace vpclint {

// Checks the argument of an intrinsic against the shape CloudFormation requires and extracts the
// payload (Ref target, GetAtt resource/attribute, Sub parts, If condition...). Returns null and
// sets `error` when the shape is wrong.
// A Rain (template preprocessor) directive: `!Rain::Embed file` or `{Rain::Module: path}`.
bool is_preprocessor_directive(const Node* n);

const IntrinsicInfo* check_intrinsic(Fn fn, const Node* arg, Arena& arena, std::string& error);

}  // namespace vpclint
