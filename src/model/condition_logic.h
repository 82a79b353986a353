// What the template's Conditions come to: with the parameter values vpclint knows (a stated
// override, else the parameter's Default), and whether a few assumptions about them can hold at
// once. Only the conditions a finding involves are ever asked about, so nothing enumerates all
// 2^n scenarios of a template.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/condition_guard.h"
#include "model/resolver.h"

namespace vpclint {

enum class Truth : uint8_t { False, True, Unknown };

class ConditionLogic {
 public:
  explicit ConditionLogic(const Resolver& r) : r_(r) {}
  const Template& model() const { return r_.model(); }

  // The condition's value for the parameter values vpclint knows; Unknown when one it reads is
  // not known (no Default, a pseudo parameter, an import). `because`, when given, receives the
  // values that decided it: "Env = dev (its Default)".
  Truth known(std::string_view condition, std::string* because = nullptr) const;

  // Whether some parameter values make every assumption of `g` hold. Each parameter the guard's
  // conditions read ranges over its AllowedValues, else over the literals it is compared with plus
  // one value unlike them; anything else they read is free. Undecided (a search over more than
  // kMaxCombinations assignments) counts as possible.
  bool satisfiable(const Guard& g) const;

  static constexpr size_t kMaxCombinations = 4096;

 private:
  struct Env;
  Truth eval(const Node* node, const Env& env, int depth) const;
  Truth eval_condition(std::string_view name, const Env& env, int depth) const;
  bool operand(const Node* node, const Env& env, std::string& out) const;
  void collect_parameters(const Node* node, std::unordered_map<std::string_view, std::vector<std::string>>& domains,
                          int depth) const;

  const Resolver& r_;
};

}  // namespace vpclint
