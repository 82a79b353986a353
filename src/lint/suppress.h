// Matching findings against the template's suppressions.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

#include "lint/finding.h"
#include "lint/rule.h"
#include "model/suppressions.h"

namespace vpclint {

// Moves every finding a suppression matches from `findings` to `suppressed` (with the reason)
// and says, per suppression, whether it was used. `rule_active` tells whether a rule id names a
// rule that ran; suppressions of other ids are not judged. Hashing keeps it linear.
std::vector<SuppressionUse> apply_suppressions(const TemplateSuppressions& suppressions, std::vector<Finding>& findings,
                                               std::vector<Finding>& suppressed,
                                               const std::function<bool(std::string_view)>& rule_active);

}  // namespace vpclint
