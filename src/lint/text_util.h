// Small text helpers for finding messages.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/resolver.h"

namespace vpclint {

inline std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// "A", "A and B", "A, B and C" (`last`: "and", "or").
inline std::string join_and(const std::vector<std::string>& items, std::string_view last = "and") {
  if (items.size() < 2) return join(items);
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return join(head) + " " + std::string(last) + " " + items.back();
}

// Appends `s` unless it is already there, keeping first-seen order.
inline void add_unique(std::vector<std::string>& v, std::string s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// The size of a function's timeout as messages say it ("3 s", Lambda's default when absent), or
// "function's" when it comes from a parameter or anything else the template does not fix.
inline std::string timeout_text(const Resolver& r, const Resource& fn) {
  const Node* n = fn.property("Timeout");
  if (!n) return "3 s";
  std::vector<Value> v = r.values(n);
  if (v.size() == 1 && v[0].kind == ValueKind::Literal && !v[0].text.empty()) return v[0].text + " s";
  return "function's";
}

// Messages stay on one line in line-oriented formats (gnu, github, DOT comments): CR and LF
// become spaces.
inline std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace vpclint
