// End-to-end tests of the vpclint binary: exit codes, output bytes, several files.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lint/rule.h"
#include "test_support.h"

namespace fs = std::filesystem;
using vpclint::test::run;
using vpclint::test::source_dir;

namespace {
const std::string kBin = VPCLINT_BINARY;

std::string cd_and_run(const std::string& args) { return "cd " + source_dir() + " && " + kBin + " " + args; }

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/vpclint-cli-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& rel, const std::string& text) const {
    fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

const char* kClean = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n";
const char* kUndefined =
    "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nope\n";
}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("exit code 0 for a clean template, 1 for findings at or above --fail-on") {
    TempDir d;
    auto clean = d.write("clean.yaml", kClean);
    auto bad = d.write("bad.yaml", kUndefined);
    auto r = run(kBin + " --no-color " + clean);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "No findings in 1 file\n");
    CHECK(run(kBin + " " + bad).exit_code == 1);
    CHECK(run(kBin + " --fail-on error " + bad).exit_code == 1);
  }

  TEST_CASE("exit code 2 for usage errors and unreadable paths, with a one-line error") {
    auto r = run(kBin + " --format nope x.yaml");
    CHECK(r.exit_code == 2);
    r = run(kBin);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vpclint: error: no PATH given (see --help)\n");
    r = run(kBin + " /nonexistent/template.yaml");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vpclint: error: cannot read '/nonexistent/template.yaml': No such file or directory\n");
  }

  TEST_CASE("a broken file exits 2 but the other files are still linted and reported") {
    TempDir d;
    auto broken = d.write("broken.yaml", "Resources: [\n");
    auto bad = d.write("bad.yaml", kUndefined);
    auto r = run(kBin + " --format json " + broken + " " + bad);
    CHECK(r.exit_code == 2);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 2);
    CHECK(j["findings"][0]["rule"] == "T006");
    CHECK(j["findings"][0]["file"] == bad);
    CHECK(j["findings"][1]["rule"] == "T001");
    CHECK(j["findings"][1]["file"] == broken);
    CHECK(j["findings"][1]["line"] == 2);
  }

  TEST_CASE("JSON output has exactly the documented shape, keys in order") {
    auto r = run(cd_and_run("--format json fixtures/T007/bad_duplicates.yaml"));
    CHECK(r.exit_code == 1);
    auto j = nlohmann::ordered_json::parse(r.out);
    std::vector<std::string> top;
    for (auto& [k, v] : j.items()) top.push_back(k);
    CHECK(top == std::vector<std::string>{"tool", "findings", "suppressed"});
    CHECK(j["tool"]["name"] == "vpclint");
    CHECK(j["tool"]["version"] == VPCLINT_VERSION);
    REQUIRE(j["findings"].size() == 2);
    auto& f = j["findings"][0];
    std::vector<std::string> keys;
    for (auto& [k, v] : f.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"rule", "severity", "message", "file", "line", "column", "resource", "path",
                                           "notes", "fix"});
    CHECK(f["rule"] == "T007");
    CHECK(f["severity"] == "error");
    CHECK(f["file"] == "fixtures/T007/bad_duplicates.yaml");
    CHECK(f["line"] == 7);
    CHECK(f["column"] == 7);
    CHECK(f["resource"] == "Queue");
    CHECK(f["path"] == "Resources/Queue/Properties/QueueName");
    CHECK(f["notes"][0]["line"] == 5);
    CHECK(j["findings"][1]["line"] == 10);
  }

  TEST_CASE("text output matches the golden file byte for byte") {
    auto r = run(cd_and_run("--no-color fixtures/T006/bad_undefined.yaml fixtures/T007/bad_duplicates.yaml"));
    CHECK(r.exit_code == 1);
    CHECK(r.out == read(source_dir() + "/tests/golden/text_output.txt"));
    // NO_COLOR and a pipe both keep escape codes out.
    auto c = run(cd_and_run("fixtures/T007/bad_duplicates.yaml"));
    CHECK(c.out.find('\033') == std::string::npos);
  }

  TEST_CASE("-o writes the report to a file") {
    TempDir d;
    auto out = (d.path / "report.json").string();
    auto r = run(cd_and_run("--format json -o " + out + " fixtures/T007/bad_duplicates.yaml"));
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(nlohmann::json::parse(read(out))["findings"].size() == 2);
  }

  TEST_CASE("standard input is read with '-'") {
    TempDir d;
    auto bad = d.write("bad.yaml", kUndefined);
    auto r = run(kBin + " --format json - < " + bad);
    CHECK(r.exit_code == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["file"] == "<stdin>");
    CHECK(j["findings"][0]["line"] == 5);
  }

  TEST_CASE("directories are searched for templates, skipping build and dependency folders") {
    TempDir d;
    d.write("app/template.yaml", kUndefined);
    d.write("app/nested/stack.json",
            "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"A\": {\"Ref\": \"X\"}}}}}");
    d.write("app/.aws-sam/build/template.yaml", kUndefined);
    d.write("app/node_modules/pkg/template.yaml", kUndefined);
    d.write("app/cdk.out/x.template", kUndefined);
    d.write("app/package.json", "{\"name\": \"not a template\"}");
    d.write("app/notes.txt", kUndefined);
    fs::create_directory_symlink(d.path / "app", d.path / "app" / "loop");
    auto r = run(kBin + " --format json " + (d.path / "app").string());
    CHECK(r.exit_code == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 2);
    CHECK(j["findings"][0]["file"] == (d.path / "app/nested/stack.json").string());
    CHECK(j["findings"][1]["file"] == (d.path / "app/template.yaml").string());
  }

  TEST_CASE("the bundled example shows N101 with its evidence chain; the fixed example is clean") {
    auto r = run(cd_and_run("--format json examples/order-cancel/template.yaml"));
    CHECK(r.exit_code == 1);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    auto& f = j["findings"][0];
    CHECK(f["rule"] == "N101");
    CHECK(f["resource"] == "OrderCancel");
    CHECK(f["line"] == 93);
    CHECK(f["column"] == 7);
    CHECK(f["path"] == "Resources/OrderCancel/Properties/VpcConfig");
    std::string message = f["message"];
    // The headline: the function, what hangs, the one cause; subnets and grants are notes.
    CHECK(message ==
          "OrderCancel's calls to the Lambda API will hang until the 30 s timeout: its subnets' route table "
          "PrivateRouteTable has no route out of Vpc (no NAT) and no lambda endpoint");
    std::vector<int> note_lines;
    std::string notes;
    for (auto& n : f["notes"]) {
      note_lines.push_back(n["line"]);
      notes += n["message"].get<std::string>() + "\n";
    }
    CHECK(note_lines == std::vector<int>{94, 42, 37, 94, 48, 102, 104, 99});
    CHECK(notes.find("attached to subnet PrivateSubnetB") != std::string::npos);
    CHECK(notes.find("lambda:InvokeFunction on RestockWorker granted here") != std::string::npos);
    std::string fix = f["fix"];
    CHECK(fix.find("interface endpoint") != std::string::npos);
    CHECK(fix.find("NAT gateway") != std::string::npos);
    auto fixed = run(cd_and_run("--no-color examples/order-cancel/template-fixed.yaml"));
    CHECK(fixed.exit_code == 0);
    CHECK(fixed.out == "No findings in 1 file\n");
  }

  TEST_CASE("-j N gives output byte for byte identical to -j 1 on the corpus") {
    std::string corpus = source_dir() + "/../shared/corpus";
    if (!fs::exists(corpus)) {
      VPCLINT_SKIP("no corpus at " << corpus);
    }
    auto one = run(kBin + " -j 1 --format json " + corpus);
    auto many = run(kBin + " -j 4 --format json " + corpus);
    CHECK(one.exit_code == 2);  // the corpus holds intentionally broken templates
    CHECK(many.exit_code == one.exit_code);
    CHECK(one.out.size() > 100000);
    CHECK(many.out == one.out);
    auto text1 = run(kBin + " -j 1 --no-color " + corpus);
    auto text4 = run(kBin + " -j 3 --no-color " + corpus);
    CHECK(text4.out == text1.out);
  }

  TEST_CASE("--skip-non-templates ignores named YAML/JSON files that are not templates") {
    TempDir d;
    auto workflow = d.write("ci.yml", "on: push\njobs: {build: {runs-on: ubuntu-latest}}\n");
    auto bad = d.write("template.yaml", kUndefined);
    CHECK(run(kBin + " " + workflow).exit_code == 2);  // named explicitly: T002
    auto r = run(kBin + " --no-color --skip-non-templates " + workflow + " " + bad);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("T002") == std::string::npos);
    CHECK(r.out.find("T006") != std::string::npos);
    CHECK(r.out.ends_with("in 1 file\n"));
  }

  TEST_CASE("--list-rules, --explain and --version") {
    auto l = run(kBin + " --list-rules");
    CHECK(l.exit_code == 0);
    for (const char* id : {"T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009", "N101", "N102",
                           "N103", "N104", "N105", "N106", "V301", "V302", "V303", "V304", "V305", "V306"})
      CHECK(l.out.find(id) != std::string::npos);
    auto e = run(kBin + " --explain T006");
    CHECK(e.exit_code == 0);
    CHECK(e.out == read(source_dir() + "/docs/rules/T006.md"));
    auto missing = run(kBin + " --explain Z999");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "vpclint: error: no rule 'Z999' (see --list-rules)\n");
    // From a git checkout the version names its commit (possibly "-dirty"); from a tarball, none.
    auto head = run("git -C '" + source_dir() + "' rev-parse --short=12 HEAD 2>/dev/null");
    std::string version = run(kBin + " --version").out;
    std::string expected = std::string("vpclint ") + VPCLINT_VERSION;
    if (head.exit_code != 0) {
      CHECK(version == expected + "\n");
    } else {
      std::string commit = head.out.substr(0, head.out.find('\n'));
      CHECK_MESSAGE((version == expected + " (commit " + commit + ")\n" ||
                     version == expected + " (commit " + commit + "-dirty)\n"),
                    version);
    }
    auto h = run(kBin + " --help");
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("Exit codes:") != std::string::npos);
  }

  TEST_CASE("README's rules table is exactly `--list-rules --format markdown`, byte for byte") {
    auto r = run(kBin + " --list-rules --format markdown");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const std::string readme = read(source_dir() + "/README.md");
    const std::string begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->\n";
    size_t b = readme.find(begin), e = readme.find(end);
    REQUIRE_MESSAGE(b != std::string::npos, "README.md lacks " << begin);
    REQUIRE_MESSAGE(e != std::string::npos, "README.md lacks " << end);
    CHECK(readme.find(begin, b + 1) == std::string::npos);
    CHECK(readme.find(end, e + 1) == std::string::npos);
    REQUIRE(b < e);
    std::string block = readme.substr(b + begin.size(), e - b - begin.size());
    CHECK_MESSAGE(block == r.out, "README.md's rules table is stale: run `make readme-rules`");
  }

  TEST_CASE("every registered rule has its row in the markdown rules table") {
    auto r = run(kBin + " --list-rules --format markdown");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.starts_with("| id | name | default | what it finds |\n|---|---|---|---|\n"));
    const std::string readme = read(source_dir() + "/README.md");
    size_t rows = 0;
    for (char c : r.out) rows += c == '\n';
    CHECK(rows == vpclint::all_rules().size() + 2);
    for (const auto& rule : vpclint::all_rules()) {
      const auto& m = rule->meta();
      std::string row = "| " + std::string(m.id) + " | " + std::string(m.name) + " | " +
                        std::string(vpclint::severity_name(m.severity)) + " | " + std::string(m.summary) + " |\n";
      CHECK_MESSAGE(r.out.find(row) != std::string::npos, "no row for " << m.id);
      CHECK_MESSAGE(readme.find(row) != std::string::npos, "README.md has no row for " << m.id);
    }
    // Markdown is for --list-rules only; the text listing is unchanged.
    auto lint = run(kBin + " --format markdown " + source_dir() + "/examples/order-cancel/template.yaml");
    CHECK(lint.exit_code == 2);
    CHECK(lint.err == "vpclint: error: --format markdown is only for --list-rules\n");
    auto text = run(kBin + " --list-rules");
    CHECK(text.out.starts_with("I201  error   vpc-role-missing-eni-permissions\n      A VPC-attached function"));
  }

  TEST_CASE("a file over --max-file-size is a T008 finding and exit 2") {
    TempDir d;
    auto big = d.write("big.yaml", std::string(2048, '#'));
    auto r = run(kBin + " --max-file-size 1024 --format json " + big);
    CHECK(r.exit_code == 2);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["rule"] == "T008");
  }
}
