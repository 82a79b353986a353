// `vpclint snapshot`, driven with a stand-in `aws` (a shell script first on PATH) that logs its
// arguments and prints recorded CLI output: the files written and their bytes, the commands run,
// the failures that leave DIR untouched, and the commands printed when there is no `aws`.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

using vpclint::test::Workspace;

namespace {

namespace fs = std::filesystem;

const char* const kStandIn = R"(#!/bin/sh
# A stand-in for the AWS CLI: logs its arguments, prints the recorded output for them.
here=$(dirname "$0")
printf '%s\n' "$*" >> "$here/calls.log"
case "$*" in
  --version) echo "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12"; exit 0 ;;
  "sts get-caller-identity --query Account"*) echo 123456789012; exit 0 ;;
  "ec2 describe-vpcs --query Vpcs[].VpcId"*) printf 'vpc-1\tvpc-2\n'; exit 0 ;;
  "configure get region"*) cat "$here/out/configure-region" 2>/dev/null || exit 1; exit 0 ;;
  "ec2 describe-vpc-attribute"*) f="$here/out/$1-$2-$4-$6.json" ;;
  *) f="$here/out/$1-$2.json" ;;
esac
if [ ! -f "$f" ]; then
  echo "An error occurred (UnauthorizedOperation) when calling the $2 operation: You are not authorized" >&2
  exit 254
fi
cat "$f"
)";

// What the stand-in prints for each command, by the file of the snapshot it goes to.
const std::vector<std::pair<std::string, std::string>> kRecorded{
    {"ec2-describe-vpcs.json",
     "{\n    \"Vpcs\": [\n        {\n            \"CidrBlock\": \"10.0.0.0/16\",\n            \"VpcId\": \"vpc-1\"\n"
     "        },\n        {\n            \"CidrBlock\": \"10.1.0.0/16\",\n            \"VpcId\": \"vpc-2\"\n        }\n"
     "    ]\n}\n"},
    {"ec2-describe-subnets.json",
     "{\n    \"Subnets\": [\n        {\n            \"SubnetId\": \"subnet-1\",\n            \"VpcId\": \"vpc-1\"\n"
     "        }\n    ]\n}\n"},
    {"ec2-describe-route-tables.json", "{\n    \"RouteTables\": []\n}\n"},
    {"ec2-describe-nat-gateways.json", "{\n    \"NatGateways\": []\n}\n"},
    {"ec2-describe-internet-gateways.json", "{\n    \"InternetGateways\": []\n}\n"},
    {"ec2-describe-egress-only-internet-gateways.json", "{\n    \"EgressOnlyInternetGateways\": []\n}\n"},
    {"ec2-describe-vpc-endpoints.json", "{\n    \"VpcEndpoints\": []\n}\n"},
    {"ec2-describe-security-groups.json",
     "{\n    \"SecurityGroups\": [\n        {\n            \"GroupId\": \"sg-1\",\n            \"VpcId\": "
     "\"vpc-1\"\n        }\n    ]\n}\n"},
    {"ec2-describe-managed-prefix-lists.json", "{\n    \"PrefixLists\": []\n}\n"},
    {"cloudformation-list-exports.json", "{\n    \"Exports\": []\n}\n"},
    {"cloudformation-describe-stacks.json", "{\n    \"Stacks\": []\n}\n"},
    {"ec2-describe-vpc-attribute-vpc-1-enableDnsSupport.json",
     "{\n    \"VpcId\": \"vpc-1\",\n    \"EnableDnsSupport\": {\n        \"Value\": true\n    }\n}\n"},
    {"ec2-describe-vpc-attribute-vpc-1-enableDnsHostnames.json",
     "{\n    \"VpcId\": \"vpc-1\",\n    \"EnableDnsHostnames\": {\n        \"Value\": true\n    }\n}\n"},
    {"ec2-describe-vpc-attribute-vpc-2-enableDnsSupport.json",
     "{\n    \"VpcId\": \"vpc-2\",\n    \"EnableDnsSupport\": {\n        \"Value\": true\n    }\n}\n"},
    {"ec2-describe-vpc-attribute-vpc-2-enableDnsHostnames.json",
     "{\n    \"VpcId\": \"vpc-2\",\n    \"EnableDnsHostnames\": {\n        \"Value\": false\n    }\n}\n"},
};
const char* const kSsm =
    "{\n    \"Parameters\": [\n        {\n            \"Name\": \"/app/sg\",\n"
    "            \"Type\": \"String\",\n            \"Value\": \"sg-1\"\n        }\n    ]\n}\n";

