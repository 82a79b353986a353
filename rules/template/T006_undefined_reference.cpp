// T006 undefined-reference: a Ref, GetAtt, Sub variable, DependsOn or condition name that the
// template does not define.
#include "lint/rule.h"

namespace vpclint {
namespace {

std::string_view what(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::Ref: return "!Ref";
    case ReferenceKind::GetAtt: return "!GetAtt";
    case ReferenceKind::Sub: return "!Sub variable";
    case ReferenceKind::DependsOn: return "DependsOn";
    case ReferenceKind::Condition: return "condition";
  }
  return "reference";
}

std::string_view defined_as(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::Condition: return "no condition of that name in Conditions";
    case ReferenceKind::GetAtt:
    case ReferenceKind::DependsOn: return "no resource of that name";
    default: return "no parameter, resource or pseudo parameter of that name";
  }
}

class UndefinedReference : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "T006",
        "undefined-reference",
        "template",
        Severity::Error,
        "A Ref, GetAtt, Sub variable, DependsOn or condition that names nothing in the template",
        "Define the parameter, resource or condition, or correct the name (names are case-sensitive)"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const Reference& r : ctx.references.all()) {
      if (r.defined) continue;
      std::string name(r.target);
      if (!r.attribute.empty() && r.kind == ReferenceKind::Sub) name += "." + std::string(r.attribute);
      Finding& f = sink.report(
          r.node, std::string(what(r.kind)) + " '" + name + "' is undefined: " + std::string(defined_as(r.kind)));
      f.pos = r.pos;
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(UndefinedReference);
}  // namespace vpclint
