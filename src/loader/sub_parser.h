#pragma once
#include <string_view>
#include <vector>

#include "loader/ast.h"

namespace vpclint {

// Splits an Fn::Sub string into literal text and `${Name}` / `${Res.Attr}` variables.
// `${!Literal}` is the escape for a literal `${Literal}`. An unclosed `${` stays literal text,
// as CloudFormation leaves it. Literal parts point into `storage` when unescaping was needed.
std::vector<SubPart> parse_sub(std::string_view s, Arena& storage);

}  // namespace vpclint
