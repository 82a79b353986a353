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

// A path as a repository-relative report names it: "./a/t.yaml" (what `vpclint .` finds) is
// "a/t.yaml", as GitHub's annotations and SARIF's artifact locations expect.
inline std::string_view repository_path(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  return path;
}

// The message with the CDK construct named next to the logical id it opens with ("Fn1A2B (AppStack/Fn)
// is attached ..."), or "Fn1A2B (AppStack/Fn): message"; the message itself without a construct.
std::string message_with_construct(const Finding& f);
// The message opens with the finding's resource ("Caller is ...", "Caller's calls ...").
bool message_opens_with_resource(const Finding& f);

// RFC 3986 path encoding: unreserved characters and '/' stay (SARIF artifact URIs, LSP file URIs).
std::string uri_encode(std::string_view path);

// Escapes for XML text and attributes.
std::string xml_escape(std::string_view s);

}  // namespace vpclint
