// V309 name-instead-of-id: A literal in SubnetIds or SecurityGroupIds that is not an id
// (subnet-..., sg-...): a name, where Lambda accepts ids only
#include "vpc_config/vpc_id_items.h"

namespace vpclint {
namespace {

class NameInsteadOfId : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "V309",
        "name-instead-of-id",
        "vpc-config",
        Severity::Error,
        "A literal in SubnetIds or SecurityGroupIds that is not an id (subnet-..., sg-...), such as a "
        "security group's name",
        "Use the id (sg-..., subnet-...), or !Ref / !GetAtt GroupId of the resource in the template"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for_each_id_list(
        ctx, [](const IdListView&) {},
        [&](const IdListView& view, const Value& item) {
          if (item.kind != ValueKind::Literal || item.text.starts_with(view.prefix())) return;
          // A comma-joined string (V307) or a parameter's name (V308) has its own rule.
          if (item.text.find(',') != std::string::npos) return;
          if (!item.stated && ctx.model.parameter(item.text)) return;
          bool groups = view.which == IdList::SecurityGroups;
          report_id_value(sink, view, item, item.node,
                          std::string(view.fn.function->logical_id) + " lists '" + item.text + "' in " +
                              std::string(view.property()) + ", which is not a " +
                              (groups ? "security group" : "subnet") + " id (" + std::string(view.prefix()) +
                              "...): Lambda accepts ids only, so the deployment fails");
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(NameInsteadOfId);
}  // namespace vpclint
