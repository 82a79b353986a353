// The IAM evaluator: action matching, statement gathering (roles, attached policies, AWS managed
// policies, SAM Policies, policy templates, connectors) and decisions.
#include "analysis/iam.h"

#include <doctest/doctest.h>

#include <memory>

#include "analysis/iam_eni.h"
#include "analysis/iam_managed_policies.h"
#include "loader/loader.h"
#include "model/resolver.h"
#include "model/template.h"
#include "test_support.h"

using namespace vpclint;

namespace {

// A template with its model and IAM facts, kept alive together.
struct IamLoaded {
  explicit IamLoaded(const std::string& text)
      : doc(load_document("t.yaml", text)), model(doc), resolver(model), iam(model, resolver) {}
  const RoleFacts& role(std::string_view fn) const {
    const RoleFacts* r = iam.role_of(fn);
    REQUIRE(r != nullptr);
    return *r;
  }
  Document doc;
  Template model;
  Resolver resolver;
  IamFacts iam;
};

Decision decide(const RoleFacts& r, std::string_view action, ResourceScope scope = ResourceScope::Any) {
  return r.evaluate(action, scope).decision;
}

// A function using RoleUnderTest, followed by `role` (the role's Properties body, indented 6).
std::string with_role(const std::string& role_properties, const std::string& more = "") {
  return R"(
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt RoleUnderTest.Arn
  RoleUnderTest:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
)" + role_properties +
         more;
}

}  // namespace

