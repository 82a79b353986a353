// Helpers shared by the formats that need more than a finding's start position.
#pragma once
#include <string>

#include "lint/finding.h"
#include "loader/source.h"

namespace vpclint {

struct Span {
  uint32_t start_line, start_column, end_line, end_column;
};

// The token a finding points at, from its start to the end of the word or quoted string, in
// Unicode code points (or UTF-16 code units when `utf16`).
Span token_span(const SourceText* source, Position start, bool utf16);

// Escapes for XML text and attributes.
std::string xml_escape(std::string_view s);

}  // namespace vpclint
