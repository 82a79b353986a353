// Shared by the N1xx rules: each reports the egress facts with its own blocker, with the same
// message shape, evidence chain and ranked ways out.
#pragma once
#include "analysis/egress.h"
#include "lint/rule.h"

namespace vpclint {

enum class EgressScope : uint8_t { LambdaApi, OtherServices, AnyService };

// Reports every service path blocked by `blocker` within `scope`; with Blocker::NoRoute it also
// reports, as warnings, paths whose subnets lie outside the template with no way out in it.
void report_egress(const LintContext& ctx, FindingSink& sink, Blocker blocker, EgressScope scope);

}  // namespace vpclint
