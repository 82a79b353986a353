// libFuzzer entry: the whole pipeline on one buffer — load, model, analysis facts, every rule,
// every output format. Any crash, sanitizer report or hang is a bug whatever the input.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lint/linter.h"
#include "report/reporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vpclint::LintOptions options;
  vpclint::RunResult run;
  run.files.push_back(vpclint::lint_text("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), options));
  std::ostringstream out;
  vpclint::write_text(out, run, {true});
  vpclint::write_json(out, run);
  return 0;
}
