// V310 file-system-without-vpc: A function with FileSystemConfigs that is not attached to a VPC
#include "analysis/facts.h"
#include "analysis/function_vpc.h"
#include "lint/rule.h"

#include <set>

namespace vpclint {
namespace {

class FileSystemWithoutVpc : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "V310",
        "file-system-without-vpc",
        "vpc-config",
        Severity::Error,
        "A function that mounts an EFS file system (FileSystemConfigs) but is not attached to a VPC",
        "Attach the function to subnets of the file system's VPC (VpcConfig), with a security group "
        "the mount targets admit on TCP 2049"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    for (const FunctionVpc& fn : ctx.facts.functions.functions()) {
      const MapEntry* entry =
          fn.function->properties ? fn.function->properties->find_entry("FileSystemConfigs") : nullptr;
      if (!entry || !entry->value) continue;
      const Node* configs = entry->value;
      std::set<std::string> seen;
      for (const ListAlternative& mounts : ctx.resolver.list(configs)) {
        if (!mounts.unknown && mounts.items.empty()) continue;  // [] or every item removed: no mount
        // With no VpcConfig at all there is one way to be detached: always.
        std::vector<const VpcAttachment*> detached;
        VpcAttachment none;
        if (fn.variants.empty()) detached.push_back(&none);
        for (const VpcAttachment& v : fn.variants)
          if (!v.attached()) detached.push_back(&v);
        for (const VpcAttachment* v : detached) {
          Guard when = mounts.guard;
          if (!when.combine(v->guard)) continue;
          std::string message = std::string(fn.function->logical_id) +
                                " mounts a file system (FileSystemConfigs) but is not attached to a VPC: Lambda "
                                "reaches EFS only through mount targets in a VPC, so the deployment fails";
          std::string condition = when.describe();
          if (!condition.empty()) message = condition + ", " + message;
          if (!seen.insert(message).second) continue;
          Finding& f = sink.report(entry->key ? entry->key : configs, message, fn.function->logical_id);
          const MapEntry* vpc = fn.function->properties->find_entry("VpcConfig");
          if (v->vpc_config)
            f.notes.push_back({"VpcConfig attaches no subnet and no security group here", v->vpc_config->pos});
          else if (vpc && vpc->key)
            f.notes.push_back({"VpcConfig is removed (AWS::NoValue) in this case", vpc->key->pos});
          else
            f.notes.push_back({std::string(fn.function->logical_id) + " has no VpcConfig", fn.function->key->pos});
        }
      }
    }
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(FileSystemWithoutVpc);
}  // namespace vpclint
