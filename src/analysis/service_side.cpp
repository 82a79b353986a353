#include "analysis/service_side.h"

#include <algorithm>

#include "analysis/net_key.h"
#include "model/ascii.h"
#include "model/resource_kind.h"

namespace vpclint {

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

namespace {

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

// The secrets (SourceAccessConfigurations, a Confluent registry's AccessConfigs) and the Glue
// schema registry an event source mapping's properties name: Lambda reads them with the role.
void add_source_config(const Resolver& r, const Node* props, ServiceSide& s) {
  auto secrets = [&](const Node* list) {
    if (!list || !list->is_seq()) return;
    for (const Node* c : list->items()) {
      const Node* type = c->is_map() ? c->get("Type") : nullptr;
      std::string_view t = type ? type->text() : std::string_view();
      bool secret = t == "BASIC_AUTH" || t == "SASL_SCRAM_256_AUTH" || t == "SASL_SCRAM_512_AUTH" ||
                    t == "CLIENT_CERTIFICATE_TLS_AUTH" || t == "SERVER_ROOT_CA_CERTIFICATE";
      if (!secret || !c->get("URI")) continue;
      add_values(r, c->get("URI"), s.source_config);
      s.source_services.insert("secretsmanager");
    }
  };
  secrets(props->get("SourceAccessConfigurations"));
  if (const Node* registry = props->get("SchemaRegistryConfig"); registry && registry->is_map()) {
    secrets(registry->get("AccessConfigs"));
    if (const Node* uri = registry->get("SchemaRegistryURI")) {
      add_values(r, uri, s.source_config);
      for (const Value& v : r.values(uri))
        if (v.text.find(":glue:") != std::string::npos) s.source_services.insert("glue");
    }
  }
}

}  // namespace

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
      add_source_config(r, props, s);
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
  // An event source's on-failure destination (SAM events, like AWS::Lambda::EventSourceMapping).
  if (const Node* events = fn.property("Events"); events && events->is_map())
    for (const auto& e : events->entries())
      if (e.value->is_map()) destinations(e.value->get("Properties"));
  add_values(r, fn.property("KmsKeyArn"), s.env_key);
  auto it = attached.find(fn.logical_id);
  if (it != attached.end()) {
    for (const Resource* other : it->second) {
      if (other->kind == ResourceKind::LambdaEventSourceMapping) {
        add_values(r, other->property("EventSourceArn"), s.related, &s.related_keys);
        add_source_config(r, other->properties, s);
        destinations(other->properties);
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

std::string action_prefix(std::string_view action) {
  return ascii_lower(action.substr(0, std::min(action.size(), action.find(':'))));
}

bool all_wildcard(const std::vector<Value>& resources) {
  return !resources.empty() && std::all_of(resources.begin(), resources.end(), [](const Value& v) {
    return v.kind == ValueKind::Literal && v.text == "*";
  });
}

bool all_in(const Template& t, const std::vector<Value>& resources, const std::unordered_set<std::string>& set) {
  if (resources.empty()) return false;
  for (const Value& v : resources)
    if (!set.count(identity(t, v))) return false;
  return true;
}

}  // namespace vpclint
