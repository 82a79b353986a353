#include "analysis/iam_sam.h"

namespace vpclint::iam {

namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// How a resolved value reads inside a pattern: its text when literal, `${Name}` otherwise.
std::string placeholder_text(const Value& v) {
  if (v.kind == ValueKind::Literal) return v.text;
  if (!v.name.empty())
    return "${" + std::string(v.name) + (v.attribute.empty() ? "" : "." + std::string(v.attribute)) + "}";
  return v.text.empty() ? "${?}" : v.text;
}

// A pattern whose placeholders are all filled: Literal when no `${` is left.
Value pattern_value(std::string text, const Node* at) {
  Value v;
  v.kind = text.find("${") == std::string::npos ? ValueKind::Literal : ValueKind::Composite;
  v.text = std::move(text);
  v.node = at;
  return v;
}

// Fills `pattern`'s placeholders for `key` (e.g. "${QueueName}") with each alternative of `node`.
// The value keeps its kind (a ResourceRef stays a ResourceRef, so the caller can tell which
// resource is meant); literal values give a literal (or composite) pattern.
void fill(const Resolver& r, const std::string& pattern, std::string_view key, const Node* node, const Node* at,
          std::vector<Value>& out) {
  if (!node) {
    Value v = pattern_value(pattern, at);
    v.kind = ValueKind::Unknown;  // the parameter is missing: SAM rejects the template
    out.push_back(std::move(v));
    return;
  }
  for (const Value& alt : r.values(node)) {
    if (alt.kind == ValueKind::NoValue) continue;
    std::string text = pattern;
    replace_all(text, key, placeholder_text(alt));
    if (alt.kind == ValueKind::Literal) {
      Value v = pattern_value(std::move(text), alt.node);
      v.guard = alt.guard;
      out.push_back(std::move(v));
    } else {
      Value v = alt;
      v.text = std::move(text);
      out.push_back(std::move(v));
    }
  }
}

ManagedPolicy table_policy(std::string_view path) {
  return *find_managed_policy(path);  // the table holds every AWS managed policy, so those SAM adds
}

}  // namespace

void sam_policy_template(Collector& c, const sam::PolicyTemplate& tpl, const Node* item, const Node* params,
                         const Guard& guard, StatementSink out) {
  std::string origin = "SAM policy template " + std::string(tpl.name);
  for (const sam::TableStatement& ts : tpl.statements) {
    if (!c.spend(out)) return;
    PolicyStatement s;
    s.actions.assign(ts.actions.begin(), ts.actions.end());
    s.has_condition = ts.has_condition;
    s.guard = guard;
    s.node = item;
    s.origin = origin;
    for (std::string_view pattern : ts.resources) {
      // The first template parameter the pattern names decides what the resource is; any other
      // one (DynamoDBStreamReadPolicy names two) is filled with its literal text when it has one.
      std::string text(pattern);
      std::string_view key_param;
      size_t first = std::string::npos;
      for (std::string_view p : tpl.parameters) {
        size_t at = text.find("${" + std::string(p) + "}");
        if (at != std::string::npos && at < first) {
          first = at;
          key_param = p;
        }
      }
      for (std::string_view p : tpl.parameters) {
        if (p == key_param) continue;
        const Node* n = params && params->is_map() ? params->get(p) : nullptr;
        std::vector<Value> v = n ? c.resolver().values(n) : std::vector<Value>{};
        if (v.size() == 1) replace_all(text, "${" + std::string(p) + "}", placeholder_text(v[0]));
      }
      if (key_param.empty()) {
        s.resources.push_back(pattern_value(std::move(text), item));
        continue;
      }
      const Node* pnode = params && params->is_map() ? params->get(key_param) : nullptr;
      fill(c.resolver(), text, "${" + std::string(key_param) + "}", pnode, item, s.resources);
    }
    out.statements.push_back(std::move(s));
  }
}

void sam_policies(Collector& c, const Resource& fn, StatementSink out) {
  const Node* policies = fn.property("Policies");
  if (!policies) return;
  c.items(policies, Guard{}, [&](const Node* item, const Guard& g) {
    if (item->is_map()) {
      if (item->get("Statement")) {
        c.document(item, g, "inline policy in Policies", out);
        return;
      }
      if (item->size == 1) {
        const MapEntry& e = item->entries()[0];
        if (const sam::PolicyTemplate* tpl = sam::find_policy_template(e.key->text())) {
          sam_policy_template(c, *tpl, item, e.value, g, out);
          return;
        }
      }
      out.incomplete = true;  // an unknown policy template or shape
      return;
    }
    c.managed(item, g, true, "(in Policies)", out);
  });
}

