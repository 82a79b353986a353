// SAM connectors (AWS::Serverless::Connector resources and the `Connectors` embedded in a
// resource), read once per template: the IAM analysis turns them into role statements, the
// reachability analysis takes them as a function's stated intent to use a resource.
#pragma once
#include <string_view>
#include <vector>

#include "model/condition_guard.h"
#include "model/template.h"

namespace vpclint {

// One end of a connector: a template resource (Id), or a type with an ARN.
struct ConnectorEnd {
  const Resource* resource = nullptr;  // given by Id
  const Node* arn = nullptr;           // given by Arn
  std::string_view type;               // CloudFormation type (SAM types as SAM's profiles name them)
};

struct Connector {
  std::string_view name;     // the connector's logical id, or its key in `Connectors`
  const Node* at = nullptr;  // where it is written
  Guard guard;               // the conditions of the resource that holds it
  ConnectorEnd source;       // the embedding resource for an embedded connector
  std::vector<ConnectorEnd> destinations;
  const Node* permissions = nullptr;  // the Permissions list
};

class ConnectorFacts {
 public:
  explicit ConnectorFacts(const Template& t);
  const std::vector<Connector>& all() const { return connectors_; }

 private:
  std::vector<Connector> connectors_;
};

}  // namespace vpclint
