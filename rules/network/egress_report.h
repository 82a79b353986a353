// What the N1xx rules share: the paths one rule owns (rule_ids.h decides which), grouped per
// function and VpcConfig variant, the finding's frame and evidence, and the text pieces several
// rules use. Each rule's own file says what the cause is, how to fix it and how severe it is.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/egress.h"
#include "lint/rule.h"
#include "lint/rule_ids.h"

namespace vpclint {

// The paths of one function variant that one rule owns.
struct BlockedEgress {
  const FunctionEgress* egress = nullptr;
  std::vector<const ServicePath*> paths;
  std::vector<std::string> subnets, tables, groups;  // labels: the blocked subnets, their tables, the function's groups
  std::string stated_in;                   // the config file that states the subnets, or the template that defines them
  bool defined_elsewhere = false;          // stated_in is another template of the project, not a config
  bool observed = false;                   // stated_in is an account snapshot: it shows what is deployed
  bool all_conditional = false;            // every call's permission is granted only under a Condition
  std::vector<const SubnetPath*> blocked;  // the blocked subnets (of the first path naming each)
  std::vector<NearMiss> near_misses;       // of every path, without repeats

  const ServicePath& first() const { return *paths.front(); }
  const NetKey& vpc() const { return first().vpc; }
  // "the Lambda API", or "these services" for several.
  std::string service() const;
  // "the Lambda API", "Secrets Manager and S3".
  std::string services() const;
  // The endpoint names: "lambda", "secretsmanager or s3".
  std::string endpoints() const;
  // "its subnet's" / "its subnets'".
  std::string subnets_possessive() const;
  // The interface endpoint a blocked subnet found (N104, N105), if the template defines it.
  const NetEndpoint* endpoint() const;
};

// A rule's words for what it owns.
struct EgressWords {
  std::string cause;  // follows "OrderCancel's calls to the Lambda API will hang until the 30 s timeout: "
  std::string fix;
  std::optional<Severity> severity;  // unset: the rule's configured severity
  std::string qualifier;             // appended to the message
  // What becomes of the calls, after "its calls to S (...)": empty for "will hang until the
  // function's timeout".
  std::string consequence;
};
using EgressWording = EgressWords (*)(const BlockedEgress&);

// Reports, per function variant, the paths `rule` owns, in the rule's words.
void report_blocked_egress(const LintContext& ctx, FindingSink& sink, std::string_view rule, EgressWording words);

// A permission granted only under a Condition may never apply: a warning, and the message says so.
void soften_when_conditional(const BlockedEgress& b, EgressWords& w);

// "its subnets' route table RT has no route out of Vpc (no NAT) and no lambda endpoint", each
// subnet's own cause when they differ, and the first near miss (egress_words.cpp).
std::string no_route_cause(const BlockedEgress& b);
// The near misses' one-line changes first ("add RT to S3Endpoint's RouteTableIds"), then the
// numbered ways out of a VPC for the service: gateway endpoint (when it has one), interface
// endpoint, NAT, then what only this kind of call can do instead (let Lambda deliver, move it).
std::string ways_out(const BlockedEgress& b);
// The near misses' one-line changes, "; "-joined, or empty.
std::string near_miss_fixes(const BlockedEgress& b);
// A note at each near miss's resource.
std::vector<Note> near_miss_notes(const BlockedEgress& b);
// The same ways out as CDK calls, for a function the CDK synthesized (cdk_fix.h).
std::string cdk_ways_out(const BlockedEgress& b);
bool is_cdk_function(const BlockedEgress& b);

// "main route table", "route table RT" or "route tables A, B": the blocked subnets' tables.
std::string tables_phrase(const BlockedEgress& b);

// "the function's security group" or its groups' labels.
std::string function_groups_text(const BlockedEgress& b);

// One line per call: "the Lambda API (lambda:InvokeFunction on Worker, granted at line 40)".
std::string describe_call(const ServiceCall& call);
// One note per policy statement that grants the call ("lambda:InvokeFunction on Worker granted
// here (SAM policy template LambdaInvokePolicy)"), and one for what no statement shows.
void add_call_notes(const ServiceCall& call, const Position& fallback, std::vector<Note>& notes);

}  // namespace vpclint
