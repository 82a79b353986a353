// Internal to the IAM analysis: the statements of a role that SAM generates or extends.
#pragma once
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/connectors.h"
#include "analysis/iam_collect.h"
#include "analysis/iam_sam_tables.h"

namespace vpclint::iam {

// SAM `Policies` of a function without Role: managed policy names/ARNs, policy templates
// (parameters resolved from the function's usage), inline policy documents.
void sam_policies(Collector& c, const Resource& fn, StatementSink out);

// The statements of one SAM policy template used as `{Name: params}` at `item`.
void sam_policy_template(Collector& c, const sam::PolicyTemplate& tpl, const Node* item, const Node* params,
                         const Guard& guard, StatementSink out);

// What SAM adds to the role it generates: AWSLambdaBasicExecutionRole always,
// AWSLambdaVPCAccessExecutionRole with VpcConfig, X-Ray with Tracing, the DeadLetterQueue, and the
// polling permissions of SQS/Kinesis/DynamoDB/MSK event sources.
void sam_implicit(Collector& c, const Resource& fn, StatementSink out);

// SAM connectors (read once, in ConnectorFacts) indexed by the function whose role receives
// their statements.
class Connectors {
 public:
  explicit Connectors(const ConnectorFacts& connectors);
  void apply(Collector& c, const Resource& function, StatementSink out) const;

 private:
  using Peer = ConnectorEnd;  // the other end, seen from the function
  struct Use {
    const sam::ConnectorProfile* profile = nullptr;
    std::string_view name;  // the connector's logical id
    const Node* at = nullptr;
    Guard guard;
    Peer peer;
  };
  std::unordered_map<std::string_view, std::vector<Use>> by_function_;
};

}  // namespace vpclint::iam
