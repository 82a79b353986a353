#include "report/source_span.h"

#include <cstdio>

namespace vpclint {

namespace {
// UTF-16 code units of the first `code_points` code points of `line`.
uint32_t utf16_units(std::string_view line, uint32_t code_points) {
  uint32_t units = 0, cp = 0;
  for (size_t i = 0; i < line.size() && cp < code_points; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    units += c >= 0xF0 ? 2 : 1;
    ++cp;
  }
  return units + (code_points > cp ? code_points - cp : 0);
}
}  // namespace

Span token_span(const SourceText* source, Position start, bool utf16) {
  Span s{start.line, start.column, start.line, start.column + 1};
  std::string_view line = source ? source->line_text(start.line) : std::string_view();
  // Byte offset of the start column.
  size_t at = 0;
  for (uint32_t cp = 1; at < line.size() && cp < start.column;) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
    ++cp;
  }
  size_t end = at;
  if (at < line.size() && (line[at] == '"' || line[at] == '\'')) {
    char q = line[at];
    end = at + 1;
    while (end < line.size() && line[end] != q) end += line[end] == '\\' && q == '"' ? 2 : 1;
    end = end < line.size() ? end + 1 : line.size();
  } else {
    while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != ',' && line[end] != ']' &&
           line[end] != '}' && !(line[end] == ':' && (end + 1 == line.size() || line[end + 1] == ' ')))
      ++end;
  }
  if (end <= at) end = at + 1;
  uint32_t end_cp = start.column + count_code_points(line.substr(at, end - at));
  if (end > line.size()) end_cp = start.column + 1;
  s.end_column = end_cp;
  if (utf16 && !line.empty()) {
    s.start_column = utf16_units(line, start.column - 1) + 1;
    s.end_column = utf16_units(line, end_cp - 1) + 1;
  }
  return s;
}

bool message_opens_with_resource(const Finding& f) {
  return !f.resource.empty() && (f.message.starts_with(f.resource + " ") || f.message.starts_with(f.resource + "'s "));
}

std::string message_with_construct(const Finding& f) {
  if (f.construct.empty() || f.resource.empty()) return f.message;
  std::string named = f.resource + " (" + f.construct + ")";
  if (message_opens_with_resource(f)) return named + f.message.substr(f.resource.size());
  return named + ": " + f.message;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
          out += ' ';
        else
          out += c;
    }
  }
  return out;
}

std::string uri_encode(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace vpclint
