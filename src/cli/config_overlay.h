// --parameter Name=Value on the command line, laid over whichever .vpclint.yaml applies.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"

namespace vpclint {

// Copies each config once, with the command line's parameter values replacing its own.
class ConfigOverlay {
 public:
  explicit ConfigOverlay(const std::vector<std::string>& parameters, std::string& error) {
    for (const auto& p : parameters) {
      size_t eq = p.find('=');
      if (eq == 0 || eq == std::string::npos) {
        error = "--parameter '" + p + "' is not Name=Value";
        return;
      }
      values_[p.substr(0, eq)] = p.substr(eq + 1);
    }
  }
  const Config* apply(const Config* base) {
    if (values_.empty()) return base;
    auto& slot = overlaid_[base];
    if (!slot) {
      slot = std::make_unique<Config>(*base);
      for (const auto& [name, value] : values_) slot->parameters[name] = ExternalValue{value, {"--parameter", {}, {}}};
    }
    return slot.get();
  }

 private:
  std::map<std::string, std::string> values_;
  std::map<const Config*, std::unique_ptr<Config>> overlaid_;
};

}  // namespace vpclint
