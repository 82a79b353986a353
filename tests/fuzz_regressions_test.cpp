// Replays every input that ever crashed the fuzzer through the whole pipeline and all formats.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lint/rule.h"
#include "report/reporter.h"
#include "test_support.h"

namespace fs = std::filesystem;

TEST_SUITE("fuzz-regressions") {
  TEST_CASE("every kept fuzz input goes through the pipeline") {
    fs::path dir = fs::path(vpclint::test::source_dir()) / "tests" / "fuzz-regressions";
    REQUIRE(fs::is_directory(dir));
    size_t replayed = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().filename() == "README.md") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      CAPTURE(e.path().string());
      // As the fuzz target does: the input is also tried as a config, and linted under it.
      vpclint::Config config;
      std::string error;
      vpclint::LintOptions options;
      if (vpclint::parse_config("input.vpclint.yaml", bytes, vpclint::rule_ids(), config, error))
        options.config = &config;
      vpclint::RunResult run;
      run.files.push_back(vpclint::lint_text(e.path().string(), bytes, options));
      std::ostringstream out;
      vpclint::write_text(out, run, {false});
      vpclint::write_json(out, run);
      // The report is well formed: a summary line ends the text part.
      CHECK(out.str().find(" file\n") != std::string::npos);
      ++replayed;
    }
    REQUIRE(replayed >= 2);  // the seeds at least: an empty directory would check nothing
    MESSAGE(replayed << " fuzz regression inputs replayed");
  }
}
