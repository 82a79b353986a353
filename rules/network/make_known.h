// How to turn "vpclint cannot see this subnet" into a definite answer: a `.vpclint.yaml` entry
// that works for the way the template names it, or the templates to lint together.
#pragma once
#include <string>
#include <vector>

#include "analysis/net_key.h"

namespace vpclint {

// The example id every suggested entry uses, so a reader (and the test that applies each
// suggestion) can replace it.
inline constexpr const char* kExampleSubnetId = "subnet-0abc";

// One sentence for the unknown subnets of a finding: entries in backticks are YAML a config can
// hold as written, once the example id is replaced.
// `not_in`, per key: the snapshots read that do not hold it (then only a statement can help).
std::string make_known_hint(const std::vector<NetKey>& keys, const std::vector<std::string>& labels,
                            const std::vector<std::string>& not_in);

}  // namespace vpclint
