#pragma once
#include <string>
#include <vector>

#include "loader/document.h"
#include "model/severity.h"

namespace vpclint {

// Where the user's own code created the resource (a CDK app's source line); empty file: unknown.
struct UserSource {
  std::string file;
  Position pos;
  explicit operator bool() const { return !file.empty(); }
};

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
  std::string construct;    // CDK construct path (Metadata aws:cdk:path, no trailing /Resource), or empty
  UserSource source;        // where to act in the app's source, when a cloud assembly says
};

// Sort order of every output: file, line, column, rule.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace vpclint
