// What the R4xx rules share: the (function, VPC-only resource, VpcConfig variant) verdicts one
// rule owns (rule_ids.h decides which), the finding's frame, and the text pieces several rules
// use. Each rule's own file says what its finding says and how to fix it.
#pragma once
#include <string>
#include <vector>

#include "analysis/reachability.h"
#include "lint/rule.h"
#include "lint/rule_ids.h"

namespace vpclint {

// A rule's words for one variant it owns.
struct ReachWords {
  std::string message;
  std::string fix;
  std::vector<Note> notes;
};
using ReachWording = ReachWords (*)(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v);

// Reports every variant whose problem is `problem`, in the rule's words; conditions prefix the
// message, and the same message is reported once.
void report_reach(const LintContext& ctx, FindingSink& sink, ReachProblem problem, ReachWording words);

// The words of R401-R403, which R404 reuses for a variant that fails where another succeeds.
ReachWords outside_vpc_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v);
ReachWords other_vpc_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v);
ReachWords group_refuses_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v);

// Text pieces.
std::vector<std::string> labels(const std::vector<NetKey>& keys);
std::string owner(std::string_view name);  // "Orders'", "Cache's"
std::string plural(size_t n, std::string_view one, std::string_view many);
std::string port_text(const VpcResource& r);      // "TCP 6379", "TCP 9098/9094", "its port"
std::string resource_text(const VpcResource& r);  // "Cache (AWS::ElastiCache::ReplicationGroup, Redis on TCP 6379)"
std::string how_text(const ResourceUsage& u, const ResourceUse& chosen);  // "through CACHE_HOST, CACHE_PORT"
std::string rule_source(const SgRule& rule);                              // "security group FnSg", "10.0.1.0/24"
void placement_note(const VpcResource& r, std::vector<Note>& notes);
void other_uses_notes(const ResourceUsage& u, const ResourceUse& chosen, std::vector<Note>& notes);
// "a security group that Cache's security groups (CacheSecurityGroup) admit on TCP 6379"
std::string admitted_group(const VpcResource& r);

}  // namespace vpclint
