// The project's links, beyond the fixture projects: name patterns, loops between templates, and
// nesting that multiplies uses. Hostile shapes end in a bounded answer, never a hang or a crash.
#include <doctest/doctest.h>

#include <string>

#include "config/project.h"
#include "test_support.h"

using vpclint::names_may_match;

namespace {
const std::string kFunction = vpclint::test::kVpcCaller;
}  // namespace

TEST_SUITE("projects") {
  TEST_CASE("export and import names match exactly, or by pattern where a part is unknown") {
    CHECK(names_may_match("net-Subnets", false, "net-Subnets", false));
    CHECK_FALSE(names_may_match("net-Subnets", false, "net-Subnet", false));
    // ${AWS::StackName}-Subnets with the stack name unknown.
    CHECK(names_may_match("${AWS::StackName}-Subnets", true, "prod-net-Subnets", false));
    CHECK(names_may_match("prod-net-Subnets", false, "${AWS::StackName}-Subnets", true));
    CHECK_FALSE(names_may_match("${AWS::StackName}-Subnets", true, "prod-net-Vpc", false));
    // Both unknown in part: their fixed ends must agree.
    CHECK(names_may_match("${Env}-net-Subnets", true, "${AWS::StackName}-Subnets", true));
    CHECK_FALSE(names_may_match("${Env}-net-Subnets", true, "${AWS::StackName}-Vpc", true));
    CHECK(names_may_match("/${Env}/sg", true, "/prod/sg", false));
    // The glob walk is linear: a long name of stars and near misses stays cheap.
    std::string many(5000, 'a');
    CHECK_FALSE(names_may_match("${A}" + many + "${B}b", true, many + many, false));
  }

  TEST_CASE("exports whose values import each other end as unknown, not a loop") {
    vpclint::test::Workspace ws("links-cycle");
    ws.write(".git/HEAD", "");
    ws.write("a.yaml",
             "Resources:\n  Q: {Type: AWS::SQS::Queue}\nOutputs:\n  X:\n    Value: !ImportValue y\n"
             "    Export: {Name: x}\n");
    ws.write("b.yaml",
             "Resources:\n  Q: {Type: AWS::SQS::Queue}\nOutputs:\n  Y:\n    Value: !ImportValue x\n"
             "    Export: {Name: y}\n");
    ws.write("app.yaml",
             "Transform: AWS::Serverless-2016-10-31\nResources:" + kFunction + "        SubnetIds: [!ImportValue x]\n");
    auto r = ws.lint(".");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("warning[N107]") != std::string::npos);
    CHECK(r.out.find("error[") == std::string::npos);
  }

  TEST_CASE("two templates that nest each other: one P502, both still linted") {
    vpclint::test::Workspace ws("links-mutual");
    ws.write("a.yaml",
             "Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: b.yaml}\n");
    ws.write("b.yaml",
             "Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: a.yaml}\n");
    auto r = ws.lint("a.yaml");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("b.yaml:4:31: error[P502] A nests a.yaml, which nests this template again") != std::string::npos);
    CHECK(r.out.find("in 2 files") != std::string::npos);
  }

  TEST_CASE("nesting that doubles at every level is cut at a bounded number of uses") {
    // t0 nests t1 twice, t1 nests t2 twice, ...: 2^24 uses unbounded.
    vpclint::test::Workspace ws("links-fanout");
    const int levels = 24;
    for (int i = 0; i < levels; ++i) {
      std::string body = "Parameters:\n  P: {Type: String, Default: x}\nResources:\n  Q: {Type: AWS::SQS::Queue}\n";
      if (i + 1 < levels)
        for (const char* id : {"L", "R"})
          body += std::string("  ") + id + ":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n" +
                  "      TemplateURL: t" + std::to_string(i + 1) + ".yaml\n      Parameters: {P: !Ref P}\n";
      ws.write("t" + std::to_string(i) + ".yaml", body);
    }
    auto r = ws.lint("-j 2 t0.yaml");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("No findings in " + std::to_string(levels) + " files") != std::string::npos);
  }
}