TEST_SUITE("iam") {
  TEST_CASE("action_matches: wildcards, case, ?") {
    CHECK(action_matches("ec2:CreateNetworkInterface", "ec2:CreateNetworkInterface"));
    CHECK(action_matches("EC2:createnetworkinterface", "ec2:CreateNetworkInterface"));
    CHECK(action_matches("ec2:*", "ec2:CreateNetworkInterface"));
    CHECK(action_matches("*", "lambda:InvokeFunction"));
    CHECK(action_matches("ec2:*NetworkInterface*", "ec2:DescribeNetworkInterfaces"));
    CHECK(action_matches("ec2:Create*Interface", "ec2:CreateNetworkInterface"));
    CHECK(action_matches("lambda:Invoke?unction", "lambda:InvokeFunction"));
    CHECK(action_matches("s3:*", "s3:"));
    CHECK_FALSE(action_matches("lambda:Invoke?unction", "lambda:InvokeXXFunction"));
    CHECK_FALSE(action_matches("ec2:Describe*", "ec2:CreateNetworkInterface"));
    CHECK_FALSE(action_matches("ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission"));
    CHECK_FALSE(action_matches("ec2", "ec2:CreateNetworkInterface"));
    CHECK_FALSE(action_matches("", "ec2:CreateNetworkInterface"));
    CHECK(action_matches("", ""));
    CHECK(action_matches("**?*", "x"));
    CHECK_FALSE(action_matches("?", ""));
  }

  // A backtracking matcher would never finish: ctest's per-suite timeout is the hang guard.
  TEST_CASE("action_matches stays fast on patterns that make backtracking matchers explode") {
    std::string pattern, action(20000, 'a');
    for (int i = 0; i < 40; ++i) pattern += "a*";
    pattern += "b";
    CHECK_FALSE(action_matches(pattern, action));
    CHECK(action_matches(pattern.substr(0, pattern.size() - 1), action));
  }

  TEST_CASE("NotAction covers every other action") {
    PolicyStatement s;
    s.not_actions = {"iam:*", "organizations:*"};
    CHECK(s.covers("ec2:CreateNetworkInterface"));
    CHECK_FALSE(s.covers("iam:PassRole"));
    CHECK_FALSE(s.covers("IAM:PassRole"));
    PolicyStatement a;
    a.actions = {"sqs:Send*"};
    CHECK(a.covers("sqs:SendMessage"));
    CHECK_FALSE(a.covers("sqs:ReceiveMessage"));
  }

  TEST_CASE("an inline policy with the three ENI actions allows them; others are not allowed") {
    IamLoaded f(with_role(R"(
      Policies:
        - PolicyName: eni
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface]
                Resource: '*'
)"));
    const RoleFacts& r = f.role("Fn");
    CHECK(r.source == RoleFacts::Source::Template);
    CHECK(r.role == f.model.resource("RoleUnderTest"));
    CHECK_FALSE(r.incomplete);
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(r, "ec2:deletenetworkinterface", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(r, "ec2:DescribeSubnets") == Decision::NotAllowed);
    Evaluation e = r.evaluate("ec2:CreateNetworkInterface");
    REQUIRE(e.evidence);
    CHECK(e.evidence->origin == "inline policy eni of RoleUnderTest");
    CHECK(e.evidence->node->pos.line == 18);
    CHECK(missing_actions(r, kEniRequiredActions).empty());
    CHECK(missing_actions(r, kEniRecommendedActions).size() == 3);
  }

  TEST_CASE("ENI actions need Resource \"*\": specific ARNs do not grant them, wildcards and unknown values do") {
    IamLoaded f(with_role(R"(
      Policies:
        - PolicyName: scoped
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ec2:CreateNetworkInterface
                Resource: arn:aws:ec2:us-east-1:123456789012:network-interface/eni-0123
              - Effect: Allow
                Action: ec2:DescribeNetworkInterfaces
                Resource: !Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:*
              - Effect: Allow
                Action: ec2:DeleteNetworkInterface
                Resource: arn:aws:ec2:*:*:*
              - Effect: Allow
                Action: ec2:AssignPrivateIpAddresses
                Resource: !Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/eni-1
              - Effect: Allow
                Action: ec2:UnassignPrivateIpAddresses
                Resource: !Sub arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/*
              - Effect: Allow
                Action: ec2:DescribeSubnets
                Resource: !Ref SomeArn
)",
                          R"(
Parameters:
  SomeArn: {Type: String}
)"));
    const RoleFacts& r = f.role("Fn");
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::NotAllowed);
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::Any) == Decision::Allowed);
    CHECK(decide(r, "ec2:DescribeNetworkInterfaces", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(r, "ec2:DeleteNetworkInterface", ResourceScope::All) == Decision::Allowed);
    // !Sub with only the partition, region and account from the stack is judged like a literal.
    CHECK(decide(r, "ec2:AssignPrivateIpAddresses", ResourceScope::All) == Decision::NotAllowed);
    CHECK(decide(r, "ec2:UnassignPrivateIpAddresses", ResourceScope::All) == Decision::Allowed);
    // A value the template does not show is taken to be what the author meant.
    CHECK(decide(r, "ec2:DescribeSubnets", ResourceScope::All) == Decision::Allowed);
  }

  TEST_CASE("ec2:* and * allow the ENI actions; an explicit Deny wins over an Allow") {
    IamLoaded f(with_role(R"(
      Policies:
        - PolicyName: broad
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: 'ec2:*', Resource: '*'}
              - {Effect: Allow, Action: '*', Resource: '*'}
              - {Effect: Deny, Action: 'ec2:Delete*', Resource: '*'}
              - {Effect: Deny, Action: 'ec2:CreateNetworkInterface', Resource: 'arn:aws:ec2:*:*:subnet/subnet-1'}
)"));
    const RoleFacts& r = f.role("Fn");
    CHECK(decide(r, "ec2:DescribeNetworkInterfaces", ResourceScope::All) == Decision::Allowed);
    Evaluation del = r.evaluate("ec2:DeleteNetworkInterface", ResourceScope::All);
    CHECK(del.decision == Decision::Denied);
    REQUIRE(del.evidence);
    CHECK(del.evidence->effect == Effect::Deny);
    CHECK_FALSE(del.by_boundary);
    // A Deny on one subnet makes "*" uncertain, not denied; for "some resource" it does not matter.
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Maybe);
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::Any) == Decision::Allowed);
    CHECK(decide(r, "s3:GetObject") == Decision::Allowed);
  }

  TEST_CASE("a Condition block or a template condition makes an Allow conditional: Maybe") {
    IamLoaded f(with_role(R"(
      Policies:
        - PolicyName: conditional
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ec2:CreateNetworkInterface
                Resource: '*'
                Condition: {StringEquals: {'aws:RequestedRegion': us-east-1}}
              - !If
                - IsProd
                - {Effect: Allow, Action: ec2:DeleteNetworkInterface, Resource: '*'}
                - !Ref AWS::NoValue
)",
                          R"(
Conditions:
  IsProd: !Equals [!Ref 'AWS::Region', us-east-1]
)"));
    const RoleFacts& r = f.role("Fn");
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Maybe);
    Evaluation del = r.evaluate("ec2:DeleteNetworkInterface", ResourceScope::All);
    CHECK(del.decision == Decision::Maybe);
    REQUIRE(del.evidence);
    CHECK(del.evidence->guard.describe() == "when condition IsProd is true");
    CHECK(decide(r, "ec2:DescribeNetworkInterfaces") == Decision::NotAllowed);
    CHECK(missing_actions(r, kEniRequiredActions).size() == 1);
  }

  TEST_CASE("AWS managed policies by ARN literal and by !Sub with ${AWS::Partition}") {
    IamLoaded literal(with_role(R"(
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole
)"));
    const RoleFacts& a = literal.role("Fn");
    CHECK_FALSE(a.incomplete);
    for (auto action : kEniRequiredActions) CHECK(decide(a, action, ResourceScope::All) == Decision::Allowed);
    for (auto action : kEniRecommendedActions) CHECK(decide(a, action, ResourceScope::All) == Decision::Allowed);
    REQUIRE(a.evaluate("ec2:CreateNetworkInterface").evidence);
    CHECK(a.evaluate("ec2:CreateNetworkInterface").evidence->origin ==
          "AWS managed policy AWSLambdaVPCAccessExecutionRole");

    IamLoaded sub(with_role(R"(
      ManagedPolicyArns:
        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        - !Join ['', ['arn:', !Ref 'AWS::Partition', ':iam::aws:policy/service-role/AWSLambdaENIManagementAccess']]
)"));
    const RoleFacts& b = sub.role("Fn");
    CHECK_FALSE(b.incomplete);
    CHECK(decide(b, "logs:PutLogEvents") == Decision::Allowed);
    CHECK(decide(b, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(b, "ec2:DescribeSubnets", ResourceScope::All) == Decision::NotAllowed);

    IamLoaded basic(with_role(R"(
      ManagedPolicyArns: [arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
)"));
    CHECK(decide(basic.role("Fn"), "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::NotAllowed);

    IamLoaded power(with_role(R"(
      ManagedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess]
)"));
    CHECK(decide(power.role("Fn"), "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(power.role("Fn"), "iam:CreateRole") == Decision::NotAllowed);
    CHECK(decide(power.role("Fn"), "iam:ListRoles") == Decision::Allowed);
  }

  TEST_CASE("a customer managed policy or one outside the template leaves the role incomplete: Unknown") {
    IamLoaded f(with_role(R"(
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        - arn:aws:iam::123456789012:policy/team-boundary
        - !Ref ExtraPolicyArn
)",
                          R"(
Parameters:
  ExtraPolicyArn: {Type: String}
)"));
    const RoleFacts& r = f.role("Fn");
    CHECK(r.incomplete);
    CHECK(decide(r, "logs:PutLogEvents") == Decision::Allowed);
    CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Unknown);
    CHECK(missing_actions(r, kEniRequiredActions).empty());
  }

  TEST_CASE("every AWS managed policy: by path and by name, each document decodes") {
    using namespace vpclint::iam;
    auto role = find_managed_policy("service-role/AWSLambdaRole");
    REQUIRE(role);
    CHECK(role->name() == "AWSLambdaRole");
    CHECK(role->version == 1);
    CHECK_FALSE(role->service_side);
    auto by_name = find_managed_policy_by_name("AWSLambdaRole");
    REQUIRE(by_name);
    CHECK(by_name->path == "service-role/AWSLambdaRole");
    REQUIRE(find_managed_policy("job-function/NetworkAdministrator"));
    CHECK_FALSE(find_managed_policy("AWSLambdaRole"));  // a path is exact
    CHECK_FALSE(find_managed_policy_by_name("service-role/AWSLambdaRole"));
    CHECK_FALSE(find_managed_policy_by_name("awslambdarole"));
    CHECK_FALSE(find_managed_policy(""));
    CHECK_FALSE(find_managed_policy("zzz"));

    // Both indexes find every row (their sort order is the lookup's), and every document decodes
    // into statements the evaluator can use.
    CHECK(managed_policy_count() > 1500);
    ManagedPolicyTable t = managed_policy_table();
    for (uint32_t i = 0; i < t.rows.size(); ++i) {
      std::string_view path = t.paths.substr(t.rows[i].path, t.rows[i].path_size);
      CAPTURE(path);
      auto p = find_managed_policy(path);
      REQUIRE(p);
      CHECK(p->index == i);
      auto n = find_managed_policy_by_name(p->name());
      REQUIRE(n);
      CHECK(n->index == i);
      const std::vector<PolicyStatement>& statements = p->statements();
      REQUIRE_FALSE(statements.empty());
      CHECK(&statements == &p->statements());  // decoded once
      for (const PolicyStatement& s : statements) {
        CHECK(s.actions.empty() != s.not_actions.empty());
        CHECK(s.resources.empty() == s.not_resource);
      }
    }
  }

  TEST_CASE("the compact document encoding decodes to the statements an inline document gives") {
    auto s = iam::decode_managed_document(
        "A|ec2:CreateNetworkInterface,DeleteNetworkInterface *|*;D!~?|iam:*|arn:aws:iam::*:role/x;A?^|kms:Decrypt|*;");
    REQUIRE(s.size() == 3);
    CHECK(s[0].effect == Effect::Allow);
    CHECK(s[0].actions == std::vector<std::string>{"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "*"});
    REQUIRE(s[0].resources.size() == 1);
    CHECK(s[0].resources[0].is_literal("*"));
    CHECK_FALSE(s[0].has_condition);
    CHECK(s[1].effect == Effect::Deny);
    CHECK(s[1].not_actions == std::vector<std::string>{"iam:*"});
    CHECK(s[1].not_resource);
    CHECK(s[1].resources.empty());
    CHECK(s[1].has_condition);
    CHECK_FALSE(s[1].service_side);
    CHECK(s[2].has_condition);
    CHECK(s[2].service_side);  // only requests an AWS service makes for the role
  }

  TEST_CASE("managed policies outside the old hand-written table grant what their documents grant") {
    IamLoaded vpc(with_role(R"(
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonVPCFullAccess
        - !Sub arn:${AWS::Partition}:iam::aws:policy/job-function/NetworkAdministrator
)"));
    const RoleFacts& r = vpc.role("Fn");
    CHECK_FALSE(r.incomplete);
    for (auto action : kEniRequiredActions) CHECK(decide(r, action, ResourceScope::All) == Decision::Allowed);
    CHECK(r.evaluate("ec2:CreateNetworkInterface").evidence->origin == "AWS managed policy AmazonVPCFullAccess");
    CHECK(decide(r, "lambda:InvokeFunction") == Decision::NotAllowed);

    // AWSLambda_ReadOnlyAccess and CloudWatchLambdaInsightsExecutionRolePolicy: no ENI actions.
    IamLoaded read(with_role(R"(
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess
        - arn:aws:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy
)"));
    const RoleFacts& ro = read.role("Fn");
    CHECK_FALSE(ro.incomplete);
    CHECK(decide(ro, "lambda:GetFunction") == Decision::Allowed);
    CHECK(decide(ro, "lambda:InvokeFunction") == Decision::NotAllowed);
    CHECK(missing_actions(ro, kEniRequiredActions).size() == 3);
  }

  TEST_CASE("real managed documents: Deny, NotAction, Conditions, the full text of a formerly abbreviated entry") {
    IamLoaded deny(with_role(R"(
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole
        - arn:aws:iam::aws:policy/AWSDenyAll
)"));
    Evaluation e = deny.role("Fn").evaluate("ec2:CreateNetworkInterface", ResourceScope::All);
    CHECK(e.decision == Decision::Denied);
    REQUIRE(e.evidence);
    CHECK(e.evidence->origin == "AWS managed policy AWSDenyAll");

    // PowerUserAccess: Allow with NotAction iam:*, organizations:*, account:*.
    IamLoaded power(with_role("      ManagedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess]\n"));
    CHECK(decide(power.role("Fn"), "sqs:SendMessage") == Decision::Allowed);
    CHECK(decide(power.role("Fn"), "organizations:CreateAccount") == Decision::NotAllowed);

    // AmazonDynamoDBFullAccess as AWS publishes it (the old table abbreviated its supporting
    // services as uncertain): what it lists is Allowed, what it does not is NotAllowed, and its
    // iam:PassRole under a Condition is Maybe.
    IamLoaded dynamo(with_role("      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess]\n"));
    const RoleFacts& d = dynamo.role("Fn");
    CHECK_FALSE(d.incomplete);
    CHECK(decide(d, "dynamodb:PutItem") == Decision::Allowed);
    CHECK(decide(d, "ec2:DescribeSubnets", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(d, "ec2:DescribeNetworkInterfaces", ResourceScope::All) == Decision::NotAllowed);
    CHECK(decide(d, "lambda:CreateFunction") == Decision::Allowed);
    CHECK(decide(d, "lambda:InvokeFunction") == Decision::NotAllowed);
    CHECK(decide(d, "iam:PassRole") == Decision::Maybe);

    // AmazonSNSFullAccess's SMS actions are granted only via SNS (aws:CalledViaLast): conditional
    // and the service's, never a call of the code.
    IamLoaded sns(with_role("      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSNSFullAccess]\n"));
    Evaluation sms = sns.role("Fn").evaluate("sms-voice:SendTextMessage");
    CHECK(sms.decision == Decision::Maybe);
    REQUIRE(sms.evidence);
    CHECK(sms.evidence->service_side);
    CHECK_FALSE(sns.role("Fn").evaluate("sns:Publish").evidence->service_side);
  }

  TEST_CASE("the event-source policies the Lambda service uses are service-side; the others are not") {
    for (std::string_view name :
         {"AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole",
          "AWSLambdaMSKExecutionRole", "AWSLambdaInvocation-DynamoDB"}) {
      CAPTURE(name);
      auto p = iam::find_managed_policy_by_name(name);
      REQUIRE(p);
      CHECK(p->service_side);
      for (const PolicyStatement& s : p->statements()) CHECK(s.service_side);
    }
    for (std::string_view name : {"AWSLambdaRole", "AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole",
                                  "AWSLambda_FullAccess", "AmazonSQSFullAccess"}) {
      CAPTURE(name);
      auto p = iam::find_managed_policy_by_name(name);
      REQUIRE(p);
      CHECK_FALSE(p->service_side);
    }
  }

  TEST_CASE("AWS::IAM::Policy and AWS::IAM::ManagedPolicy attached through Roles, and !Ref in ManagedPolicyArns") {
    IamLoaded f(with_role(R"(
      ManagedPolicyArns: [!Ref Logs]
)",
                          R"(
  EniPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: eni
      Roles: [!Ref RoleUnderTest]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface]
            Resource: '*'
  Subnets:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [some-other-role, !Ref RoleUnderTest]
      PolicyDocument:
        Statement: {Effect: Allow, Action: ec2:DescribeSubnets, Resource: '*'}
  Logs:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 'logs:*', Resource: '*'}]
  Unrelated:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: other
      Roles: [!Ref OtherRole]
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 'sqs:*', Resource: '*'}]
  OtherRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
)"));
    const RoleFacts& r = f.role("Fn");
    CHECK_FALSE(r.incomplete);
    Evaluation e = r.evaluate("ec2:CreateNetworkInterface", ResourceScope::All);
    CHECK(e.decision == Decision::Allowed);
    REQUIRE(e.evidence);
    CHECK(e.evidence->origin == "policy EniPolicy");
    CHECK(decide(r, "ec2:DescribeSubnets") == Decision::Allowed);
    CHECK(r.evaluate("ec2:DescribeSubnets").evidence->origin == "managed policy Subnets");
    CHECK(decide(r, "logs:CreateLogStream") == Decision::Allowed);
    CHECK(decide(r, "sqs:SendMessage") == Decision::NotAllowed);
  }

  TEST_CASE("a permissions boundary must allow the action too") {
    std::string tail = R"(
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: ['logs:*', 'ec2:Describe*'], Resource: '*'}
)";
    IamLoaded f(with_role(R"(
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]
      PermissionsBoundary: !Ref Boundary
)",
                          tail));
    const RoleFacts& r = f.role("Fn");
    CHECK(r.has_boundary);
    CHECK_FALSE(r.boundary_unknown);
    Evaluation create = r.evaluate("ec2:CreateNetworkInterface", ResourceScope::All);
    CHECK(create.decision == Decision::Denied);
    CHECK(create.by_boundary);
    CHECK(decide(r, "ec2:DescribeNetworkInterfaces", ResourceScope::All) == Decision::Allowed);
    CHECK(decide(r, "logs:PutLogEvents") == Decision::Allowed);
    CHECK(r.boundary_property->pos.line == 15);

    IamLoaded external(with_role(R"(
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]
      PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
)"));
    const RoleFacts& x = external.role("Fn");
    CHECK(x.has_boundary);
    CHECK(x.boundary_unknown);
    CHECK(decide(x, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Unknown);

    IamLoaded admin(with_role(R"(
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]
      PermissionsBoundary: !Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess
)"));
    CHECK(decide(admin.role("Fn"), "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Allowed);
  }

  TEST_CASE("roles outside the template are External: Unknown") {
    IamLoaded f(R"(
Parameters:
  RoleArn: {Type: String}
Resources:
  ByArn:
    Type: AWS::Lambda::Function
    Properties: {Role: 'arn:aws:iam::123456789012:role/lambda'}
  ByParameter:
    Type: AWS::Lambda::Function
    Properties: {Role: !Ref RoleArn}
  ByImport:
    Type: AWS::Lambda::Function
    Properties: {Role: !ImportValue shared-role-arn}
  NoRole:
    Type: AWS::Lambda::Function
    Properties: {Handler: x}
)");
    for (const char* fn : {"ByArn", "ByParameter", "ByImport"}) {
      CAPTURE(fn);
      const RoleFacts& r = f.role(fn);
      CHECK(r.source == RoleFacts::Source::External);
      CHECK_FALSE(r.known());
      CHECK(decide(r, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Unknown);
      CHECK(r.lambda_trust == RoleFacts::Trust::Unknown);
    }
    CHECK(f.role("NoRole").source == RoleFacts::Source::Missing);
    CHECK(decide(f.role("NoRole"), "logs:PutLogEvents") == Decision::Unknown);
    CHECK(f.iam.role_of("Nothing") == nullptr);
  }

  TEST_CASE("SAM function without Role: basic execution, VPC access with VpcConfig, Policies") {
    IamLoaded f(R"(
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AmazonS3ReadOnlyAccess
        - arn:aws:iam::aws:policy/AmazonSQSFullAccess
        - Statement:
            - {Effect: Deny, Action: 's3:GetObject', Resource: '*'}
        - LambdaInvokePolicy:
            FunctionName: !Ref Target
        - SQSSendMessagePolicy:
            QueueName: orders
  Target:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt TargetRole.Arn
      Policies: [AdministratorAccess]
  TargetRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: !Sub 'lambda.${AWS::URLSuffix}'}, Action: 'sts:AssumeRole'}]
)");
    const RoleFacts& w = f.role("Worker");
    CHECK(w.source == RoleFacts::Source::SamGenerated);
    CHECK(w.known());
    CHECK_FALSE(w.incomplete);
    CHECK(w.lambda_trust == RoleFacts::Trust::Assumable);
    CHECK(decide(w, "logs:CreateLogGroup") == Decision::Allowed);
    for (auto action : kEniRequiredActions) CHECK(decide(w, action, ResourceScope::All) == Decision::Allowed);
    CHECK(decide(w, "s3:ListBucket") == Decision::Allowed);
    CHECK(decide(w, "s3:GetObject") == Decision::Denied);
    CHECK(decide(w, "sqs:DeleteMessage") == Decision::Allowed);
    CHECK(decide(w, "dynamodb:GetItem") == Decision::NotAllowed);

    // SAM policy template: the parameter decides which resource the statement is about.
    Evaluation invoke = w.evaluate("lambda:InvokeFunction");
    CHECK(invoke.decision == Decision::Allowed);
    REQUIRE(invoke.evidence);
    CHECK(invoke.evidence->origin == "SAM policy template LambdaInvokePolicy");
    REQUIRE(invoke.evidence->resources.size() == 1);
    const Value& target = invoke.evidence->resources[0];
    CHECK(target.kind == ValueKind::ResourceRef);
    CHECK(target.name == "Target");
    CHECK(target.text == "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Target}*");
    CHECK(invoke.evidence->node->pos.line == 15);

    Evaluation send = w.evaluate("sqs:SendMessageBatch");
    REQUIRE(send.evidence);
    // AmazonSQSFullAccess comes first; the template's own statement names the queue.
    bool found = false;
    for (const PolicyStatement& s : w.statements)
      if (s.origin == "SAM policy template SQSSendMessagePolicy") {
        found = true;
        REQUIRE(s.resources.size() == 1);
        CHECK(s.resources[0].kind == ValueKind::Composite);
        CHECK(s.resources[0].text == "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders");
      }
    CHECK(found);

    // With Role, SAM ignores Policies: the role alone counts.
    const RoleFacts& t = f.role("Target");
    CHECK(t.source == RoleFacts::Source::Template);
    CHECK(t.lambda_trust == RoleFacts::Trust::Assumable);
    CHECK(decide(t, "s3:GetObject") == Decision::NotAllowed);
    CHECK(decide(t, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::NotAllowed);
  }

  TEST_CASE("SAM: an unknown policy template or a policy parameter leaves the role incomplete") {
    IamLoaded f(R"(
Transform: AWS::Serverless-2016-10-31
Parameters:
  Extra: {Type: String}
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties:
      Policies: [{NoSuchPolicyTemplate: {}}]
  B:
    Type: AWS::Serverless::Function
    Properties:
      Policies: !Ref Extra
  C:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - !If [Cond, VPCAccessPolicy: {}, !Ref AWS::NoValue]
Conditions:
  Cond: !Equals [a, b]
)");
    CHECK(f.role("A").incomplete);
    CHECK(f.role("B").incomplete);
    const RoleFacts& c = f.role("C");
    CHECK_FALSE(c.incomplete);
    CHECK(decide(c, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Maybe);
    CHECK(decide(c, "ec2:AssignPrivateIpAddresses", ResourceScope::All) == Decision::NotAllowed);
  }

  TEST_CASE("SAM connectors give the function's role the profile's statements") {
    IamLoaded f(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Producer:
    Type: AWS::Serverless::Function
    Connectors:
      ToTable:
        Properties:
          Destination: {Id: Table}
          Permissions: [Read, Write]
    Properties: {Handler: x}
  Table:
    Type: AWS::Serverless::SimpleTable
  Queue:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt WorkerRole.Arn
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
  ProducerToWorker:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Producer}
      Destination: [{Id: Worker}, {Type: AWS::SQS::Queue, Arn: !GetAtt Queue.Arn}]
      Permissions: [Write]
  QueueToWorker:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Queue}
      Destination: {Id: Worker}
      Permissions: [Read, Write]
)");
    const RoleFacts& p = f.role("Producer");
    Evaluation put = p.evaluate("dynamodb:PutItem");
    CHECK(put.decision == Decision::Allowed);
    REQUIRE(put.evidence);
    CHECK(put.evidence->origin == "SAM connector ToTable (Write)");
    REQUIRE_FALSE(put.evidence->resources.empty());
    CHECK(put.evidence->resources[0].kind == ValueKind::ResourceRef);
    CHECK(put.evidence->resources[0].name == "Table");
    CHECK(decide(p, "dynamodb:GetItem") == Decision::Allowed);

    Evaluation invoke = p.evaluate("lambda:InvokeFunction");
    CHECK(invoke.decision == Decision::Allowed);
    REQUIRE(invoke.evidence);
    CHECK(invoke.evidence->origin == "SAM connector ProducerToWorker (Write)");
    REQUIRE(invoke.evidence->resources.size() == 1);
    CHECK(invoke.evidence->resources[0].kind == ValueKind::ResourceRef);
    CHECK(invoke.evidence->resources[0].name == "Worker");
    CHECK(invoke.evidence->resources[0].attribute == "Arn");

    Evaluation send = p.evaluate("sqs:SendMessage");
    CHECK(send.decision == Decision::Allowed);
    REQUIRE(send.evidence);
    REQUIRE(send.evidence->resources.size() == 1);
    CHECK(send.evidence->resources[0].kind == ValueKind::ResourceRef);
    CHECK(send.evidence->resources[0].name == "Queue");
    CHECK(decide(p, "sqs:ReceiveMessage") == Decision::NotAllowed);

    // SQS -> Lambda puts the polling permissions on the destination function's role.
    const RoleFacts& w = f.role("Worker");
    CHECK(w.source == RoleFacts::Source::Template);
    CHECK(decide(w, "sqs:ReceiveMessage") == Decision::Allowed);
    CHECK(decide(w, "sqs:DeleteMessage") == Decision::Allowed);
    CHECK(decide(w, "lambda:InvokeFunction") == Decision::NotAllowed);
  }

  TEST_CASE("trust policy: who may assume the role") {
    auto trust = [](const std::string& statement) {
      IamLoaded f(R"(
Conditions:
  Cond: !Equals [a, b]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Role: !GetAtt R.Arn}
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - )" + statement +
                  "\n");
      return f.role("Fn").lambda_trust;
    };
    using T = RoleFacts::Trust;
    CHECK(trust("{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}") == T::Assumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: [edgelambda.amazonaws.com, lambda.amazonaws.com]}, Action: "
                "['sts:AssumeRole']}") == T::Assumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: !Sub 'lambda.${AWS::URLSuffix}'}, Action: 'sts:*'}") ==
          T::Assumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}") == T::NotAssumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: edgelambda.amazonaws.com}, Action: sts:AssumeRole}") ==
          T::NotAssumable);
    CHECK(trust("{Effect: Allow, Principal: {AWS: 'arn:aws:iam::123456789012:root'}, Action: sts:AssumeRole}") ==
          T::NotAssumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:TagSession}") ==
          T::NotAssumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, NotAction: 's3:*'}") == T::Assumable);
    CHECK(trust("{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole, Condition: "
                "{StringEquals: {'aws:SourceAccount': '1'}}}") == T::Unknown);
    CHECK(trust("!If [Cond, {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}, !Ref "
                "AWS::NoValue]") == T::Unknown);
    CHECK(trust("{Effect: Allow, Principal: '*', Action: sts:AssumeRole}") == T::Unknown);
    CHECK(trust("{Effect: Allow, Principal: {Service: !Ref AWS::StackName}, Action: sts:AssumeRole}") == T::Unknown);

    IamLoaded json_string(R"(
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: {Role: !GetAtt R.Arn}
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{"Statement": []}'
)");
    CHECK(json_string.role("Fn").lambda_trust == RoleFacts::Trust::Unknown);
  }

  TEST_CASE("eni_need: attached always, under a condition, or through a capacity provider") {
    Document d = load_document("t.yaml", R"(
Conditions:
  InVpc: !Equals [a, b]
Resources:
  Always:
    Type: AWS::Lambda::Function
    Properties: {VpcConfig: {SubnetIds: [s-1], SecurityGroupIds: [sg-1]}}
  Sometimes:
    Type: AWS::Lambda::Function
    Properties:
      VpcConfig: !If [InVpc, {SubnetIds: [s-1], SecurityGroupIds: [sg-1]}, !Ref AWS::NoValue]
  Never:
    Type: AWS::Lambda::Function
    Properties: {VpcConfig: {SubnetIds: [], SecurityGroupIds: []}}
)");
    Template t(d);
    Resolver r(t);
    FunctionVpcFacts fv(t, r);
    EniNeed always = eni_need(*fv.find("Always"));
    CHECK(always.needed);
    CHECK(always.always);
    REQUIRE(always.situations.size() == 1);
    CHECK(always.situations[0].always());
    EniNeed sometimes = eni_need(*fv.find("Sometimes"));
    CHECK(sometimes.needed);
    CHECK_FALSE(sometimes.always);
    REQUIRE(sometimes.situations.size() == 1);
    CHECK(sometimes.situations[0].describe() == "when condition InVpc is true");
    CHECK_FALSE(eni_need(*fv.find("Never")).needed);
  }

  TEST_CASE("functions that share a role share its facts; gathering stays bounded on hostile templates") {
    // 2,000 functions share one role whose policy has 200 statements: read once.
    std::string text =
        "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n"
        "        - PolicyName: p\n          PolicyDocument:\n            Statement: &s\n";
    for (int i = 0; i < 200; ++i)
      text += "              - {Effect: Allow, Action: 's3:Get" + std::to_string(i) + "', Resource: '*'}\n";
    std::string shared = text;
    for (int i = 0; i < 2000; ++i)
      shared +=
          "  F" + std::to_string(i) + ":\n    Type: AWS::Lambda::Function\n    Properties: {Role: !GetAtt R.Arn}\n";
    IamLoaded f(shared);
    CHECK(&f.role("F0") == &f.role("F1999"));
    CHECK_FALSE(f.role("F1999").incomplete);
    CHECK(f.role("F1999").statements.size() == 200);
    CHECK(decide(f.role("F1999"), "s3:Get199") == Decision::Allowed);

    // 500 roles repeat the 200 statements through the alias: far more than the template's size.
    // The budget cuts gathering off; the roles it did not finish are incomplete (Unknown), not wrong.
    std::string hostile = text;
    for (int i = 0; i < 500; ++i) {
      std::string n = std::to_string(i);
      hostile += "  P" + n +
                 ":\n    Type: AWS::IAM::Role\n    Properties: {Policies: [{PolicyName: p, PolicyDocument: {Statement: "
                 "*s}}]}\n";
      hostile += "  G" + n + ":\n    Type: AWS::Lambda::Function\n    Properties: {Role: !GetAtt P" + n + ".Arn}\n";
    }
    IamLoaded h(hostile);
    CHECK(decide(h.role("G0"), "s3:Get5") == Decision::Allowed);
    CHECK_FALSE(h.role("G0").incomplete);
    const RoleFacts& last = h.role("G499");
    CHECK(last.incomplete);
    CHECK(decide(last, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Unknown);
    size_t total = 0;
    for (int i = 0; i < 500; ++i) total += h.role("G" + std::to_string(i)).statements.size();
    CHECK(total <= 4 * static_cast<size_t>(h.model.node_count()) + 4096);  // the work bound, not a clock
  }
  TEST_CASE("evaluation under assumptions: the situation in which the function is in a VPC") {
    IamLoaded f(with_role(R"(
      ManagedPolicyArns:
        - !If [InVpc, !Ref AWS::NoValue, arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]
        - !If [InVpc, arn:aws:iam::aws:policy/service-role/AWSLambdaENIManagementAccess, !Ref AWS::NoValue]
)",
                          R"(
Conditions:
  InVpc: !Equals [!Ref 'AWS::Region', us-east-1]
)"));
    const RoleFacts& r = f.role("Fn");
    Guard in_vpc, outside;
    in_vpc.assume("InVpc", true);
    outside.assume("InVpc", false);
    CHECK(r.evaluate("ec2:CreateNetworkInterface", ResourceScope::All).decision == Decision::Maybe);
    CHECK(r.evaluate("ec2:CreateNetworkInterface", ResourceScope::All, in_vpc).decision == Decision::Allowed);
    CHECK(r.evaluate("ec2:DescribeSubnets", ResourceScope::All, in_vpc).decision == Decision::NotAllowed);
    CHECK(r.evaluate("ec2:DescribeSubnets", ResourceScope::All, outside).decision == Decision::Allowed);
    CHECK(missing_actions(r, kEniRecommendedActions, in_vpc).size() == 1);
  }

  TEST_CASE("eni_gap judges each attached variant, and assumes the function's own Condition") {
    Document d = load_document("t.yaml", R"(
Conditions:
  InVpc: !Equals [a, b]
  Enabled: !Equals [c, d]
Resources:
  Switched:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt R.Arn
      VpcConfig: !If [InVpc, {SubnetIds: [s-1], SecurityGroupIds: [sg-1]}, !Ref AWS::NoValue]
  Guarded:
    Type: AWS::Lambda::Function
    Condition: Enabled
    Properties:
      Role: !GetAtt R.Arn
      VpcConfig: {SubnetIds: [s-1], SecurityGroupIds: [sg-1]}
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
  Eni:
    Type: AWS::IAM::Policy
    Condition: Enabled
    Properties:
      PolicyName: eni
      Roles: [!Ref R]
      PolicyDocument:
        Statement: [{Effect: Allow, Action: ['ec2:*NetworkInterface*'], Resource: '*'}]
)");
    Template t(d);
    Resolver r(t);
    FunctionVpcFacts fv(t, r);
    IamFacts iam(t, r);
    // Switched: in a VPC only when InVpc; the policy exists only when Enabled: cannot tell.
    EniGap switched = eni_gap(eni_need(*fv.find("Switched")), *iam.role_of("Switched"), kEniRequiredActions);
    CHECK(switched.missing.empty());
    // Guarded exists only when Enabled, exactly when the policy does: allowed.
    EniNeed guarded = eni_need(*fv.find("Guarded"));
    CHECK(guarded.exists.describe() == "when condition Enabled is true");
    CHECK(eni_gap(guarded, *iam.role_of("Guarded"), kEniRequiredActions).missing.empty());
    CHECK(allows_all(guarded, *iam.role_of("Guarded"), kEniRequiredActions));
  }

  TEST_CASE("AWS::IAM::RolePolicy names its role by RoleName") {
    IamLoaded f(with_role("", R"(
  Eni:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref RoleUnderTest
      PolicyName: eni
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 'ec2:*', Resource: '*'}]
)"));
    CHECK(decide(f.role("Fn"), "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Allowed);
  }

  TEST_CASE("SAM adds event source, tracing and dead-letter permissions to the role it generates") {
    IamLoaded f(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Consumer:
    Type: AWS::Serverless::Function
    Properties:
      Tracing: Active
      DeadLetterQueue: {Type: SNS, TargetArn: !Ref Alarms}
      Events:
        Orders: {Type: SQS, Properties: {Queue: !GetAtt Queue.Arn}}
        Broker: {Type: MQ, Properties: {Broker: arn:aws:mq:us-east-1:1:broker:b}}
  Queue: {Type: AWS::SQS::Queue}
  Alarms: {Type: AWS::SNS::Topic}
)");
    const RoleFacts& c = f.role("Consumer");
    CHECK(decide(c, "sqs:ReceiveMessage") == Decision::Allowed);
    CHECK(decide(c, "xray:PutTraceSegments") == Decision::Allowed);
    Evaluation publish = c.evaluate("sns:Publish");
    CHECK(publish.decision == Decision::Allowed);
    REQUIRE(publish.evidence);
    CHECK(publish.evidence->origin == "SAM DeadLetterQueue");
    REQUIRE(publish.evidence->resources.size() == 1);
    CHECK(publish.evidence->resources[0].name == "Alarms");
    CHECK(c.incomplete);  // the MQ event source adds statements vpclint does not model
    CHECK(decide(c, "ec2:CreateNetworkInterface", ResourceScope::All) == Decision::Unknown);
  }

  TEST_CASE("I201, I202 and I203 messages name the function, the actions and the role") {
    FileResult r = test::lint(with_role(R"(
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
)",
                                        R"(
  InVpc:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt RoleUnderTest.Arn
      VpcConfig: {SubnetIds: [subnet-1, subnet-2], SecurityGroupIds: [sg-1]}
)"));
    const Finding* i201 = nullptr;
    for (const auto& f : r.findings)
      if (f.rule == "I201") i201 = &f;
    REQUIRE(i201);
    CHECK(i201->resource == "InVpc");
    CHECK(i201->pos.line == 19);
    CHECK(i201->message.find("InVpc is attached to a VPC but its role RoleUnderTest (line 7) does not allow "
                             "ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces, ec2:DeleteNetworkInterface") ==
          0);
    CHECK(i201->fix.find("AWSLambdaVPCAccessExecutionRole") != std::string::npos);
    REQUIRE_FALSE(i201->notes.empty());
    CHECK(i201->notes[0].pos.line == 7);
    for (const auto& f : r.findings) CHECK(f.rule != "I202");
    for (const auto& f : r.findings) CHECK(f.rule != "I203");
  }
}
