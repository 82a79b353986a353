#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loader/ast.h"

namespace vpclint {

struct DynamicRefScan {
  std::vector<DynamicRef> refs;
  struct Error {
    size_t offset;  // byte offset of the bad reference inside the scanned string
    std::string message;
  };
  std::vector<Error> errors;
};

// Finds every `{{resolve:...}}` in `s`. Well-formed ones are returned (views into `s`); malformed
// ones (unknown service, missing name, bad version, unclosed braces) are errors.
DynamicRefScan scan_dynamic_refs(std::string_view s);

}  // namespace vpclint
