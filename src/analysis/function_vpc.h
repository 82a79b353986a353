// Which functions are attached to a VPC, through which subnets and security groups, per !If
// branch of their VpcConfig (SAM Globals already merged by the model).
#pragma once
#include <unordered_map>
#include <vector>

#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

// A list property (SubnetIds, SecurityGroupIds) under one set of conditions.
struct ResolvedList {
  const Node* node = nullptr;             // the property as written; null when absent
  std::vector<std::vector<Value>> items;  // each item's alternatives (AWS::NoValue items dropped)
  bool unknown = false;                   // the whole list is a parameter, import, SSM value...
  Value whole;                            // what the list is when unknown
  // The alternative it comes from: the property, or a branch of an !If on it. When `whole.node`
  // is this node, the property itself is written as that value (not a !Split of it).
  const Node* alternative = nullptr;
  // How many items SAM's Globals contributed: a function's own list adds to the Globals one
  // (lists concatenate, Globals first), so a count may hold items the function never wrote.
  size_t from_globals = 0;

  bool present() const { return node != nullptr; }
  // Known to be empty (absent, `[]`, or every item removed by AWS::NoValue).
  bool empty() const { return !unknown && items.empty(); }
};

// One way the function's VpcConfig can look.
struct VpcAttachment {
  Guard guard;                       // conditions under which it looks like this
  const Node* vpc_config = nullptr;  // where findings about it point
  bool from_globals = false;         // inherited from Globals.Function.VpcConfig
  bool via_capacity_provider = false;
  bool ipv6_allowed = false;  // Ipv6AllowedForDualStack: the function may send IPv6 from dual-stack subnets
  ResolvedList subnets;
  ResolvedList security_groups;

  // The `VpcConfig` key this variant comes from (the Globals one when inherited, the property
  // itself when the variant is a branch of an !If): where findings about it point.
  const Node* property_key() const;

  // Lambda treats `VpcConfig: {}` and empty lists as "not in a VPC".
  bool attached() const { return !subnets.empty() || !security_groups.empty(); }
};

struct FunctionVpc {
  const Resource* function = nullptr;
  // Every variant of the VpcConfig, attached or not. A function without VpcConfig has none.
  std::vector<VpcAttachment> variants;
  const Resource* capacity_provider = nullptr;  // Lambda Managed Instances: the provider's subnets

  bool maybe_attached() const;
  bool always_attached() const;
};

class FunctionVpcFacts {
 public:
  FunctionVpcFacts(const Template& t, const Resolver& r);
  const std::vector<FunctionVpc>& functions() const { return functions_; }
  const FunctionVpc* find(std::string_view logical_id) const;

 private:
  std::vector<FunctionVpc> functions_;
  std::unordered_map<std::string_view, size_t> index_;
};

}  // namespace vpclint
