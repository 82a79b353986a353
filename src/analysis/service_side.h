// What the Lambda service itself reads, polls and delivers to with a function's execution role:
// a grant on those resources shows no call of the function's code (service_calls.cpp asks).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

// What the Lambda service talks to for the function: broker event sources it connects, the
// queues and streams it polls, the destinations and dead-letter targets it delivers to, the keys
// that encrypt those, and the key of the function's environment.
struct ServiceSide {
  std::unordered_set<std::string> deliveries, env_key;
  std::unordered_set<std::string> related;       // polled sources and delivery targets
  std::unordered_set<std::string> related_keys;  // the KMS keys that encrypt them
  bool has_broker_source = false;                // MSK, self-managed Kafka, MQ, DocumentDB
  // What an event source mapping's poller reads with the role: the secrets of its
  // SourceAccessConfigurations and schema registry, the Glue schema registry itself.
  std::unordered_set<std::string> source_config;
  std::unordered_set<std::string> source_services;  // "secretsmanager", "glue"
};

// `attached`: the template's event source mappings and invoke configs, by the function they name.
ServiceSide service_side(const Resolver& r, const Resource& fn,
                         const std::unordered_map<std::string_view, std::vector<const Resource*>>& attached);

// The function whose ARN a joined value is: `${F.Arn}`, or with a version or alias
// `${F.Arn}:live`, `${F.Arn}:*` (Join and Sub render alike). Else empty.
std::string_view function_of_arn(const Template& t, const Value& v);

// Every resource of a statement is in `set` (by identity: whichever attribute names it).
bool all_in(const Template& t, const std::vector<Value>& resources, const std::unordered_set<std::string>& set);
// Every resource is "*".
bool all_wildcard(const std::vector<Value>& resources);
// "secretsmanager" for "secretsmanager:GetSecretValue".
std::string action_prefix(std::string_view action);

}  // namespace vpclint
