#include "lint/finding.h"

#include <tuple>

namespace vpclint {

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.pos.line, a.pos.column, a.rule, a.message) <
         std::tie(b.file, b.pos.line, b.pos.column, b.rule, b.message);
}

}  // namespace vpclint
