// The conditions a value depends on: "Subnets is this list when InVpc is true".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

struct Assumption {
  std::string_view condition;
  bool value;
  friend bool operator==(const Assumption&, const Assumption&) = default;
};

// A conjunction of assumptions about named conditions. Facts carry guards instead of the
// analysis enumerating all 2^n scenarios; only the few conditions a finding involves are combined.
class Guard {
 public:
  // Adds `condition == value`; returns false (and leaves the guard unchanged) on a contradiction.
  bool assume(std::string_view condition, bool value);
  // Combines two guards; false when they contradict each other.
  bool combine(const Guard& other);
  bool always() const { return assumptions_.empty(); }
  const std::vector<Assumption>& assumptions() const { return assumptions_; }
  // "when condition InVpc is true and IsProd is false"; empty when unconditional.
  std::string describe() const;

 private:
  std::vector<Assumption> assumptions_;
};

}  // namespace vpclint
