#include "analysis/service_calls.h"

#include <unordered_set>

#include "analysis/iam.h"
#include "analysis/network_model.h"
#include "analysis/service_side.h"
#include "model/ascii.h"

namespace vpclint {

namespace {

std::string target_text(const Template& t, const Value& v) {
  if (v.kind == ValueKind::ResourceRef) return std::string(v.name);
  // `${F.Arn}:live` -> "F:live" (a version or alias of F)
  if (std::string_view f = function_of_arn(t, v); !f.empty())
    return std::string(f) + v.text.substr(v.text.find('}') + 1);
  if (v.kind == ValueKind::Literal || v.kind == ValueKind::Composite) return v.text;
  if (v.kind == ValueKind::Parameter)
    return "parameter " + std::string(v.name) + (v.origin ? " of " + v.origin->display() : std::string());
  return "(computed)";
}

// Lambda ships the function's own logs (/aws/lambda/<name>); an extension that runs inside the
// function's network writes its own. Lambda Insights writes to /aws/lambda-insights: a write
// grant on that log group is the extension's call to CloudWatch Logs.
bool is_insights_telemetry(std::string_view action, const std::vector<Value>& resources) {
  bool writes = action_matches(action, "logs:PutLogEvents") || action_matches(action, "logs:CreateLogStream");
  return writes && std::any_of(resources.begin(), resources.end(), [](const Value& v) {
           return (v.kind == ValueKind::Literal || v.kind == ValueKind::Composite) &&
                  v.text.find("/aws/lambda-insights") != std::string::npos;
         });
}

// The Lambda Insights extension among the function's layers, if listed: more evidence.
const Node* insights_layer(const Resolver& r, const Resource& fn) {
  for (const auto& alt : r.list(fn.property("Layers")))
    for (const auto& item : alt.items)
      for (const Value& v : item)
        if (v.text.find(":layer:LambdaInsightsExtension") != std::string::npos) return v.node;
  return nullptr;
}

// What an environment variable's resource reference says the code talks to.
std::string_view service_of_resource(ResourceKind k, std::string_view type) {
  switch (k) {
    case ResourceKind::LambdaFunction:
    case ResourceKind::ServerlessFunction: return "lambda";
    case ResourceKind::ServerlessSimpleTable: return "dynamodb";
    case ResourceKind::ServerlessStateMachine: return "states";
    default: break;
  }
  if (type == "AWS::SQS::Queue") return "sqs";
  if (type == "AWS::SNS::Topic") return "sns";
  if (type == "AWS::DynamoDB::Table" || type == "AWS::DynamoDB::GlobalTable") return "dynamodb";
  if (type == "AWS::SecretsManager::Secret") return "secretsmanager";
  if (type == "AWS::S3::Bucket") return "s3";
  if (type == "AWS::StepFunctions::StateMachine") return "states";
  if (type == "AWS::Kinesis::Stream") return "kinesis-streams";
  if (type == "AWS::Events::EventBus") return "events";
  return {};
}

}  // namespace

const ServiceCall* FunctionCalls::find(std::string_view endpoint) const {
  for (const auto& c : calls)
    if (c.service.endpoint == endpoint) return &c;
  return nullptr;
}

ServiceCallFacts::ServiceCallFacts(const Template& t, const Resolver& r, const IamFacts& iam) {
  // Event source mappings and EventInvokeConfigs name their function: index them once.
  std::unordered_map<std::string_view, std::vector<const Resource*>> attached;
  for (const Resource& res : t.resources()) {
    if (res.kind != ResourceKind::LambdaEventSourceMapping && res.kind != ResourceKind::LambdaEventInvokeConfig)
      continue;
    for (const Value& v : r.values(res.property("FunctionName")))
      if (v.kind == ValueKind::ResourceRef) attached[v.name].push_back(&res);
  }
  // Custom resources by the function their ServiceToken names (!GetAtt F.Arn, !Ref F, !Sub '${F.Arn}',
  // or a version or alias of it).
  std::unordered_map<std::string_view, std::vector<const Resource*>> custom;
  for (const Resource& res : t.resources()) {
    if (res.type != "AWS::CloudFormation::CustomResource" && !res.type.starts_with("Custom::")) continue;
    for (const Value& v : r.values(res.property("ServiceToken"))) {
      std::string_view fn = v.kind == ValueKind::ResourceRef ? std::string_view(v.name) : function_of_arn(t, v);
      if (const Resource* f = fn.empty() ? nullptr : t.resource(fn); f && is_function(f->kind))
        custom[f->logical_id].push_back(&res);
    }
  }
  for (const Resource& res : t.resources()) {
    if (!is_function(res.kind)) continue;
    FunctionCalls fc;
    fc.function = &res;
    const RoleFacts* role = iam.role_of(res.logical_id);
    ServiceSide side = service_side(r, res, attached);
    auto add = [&](const ServiceEndpoint& svc) -> ServiceCall& {
      for (auto& c : fc.calls)
        if (c.service.endpoint == svc.endpoint) return c;
      fc.calls.push_back({svc, {}, {}, nullptr, true});
      return fc.calls.back();
    };
    if (role) {
      for (const PolicyStatement& st : role->statements) {
        // Unresolved or abbreviated statements may hide a finding but must never make one.
        if (st.effect != Effect::Allow || !st.not_actions.empty() || st.uncertain || st.service_side) continue;
        for (const std::string& action : st.actions) {
          if (action == "*") {
            if (!fc.allow_all) fc.allow_all = &st;
            continue;
          }
          if (is_insights_telemetry(action, st.resources)) {
            ServiceCall& call = add(ServiceEndpoint{"logs", "CloudWatch Logs", false});
            call.telemetry = true;
            call.evidence.push_back({action, &st, {"/aws/lambda-insights"}});
            call.conditional &= st.has_condition || !st.guard.always();
            continue;
          }
          ServiceEndpoint svc = service_of_action(action);
          if (svc.endpoint.empty()) continue;
          if (is_event_source_poll_action(action)) continue;
          if (side.has_broker_source && is_broker_source_action(action)) continue;
          if (is_delivery_action(action) && all_in(t, st.resources, side.deliveries)) continue;
          // What comes with polling or delivering (queue URL and attributes, stream metadata, the
          // key that encrypts the queue or stream) is the service's when every resource is one of those.
          if (is_source_metadata_action(action) && all_in(t, st.resources, side.related)) continue;
          if (is_key_use_action(action) && all_in(t, st.resources, side.related_keys)) continue;
          if (svc.endpoint == "kms" && all_in(t, st.resources, side.env_key)) continue;
          // The poller reads the mapping's secrets and schema registry with the role: a grant on
          // them, or on "*" beside them, shows no call of the code (it cannot tell them apart).
          if (side.source_services.count(action_prefix(action)) &&
              (all_in(t, st.resources, side.source_config) || all_wildcard(st.resources)))
            continue;
          ServiceCall& call = add(svc);
          CallEvidence ev{action, &st, {}};
          for (const Value& v : st.resources) ev.targets.push_back(target_text(t, v));
          call.evidence.push_back(std::move(ev));
          call.conditional &= st.has_condition || !st.guard.always();
        }
      }
    }
    // Environment variables that name a resource of a service: a better message, and evidence
    // when the role allows everything.
    if (const Node* env = res.property("Environment"); env && env->get("Variables")) {
      for (const auto& e : env->get("Variables")->entries()) {
        for (const Value& v : r.values(e.value)) {
          if (v.kind != ValueKind::ResourceRef) continue;
          const Resource* target = t.resource(v.name);
          if (!target) continue;
          std::string_view svc = service_of_resource(target->kind, target->type);
          if (svc.empty()) continue;
          ServiceCall* call = nullptr;
          for (auto& c : fc.calls)
            if (c.service.endpoint == svc) call = &c;
          if (!call && fc.allow_all) {
            ServiceEndpoint ep = service_of_action(std::string(svc == "kinesis-streams" ? "kinesis" : svc) + ":x");
            call = &add(ep);
            call->evidence.push_back({"*", fc.allow_all, {std::string(v.name)}});
            call->conditional = fc.allow_all->has_condition || !fc.allow_all->guard.always();
          }
          if (!call) continue;
          call->env_hints.push_back(std::string(e.key->text()) + " names " + std::string(v.name));
          if (!call->env_node) call->env_node = e.key;
        }
      }
    }
    for (ServiceCall& call : fc.calls)
      if (call.telemetry)
        if (const Node* layer = insights_layer(r, res)) {
          call.env_hints.push_back("Layers includes the Lambda Insights extension");
          call.env_node = layer;
        }
    // A custom resource's handler answers CloudFormation with a PUT to a pre-signed S3 URL: no IAM
    // grant shows it, and without a way to S3 the stack waits for the custom resource's timeout.
    if (auto it = custom.find(res.logical_id); it != custom.end()) {
      ServiceCall& call = add(service_of_action("s3:PutObject"));
      bool conditional = true;
      for (const Resource* cr : it->second) {
        call.evidence.push_back({"PUT of its response", nullptr, {"a pre-signed S3 URL"}});
        call.env_hints.push_back("it serves custom resource " + std::string(cr->logical_id) +
                                 ", and CloudFormation waits up to an hour for that response");
        if (!call.env_node) call.env_node = cr->property("ServiceToken");
        conditional &= !cr->condition.empty();
      }
      call.conditional = call.conditional && conditional && call.evidence.size() == it->second.size();
    }
    index_.emplace(res.logical_id, functions_.size());
    functions_.push_back(std::move(fc));
  }
}

const FunctionCalls* ServiceCallFacts::of(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &functions_[it->second];
}

}  // namespace vpclint
