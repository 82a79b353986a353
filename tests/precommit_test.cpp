// The pre-commit hook (.pre-commit-hooks.yaml) through the real `pre-commit` tool: a throwaway git
// repository uses the hook, a commit with a broken template is blocked with the finding printed,
// the fixed template commits. Offline: the throwaway repository's config is a `repo: local` copy of
// this repository's hook definition, so the two cannot drift.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using vpclint::test::run;
using vpclint::test::source_dir;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool have(const std::string& tool) { return run("command -v " + tool + " >/dev/null").exit_code == 0; }

struct Sandbox {
  fs::path root, repo;
  std::string env;  // shell prefix: in the repository, isolated from the caller's git and pre-commit state
  Sandbox() {
    char tmpl[] = "/tmp/vpclint-precommit-XXXXXX";
    root = mkdtemp(tmpl);
    repo = root / "repo";
    fs::create_directories(repo);
    std::string bin_dir = fs::path(VPCLINT_BINARY).parent_path().string();
    env = "cd " + shell_quote(repo.string()) + " || exit 97; " +
          "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES; " +
          "export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_COLOR=never NO_COLOR=1 " +
          // The container hook needs a container engine, which test machines lack (ci-files tests it).
          "SKIP=vpclint-docker " + "PRE_COMMIT_HOME=" + shell_quote((root / "pre-commit-home").string()) +
          " PATH=" + shell_quote(bin_dir) + ":\"$PATH\"; ";
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  // Runs a command in the repository; `out` holds stdout then stderr (git prints hook output on stderr).
  vpclint::test::CommandResult sh(const std::string& command) const {
    auto r = run(env + command);
    r.out += r.err;
    return r;
  }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(repo / rel, std::ios::binary) << text;
  }
  // No global git identity is needed (CI runs as root on a bare image).
  vpclint::test::CommandResult commit(const std::string& message) const {
    return sh(
        "git -c user.name=vpclint-test -c user.email=vpclint-test@example.invalid -c commit.gpgsign=false "
        "commit -q -m " +
        shell_quote(message));
  }
  int commit_count() const {
    auto r = sh("git rev-list --count HEAD");
    return r.exit_code == 0 ? std::stoi(r.out) : 0;
  }
};

// This repository's hook definition, as a `repo: local` entry (no clone, no network).
std::string local_config(const std::string& hooks) {
  std::ostringstream out;
  out << "# A local copy of vpclint's .pre-commit-hooks.yaml\nrepos:\n  - repo: local\n    hooks:\n";
  std::istringstream in(hooks);
  for (std::string line; std::getline(in, line);) out << (line.empty() ? "" : "      " + line) << '\n';
  return out.str();
}

}  // namespace

TEST_SUITE("precommit") {
  TEST_CASE("the pre-commit hook blocks a commit with a finding and lets the fixed template through") {
    if (!have("git") || !have("pre-commit")) {
      VPCLINT_SKIP("git or pre-commit is not installed (Debian: apt-get install git pre-commit)");
    }
    const std::string hooks = read(fs::path(source_dir()) / ".pre-commit-hooks.yaml");
    REQUIRE(hooks.find("- id: vpclint\n") != std::string::npos);
    CHECK(hooks.find("\n  entry: vpclint --skip-non-templates\n") != std::string::npos);
    CHECK(hooks.find("\n  files: \\.(ya?ml|json|template)$\n") != std::string::npos);
    CHECK(hooks.find("\n  pass_filenames: true\n") != std::string::npos);

    Sandbox box;
    REQUIRE(box.sh("git init -q .").exit_code == 0);
    box.write(".pre-commit-config.yaml", local_config(hooks));
    auto valid = box.sh("pre-commit validate-config .pre-commit-config.yaml");
    REQUIRE_MESSAGE(valid.exit_code == 0, valid.out);
    // The config is committed before the hook is installed: it is YAML but not a template.
    REQUIRE(box.sh("git add .pre-commit-config.yaml").exit_code == 0);
    REQUIRE(box.commit("pre-commit config").exit_code == 0);
    auto install = box.sh("pre-commit install");
    REQUIRE_MESSAGE(install.exit_code == 0, install.out);
    REQUIRE(fs::exists(box.repo / ".git/hooks/pre-commit"));

    // The README's example: an N101 finding blocks the commit and is printed.
    box.write("template.yaml", read(fs::path(source_dir()) / "examples/order-cancel/template.yaml"));
    REQUIRE(box.sh("git add template.yaml").exit_code == 0);
    auto bad = box.commit("bad template");
    CAPTURE(bad.out);
    CHECK(bad.exit_code != 0);
    CHECK(bad.out.find("vpclint") != std::string::npos);
    CHECK(bad.out.find("Failed") != std::string::npos);
    CHECK(bad.out.find("template.yaml:93:7: error[N101]") != std::string::npos);
    CHECK(bad.out.find("1 finding (1 error) in 1 file") != std::string::npos);
    CHECK(box.commit_count() == 1);

    // A T006 in a second template is printed too, and blocks as well.
    box.write("queue.yaml",
              "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nope\n");
    REQUIRE(box.sh("git add queue.yaml").exit_code == 0);
    auto two = box.commit("two bad templates");
    CAPTURE(two.out);
    CHECK(two.exit_code != 0);
    CHECK(two.out.find("queue.yaml:5:23: error[T006]") != std::string::npos);
    CHECK(two.out.find("error[N101]") != std::string::npos);
    CHECK(box.commit_count() == 1);

    // Fixed: both commit, with a YAML file that is not a template (skipped, not a T002).
    box.write("template.yaml", read(fs::path(source_dir()) / "examples/order-cancel/template-fixed.yaml"));
    box.write("queue.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
    box.write("workflow.yml", "on: push\njobs: {build: {runs-on: ubuntu-latest}}\n");
    REQUIRE(box.sh("git add template.yaml queue.yaml workflow.yml").exit_code == 0);
    auto good = box.commit("fixed templates");
    CAPTURE(good.out);
    CHECK(good.exit_code == 0);
    CHECK(good.out.find("Passed") != std::string::npos);
    CHECK(box.commit_count() == 2);
  }
}
