#pragma once
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "analysis/egress.h"
#include "analysis/facts.h"
#include "analysis/function_vpc.h"
#include "analysis/iam.h"
#include "analysis/iam_eni.h"
#include "analysis/network_model.h"
#include "analysis/reachability.h"
#include "analysis/service_calls.h"
#include "lint/linter.h"
#include "loader/loader.h"

namespace vpclint::test {

inline std::string source_dir() { return VPCLINT_SOURCE_DIR; }

// Lints an in-memory template with every rule.
inline FileResult lint(const std::string& text, const std::string& path = "t.yaml") {
  return lint_text(path, text, LintOptions{});
}

// "T006@9:24" for each finding, in output order.
inline std::vector<std::string> ids_at(const FileResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    out.push_back(f.rule + "@" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column));
  return out;
}

struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};
// Runs a shell command; stdout and stderr are captured separately.
CommandResult run(const std::string& command);

// A throwaway directory under the system's temp directory, removed when the test ends; vpclint
// runs from inside it, as a user in their repository would.
struct Workspace {
  std::filesystem::path path;
  // `tag` keeps suites apart; the process id keeps parallel runs apart.
  explicit Workspace(const std::string& tag)
      : path(std::filesystem::temp_directory_path() / ("vpclint-" + tag + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~Workspace() { std::filesystem::remove_all(path); }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Writes `name` (a relative path; its directories are created) and returns its full path.
  std::string write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
  std::string read(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // Runs `vpclint --no-color ARGS` from the workspace.
  CommandResult lint(const std::string& args) const {
    return run("cd '" + path.string() + "' && " + std::string(VPCLINT_BINARY) + " --no-color " + args);
  }
};

// The text of examples/order-cancel/<name>.
inline std::string example(const char* name) {
  std::ifstream in(source_dir() + "/examples/order-cancel/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A template loaded and analysed, for tests of the facts.
struct Analysed {
  Document doc;
  std::unique_ptr<Template> t;
  std::unique_ptr<Resolver> r;
  std::unique_ptr<Facts> facts;
  explicit Analysed(const std::string& text) : doc(load_document("t.yaml", text)) {
    t = std::make_unique<Template>(doc);
    r = std::make_unique<Resolver>(*t);
    facts = std::make_unique<Facts>(*t, *r);
  }
};

// Resources of a SAM template: a function that invokes Worker from a VPC, its VpcConfig left
// open after SecurityGroupIds so each test appends its own SubnetIds line.
inline const char* const kVpcCaller = R"(
  Worker:
    Type: AWS::Serverless::Function
    Properties: {Handler: w.handler, Runtime: python3.12, CodeUri: src/}
  Caller:
    Type: AWS::Serverless::Function
    Properties:
      Handler: c.handler
      Runtime: python3.12
      CodeUri: src/
      Policies: [{LambdaInvokePolicy: {FunctionName: !Ref Worker}}]
      VpcConfig:
        SecurityGroupIds: [sg-0123]
)";

}  // namespace vpclint::test

// A prerequisite (corpus, validator, tool) is missing: skip the test with a message, except under
// CI, where `make test` provides every one of them and a skip would hide a test that never ran.
#define VPCLINT_SKIP(why)                                     \
  do {                                                        \
    if (std::getenv("CI")) FAIL("missing under CI: " << why); \
    MESSAGE("skipped: " << why);                              \
    return;                                                   \
  } while (0)

#include <doctest/doctest.h>
namespace doctest {
template <>
struct StringMaker<vpclint::Position> {
  static String convert(const vpclint::Position& p) {
    return (std::to_string(p.line) + ":" + std::to_string(p.column)).c_str();
  }
};
// Lists of strings (ids_at) print as ["T006@5:23", ...] when a check fails.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "[";
    for (const auto& x : v) s += (s.size() > 1 ? ", \"" : "\"") + x + "\"";
    return (s + "]").c_str();
  }
};

}  // namespace doctest
