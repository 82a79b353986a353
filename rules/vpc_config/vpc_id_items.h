// Shared by the rules about the values in SubnetIds and SecurityGroupIds (V307-V309): every
// list and every item alternative of every VpcConfig variant, each visited once.
#pragma once
#include <functional>
#include <string>

#include "analysis/function_vpc.h"
#include "lint/rule.h"

namespace vpclint {

enum class IdList { Subnets, SecurityGroups };

struct IdListView {
  IdList which;
  const FunctionVpc& fn;
  const VpcAttachment& variant;
  const ResolvedList& list;

  std::string_view property() const { return which == IdList::Subnets ? "SubnetIds" : "SecurityGroupIds"; }
  std::string_view prefix() const { return which == IdList::Subnets ? "subnet-" : "sg-"; }
};

// Calls `on_list` once per list node (whole-list checks) and `on_item` once per distinct item
// alternative (its node), across the variants of every attached function.
void for_each_id_list(const LintContext& ctx, const std::function<void(const IdListView&)>& on_list,
                      const std::function<void(const IdListView&, const Value&)>& on_item);

// An item that stands for several ids, wrongly (V307): a comma-joined string or a list parameter.
bool joins_several_ids(const Value& v);

// "'subnet-a,subnet-b'", "!Ref Subnets", "!ImportValue net-PrivateSubnets": how a value is written.
std::string describe_id_value(const Value& v);

// The finding's headline with the value's conditions in front ("when UseVpc is true, ...") and,
// when the value came from outside the template, a note at its source.
Finding& report_id_value(FindingSink& sink, const IdListView& view, const Value& v, const Node* at,
                         std::string message);

}  // namespace vpclint
