#include <algorithm>

#include "lint/linter.h"

namespace vpclint {

std::vector<const Finding*> sorted_findings(const RunResult& run) {
  std::vector<const Finding*> all;
  for (const auto& f : run.files)
    for (const auto& finding : f.findings) all.push_back(&finding);
  std::stable_sort(all.begin(), all.end(), [](const Finding* a, const Finding* b) { return finding_less(*a, *b); });
  return all;
}

}  // namespace vpclint