// A workspace with the stand-in in bin/ and its recorded output in bin/out/, named as the
// snapshot's files (the stand-in finds them by its arguments), all of it but `leave_out`.
struct StandIn {
  inline static int count = 0;  // each its own directory: a test may hold two
  Workspace ws{"snapshot-command-" + std::to_string(++count)};
  explicit StandIn(const std::string& leave_out = "") {
    ws.write("bin/aws", kStandIn);
    fs::permissions(ws.path / "bin/aws", fs::perms::owner_all);
    for (const auto& [file, text] : kRecorded)
      if (file != leave_out) ws.write("bin/out/" + file, text);
  }
  // Runs `vpclint snapshot ARGS` from the workspace with the stand-in first on PATH and no
  // region in the environment unless `env` sets one.
  vpclint::test::CommandResult snapshot(const std::string& args, const std::string& env = "") const {
    return vpclint::test::run("cd '" + ws.path.string() + "' && env -u AWS_REGION -u AWS_DEFAULT_REGION " + env +
                              " PATH='" + (ws.path / "bin").string() + ":/usr/bin:/bin' " + VPCLINT_BINARY +
                              " snapshot " + args);
  }
  // The commands the stand-in was given, sorted (they run in parallel).
  std::vector<std::string> calls() const {
    std::vector<std::string> lines;
    std::istringstream in(ws.read("bin/calls.log"));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
  }
  // The names in the workspace's top directory (a leftover temporary directory would show).
  std::set<std::string> top() const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(ws.path)) out.insert(e.path().filename().string());
    return out;
  }
  std::set<std::string> files(const std::string& dir) const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(ws.path / dir)) out.insert(e.path().filename().string());
    return out;
  }
};

std::set<std::string> recorded_files() {
  std::set<std::string> out{"manifest.json"};
  for (const auto& [file, text] : kRecorded) out.insert(file);
  return out;
}

