// V307 joined-id-list: SubnetIds or SecurityGroupIds given as one comma-joined string, or a list
// inside the list, where Lambda takes a list of ids
#include "vpc_config/vpc_id_items.h"

namespace vpclint {
namespace {

// What can only be one string: exports, dynamic references and nested-stack outputs always are.
bool always_one_string(const Value& v) {
  switch (v.kind) {
    case ValueKind::Literal:
    case ValueKind::Composite:
    case ValueKind::Import:
    case ValueKind::DynamicRef:
    case ValueKind::ResourceRef: return true;
    case ValueKind::Parameter: return v.parameter && !is_list_type(v.parameter->type);
    default: return false;
  }
}

bool has_comma(const Value& v) {
  return (v.kind == ValueKind::Literal || v.kind == ValueKind::Composite) && v.text.find(',') != std::string::npos;
}

class JoinedIdList : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "V307",
        "joined-id-list",
        "vpc-config",
        Severity::Error,
        "SubnetIds or SecurityGroupIds given as one comma-joined string, or as a list inside the list",
        "Give a list of ids: !Split [',', value] for a joined string or an export, !Ref ListParameter as the "
        "whole property"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for_each_id_list(
        ctx,
        [&](const IdListView& view) {
          const Value& whole = view.list.whole;
          // The property itself is written as the string (not a !Split or a list parameter of it).
          if (!view.list.unknown || !whole.node || whole.node != view.list.alternative || !always_one_string(whole))
            return;
          report_id_value(sink, view, whole, whole.node,
                          std::string(view.fn.function->logical_id) + " gives " + std::string(view.property()) +
                              " as " + describe_id_value(whole) +
                              ", one string where Lambda takes a list of ids: the deployment fails");
        },
        [&](const IdListView& view, const Value& item) {
          std::string fn(view.fn.function->logical_id), property(view.property());
          if (has_comma(item)) {
            report_id_value(sink, view, item, item.node,
                            fn + " lists " + describe_id_value(item) + " as one " + property +
                                " item, but it joins several ids: Lambda looks it up as one id, which does not "
                                "exist, and the deployment fails");
          } else if (item.kind == ValueKind::Parameter && item.parameter && is_list_type(item.parameter->type)) {
            report_id_value(sink, view, item, item.node,
                            fn + " lists " + describe_id_value(item) + " (" + std::string(item.parameter->type) +
                                ") as one " + property + " item: a list inside the list fails the deployment");
          }
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(JoinedIdList);
}  // namespace vpclint
