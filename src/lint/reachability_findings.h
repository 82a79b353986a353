// Shared by the R4xx rules: sorts every (function, VPC-only resource, VpcConfig variant) of the
// reachability facts into the one rule that owns it, and reports it with the same message shape,
// evidence notes and concrete fix.
#pragma once
#include "analysis/reachability.h"
#include "lint/rule.h"

namespace vpclint {

enum class ReachProblem : uint8_t {
  OutsideVpc,     // R401: the function is in no VPC
  OtherVpc,       // R402: it is in another VPC
  GroupRefuses,   // R403: the resource's security groups do not admit it
  PartlyReached,  // R404: only under some conditions, or only from some subnets
};

// Which problem a variant's verdict is, given whether another variant of the same function
// reaches the resource (then a failing variant is only a partial problem). False: none.
bool classify_reach(Reach reach, bool another_variant_reaches, ReachProblem& out);

void report_reachability(const LintContext& ctx, FindingSink& sink, ReachProblem problem);

}  // namespace vpclint
