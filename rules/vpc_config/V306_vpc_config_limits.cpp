// V306 vpc-config-limits: More than 16 subnets or more than 5 security groups (Lambda's limits)
#include "vpc_config/vpc_variants.h"

namespace vpclint {
namespace {

// " (3 from Globals, which SAM adds to the function's own)", or empty.
std::string from_globals(const ResolvedList& list, std::string_view what) {
  if (list.from_globals == 0 || list.from_globals == list.items.size()) return {};
  return " (" + std::to_string(list.from_globals) + " from Globals, " + "which SAM adds to the function's own " +
         std::to_string(list.items.size() - list.from_globals) + " " + std::string(what) +
         (list.items.size() - list.from_globals == 1 ? "" : "s") + ")";
}

// A note at the first item Globals contributed.
void globals_note(const ResolvedList& list, std::string_view what, std::vector<Note>& notes) {
  if (list.from_globals == 0 || list.from_globals == list.items.size()) return;
  if (list.items[0].empty() || !list.items[0][0].node) return;
  notes.push_back({"Globals.Function.VpcConfig adds " + std::to_string(list.from_globals) + " " + std::string(what) +
                       (list.from_globals == 1 ? "" : "s") + " from here; SAM lists are additive",
                   list.items[0][0].node->pos});
}

class VpcConfigLimits : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"V306",
                            "vpc-config-limits",
                            "vpc-config",
                            Severity::Error,
                            "More than 16 subnets or more than 5 security groups (Lambda's limits)",
                            "Keep at most 16 subnets and 5 security groups in VpcConfig"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_vpc_variants(
        ctx, sink,
        [&](const FunctionVpc& fn, const VpcAttachment& v, const Node*& at, std::vector<Note>& notes) -> std::string {
          if (!v.subnets.unknown && v.subnets.items.size() > 16) {
            at = v.subnets.node;
            if (!v.subnets.items[16].empty() && v.subnets.items[16][0].node)
              notes.push_back({"the 17th subnet", v.subnets.items[16][0].node->pos});
            globals_note(v.subnets, "subnet", notes);
            return std::string(fn.function->logical_id) + " lists " + std::to_string(v.subnets.items.size()) +
                   " subnets" + from_globals(v.subnets, "subnet") + "; Lambda accepts at most 16";
          }
          if (!v.security_groups.unknown && v.security_groups.items.size() > 5) {
            at = v.security_groups.node;
            if (!v.security_groups.items[5].empty() && v.security_groups.items[5][0].node)
              notes.push_back({"the 6th security group", v.security_groups.items[5][0].node->pos});
            globals_note(v.security_groups, "security group", notes);
            return std::string(fn.function->logical_id) + " lists " + std::to_string(v.security_groups.items.size()) +
                   " security groups" + from_globals(v.security_groups, "security group") +
                   "; Lambda accepts at most 5";
          }
          return {};
        });
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcConfigLimits);
}  // namespace vpclint
