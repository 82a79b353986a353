// The deployments that lack a conditional way out: a NAT gateway, route or endpoint under a
// Condition the function does not share gives it a path only where that condition is true.
#pragma once
#include <functional>
#include <vector>

#include "analysis/egress.h"
#include "model/condition_logic.h"

namespace vpclint {

// For each condition of the resources `fe`'s working paths rely on that its variant (and its
// function's own Condition) does not assume, and that can be false together with them: the
// calls with no path when it is false, as computed by `paths_in`. At most one entry per condition.
std::vector<FunctionEgress> without_conditional_ways(
    const FunctionEgress& fe, const ConditionLogic& logic,
    const std::function<std::vector<ServicePath>(Deployment)>& paths_in);

}  // namespace vpclint
