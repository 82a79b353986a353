// V308 parameter-name-as-id: An item of SubnetIds or SecurityGroupIds that is the name of one of
// the template's parameters, written as text (a missing !Ref)
#include "vpc_config/vpc_id_items.h"

namespace vpclint {
namespace {

class ParameterNameAsId : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "V308",
        "parameter-name-as-id",
        "vpc-config",
        Severity::Error,
        "An item of SubnetIds or SecurityGroupIds that is a parameter's name as text (a missing !Ref)",
        "Reference the parameter: !Ref Name instead of Name"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for_each_id_list(
        ctx, [](const IdListView&) {},
        [&](const IdListView& view, const Value& item) {
          // Only text written in the template: a value set elsewhere names no parameter of it.
          if (item.kind != ValueKind::Literal || item.stated || !item.node || !item.node->is_scalar()) return;
          const Parameter* p = ctx.model.parameter(item.text);
          if (!p) return;
          Finding& f = report_id_value(sink, view, item, item.node,
                                       std::string(view.fn.function->logical_id) + " lists '" + item.text + "' in " +
                                           std::string(view.property()) +
                                           ", the name of a parameter, not its value: the deployment fails");
          if (p->key)
            f.notes.push_back({"parameter " + item.text + " is declared here; write !Ref " + item.text, p->key->pos});
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(ParameterNameAsId);
}  // namespace vpclint
