// How serious a finding is. Below the project layer and the rule framework, which both speak it:
// the team's config sets severities per rule, rules declare a default, reporters print it.
#pragma once
#include <cstdint>
#include <string_view>

namespace vpclint {

enum class Severity : uint8_t { Info = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);
// "error" | "warning" | "info"; returns false for anything else.
bool parse_severity(std::string_view s, Severity& out);

}  // namespace vpclint
