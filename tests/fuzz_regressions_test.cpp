// Replays every input that ever crashed a fuzzer: tests/fuzz-regressions/* through the whole
// pipeline and all formats, tests/fuzz-regressions/snapshot/* through the snapshot reader.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/snapshot.h"
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
      if (e.path().filename() == "README.md" || !e.is_regular_file()) continue;
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

  TEST_CASE("every kept snapshot fuzz input goes through the snapshot reader") {
    fs::path dir = fs::path(vpclint::test::source_dir()) / "tests" / "fuzz-regressions" / "snapshot";
    REQUIRE(fs::is_directory(dir));
    size_t replayed = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      CAPTURE(e.path().string());
      // As the fuzz target does: the input as every file of a snapshot at once.
      std::vector<std::pair<std::string, std::string>> files;
      for (std::string_view name : vpclint::snapshot_file_names()) files.emplace_back(std::string(name), bytes);
      std::vector<std::string> errors;
      auto s = vpclint::load_snapshot_texts("fuzz", std::move(files), errors);
      REQUIRE(s);
      for (const std::string& error : errors) {
        CHECK(error.starts_with("fuzz/"));
        CHECK(error.find('\n') == std::string::npos);  // one line each
      }
      for (const auto& [id, subnet] : s->subnets) CHECK(s->file(subnet.file).cite(id, "subnet").pos);
      ++replayed;
    }
    REQUIRE(replayed >= 1);
  }
}
