// A template's text, normalised to UTF-8, with the line index every position is computed from.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

struct Position {
  uint32_t line = 0;    // 1-based; 0 means "no position"
  uint32_t column = 0;  // 1-based, counted in Unicode code points
  explicit operator bool() const { return line != 0; }
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

class SourceText {
 public:
  // `raw` is the file as read. A UTF-8 BOM is dropped and UTF-16/32 (with BOM) is converted, so the
  // parser and every position see plain UTF-8. Invalid UTF-8 is kept byte for byte.
  SourceText(std::string path, std::string raw);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  // Set when the input was UTF-16/32 that could not be converted; the loader reports it.
  const std::string& encoding_error() const { return encoding_error_; }
  // Byte offset of the first byte that is not valid UTF-8, or npos.
  size_t invalid_utf8() const { return invalid_utf8_; }

  // Byte offset into text() -> line and code-point column. Amortised O(1) when offsets arrive in
  // increasing order, as parser events do; a 10 MB single line stays linear.
  Position position_of(size_t offset) const;
  // Inverse of position_of's line part.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  size_t line_start(uint32_t line) const { return line_starts_.at(line - 1); }

 private:
  std::string path_;
  std::string text_;
  std::string encoding_error_;
  std::vector<size_t> line_starts_;
  bool ascii_ = true;
  size_t invalid_utf8_ = std::string_view::npos;
  // Cursor for incremental column counting.
  mutable size_t cursor_offset_ = 0;
  mutable uint32_t cursor_line_ = 1;
  mutable uint32_t cursor_column_ = 1;
};

size_t first_invalid_utf8(std::string_view s);

// Number of code points in a UTF-8 byte range (continuation bytes are not counted).
uint32_t count_code_points(std::string_view s);

}  // namespace vpclint
