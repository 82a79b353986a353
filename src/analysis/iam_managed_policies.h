// The AWS managed policies vpclint knows the content of (see iam_managed_policies.cpp for sources).
#pragma once
#include <span>
#include <string_view>

#include "analysis/iam.h"

namespace vpclint::iam {

struct ManagedStatement {
  Effect effect = Effect::Allow;
  std::span<const std::string_view> actions;
  std::span<const std::string_view> not_actions;
  std::span<const std::string_view> resources;  // literal patterns
  bool has_condition = false;
  // The policy grants more in this area than the table lists (an abbreviated entry): the
  // statement may or may not cover its actions.
  bool uncertain = false;
};

struct ManagedPolicy {
  std::string_view path;     // after "arn:<partition>:iam::aws:policy/", e.g. "service-role/AWSLambdaRole"
  std::string_view version;  // default version the entry was taken from ("" when not recorded)
  std::span<const ManagedStatement> statements;
  // An event-source policy: granted for what the Lambda service does with the function's role
  // (polling, stream invocation), never evidence of what the code calls.
  bool service_side = false;

  std::string_view name() const {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
  }
};

// By path ("service-role/AWSLambdaVPCAccessExecutionRole"), exact; null when not in the table.
const ManagedPolicy* find_managed_policy(std::string_view path);
// By name alone ("AWSLambdaVPCAccessExecutionRole"), as SAM's Policies accepts it.
const ManagedPolicy* find_managed_policy_by_name(std::string_view name);

// "arn:aws:iam::aws:policy/service-role/X" or "arn:${AWS::Partition}:iam::aws:policy/X" -> the
// path after "policy/"; empty when `arn` is no AWS managed policy ARN.
std::string_view aws_managed_policy_path(std::string_view arn);

}  // namespace vpclint::iam
