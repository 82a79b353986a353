// What a template says about silencing findings: `Metadata: {vpclint: {ignore: [...]}}` at the
// top level (the whole file) or on a resource, and `# vpclint: ignore ID -- reason` comments
// (the comment's line, or for a comment on a line of its own, the next line with content).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loader/ast.h"
#include "model/template.h"

namespace vpclint {

struct Suppression {
  enum class Scope : uint8_t { File, Resource, Line };
  Scope scope = Scope::File;
  std::string rule;  // as written: a rule id, or text that names none (S002 says so)
  std::string reason;
  Position pos;               // where the entry or the comment's id is written
  std::string_view resource;  // Resource scope: the logical id
  uint32_t line = 0;          // Line scope: the line whose findings it silences
};

// A suppression written in a shape vpclint cannot read (S002 reports it).
struct MalformedSuppression {
  Position pos;
  std::string problem;
};

struct TemplateSuppressions {
  std::vector<Suppression> entries;  // in source order
  std::vector<MalformedSuppression> malformed;
};

// Reads Metadata suppressions from the model and comment suppressions from the source text
// (a `#` inside a quoted string is not a comment, so JSON yields none). Linear in the text.
TemplateSuppressions collect_suppressions(const Template& t, const SourceText& source);

}  // namespace vpclint
