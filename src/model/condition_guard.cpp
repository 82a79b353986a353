#include "model/condition_guard.h"

namespace vpclint {

bool Guard::assume(std::string_view condition, bool value) {
  for (const auto& a : assumptions_)
    if (a.condition == condition) return a.value == value;
  assumptions_.push_back({condition, value});
  return true;
}

bool Guard::combine(const Guard& other) {
  Guard copy = *this;
  for (const auto& a : other.assumptions_)
    if (!copy.assume(a.condition, a.value)) return false;
  *this = std::move(copy);
  return true;
}

std::string Guard::describe() const {
  if (assumptions_.empty()) return {};
  std::string out = assumptions_.size() == 1 ? "when condition " : "when conditions ";
  for (size_t i = 0; i < assumptions_.size(); ++i) {
    if (i) out += i + 1 == assumptions_.size() ? " and " : ", ";
    out += assumptions_[i].condition;
    out += assumptions_[i].value ? " is true" : " is false";
  }
  return out;
}

}  // namespace vpclint
