// A finding's identity across unrelated edits: what it is about, never where it is.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "lint/finding.h"

namespace vpclint {

// One fingerprint per finding of `sorted` (sorted by finding_less): rule, file (through
// `file_key`), resource and property path (the message when there is no path), plus the
// occurrence number among findings that share all of those, hashed to 16 hex digits.
std::vector<std::string> fingerprints(const std::vector<const Finding*>& sorted,
                                      const std::function<std::string(const std::string&)>& file_key);

}  // namespace vpclint
