#include "model/cdk_path.h"

namespace vpclint {

std::string cdk_construct(const Resource& r) {
  const Node* path = r.metadata && r.metadata->is_map() ? r.metadata->get("aws:cdk:path") : nullptr;
  if (!path || !path->is_scalar()) return {};
  std::string_view text = path->text();
  for (std::string_view child : {"/Resource", "/Default"})
    if (text.ends_with(child)) text.remove_suffix(child.size());
  return std::string(text);
}

}  // namespace vpclint
