// One reading of scalar properties for every analysis: a literal's text, a boolean flag (as
// CloudFormation takes it: "true"/"false" in any case), an integer. What the template does not
// fix (a parameter, an !If with two answers) is reported as such, never guessed.
#pragma once
#include <optional>
#include <string>

#include "model/resolver.h"

namespace vpclint {

// The property's one literal value, or empty.
std::string literal_text(const Resolver& r, const Node* n);

enum class Flag : uint8_t { Absent, True, False, Unknown };
// Absent (or AWS::NoValue), a literal true/false, or something the template does not fix.
Flag flag_of(const Resolver& r, const Node* n);
// A flag with CloudFormation's default for an absent one; an unknown value counts as `fallback`.
bool flag_or(const Resolver& r, const Node* n, bool fallback);

// The property's literal integer value, if it is one.
std::optional<int> integer_of(const Resolver& r, const Node* n);

}  // namespace vpclint
