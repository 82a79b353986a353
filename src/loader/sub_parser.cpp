#include "loader/sub_parser.h"

#include <string>

namespace vpclint {

std::vector<SubPart> parse_sub(std::string_view s, Arena& storage) {
  std::vector<SubPart> parts;
  std::string literal;  // accumulates literal text across escapes
  size_t literal_start = 0;
  bool literal_is_view = true;  // literal == s.substr(literal_start, ...) so far
  auto flush = [&](size_t end) {
    if (literal_is_view) {
      if (end > literal_start)
        parts.push_back({SubPart::Kind::Literal, s.substr(literal_start, end - literal_start),
                         static_cast<uint32_t>(literal_start)});
    } else if (!literal.empty()) {
      parts.push_back({SubPart::Kind::Literal, storage.copy(literal), static_cast<uint32_t>(literal_start)});
    }
    literal.clear();
    literal_is_view = true;
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find("${", i);
    if (open == std::string_view::npos) break;
    size_t close = s.find('}', open + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = s.substr(open + 2, close - open - 2);
    if (!inner.empty() && inner[0] == '!') {
      // Escape: keep "${" + rest + "}" as literal text.
      if (literal_is_view) {
        literal.assign(s.substr(literal_start, open - literal_start));
        literal_is_view = false;
      } else {
        literal.append(s.substr(i, open - i));
      }
      literal += "${";
      literal.append(inner.substr(1));
      literal += '}';
      i = close + 1;
      continue;
    }
    if (!literal_is_view) literal.append(s.substr(i, open - i));
    flush(open);
    // Whitespace around the name is tolerated by CloudFormation.
    size_t b = inner.find_first_not_of(" \t");
    size_t e = inner.find_last_not_of(" \t");
    std::string_view name = b == std::string_view::npos ? std::string_view() : inner.substr(b, e - b + 1);
    parts.push_back({SubPart::Kind::Variable, name, static_cast<uint32_t>(open)});
    i = close + 1;
    literal_start = i;
  }
  if (!literal_is_view) literal.append(s.substr(i));
  flush(s.size());
  return parts;
}

}  // namespace vpclint
