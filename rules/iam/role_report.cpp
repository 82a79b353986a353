#include "iam/role_report.h"

namespace vpclint {

Finding& report_at_role(FindingSink& sink, const EniSubject& subject, std::string message) {
  const Resource& f = *subject.function->function;
  const RoleFacts& role = *subject.role;
  const Node* vpc_key = property_key(f, "VpcConfig");
  const Node* at = role.source == RoleFacts::Source::Template ? property_key(f, "Role") : vpc_key;
  Finding& finding = sink.report(at ? at : f.key, std::move(message), f.logical_id);
  if (role.role)
    finding.notes.push_back({"role " + std::string(role.role->logical_id) + " is defined here", role.role->key->pos});
  if (at != vpc_key && vpc_key) finding.notes.push_back({"attached to a VPC here", vpc_key->pos});
  return finding;
}

}  // namespace vpclint