void check_recorded_bytes(const StandIn& s, const std::string& dir) {
  for (const auto& recorded : kRecorded)
    CHECK_MESSAGE(s.ws.read(dir + "/" + recorded.first) == recorded.second, recorded.first);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_SUITE("snapshot-command") {
  TEST_CASE("every command of the contract through the aws on PATH, its output written as printed") {
    StandIn s;
    auto r = s.snapshot("-o snap --region eu-west-1 --profile dev");
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "snapshot snap/: 16 files, 2 VPCs, account 123456789012, region eu-west-1\n");
    CHECK(s.files("snap") == recorded_files());
    check_recorded_bytes(s, "snap");
    const auto manifest = nlohmann::json::parse(s.ws.read("snap/manifest.json"));
    CHECK(manifest["account"] == "123456789012");
    CHECK(manifest["region"] == "eu-west-1");
    CHECK(manifest["cli_version"] == "2.15.0");
    CHECK(std::regex_match(manifest["taken"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    const std::string common = " --output json --region eu-west-1 --profile dev";
    CHECK(s.calls() == sorted({
                           "--version",
                           "cloudformation describe-stacks" + common,
                           "cloudformation list-exports" + common,
                           "ec2 describe-egress-only-internet-gateways" + common,
                           "ec2 describe-internet-gateways" + common,
                           "ec2 describe-managed-prefix-lists" + common,
                           "ec2 describe-nat-gateways" + common,
                           "ec2 describe-route-tables" + common,
                           "ec2 describe-security-groups" + common,
                           "ec2 describe-subnets" + common,
                           "ec2 describe-vpc-attribute --vpc-id vpc-1 --attribute enableDnsHostnames" + common,
                           "ec2 describe-vpc-attribute --vpc-id vpc-1 --attribute enableDnsSupport" + common,
                           "ec2 describe-vpc-attribute --vpc-id vpc-2 --attribute enableDnsHostnames" + common,
                           "ec2 describe-vpc-attribute --vpc-id vpc-2 --attribute enableDnsSupport" + common,
                           "ec2 describe-vpc-endpoints" + common,
                           "ec2 describe-vpcs" + common,
                           "sts get-caller-identity --query Account --output text --region eu-west-1 --profile dev",
                       }));
    CHECK(s.top() == std::set<std::string>{"bin", "snap"});  // no temporary directory left
  }

  TEST_CASE("--ssm-path; the region from the environment or else the CLI's configuration") {
    StandIn s;
    s.ws.write("bin/out/ssm-get-parameters-by-path.json", kSsm);
    s.ws.write("bin/out/configure-region", "eu-central-1\n");
    auto r = s.snapshot("-o out/snap --ssm-path /app --profile dev");
    CHECK(r.err == "");
    REQUIRE(r.exit_code == 0);
    CHECK(s.ws.read("out/snap/ssm-get-parameters-by-path.json") == kSsm);
    CHECK(nlohmann::json::parse(s.ws.read("out/snap/manifest.json"))["region"] == "eu-central-1");
    const auto calls = s.calls();
    CHECK(std::count(calls.begin(), calls.end(),
                     "ssm get-parameters-by-path --path /app --recursive --output json --profile dev") == 1);
    CHECK(std::count(calls.begin(), calls.end(), "configure get region --profile dev") == 1);

    StandIn env;
    r = env.snapshot("-o snap", "AWS_REGION=us-east-2");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "snapshot snap/: 16 files, 2 VPCs, account 123456789012, region us-east-2\n");
    const auto env_calls = env.calls();
    CHECK(std::none_of(env_calls.begin(), env_calls.end(),
                       [](const std::string& c) { return c.starts_with("configure") || c.starts_with("ssm"); }));
  }

  TEST_CASE("an existing snapshot is replaced whole, and only after success") {
    StandIn s;
    s.ws.write("snap/ec2-describe-vpc-attribute-vpc-9-enableDnsSupport.json", "old");
    s.ws.write("snap/ec2-describe-vpcs.json", "old");
    auto r = s.snapshot("-o snap/ --region eu-west-1");
    CHECK(r.err == "");
    REQUIRE(r.exit_code == 0);
    CHECK(s.files("snap") == recorded_files());  // the stale VPC's file is gone
    check_recorded_bytes(s, "snap");
    CHECK(s.top() == std::set<std::string>{"bin", "snap"});
  }

  TEST_CASE("a failing command: its command line and standard error, exit 2, DIR untouched") {
    StandIn s("ec2-describe-security-groups.json");
    s.ws.write("snap/ec2-describe-vpcs.json", "old");
    auto r = s.snapshot("-o snap --region eu-west-1");
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err ==
          "vpclint: error: `aws ec2 describe-security-groups --output json --region eu-west-1` failed with exit code "
          "254:\nAn error occurred (UnauthorizedOperation) when calling the describe-security-groups operation: You "
          "are not authorized\n");
    CHECK(s.files("snap") == std::set<std::string>{"ec2-describe-vpcs.json"});
    CHECK(s.ws.read("snap/ec2-describe-vpcs.json") == "old");
    CHECK(s.top() == std::set<std::string>{"bin", "snap"});

    StandIn first("ec2-describe-vpcs.json");
    r = first.snapshot("-o snap");
    CHECK(r.exit_code == 2);
    CHECK(r.err.starts_with("vpclint: error: `aws ec2 describe-vpcs --output json` failed with exit code 254:\n"));
    CHECK(first.top() == std::set<std::string>{"bin"});
  }

  TEST_CASE("output vpclint cannot read fails the snapshot, DIR untouched") {
    StandIn s;
    s.ws.write("bin/out/ec2-describe-subnets.json", "{\"Subnets\": [{\"VpcId\": \"vpc-1\"}]}\n");
    s.ws.write("bin/out/cloudformation-list-exports.json", "{\"Exports\": [\n");
    s.ws.write("snap/manifest.json", "{}");
    auto r = s.snapshot("-o snap --region eu-west-1");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "vpclint: error: snap/ec2-describe-subnets.json: /Subnets/0: missing required key \"SubnetId\"\n"
          "vpclint: error: snap/cloudformation-list-exports.json:2:1: not valid JSON: syntax error while parsing "
          "value - unexpected end of input; expected '[', '{', or a literal\n");
    CHECK(s.ws.read("snap/manifest.json") == "{}");
    CHECK(s.top() == std::set<std::string>{"bin", "snap"});

    StandIn vpcs;
    vpcs.ws.write("bin/out/ec2-describe-vpcs.json", "{\"Vpcs\": [{\"CidrBlock\": \"10.0.0.0/16\"}]}");
    r = vpcs.snapshot("-o snap");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vpclint: error: snap/ec2-describe-vpcs.json: /Vpcs/0: missing required key \"VpcId\"\n");
  }

  TEST_CASE("a directory that is not a snapshot is never replaced") {
    StandIn s;
    s.ws.write("repo/README.md", "mine");
    auto r = s.snapshot("-o repo");
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "vpclint: error: repo holds README.md, which is not a snapshot's file; choose another directory or remove "
          "it\n");
    CHECK(s.ws.read("repo/README.md") == "mine");
    s.ws.write("file", "x");
    r = s.snapshot("-o file");
    CHECK(r.err == "vpclint: error: file exists and is not a directory\n");
    r = s.snapshot("-o .");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vpclint: error: -o needs a directory of its own for the snapshot, not '.'\n");
    CHECK_FALSE(fs::exists(s.ws.path / "bin/calls.log"));  // refused before any command ran
  }

  TEST_CASE("without aws on PATH: the commands to run by hand, which write the same snapshot") {
    StandIn s;
    auto r = vpclint::test::run("cd '" + s.ws.path.string() + "' && PATH=/nonexistent " + VPCLINT_BINARY +
                                " snapshot -o snap --region eu-west-1 --profile 'my dev'");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vpclint: error: no 'aws' on PATH: install the AWS CLI, or run these commands (docs/snapshot.md)\n");
    const std::string c = " --output json --region eu-west-1 --profile 'my dev'";
    CHECK(r.out ==
          "mkdir -p snap\n"
          "aws ec2 describe-vpcs" +
              c +
              " > snap/ec2-describe-vpcs.json\n"
              "aws ec2 describe-subnets" +
              c +
              " > snap/ec2-describe-subnets.json\n"
              "aws ec2 describe-route-tables" +
              c +
              " > snap/ec2-describe-route-tables.json\n"
              "aws ec2 describe-nat-gateways" +
              c +
              " > snap/ec2-describe-nat-gateways.json\n"
              "aws ec2 describe-internet-gateways" +
              c +
              " > snap/ec2-describe-internet-gateways.json\n"
              "aws ec2 describe-egress-only-internet-gateways" +
              c +
              " > snap/ec2-describe-egress-only-internet-gateways.json\n"
              "aws ec2 describe-vpc-endpoints" +
              c +
              " > snap/ec2-describe-vpc-endpoints.json\n"
              "aws ec2 describe-security-groups" +
              c +
              " > snap/ec2-describe-security-groups.json\n"
              "aws ec2 describe-managed-prefix-lists" +
              c +
              " > snap/ec2-describe-managed-prefix-lists.json\n"
              "aws cloudformation list-exports" +
              c +
              " > snap/cloudformation-list-exports.json\n"
              "aws cloudformation describe-stacks" +
              c +
              " > snap/cloudformation-describe-stacks.json\n"
              "for vpc in $(aws ec2 describe-vpcs --query 'Vpcs[].VpcId' --output text --region eu-west-1 --profile "
              "'my dev'); do\n"
              "  aws ec2 describe-vpc-attribute --vpc-id \"$vpc\" --attribute enableDnsSupport" +
              c +
              " > snap/\"ec2-describe-vpc-attribute-$vpc-enableDnsSupport.json\"\n"
              "  aws ec2 describe-vpc-attribute --vpc-id \"$vpc\" --attribute enableDnsHostnames" +
              c +
              " > snap/\"ec2-describe-vpc-attribute-$vpc-enableDnsHostnames.json\"\n"
              "done\n"
              "printf '{\"account\": \"%s\", \"region\": \"%s\", \"taken\": \"%s\", \"cli_version\": \"%s\"}\\n' \\\n"
              "  \"$(aws sts get-caller-identity --query Account --output text --region eu-west-1 --profile 'my "
              "dev')\" eu-west-1 \\\n"
              "  \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$(aws --version 2>&1 | cut -d' ' -f1 | cut -d/ -f2)\" > "
              "snap/manifest.json\n");

    // The printed commands, run by a shell with the stand-in, write what `vpclint snapshot` does.
    s.ws.write("by-hand.sh", r.out);
    auto sh = vpclint::test::run("cd '" + s.ws.path.string() + "' && PATH='" + (s.ws.path / "bin").string() +
                                 ":/usr/bin:/bin' sh -e by-hand.sh");
    CHECK(sh.err == "");
    REQUIRE(sh.exit_code == 0);
    CHECK(s.files("snap") == recorded_files());
    check_recorded_bytes(s, "snap");
    const auto manifest = nlohmann::json::parse(s.ws.read("snap/manifest.json"));
    CHECK(manifest["account"] == "123456789012");
    CHECK(manifest["region"] == "eu-west-1");
    CHECK(manifest["cli_version"] == "2.15.0");
  }
}
