#include "vpc_config/vpc_id_items.h"

#include <set>

#include "analysis/facts.h"

namespace vpclint {

void for_each_id_list(const LintContext& ctx, const std::function<void(const IdListView&)>& on_list,
                      const std::function<void(const IdListView&, const Value&)>& on_item) {
  for (const FunctionVpc& fn : ctx.facts.functions.functions()) {
    // Variants of one VpcConfig share its nodes (an !If inside SubnetIds, Globals): once each.
    std::set<const Node*> lists, items;
    for (const VpcAttachment& v : fn.variants) {
      if (!v.attached()) continue;
      for (IdList which : {IdList::Subnets, IdList::SecurityGroups}) {
        const ResolvedList& list = which == IdList::Subnets ? v.subnets : v.security_groups;
        if (!list.present()) continue;
        IdListView view{which, fn, v, list};
        const Node* whole = list.unknown ? list.whole.node : list.node;
        if (lists.insert(whole ? whole : list.node).second) on_list(view);
        for (const auto& alternatives : list.items)
          for (const Value& value : alternatives)
            if (value.node && items.insert(value.node).second) on_item(view, value);
      }
    }
  }
}

bool joins_several_ids(const Value& v) {
  if (v.kind == ValueKind::Literal || v.kind == ValueKind::Composite) return v.text.find(',') != std::string::npos;
  return v.kind == ValueKind::Parameter && v.parameter && is_list_type(v.parameter->type);
}

std::string describe_id_value(const Value& v) {
  switch (v.kind) {
    case ValueKind::Literal:
    case ValueKind::Composite:
    case ValueKind::DynamicRef: return "'" + v.text + "'";
    case ValueKind::Parameter: return "!Ref " + std::string(v.name);
    case ValueKind::ResourceRef: return "!Ref " + std::string(v.name);
    case ValueKind::Import: return "!ImportValue " + v.text;
    default: return v.text.empty() ? "the value" : v.text;
  }
}

Finding& report_id_value(FindingSink& sink, const IdListView& view, const Value& v, const Node* at,
                         std::string message) {
  std::string when = v.guard.describe();
  if (!when.empty()) message = when + ", " + message;
  Finding& f = sink.report(at ? at : view.list.node, message, view.fn.function->logical_id);
  // Where the value sits: the list it is an item of, else the VpcConfig that holds the list.
  if (at && at != view.list.node)
    f.notes.push_back({"an item of " + std::string(view.property()) + ", which Lambda reads as a list of " +
                           (view.which == IdList::Subnets ? "subnet ids" : "security group ids"),
                       view.list.node->pos});
  else if (const Node* key = view.variant.property_key())
    f.notes.push_back({std::string(view.property()) + " of this VpcConfig", key->pos});
  if (v.stated) {
    const ConfigSource& s = *v.stated;
    f.notes.push_back({(s.what.empty() ? s.file : s.what) + " sets " + describe_id_value(v), s.pos, s.file});
  }
  if (view.variant.from_globals)
    f.notes.push_back({"VpcConfig inherited from Globals by " + std::string(view.fn.function->logical_id),
                       view.fn.function->key->pos});
  return f;
}

}  // namespace vpclint
