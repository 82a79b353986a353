#include "analysis/connectors.h"

#include "analysis/iam_collect.h"

namespace vpclint {

namespace {

// The type SAM's connector profiles know a resource by.
std::string_view connector_type(const Resource& r) {
  switch (r.kind) {
    case ResourceKind::ServerlessFunction: return "AWS::Lambda::Function";
    case ResourceKind::ServerlessSimpleTable: return "AWS::DynamoDB::Table";
    case ResourceKind::ServerlessStateMachine: return "AWS::StepFunctions::StateMachine";
    case ResourceKind::ServerlessApi: return "AWS::ApiGateway::RestApi";
    case ResourceKind::ServerlessHttpApi: return "AWS::ApiGatewayV2::Api";
    default: break;
  }
  if (r.type == "AWS::Serverless::GraphQLApi") return "AWS::AppSync::GraphQLApi";
  return r.type;
}

ConnectorEnd end_of(const Template& t, const Node* end) {
  ConnectorEnd e;
  if (!end || !end->is_map()) return e;
  if (const Node* id = end->get("Id"); id && id->is_scalar()) {
    e.resource = t.resource(id->text());
    if (e.resource) e.type = connector_type(*e.resource);
    return e;
  }
  if (const Node* type = end->get("Type"); type && type->is_scalar()) {
    e.type = type->text();
    e.arn = end->get("Arn");
  }
  return e;
}

}  // namespace

ConnectorFacts::ConnectorFacts(const Template& t) {
  auto add = [&](ConnectorEnd source, const Node* props, std::string_view name, const Node* at, const Guard& guard) {
    if (!props || !props->is_map()) return;
    Connector c;
    c.name = name;
    c.at = at;
    c.guard = guard;
    c.source = source.type.empty() && !source.resource ? end_of(t, props->get("Source")) : source;
    if (const Node* d = props->get("Destination")) {
      if (d->is_seq())
        for (const Node* item : d->items()) c.destinations.push_back(end_of(t, item));
      else
        c.destinations.push_back(end_of(t, d));
    }
    c.permissions = props->get("Permissions");
    connectors_.push_back(std::move(c));
  };
  for (const Resource& res : t.resources()) {
    if (res.kind == ResourceKind::ServerlessConnector)
      add({}, res.properties, res.logical_id, res.key, iam::resource_guard(res));
    const Node* embedded = res.node && res.node->is_map() ? res.node->get("Connectors") : nullptr;
    if (!embedded || !embedded->is_map()) continue;
    ConnectorEnd self{&res, nullptr, connector_type(res)};
    for (const MapEntry& e : embedded->entries())
      if (e.value->is_map()) add(self, e.value->get("Properties"), e.key->text(), e.key, iam::resource_guard(res));
  }
}

}  // namespace vpclint
