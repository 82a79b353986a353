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

// The message with the CDK construct named next to the logical id it opens with ("Fn1A2B (AppStack/Fn)
// is attached ..."), or "Fn1A2B (AppStack/Fn): message"; the message itself without a construct.
std::string message_with_construct(const Finding& f);

// Escapes for XML text and attributes.
std::string xml_escape(std::string_view s);

}  // namespace vpclint
