#include "config/construct_exclude.h"

#include "config/glob.h"

namespace vpclint {

const std::string* construct_exclusion(const Config& config, std::string_view construct) {
  if (construct.empty()) return nullptr;
  // As for directories, a glob that matches a construct covers everything below it.
  for (const auto& glob : config.exclude) {
    for (size_t end = construct.find('/'); end != std::string_view::npos; end = construct.find('/', end + 1))
      if (glob_match(glob, construct.substr(0, end))) return &glob;
    if (glob_match(glob, construct)) return &glob;
  }
  return nullptr;
}

}  // namespace vpclint
