// The one home of "which rule reports this": the N1xx and R4xx rules select what they report
// here, and the picture asks the same question to colour a broken path with its rule.
#pragma once
#include <string_view>

#include "analysis/egress.h"
#include "analysis/reachability.h"

namespace vpclint {

// The rule that reports a path to an AWS service: N101-N106 when it is known to be blocked (by
// its blocker; the Lambda API has its own rule), N107 when subnets outside the template leave it
// undetermined and nothing in the template gives their VPC a way out; empty when none does.
std::string_view egress_rule(const ServicePath& p);

enum class ReachProblem : uint8_t {
  OutsideVpc,     // the function is in no VPC
  OtherVpc,       // it is in another VPC
  GroupRefuses,   // the resource's security groups do not admit it
  PartlyReached,  // only under some conditions, or only from some subnets
};

// Which problem a variant's verdict is, given whether another variant of the same function
// reaches the resource (then a failing variant is only a partial problem). False: none.
bool classify_reach(Reach reach, bool another_variant_reaches, ReachProblem& out);
// Whether any variant of a usage reaches the resource (or might: then the others are partial).
bool any_variant_reaches(const ResourceUsage& u);
std::string_view reach_rule(ReachProblem p);

}  // namespace vpclint
