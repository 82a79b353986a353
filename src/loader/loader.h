#pragma once
#include <string>

#include "loader/document.h"

namespace vpclint {

// Parses YAML or JSON text (JSON is read by the same YAML parser, so it keeps positions too).
// Never throws: syntax errors, limits and bad shapes become LoadIssues.
Document load_document(std::string path, std::string bytes, const Limits& limits = {});

}  // namespace vpclint
