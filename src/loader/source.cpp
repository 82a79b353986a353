#include "loader/source.h"

#include <algorithm>

namespace vpclint {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Converts UTF-16 (after its BOM) to UTF-8; returns false on a lone surrogate or odd length.
bool utf16_to_utf8(std::string_view in, bool big_endian, std::string& out) {
  if (in.size() % 2 != 0) return false;
  out.reserve(in.size());
  auto unit = [&](size_t i) -> uint32_t {
    auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i < in.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= in.size()) return false;
      uint32_t lo = unit(i + 2);
      if (lo < 0xDC00 || lo > 0xDFFF) return false;
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return false;
    }
    append_utf8(out, u);
  }
  return true;
}

bool utf32_to_utf8(std::string_view in, bool big_endian, std::string& out) {
  if (in.size() % 4 != 0) return false;
  for (size_t i = 0; i < in.size(); i += 4) {
    auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(in[i + k])); };
    uint32_t cp =
        big_endian ? (b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3)) : (b(3) << 24 | b(2) << 16 | b(1) << 8 | b(0));
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    append_utf8(out, cp);
  }
  return true;
}

}  // namespace

size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if ((c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 > 0x9F) || (c == 0xF0 && b1 < 0x90) || (c == 0xF4 && b1 > 0x8F))
      return i;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

uint32_t count_code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

SourceText::SourceText(std::string path, std::string raw) : path_(std::move(path)) {
  std::string_view v = raw;
  auto starts = [&](std::string_view bom) { return v.substr(0, bom.size()) == bom; };
  using namespace std::string_view_literals;
  if (starts("\x00\x00\xFE\xFF"sv) || starts("\xFF\xFE\x00\x00"sv)) {
    if (!utf32_to_utf8(v.substr(4), starts("\x00\x00\xFE\xFF"sv), text_)) encoding_error_ = "invalid UTF-32 text";
  } else if (starts("\xFE\xFF"sv) || starts("\xFF\xFE"sv)) {
    if (!utf16_to_utf8(v.substr(2), starts("\xFE\xFF"sv), text_)) encoding_error_ = "invalid UTF-16 text";
  } else if (starts("\xEF\xBB\xBF"sv)) {
    text_.assign(v.substr(3));
  } else {
    text_ = std::move(raw);
  }
  if (!encoding_error_.empty()) text_.clear();
  invalid_utf8_ = first_invalid_utf8(text_);

  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') line_starts_.push_back(i + 1);
    ascii_ &= c < 0x80;
  }
}

Position SourceText::position_of(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<uint32_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  if (ascii_) return {line, static_cast<uint32_t>(offset - start + 1)};
  if (cursor_line_ != line || cursor_offset_ > offset) {
    cursor_line_ = line;
    cursor_offset_ = start;
    cursor_column_ = 1;
  }
  cursor_column_ += count_code_points(std::string_view(text_).substr(cursor_offset_, offset - cursor_offset_));
  cursor_offset_ = offset;
  return {line, cursor_column_};
}

std::string_view SourceText::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t start = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  std::string_view s = std::string_view(text_).substr(start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace vpclint
