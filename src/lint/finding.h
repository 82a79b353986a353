#pragma once
#include <string>
#include <vector>

#include "loader/document.h"
#include "model/severity.h"

namespace vpclint {

struct Finding {
  std::string rule;
  Severity severity = Severity::Error;
  std::string message;
  std::string file;
  Position pos;
  std::string resource;     // logical id, or empty
  std::string path;         // property path: Resources/Orchestrator/Properties/VpcConfig
  std::vector<Note> notes;  // evidence, each with its position
  std::string fix;          // how to fix, from the rule
  std::string suppression;  // for a suppressed finding: the reason its suppression gives
};

// Sort order of every output: file, line, column, rule.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace vpclint
