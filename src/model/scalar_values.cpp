#include "model/scalar_values.h"

#include <charconv>

#include "model/ascii.h"

namespace vpclint {

std::string literal_text(const Resolver& r, const Node* n) {
  if (!n) return {};
  auto v = r.values(n);
  return v.size() == 1 && v[0].kind == ValueKind::Literal ? v[0].text : std::string();
}

Flag flag_of(const Resolver& r, const Node* n) {
  if (!n) return Flag::Absent;
  auto v = r.values(n);
  if (v.size() == 1 && v[0].kind == ValueKind::NoValue) return Flag::Absent;
  if (v.size() != 1 || v[0].kind != ValueKind::Literal) return Flag::Unknown;
  if (ascii_iequals(v[0].text, "true")) return Flag::True;
  if (ascii_iequals(v[0].text, "false")) return Flag::False;
  return Flag::Unknown;
}

bool flag_or(const Resolver& r, const Node* n, bool fallback) {
  switch (flag_of(r, n)) {
    case Flag::True: return true;
    case Flag::False: return false;
    default: return fallback;
  }
}

std::optional<int> integer_of(const Resolver& r, const Node* n) {
  std::string s = literal_text(r, n);
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace vpclint
