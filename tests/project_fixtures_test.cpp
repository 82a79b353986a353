// fixtures/projects/<name>/: a small repository each (templates, samconfig, .vpclint.yaml). Its
// `cases.txt` lists vpclint command lines, one per line (`#` comments); `expected.txt` holds what
// each prints (standard output, standard error marked `stderr:`) and its exit code. The project is
// copied into a scratch repository (a `.git` directory marks its root, bounding the parent search)
// and every command runs from there. VPCLINT_UPDATE_GOLDEN=1 rewrites expected.txt.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixture_files.h"
#include "test_support.h"
#include "text_diff.h"

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> command_lines(const fs::path& cases) {
  std::vector<std::string> out;
  std::istringstream in(read_text(cases));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

std::string transcript(const vpclint::test::Workspace& ws, const std::vector<std::string>& commands) {
  std::string out;
  for (const std::string& args : commands) {
    vpclint::test::CommandResult r = ws.lint(args);
    out += "$ vpclint " + args + "\n" + r.out;
    std::istringstream err(r.err);
    for (std::string line; std::getline(err, line);) out += "stderr: " + line + "\n";
    out += "exit " + std::to_string(r.exit_code) + "\n\n";
  }
  return out;
}

}  // namespace

namespace {
// Runs every fixture directory under `root` and compares its transcript; returns how many ran.
size_t check_transcripts(const fs::path& root) {
  REQUIRE(fs::is_directory(root));
  size_t count = 0;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    CAPTURE(dir.string());
    std::vector<std::string> commands = command_lines(dir / "cases.txt");
    REQUIRE_MESSAGE(!commands.empty(), "a project fixture lists its commands in cases.txt");
    vpclint::test::Workspace ws("project-" + dir.filename().string());
    fs::copy(dir, ws.path, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    fs::remove(ws.path / "cases.txt");
    fs::remove(ws.path / "expected.txt");
    fs::create_directory(ws.path / ".git");
    std::string actual = transcript(ws, commands);
    fs::path golden = dir / "expected.txt";
    if (std::getenv("VPCLINT_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << actual;
    std::string expected = read_text(golden);
    CHECK_MESSAGE(actual == expected, vpclint::test::first_difference(expected, actual));
    ++count;
  }
  return count;
}
}  // namespace

TEST_SUITE("projects") {
  TEST_CASE("every fixture project prints exactly its expected transcript") {
    CHECK(check_transcripts(vpclint::test::projects_root()) >= 6);
  }
}

// fixtures/cdk/<name>/: a CDK app and its cloud assembly, linted as `cdk synth && vpclint .` would.
TEST_SUITE("projects") {
  TEST_CASE("every CDK app fixture prints exactly its expected transcript") {
    CHECK(check_transcripts(vpclint::test::cdk_root()) >= 1);
  }
}

// fixtures/snapshots/<name>/: a template and the account snapshot it is linted against.
TEST_SUITE("snapshots") {
  TEST_CASE("every snapshot fixture prints exactly its expected transcript") {
    CHECK(check_transcripts(vpclint::test::snapshots_root()) >= 14);
  }
}

namespace {

// The `...` entries of a finding's help, as YAML lines for a config.
std::vector<std::string> suggested_entries(const std::string& help) {
  std::vector<std::string> out;
  for (size_t open = help.find('`'); open != std::string::npos; open = help.find('`', open + 1)) {
    size_t close = help.find('`', open + 1);
    if (close == std::string::npos) break;
    out.push_back(help.substr(open + 1, close - open - 1));
    open = close;
  }
  return out;
}

}  // namespace

TEST_SUITE("projects") {
  // Each way a template can name a subnet vpclint cannot see: the help suggests config entries;
  // written as suggested (the subnet stated with no way out), they turn the warning into N101.
  TEST_CASE("every config entry a help suggests makes the finding definite") {
    const std::string function = vpclint::test::kVpcCaller;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"literal", "Resources:" + function + "        SubnetIds: [subnet-0abc]\n"},
        {"parameter", "Parameters:\n  SubnetId: {Type: AWS::EC2::Subnet::Id}\nResources:" + function +
                          "        SubnetIds: [!Ref SubnetId]\n"},
        {"import", "Resources:" + function + "        SubnetIds: [!ImportValue network-PrivateSubnet]\n"},
        {"split import", "Resources:" + function + "        SubnetIds: !Split [',', !ImportValue network-Subnets]\n"},
        {"ssm", "Resources:" + function + "        SubnetIds: ['{{resolve:ssm:/net/subnet}}']\n"},
        {"a parent's parameter", ""},  // lints nested.yaml instead: see below
    };
    for (const auto& item : cases) {
      const auto& [name, body] = item;
      CAPTURE(item.first);  // clang 14 cannot capture a structured binding
      vpclint::test::Workspace ws("suggest");
      ws.write(".git/HEAD", "");
      // A parent that nests t.yaml and passes its own parameter on: the child is judged through it.
      ws.write("parent.yaml",
               "Parameters:\n  ParentSubnet: {Type: AWS::EC2::Subnet::Id}\nResources:\n  App:\n"
               "    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: "
               "nested.yaml\n      Parameters: {SubnetId: !Ref ParentSubnet}\n");
      ws.write("nested.yaml",
               "Transform: AWS::Serverless-2016-10-31\nParameters:\n  SubnetId: {Type: "
               "AWS::EC2::Subnet::Id}\nResources:" +
                   function + "        SubnetIds: [!Ref SubnetId]\n");
      ws.write("t.yaml", "Transform: AWS::Serverless-2016-10-31\n" + body);
      std::string target = body.empty() ? "nested.yaml" : "t.yaml";
      vpclint::test::CommandResult before = ws.lint("--format json " + target);
      REQUIRE_MESSAGE(before.out.find("\"N107\"") != std::string::npos, before.out);
      size_t at = before.out.find("\"fix\"");
      REQUIRE(at != std::string::npos);
      std::string help = before.out.substr(at, before.out.find('\n', at) - at);
      std::string config;
      for (std::string entry : suggested_entries(help)) {
        if (size_t nat = entry.find("egress: nat"); nat != std::string::npos) entry.replace(nat, 11, "egress: none");
        config += entry + "\n";
      }
      REQUIRE_MESSAGE(!config.empty(), help);
      ws.write(".vpclint.yaml", config);
      vpclint::test::CommandResult after = ws.lint(target);
      CHECK_MESSAGE(after.out.find("error[N101]") != std::string::npos, config << after.out << after.err);
      CHECK(after.out.find("N107") == std::string::npos);
    }
  }
}
