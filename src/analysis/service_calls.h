// Which AWS services a function's own code calls, with the evidence: the IAM permissions its
// role grants (minus what the Lambda service does for it), strengthened by environment
// variables that name a function, queue, table, topic or secret.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/aws_services.h"
#include "analysis/iam.h"

namespace vpclint {

struct CallEvidence {
  std::string action;  // as granted: "lambda:InvokeFunction", "sqs:Send*"
  const PolicyStatement* statement = nullptr;
  std::vector<std::string> targets;  // "RefundWorker", "arn:...:function:x", "*"
};

struct ServiceCall {
  ServiceEndpoint service;
  std::vector<CallEvidence> evidence;
  std::vector<std::string> env_hints;  // "REFUND_FUNCTION names RefundWorker"
  const Node* env_node = nullptr;      // the first such environment variable
  bool conditional = false;            // every granting statement has a Condition or template condition
  // Made by an extension in the function's network (Lambda Insights' telemetry), not by the
  // handler: without a path the telemetry is lost, the handler does not wait for it.
  bool telemetry = false;
};

struct FunctionCalls {
  const Resource* function = nullptr;
  std::vector<ServiceCall> calls;
  // The role allows "*" (or AdministratorAccess/PowerUserAccess): no evidence of any service
  // on its own; services named by environment variables are still counted.
  const PolicyStatement* allow_all = nullptr;

  const ServiceCall* find(std::string_view endpoint) const;
};

class ServiceCallFacts {
 public:
  ServiceCallFacts(const Template& t, const Resolver& r, const IamFacts& iam);
  const FunctionCalls* of(std::string_view function_id) const;

 private:
  std::vector<FunctionCalls> functions_;
  std::unordered_map<std::string_view, size_t> index_;
};

}  // namespace vpclint
