#include "config/glob.h"

#include <algorithm>
#include <vector>

namespace vpclint {

namespace {

constexpr size_t kNone = std::string_view::npos;

// Bytes of the UTF-8 code point starting at s[i], so "?" and "*" never split a character.
size_t code_point_length(std::string_view s, size_t i) {
  auto lead = static_cast<unsigned char>(s[i]);
  size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

// One segment against one glob segment: the classic two-pointer walk that remembers only the
// last '*'. Returning to the last star is enough because a star absorbs whatever an earlier one
// would have, so each failure advances the star's start and the walk stays O(p × s).
bool segment_match(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0, star_p = kNone, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      while (pi < p.size() && p[pi] == '*') ++pi;
      star_p = pi;
      star_s = si;
    } else if (pi < p.size() && p[pi] == '?') {
      ++pi;
      si += code_point_length(s, si);
    } else if (pi < p.size() && p[pi] == s[si]) {
      ++pi;
      ++si;
    } else if (star_p != kNone) {
      star_s += code_point_length(s, star_s);
      pi = star_p;
      si = star_s;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(start, slash - start);
    if (!seg.empty() && seg != ".") out.push_back(seg);
    start = slash + 1;
  }
  return out;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  const std::vector<std::string_view> p = segments(pattern);
  const std::vector<std::string_view> s = segments(path);
  // The same walk one level up: "**" is the star, a segment glob is the single-element atom.
  size_t pi = 0, si = 0, star_p = kNone, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == "**") {
      while (pi < p.size() && p[pi] == "**") ++pi;
      star_p = pi;
      star_s = si;
    } else if (pi < p.size() && segment_match(p[pi], s[si])) {
      ++pi;
      ++si;
    } else if (star_p != kNone) {
      pi = star_p;
      si = ++star_s;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == "**") ++pi;
  return pi == p.size();
}

bool has_glob_chars(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

}  // namespace vpclint
