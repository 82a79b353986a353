// Every template of ../shared/corpus loads: no crash, each file either loads or yields
// T001/T002, and every file the manifest marks intent=good loads without T001/T002.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;

TEST_SUITE("corpus") {
  TEST_CASE("the shared corpus loads") {
    fs::path corpus = fs::path(vpclint::test::source_dir()) / ".." / "shared" / "corpus";
    if (!fs::exists(corpus / "MANIFEST.tsv")) {
      VPCLINT_SKIP("no corpus at " << corpus.string());
    }
    std::ifstream manifest(corpus / "MANIFEST.tsv");
    std::string line;
    std::getline(manifest, line);  // header
    size_t files = 0, good = 0, failed = 0;
    while (std::getline(manifest, line)) {
      std::vector<std::string> cols;
      std::stringstream ss(line);
      for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
      REQUIRE(cols.size() >= 6);
      const std::string& path = cols[0];
      bool intent_good = cols[5] == "good";
      std::ifstream in(corpus / path, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      vpclint::FileResult r = vpclint::lint_text(path, text, vpclint::LintOptions{});
      ++files;
      bool parse_finding = false;
      for (const auto& f : r.findings) parse_finding |= f.rule == "T001" || f.rule == "T002";
      CAPTURE(path);
      // Unparsable exactly when there is a parse finding to say why.
      CHECK(r.unparsable == parse_finding);
      if (intent_good) {
        ++good;
        CHECK_MESSAGE(!parse_finding, path << " is a good template but did not load");
      }
      failed += parse_finding;
    }
    CHECK(files > 2000);
    MESSAGE(files << " corpus templates, " << good << " good; " << failed << " reported T001/T002");
  }
}
