// libFuzzer entry: the whole pipeline on one buffer — load, model, analysis facts, every rule,
// every output format — and the same buffer as a .vpclint.yaml. Any crash, sanitizer report or
// hang is a bug whatever the input.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "config/config.h"
#include "lint/linter.h"
#include "lint/rule.h"
#include "report/reporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // A buffer that is a valid config is also linted under it (stated values and network facts).
  vpclint::Config config;
  std::string error;
  bool is_config = vpclint::parse_config("fuzz.vpclint.yaml", bytes, vpclint::rule_ids(), config, error);
  vpclint::LintOptions options;
  if (is_config) options.config = &config;
  vpclint::RunResult run;
  run.files.push_back(vpclint::lint_text("fuzz.yaml", std::move(bytes), options));
  std::ostringstream out;
  vpclint::write_text(out, run, {true});
  vpclint::write_json(out, run);
  vpclint::write_sarif(out, run, {1, "/src/"});
  return 0;
}
