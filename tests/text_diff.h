// Where two texts first differ, for failure messages that can be read without a diff tool.
#pragma once
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace vpclint::test {

// "line 3 differs (expected 9 lines, got 9)\n  expected: '...'\n  actual:   '...'"; empty when equal.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  auto lines_of = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  std::vector<std::string> e = lines_of(expected), a = lines_of(actual);
  for (size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
    if (i < e.size() && i < a.size() && e[i] == a[i]) continue;
    auto show = [&](const std::vector<std::string>& v) { return i < v.size() ? "'" + v[i] + "'" : "(end of text)"; };
    return "line " + std::to_string(i + 1) + " differs (expected " + std::to_string(e.size()) + " lines, got " +
           std::to_string(a.size()) + ")\n  expected: " + show(e) + "\n  actual:   " + show(a);
  }
  return expected == actual ? std::string() : "the texts differ only in their final newline";
}

}  // namespace vpclint::test
