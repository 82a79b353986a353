// `.vpclint.yaml` `exclude` globs also name CDK construct paths (`AppStack/Legacy/**`): a finding
// on a resource at or below a matching construct is not reported.
#pragma once
#include <string>
#include <string_view>

#include "config/config.h"

namespace vpclint {

// The glob of `config.exclude` that matches `construct` or one of its parents, or null.
const std::string* construct_exclusion(const Config& config, std::string_view construct);

}  // namespace vpclint