void sam_implicit(Collector& c, const Resource& fn, StatementSink out) {
  c.aws_managed(table_policy("service-role/AWSLambdaBasicExecutionRole"), fn.key, Guard{}, "(added by SAM)", out);
  if (const Node* vpc = fn.property("VpcConfig"))
    c.aws_managed(table_policy("service-role/AWSLambdaVPCAccessExecutionRole"), vpc, Guard{},
                  "(added by SAM for VpcConfig)", out);
  if (const Node* tracing = fn.property("Tracing"))
    c.aws_managed(table_policy("AWSXrayWriteOnlyAccess"), tracing, Guard{}, "(added by SAM for Tracing)", out);

  if (const Node* dlq = fn.property("DeadLetterQueue"); dlq && dlq->is_map()) {
    std::vector<Value> type = c.resolver().values(dlq->get("Type") ? dlq->get("Type") : dlq);
    const char* action = nullptr;
    if (type.size() == 1 && type[0].is_literal("SQS")) action = "sqs:SendMessage";
    if (type.size() == 1 && type[0].is_literal("SNS")) action = "sns:Publish";
    if (action && c.spend(out)) {
      PolicyStatement s;
      s.actions = {action};
      for (Value& v : c.resolver().values(dlq->get("TargetArn") ? dlq->get("TargetArn") : dlq))
        if (v.kind != ValueKind::NoValue) s.resources.push_back(std::move(v));
      s.node = dlq;
      s.origin = "SAM DeadLetterQueue";
      out.statements.push_back(std::move(s));
    } else if (!action) {
      out.incomplete = true;
    }
  } else if (dlq) {
    out.incomplete = true;
  }

  if (const Node* events = fn.property("Events"); events && events->is_map()) {
    for (const MapEntry& e : events->entries()) {
      const Node* type = e.value->is_map() ? e.value->get("Type") : nullptr;
      std::string_view t = type ? type->text() : std::string_view();
      const char* policy = t == "SQS"        ? "service-role/AWSLambdaSQSQueueExecutionRole"
                           : t == "Kinesis"  ? "service-role/AWSLambdaKinesisExecutionRole"
                           : t == "DynamoDB" ? "service-role/AWSLambdaDynamoDBExecutionRole"
                           : t == "MSK"      ? "service-role/AWSLambdaMSKExecutionRole"
                                             : nullptr;
      if (policy)
        c.aws_managed(table_policy(policy), e.key, Guard{},
                      "(added by SAM for event " + std::string(e.key->text()) + ")", out);
      else if (t == "MQ" || t == "SelfManagedKafka" || t == "DocumentDB")
        out.incomplete = true;  // SAM adds inline statements vpclint does not model
    }
  }
  if (const Node* invoke = fn.property("EventInvokeConfig");
      invoke && invoke->is_map() && invoke->get("DestinationConfig"))
    out.incomplete = true;  // SAM adds the destinations' permissions
}

namespace {

// The CloudFormation type SAM's connector profiles know a resource by.
}  // namespace

Connectors::Connectors(const ConnectorFacts& connectors) {
  for (const Connector& con : connectors.all()) {
    if (con.source.type.empty()) continue;
    for (const ConnectorEnd& dest : con.destinations) {
      if (dest.type.empty()) continue;
      for (const Node* perm : con.permissions ? con.permissions->items() : std::span<const Node* const>()) {
        const sam::ConnectorProfile* profile = sam::find_connector_profile(con.source.type, dest.type, perm->text());
        if (!profile) continue;
        const ConnectorEnd& function = profile->source_policy ? con.source : dest;
        const ConnectorEnd& other = profile->source_policy ? dest : con.source;
        if (!function.resource || !is_function(function.resource->kind)) continue;
        by_function_[function.resource->logical_id].push_back(Use{profile, con.name, con.at, con.guard, other});
      }
    }
  }
}

void Connectors::apply(Collector& c, const Resource& function, StatementSink out) const {
  auto it = by_function_.find(function.logical_id);
  if (it == by_function_.end()) return;
  for (const Use& use : it->second) {
    std::string end = use.profile->source_policy ? "Destination" : "Source";
    std::string origin = "SAM connector " + std::string(use.name) + " (" + std::string(use.profile->category) + ")";
    const sam::ConnectorResourceType* info = sam::find_connector_resource_type(use.peer.type);
    for (const sam::TableStatement& ts : use.profile->statements) {
      if (!c.spend(out)) return;
      PolicyStatement s;
      s.actions.assign(ts.actions.begin(), ts.actions.end());
      s.has_condition = ts.has_condition;
      s.guard = use.guard;
      s.node = use.at;
      s.origin = origin;
      for (std::string_view pattern : ts.resources) {
        std::string text(pattern);
        std::string arn_key = "${" + end + ".Arn}", name_key = "${" + end + ".Name}";
        bool names_arn = text.find(arn_key) != std::string::npos, names_name = text.find(name_key) != std::string::npos;
        if (!names_arn && !names_name) {
          s.resources.push_back(pattern_value(std::move(text), use.at));
          continue;
        }
        if (use.peer.resource) {
          Value v;
          v.kind = ValueKind::ResourceRef;
          v.name = use.peer.resource->logical_id;
          v.attribute = names_arn ? (info ? info->arn_attribute : std::string_view("Arn"))
                                  : (info ? info->name_attribute : std::string_view());
          std::string id(use.peer.resource->logical_id);
          auto ref = [&](std::string_view attribute) {
            return "${" + id + (attribute.empty() ? "" : "." + std::string(attribute)) + "}";
          };
          replace_all(text, arn_key, ref(info ? info->arn_attribute : "Arn"));
          replace_all(text, name_key, ref(info ? info->name_attribute : "Name"));
          v.text = std::move(text);
          v.node = use.at;
          s.resources.push_back(std::move(v));
        } else if (use.peer.arn && names_arn && !names_name) {
          fill(c.resolver(), text, arn_key, use.peer.arn, use.at, s.resources);
        } else {
          Value v;
          v.kind = ValueKind::Unknown;
          v.text = std::move(text);
          v.node = use.at;
          s.resources.push_back(std::move(v));
        }
      }
      out.statements.push_back(std::move(s));
    }
  }
}

}  // namespace vpclint::iam
