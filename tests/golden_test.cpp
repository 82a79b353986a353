// The whole rendered text output of every bad fixture, locked byte for byte in a golden file
// beside it (fixtures/N101/bad_x.yaml -> bad_x.yaml.expected.txt), as ruff's snapshots and
// clang-tidy's CHECK-MESSAGES lock theirs: the `# expect:` annotations say where findings land,
// the golden says what they say (message, source line and caret, notes, help, summary).
//
// vpclint runs from the repository root on the fixture's relative path, without colour, so the
// output depends on nothing of the machine. After a reviewed change of wording, rewrite them with
//   VPCLINT_UPDATE_GOLDEN=1 ctest -R fixtures      (or: make update-golden)
// and review the diff; the update also deletes goldens whose fixture is gone.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fixture_files.h"
#include "test_support.h"
#include "text_diff.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

bool updating() {
  const char* v = std::getenv("VPCLINT_UPDATE_GOLDEN");
  return v && *v && std::string_view(v) != "0";
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_SUITE("fixtures") {
  TEST_CASE("a golden difference names the first differing line") {
    CHECK(test::first_difference("a\nb\n", "a\nb\n").empty());
    CHECK(test::first_difference("a\nb\nc\n", "a\nB\nc\n") ==
          "line 2 differs (expected 3 lines, got 3)\n  expected: 'b'\n  actual:   'B'");
    CHECK(test::first_difference("a\n", "a\nextra\n") ==
          "line 2 differs (expected 1 lines, got 2)\n  expected: (end of text)\n  actual:   'extra'");
    CHECK(test::first_difference("a\n", "a") == "the texts differ only in their final newline");
  }

  TEST_CASE("every bad fixture's text output matches its golden file byte for byte") {
    const std::string root = test::source_dir();
    size_t compared = 0, updated = 0;
    for (const fs::path& fixture : test::all_fixture_tree_files()) {
      if (!test::is_bad_fixture(fixture)) continue;
      std::string rel = fs::relative(fixture, root).generic_string();
      CAPTURE(rel);
      test::CommandResult r = test::run("cd '" + root + "' && " + VPCLINT_BINARY + " --no-color '" + rel + "'");
      // 0/1: findings below/at the default --fail-on; 2: the file does not parse (T001/T002).
      // Anything else is a crash, whose partial output must not become a golden.
      CHECK_MESSAGE((r.exit_code >= 0 && r.exit_code <= 2), "vpclint exited " << r.exit_code << ": " << r.err);
      CHECK_MESSAGE(r.err.empty(), "stderr is not in the golden: " << r.err);
      fs::path golden = test::golden_for(fixture);
      ++compared;
      if (updating()) {
        if (!fs::exists(golden) || read(golden) != r.out) {
          std::ofstream(golden, std::ios::binary) << r.out;
          ++updated;
        }
        continue;
      }
      if (!fs::exists(golden)) {
        FAIL_CHECK("no golden " << test::golden_for(rel).string()
                                << ": write it with VPCLINT_UPDATE_GOLDEN=1 ctest -R fixtures and review it");
        continue;
      }
      std::string diff = test::first_difference(read(golden), r.out);
      CHECK_MESSAGE(diff.empty(), "the output differs from " << test::golden_for(rel).string() << ": " << diff
                                                             << "\n(if the change is intended: VPCLINT_UPDATE_GOLDEN=1 "
                                                                "ctest -R fixtures, then review the diff)");
    }
    REQUIRE(compared > 0);
    if (updating()) MESSAGE("rewrote " << updated << " of " << compared << " golden files");
  }

  TEST_CASE("every golden file belongs to a bad fixture") {
    for (const fs::path& golden : test::all_fixture_tree_files()) {
      if (!test::is_golden(golden)) continue;
      std::string name = golden.string(), rel = fs::relative(golden, test::source_dir()).generic_string();
      fs::path fixture = name.substr(0, name.size() - test::kGoldenSuffix.size());
      if (fs::exists(fixture) && test::is_bad_fixture(fixture)) continue;
      if (updating()) {
        fs::remove(golden);
        MESSAGE("removed " << rel << ": no bad fixture " << fixture.filename().string());
        continue;
      }
      FAIL_CHECK(rel << " has no bad fixture " << fixture.filename().string() << " beside it");
    }
  }
}
