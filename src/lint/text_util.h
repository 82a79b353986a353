// Small text helpers for finding messages.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

inline std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// Appends `s` unless it is already there, keeping first-seen order.
inline void add_unique(std::vector<std::string>& v, std::string s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

}  // namespace vpclint
