// What Lambda needs from the execution role of a VPC-attached function: the facts the I2xx
// rules share, so no rule decides them on its own.
#pragma once
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/function_vpc.h"
#include "analysis/iam.h"

namespace vpclint {

// Lambda refuses to create or update a VPC-attached function whose role lacks these (on "*").
inline constexpr std::array<std::string_view, 3> kEniRequiredActions{
    "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"};
// What AWSLambdaVPCAccessExecutionRole adds on top; Lambda's documentation lists them for
// VPC-attached functions (subnet look-up, secondary private IP addresses).
inline constexpr std::array<std::string_view, 3> kEniRecommendedActions{
    "ec2:DescribeSubnets", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"};

struct MissingAction {
  std::string_view action;
  Evaluation evaluation;  // NotAllowed, or Denied (evidence: the Deny, or by_boundary)
};

// The actions the role certainly does not get on every resource (decision NotAllowed or Denied)
// in the situation `assuming` describes. Maybe and Unknown never count: the template cannot tell.
std::vector<MissingAction> missing_actions(const RoleFacts& role, std::span<const std::string_view> actions,
                                           const Guard& assuming = Guard{});

// Whether the function's own execution role must manage network interfaces: some variant of its
// VpcConfig attaches it to a VPC. A function on a capacity provider (Lambda Managed Instances)
// does not count: the provider's operator role creates those interfaces.
struct EniNeed {
  bool needed = false;
  bool always = false;               // attached in every variant
  std::vector<Guard> situations;     // the conditions of each attached variant (distinct)
  Guard exists;                      // the function's own Condition: what is assumed, never named
  const Node* vpc_config = nullptr;  // the function's VpcConfig (Globals merged)
};
EniNeed eni_need(const FunctionVpc& fn);

// What the role misses of `actions` in the situations where the function is attached.
struct EniGap {
  std::vector<MissingAction> missing;  // each action once, from the first situation that misses it
  std::string when;                    // "when condition InVpc is true"; empty when it misses them whenever attached
};
EniGap eni_gap(const EniNeed& need, const RoleFacts& role, std::span<const std::string_view> actions);

// A VPC-attached function whose execution role the template lets vpclint judge, judged once:
// what I201 (required actions) and I202 (recommended ones) both read.
struct EniSubject {
  const FunctionVpc* function;
  EniNeed need;
  const RoleFacts* role;
  EniGap required;               // of kEniRequiredActions
  bool allows_required = false;  // certainly allows them all whenever attached
  EniGap recommended;            // of kEniRecommendedActions
};

class EniFacts {
 public:
  EniFacts(const FunctionVpcFacts& functions, const IamFacts& iam);
  const std::vector<EniSubject>& subjects() const { return subjects_; }

 private:
  std::vector<EniSubject> subjects_;
};

// Whether the role certainly allows every one of `actions` (on every resource) in every
// situation in which the function is attached.
bool allows_all(const EniNeed& need, const RoleFacts& role, std::span<const std::string_view> actions);

// How findings name a function's role: "its role OrderCancelRole (line 40)", "the role SAM
// generates for it".
std::string role_phrase(const RoleFacts& role);
// "ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface".
std::string action_list(const std::vector<MissingAction>& actions);
// The key of a resource property (Globals merged), where findings about the property point; null
// when the property is absent.
const Node* property_key(const Resource& r, std::string_view name);

}  // namespace vpclint
