// `.vpclint.yaml` end to end: each key changes what a real run reports, and the network facts
// turn the seed's unknown (literal subnets, security group from SSM) into a definite answer.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using vpclint::test::CommandResult;
using vpclint::test::run;

namespace {

// A repository with a .git directory, so discovery stops at its root.
struct Repo : vpclint::test::Workspace {
  Repo() : Workspace("config") { std::filesystem::create_directories(path / ".git"); }
  // (rule, severity, line) of each finding of a JSON run.
  std::vector<std::string> findings(const std::string& args) const {
    CommandResult r = lint("--format json " + args);
    std::vector<std::string> out;
    auto doc = nlohmann::json::parse(r.out, nullptr, false);
    if (doc.is_discarded()) return {"unparsable output: " + r.out + r.err};
    for (const auto& f : doc["findings"])
      out.push_back(f["rule"].get<std::string>() + ":" + f["severity"].get<std::string>() + "@" +
                    std::to_string(f["line"].get<int>()));
    return out;
  }
};

// The seed: a function in literal subnets with its security group from SSM invokes another.
const std::string kSeed = R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties: {Handler: w.handler, Runtime: python3.12, CodeUri: src/}
  OrderCancel:
    Type: AWS::Serverless::Function
    Properties:
      Handler: c.handler
      Runtime: python3.12
      CodeUri: src/
      VpcConfig:
        SubnetIds: [subnet-0aaa, subnet-0bbb]
        SecurityGroupIds: ['{{resolve:ssm:/net/lambda-sg}}']
      Policies:
        - LambdaInvokePolicy: {FunctionName: !Ref Worker}
  Reporter:
    Type: AWS::Serverless::Function
    Properties:
      Handler: r.handler
      Runtime: python3.12
      CodeUri: src/
      VpcConfig:
        SubnetIds: !Ref Subnets
        SecurityGroupIds: [sg-0123]
      Policies:
        - LambdaInvokePolicy: {FunctionName: !Ref Worker}
)";

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("config-cli") {
  TEST_CASE("without a config the external subnets give warnings that name what is unknown") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    CHECK(repo.findings("app") == Strings{"N107:warning@14", "N107:warning@25"});
  }

  TEST_CASE("network facts: egress none with no endpoint turns the warning into a definite error with evidence") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write(".vpclint.yaml",
               "network:\n  subnets:\n    - id: subnet-0aaa\n      vpc: vpc-1\n      egress: none\n"
               "    - id: subnet-0bbb\n      vpc: vpc-1\n      egress: none\n");
    CHECK(repo.findings("app") == Strings{"N101:error@14", "N107:warning@25"});
    auto text = repo.lint("app");
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("OrderCancel's calls to the Lambda API will hang until the 3 s timeout: its subnets have no "
                        "NAT, as .vpclint.yaml states, and vpc-1 has no lambda endpoint there or in the template") !=
          std::string::npos);
    CHECK(
        text.out.find("= note: subnet-0aaa is stated in .vpclint.yaml with egress none, in vpc-1 (.vpclint.yaml:3:") !=
        std::string::npos);
  }

  TEST_CASE("network facts: a glob with egress nat clears it; internet-gateway is N103; unknown stays a warning") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write(".vpclint.yaml", "network:\n  subnets:\n    - {id: 'subnet-0*', vpc: vpc-1, egress: nat}\n");
    CHECK(repo.findings("app") == Strings{"N107:warning@25"});
    repo.write(".vpclint.yaml",
               "network:\n  subnets:\n    - {id: 'subnet-0*', vpc: vpc-1, egress: internet-gateway}\n");
    CHECK(repo.findings("app") == Strings{"N103:error@14", "N107:warning@25"});
    repo.write(".vpclint.yaml", "network:\n  subnets:\n    - {id: 'subnet-0*', vpc: vpc-1, egress: unknown}\n");
    CHECK(repo.findings("app") == Strings{"N107:warning@14", "N107:warning@25"});
  }

  TEST_CASE("network facts: an endpoint stated in the external VPC is a way out; private DNS off is N104") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    std::string subnets = "network:\n  subnets:\n    - {id: 'subnet-0*', vpc: vpc-1, egress: none}\n";
    repo.write(".vpclint.yaml",
               subnets + "  endpoints:\n    - {vpc: vpc-1, service: com.amazonaws.eu-west-1.lambda}\n");
    CHECK(repo.findings("app") == Strings{"N107:warning@25"});
    repo.write(".vpclint.yaml", subnets + "  endpoints:\n    - {vpc: vpc-1, service: lambda, private-dns: false}\n");
    CHECK(repo.findings("app") == Strings{"N104:error@14", "N107:warning@25"});
    // The stated endpoint's note says why it fails; no other note says there is no endpoint.
    auto text = repo.lint("app");
    CHECK(text.out.find("the interface endpoint for the Lambda API in vpc-1 has private DNS off") != std::string::npos);
    CHECK(text.out.find("no endpoint for the Lambda API in vpc-1") == std::string::npos);
    repo.write(".vpclint.yaml", subnets + "  endpoints:\n    - {vpc: vpc-2, service: lambda}\n");
    CHECK(repo.findings("app") == Strings{"N101:error@14", "N107:warning@25"});
  }

  TEST_CASE("network facts: stated zones and VPCs feed V304 (one zone) and V305 (mixed VPCs)") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write(".vpclint.yaml",
               "ignore: [N]\nnetwork:\n  subnets:\n    - {id: subnet-0aaa, vpc: vpc-1, az: eu-west-1a, egress: nat}\n"
               "    - {id: subnet-0bbb, vpc: vpc-1, az: eu-west-1a, egress: nat}\n");
    CHECK(repo.findings("app") == Strings{"V304:warning@15"});
    CHECK(
        repo.lint("app").out.find("OrderCancel runs in subnets subnet-0aaa (as .vpclint.yaml states), subnet-0bbb (as "
                                  ".vpclint.yaml states), all in eu-west-1a") != std::string::npos);
    repo.write(".vpclint.yaml",
               "ignore: [N]\nnetwork:\n  subnets:\n    - {id: subnet-0aaa, vpc: vpc-1, az: eu-west-1a, egress: nat}\n"
               "    - {id: subnet-0bbb, vpc: vpc-2, az: eu-west-1b, egress: nat}\n");
    CHECK(repo.findings("app") == Strings{"V305:error@15"});  // at subnet-0bbb, the one that disagrees
    CHECK(repo.lint("app").out.find("= note: .vpclint.yaml states the VPC of subnet-0bbb (.vpclint.yaml:5:") !=
          std::string::npos);
    repo.write(".vpclint.yaml",
               "ignore: [N]\nnetwork:\n  subnets:\n    - {id: 'subnet-0*', vpc: vpc-1, egress: nat}\n");
    CHECK(repo.findings("app").empty());  // no zone stated: nothing to say about zones
  }

  TEST_CASE("parameters and --parameter give a list parameter its subnets; the flag wins") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    std::string net =
        "network:\n  subnets:\n    - {id: subnet-0*, vpc: vpc-1, egress: nat}\n    - {id: subnet-9*, vpc: vpc-1, "
        "egress: none}\n";
    repo.write(".vpclint.yaml", "parameters:\n  Subnets: [subnet-9a, subnet-9b]\n" + net);
    CHECK(repo.findings("app") == Strings{"N101:error@25"});
    CHECK(repo.findings("--parameter Subnets=subnet-0x,subnet-0y app").empty());
    auto bad = repo.lint("--parameter Subnets app");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "vpclint: error: --parameter 'Subnets' is not Name=Value\n");
  }

  TEST_CASE("ssm: a stated SSM value resolves a {{resolve:ssm:...}} subnet") {
    Repo repo;
    std::string t = kSeed;
    t.replace(t.find("[subnet-0aaa, subnet-0bbb]"), 26, "['{{resolve:ssm:/net/subnet-a}}']");
    repo.write("app/template.yaml", t);
    repo.write(".vpclint.yaml",
               "ssm:\n  /net/subnet-a: subnet-7a\nnetwork:\n  subnets:\n    - {id: subnet-7a, egress: none}\n");
    CHECK(repo.findings("--fail-on error app") == Strings{"N101:error@14", "V303:warning@15", "N107:warning@25"});
    // A stated SSM value is substituted in the help as a parameter's value is: the function's
    // security group {{resolve:ssm:/net/lambda-sg}} is named by its id.
    repo.write(".vpclint.yaml",
               "ssm:\n  /net/subnet-a: subnet-7a\n  /net/lambda-sg: sg-0fff\nnetwork:\n  subnets:\n"
               "    - {id: subnet-7a, egress: none}\n");
    auto text = repo.lint("app");
    CHECK(text.out.find("a security group admitting TCP 443 from sg-0fff)") != std::string::npos);
    CHECK(text.out.find("admitting TCP 443 from {{resolve:ssm:") == std::string::npos);
  }

  TEST_CASE("select, ignore and severity decide which rules report and how loudly") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write(".vpclint.yaml", "ignore: [N]\n");
    CHECK(repo.findings("app").empty());
    repo.write(".vpclint.yaml", "select: [T, V]\n");
    CHECK(repo.findings("app").empty());
    repo.write(".vpclint.yaml", "select: [N1]\nignore: [N107]\n");
    CHECK(repo.findings("app").empty());
    // The "cannot tell" warnings have their own id: a severity for them leaves N101's alone.
    repo.write(".vpclint.yaml", "severity: {N107: info}\n");
    CHECK(repo.findings("app") == Strings{"N107:info@14", "N107:info@25"});
    CHECK(repo.lint("app").exit_code == 0);  // info is below the default fail-on (warning)
    repo.write(".vpclint.yaml", "severity: {N101: info}\n");
    CHECK(repo.findings("app") == Strings{"N107:warning@14", "N107:warning@25"});
  }

  TEST_CASE("fail-on in the config; --fail-on on the command line wins") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write(".vpclint.yaml", "fail-on: error\n");
    CHECK(repo.lint("app").exit_code == 0);
    CHECK(repo.lint("--fail-on warning app").exit_code == 1);
  }

  TEST_CASE("exclude globs skip files relative to the config's directory") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write("legacy/old/template.yaml",
               "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref Nope}\n");
    repo.write(".vpclint.yaml", "exclude: ['legacy/**']\nignore: [N107]\n");
    auto r = repo.lint(".");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "No findings in 1 file\n");
    // A file named on the command line is excluded too (pre-commit passes every staged file).
    CHECK(repo.lint("legacy/old/template.yaml").out == "No findings in 0 files\n");
  }

  TEST_CASE("the nearest config wins, discovery stops at the repository root, --config overrides both") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write("app/.vpclint.yaml", "ignore: [N107]\n");
    repo.write(".vpclint.yaml", "severity: {N107: info}\n");
    CHECK(repo.findings("app").empty());
    repo.write("ci.yaml", "severity: {N107: error}\n");
    CHECK(repo.findings("--config ci.yaml app") == Strings{"N107:error@14", "N107:error@25"});
    // A config above a repository root is not used: inner/ is a repository of its own.
    repo.write("inner/.git/HEAD", "ref: refs/heads/main\n");
    repo.write("inner/app/template.yaml", kSeed);
    CHECK(repo.findings("inner/app") == Strings{"N107:warning@14", "N107:warning@25"});
  }

  TEST_CASE("an invalid config is a one-line error with its position and exit code 2") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    repo.write(".vpclint.yaml", "ignore: [N101]\nfail_on: error\n");
    auto r = repo.lint("app");
    CHECK(r.exit_code == 2);
    CHECK(r.out == "No findings in 0 files\n");  // its templates are not linted with half a config
    CHECK(r.err.starts_with("vpclint: error: "));
    CHECK(r.err.find(".vpclint.yaml:2:1: unknown key 'fail_on' (did you mean 'fail-on'?)") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    repo.write(".vpclint.yaml", "network:\n  subnets:\n    - {id: subnet-1, egress: maybe}\n");
    r = repo.lint("app");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(".vpclint.yaml:3:30: subnet egress must be nat, internet-gateway, none or unknown, not 'maybe'") !=
          std::string::npos);
    // Templates under a valid config (or none) are still linted, and the broken one is named once.
    repo.write("other/template.yaml", kSeed);
    repo.write("other/.vpclint.yaml", "fail-on: error\n");
    repo.write("app/second.yaml", kSeed);
    auto mixed = repo.findings("app other");
    CHECK(mixed == Strings{"N107:warning@14", "N107:warning@25"});
    auto mixed_text = repo.lint("app other");
    CHECK(mixed_text.exit_code == 2);
    CHECK(std::count(mixed_text.err.begin(), mixed_text.err.end(), '\n') == 1);

    auto missing = repo.lint("--config nothere.yaml app");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("vpclint: error: nothere.yaml: cannot read the config file: "));
  }

  TEST_CASE("hostile config files: an alias bomb, bad bytes, oversize, a directory; each one line, exit 2, fast") {
    Repo repo;
    repo.write("app/template.yaml", kSeed);
    std::string bomb = "parameters:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 25; ++i) {
      std::string prev = i == 1 ? "a" : "l" + std::to_string(i - 1);
      bomb += "  l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
      for (int k = 0; k < 10; ++k) bomb += (k ? ", *" : "*") + prev;
      bomb += "]\n";
    }
    const std::pair<std::string, std::string> cases[] = {
        // Aliases share the anchored node, so the bomb stays small and the error points at the anchor.
        {bomb, ".vpclint.yaml:2:6: parameter 'l1' must be a string, number, boolean or a list of them"},
        {"select: [N\xff]\n", ".vpclint.yaml:1:11: invalid UTF-8 (byte 0xFF)"},
        {std::string(1100000, '#'),
         ".vpclint.yaml: cannot read the config file: larger than the 1 MB limit of a config file"},
        {std::string("\0\1\2", 3), ".vpclint.yaml:1:1: the top level must be a mapping"},
    };
    for (const auto& item : cases) {
      const auto& [text, error] = item;
      CAPTURE(item.second);  // clang 14 cannot capture a structured binding
      repo.write(".vpclint.yaml", text);
      auto r = repo.lint("app");
      CHECK(r.exit_code == 2);
      CHECK(r.err.starts_with("vpclint: error: " + error));
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    fs::remove(repo.path / ".vpclint.yaml");
    fs::create_directories(repo.path / ".vpclint.yaml");
    auto dir = repo.lint("app");
    CHECK(dir.exit_code == 2);
    CHECK(dir.err == "vpclint: error: .vpclint.yaml: cannot read the config file: is a directory\n");
  }
}
