#include "analysis/service_calls.h"

#include <unordered_set>

#include "analysis/network_model.h"
#include "model/ascii.h"

namespace vpclint {

namespace {

// What the Lambda service talks to for the function: broker event sources it connects, the
// queues and streams it polls, the destinations and dead-letter targets it delivers to, the keys
// that encrypt those, and the key of the function's environment.
struct ServiceSide {
  std::unordered_set<std::string> deliveries, env_key;
  std::unordered_set<std::string> related;       // polled sources and delivery targets
  std::unordered_set<std::string> related_keys;  // the KMS keys that encrypt them
  bool has_broker_source = false;                // MSK, self-managed Kafka, MQ, DocumentDB
};

// The function whose ARN a joined value is: `${F.Arn}`, or with a version or alias
// `${F.Arn}:live`, `${F.Arn}:*` (Join and Sub render alike). Else empty.
std::string_view function_of_arn(const Template& t, const Value& v) {
  std::string_view text = v.text;
  if (v.kind != ValueKind::Composite || !text.starts_with("${")) return {};
  size_t close = text.find('}');
  if (close == std::string_view::npos) return {};
  std::string_view inner = text.substr(2, close - 2), qualifier = text.substr(close + 1);
  bool qualified =
      qualifier.size() >= 2 && qualifier[0] == ':' && qualifier.find_first_of(":/$", 1) == std::string_view::npos;
  if (!inner.ends_with(".Arn") || !(qualifier.empty() || qualified)) return {};
  const Resource* f = t.resource(inner.substr(0, inner.size() - 4));
  return f && is_function(f->kind) ? f->logical_id : std::string_view();
}

// A template resource is the same target whichever attribute names it (Arn, QueueName, Ref), and
// a function whichever version or alias its ARN names.
std::string identity(const Template& t, const Value& v) {
  if (v.kind == ValueKind::ResourceRef) return NetKey::resource(v.name).serial();
  if (std::string_view f = function_of_arn(t, v); !f.empty()) return NetKey::resource(f).serial();
  return NetKey::of(v).serial();
}

void add_values(const Resolver& r, const Node* n, std::unordered_set<std::string>& out,
                std::unordered_set<std::string>* keys = nullptr);

// The KMS key a queue, stream, topic or table of the template is encrypted with.
const Node* encryption_key(const Resource& res);

// Adds each value's identity to `out`, and the key that encrypts a template resource among them
// to `keys`.
void add_values(const Resolver& r, const Node* n, std::unordered_set<std::string>& out,
                std::unordered_set<std::string>* keys) {
  if (!n) return;
  for (const Value& v : r.values(n)) {
    std::string k = identity(r.model(), v);
    if (k.empty()) continue;
    out.insert(k);
    if (keys && v.kind == ValueKind::ResourceRef)
      if (const Resource* res = r.model().resource(v.name))
        if (const Node* key = encryption_key(*res)) add_values(r, key, *keys);
  }
}

// The KMS key a queue, stream, topic or table of the template is encrypted with.
const Node* encryption_key(const Resource& res) {
  if (res.type == "AWS::SQS::Queue" || res.type == "AWS::SNS::Topic") return res.property("KmsMasterKeyId");
  if (res.type == "AWS::Kinesis::Stream") {
    const Node* e = res.property("StreamEncryption");
    return e && e->is_map() ? e->get("KeyId") : nullptr;
  }
  if (res.type == "AWS::DynamoDB::Table") {
    const Node* e = res.property("SSESpecification");
    return e && e->is_map() ? e->get("KMSMasterKeyId") : nullptr;
  }
  return nullptr;
}

// The mappings a property can be: itself, or each branch of an !If (an AWS::NoValue branch is
// none). A dead-letter queue given under a condition is still the service's target where it exists.
template <class F>
void each_mapping(const Node* n, const F& f, int depth = 0) {
  if (!n || depth > Resolver::kMaxDepth) return;
  if (n->is_intrinsic(Fn::If) && n->info()) {
    auto items = n->arg->items();
    each_mapping(items[1], f, depth + 1);
    each_mapping(items[2], f, depth + 1);
    return;
  }
  if (n->is_map()) f(n);
}

ServiceSide service_side(const Resolver& r, const Resource& fn,
                         const std::unordered_map<std::string_view, std::vector<const Resource*>>& attached) {
  ServiceSide s;
  if (const Node* events = fn.property("Events"); events && events->is_map()) {
    for (const auto& e : events->entries()) {
      if (!e.value->is_map()) continue;
      const Node* type = e.value->get("Type");
      std::string_view ty = type ? type->text() : std::string_view();
      s.has_broker_source |= ty == "MSK" || ty == "SelfManagedKafka" || ty == "MQ" || ty == "DocumentDB";
      const Node* props = e.value->get("Properties");
      if (!props || !props->is_map()) continue;
      if (ty == "SQS") add_values(r, props->get("Queue"), s.related, &s.related_keys);
      if (ty == "Kinesis" || ty == "DynamoDB") add_values(r, props->get("Stream"), s.related, &s.related_keys);
    }
  }
  auto target = [&](const Node* m) { add_values(r, m->get("TargetArn"), s.deliveries, &s.related_keys); };
  each_mapping(fn.property("DeadLetterQueue"), target);
  each_mapping(fn.property("DeadLetterConfig"), target);
  auto destinations = [&](const Node* cfg) {
    each_mapping(cfg, [&](const Node* c) {
      each_mapping(c->get("DestinationConfig"), [&](const Node* d) {
        for (const char* k : {"OnSuccess", "OnFailure"})
          each_mapping(d->get(k),
                       [&](const Node* x) { add_values(r, x->get("Destination"), s.deliveries, &s.related_keys); });
      });
    });
  };
  destinations(fn.property("EventInvokeConfig"));
  add_values(r, fn.property("KmsKeyArn"), s.env_key);
  auto it = attached.find(fn.logical_id);
  if (it != attached.end()) {
    for (const Resource* other : it->second) {
      if (other->kind == ResourceKind::LambdaEventSourceMapping) {
        add_values(r, other->property("EventSourceArn"), s.related, &s.related_keys);
        s.has_broker_source |= other->property("SourceAccessConfigurations") || other->property("Topics") ||
                               other->property("Queues") || other->property("SelfManagedEventSource") ||
                               other->property("DocumentDBEventSourceConfig");
      } else {
        destinations(other->properties);
      }
    }
  }
  s.related.insert(s.deliveries.begin(), s.deliveries.end());
  return s;
}

bool all_in(const Template& t, const std::vector<Value>& resources, const std::unordered_set<std::string>& set) {
  if (resources.empty()) return false;
  for (const Value& v : resources)
    if (!set.count(identity(t, v))) return false;
  return true;
}

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
  std::string a = ascii_lower(action);
  if (!a.starts_with("logs:")) return false;
  std::string_view name = std::string_view(a).substr(5);
  bool writes = name == "*" || name == "putlogevents" || name.starts_with("put*") || name == "createlogstream" ||
                name.starts_with("create*");
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
