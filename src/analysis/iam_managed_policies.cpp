// The content of the AWS managed policies that matter for Lambda execution roles.
//
// Source: AWS Managed Policy Reference Guide,
// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<PolicyName>.html, default
// version as noted per entry (checked entries say "checked"; the others were transcribed from the
// guide's default version and are abbreviated where the policy is long).
//
// An abbreviated entry lists the actions vpclint cares about exactly (EC2 network interfaces,
// Lambda, logs, the data services a function calls) and represents the rest of the policy by
// `uncertain` statements (e.g. "cloudwatch:*"): those can turn a decision into Maybe, never into
// Allowed or NotAllowed, so an abbreviation can hide a finding but never invent one.
#include "analysis/iam_managed_policies.h"

#include <array>

namespace vpclint::iam {
namespace {

using SV = std::string_view;
constexpr Effect A = Effect::Allow;

constexpr SV kStar[] = {"*"};
constexpr SV kLogs3[] = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"};

// AdministratorAccess v1.
constexpr ManagedStatement kAdministratorAccess[] = {{A, kStar, {}, kStar}};

// PowerUserAccess v12 (checked).
constexpr SV kPowerNot[] = {"iam:*", "organizations:*", "account:*"};
constexpr SV kPowerAllow[] = {"account:GetAccountInformation",
                              "account:GetGovCloudAccountInformation",
                              "account:GetPrimaryEmail",
                              "account:ListRegions",
                              "iam:CreateServiceLinkedRole",
                              "iam:DeleteServiceLinkedRole",
                              "iam:ListRoles",
                              "organizations:DescribeEffectivePolicy",
                              "organizations:DescribeOrganization"};
constexpr ManagedStatement kPowerUserAccess[] = {{A, {}, kPowerNot, kStar}, {A, kPowerAllow, {}, kStar}};

// service-role/AWSLambdaBasicExecutionRole v1.
constexpr ManagedStatement kBasicExecution[] = {{A, kLogs3, {}, kStar}};

// service-role/AWSLambdaVPCAccessExecutionRole v3 (checked).
constexpr SV kVpcAccess[] = {
    "logs:CreateLogGroup",        "logs:CreateLogStream",          "logs:PutLogEvents",
    "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
    "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",  "ec2:UnassignPrivateIpAddresses"};
constexpr ManagedStatement kVpcAccessExecution[] = {{A, kVpcAccess, {}, kStar}};

// service-role/AWSLambdaENIManagementAccess v2 (checked).
constexpr SV kEniManagement[] = {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                 "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                                 "ec2:UnassignPrivateIpAddresses"};
constexpr ManagedStatement kEniManagementAccess[] = {{A, kEniManagement, {}, kStar}};

// service-role/AWSLambdaRole v1.
constexpr SV kInvoke[] = {"lambda:InvokeFunction"};
constexpr ManagedStatement kLambdaRole[] = {{A, kInvoke, {}, kStar}};

// AWSLambdaExecute v1.
constexpr SV kLogsAll[] = {"logs:*"};
constexpr SV kLogsArn[] = {"arn:aws:logs:*:*:*"};
constexpr SV kS3GetPut[] = {"s3:GetObject", "s3:PutObject"};
constexpr SV kS3Arn[] = {"arn:aws:s3:::*"};
constexpr ManagedStatement kLambdaExecute[] = {{A, kLogsAll, {}, kLogsArn}, {A, kS3GetPut, {}, kS3Arn}};

// AWSLambda_FullAccess v2 (checked).
constexpr SV kLambdaFull1[] = {"cloudformation:DescribeStacks",
                               "cloudformation:ListStackResources",
                               "cloudwatch:ListMetrics",
                               "cloudwatch:GetMetricData",
                               "ec2:DescribeSecurityGroups",
                               "ec2:DescribeSubnets",
                               "ec2:DescribeVpcs",
                               "kms:ListAliases",
                               "iam:GetPolicy",
                               "iam:GetPolicyVersion",
                               "iam:GetRole",
                               "iam:GetRolePolicy",
                               "iam:ListAttachedRolePolicies",
                               "iam:ListRolePolicies",
                               "iam:ListRoles",
                               "lambda:*",
                               "logs:DescribeLogGroups",
                               "states:DescribeStateMachine",
                               "states:ListStateMachines",
                               "tag:GetResources",
                               "xray:GetTraceSummaries",
                               "xray:BatchGetTraces"};
constexpr SV kPassRole[] = {"iam:PassRole"};
constexpr SV kLambdaFullLogs[] = {"logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents",
                                  "logs:StartLiveTail", "logs:StopLiveTail"};
constexpr SV kLambdaLogGroups[] = {"arn:aws:logs:*:*:log-group:/aws/lambda/*"};
constexpr ManagedStatement kLambdaFullAccess[] = {
    {A, kLambdaFull1, {}, kStar}, {A, kPassRole, {}, kStar, true}, {A, kLambdaFullLogs, {}, kLambdaLogGroups}};

// service-role/AWSLambdaMSKExecutionRole v2 (checked).
constexpr SV kMsk[] = {"kafka:DescribeCluster",      "kafka:DescribeClusterV2",       "kafka:GetBootstrapBrokers",
                       "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
                       "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets",           "ec2:DescribeSecurityGroups",
                       "logs:CreateLogGroup",        "logs:CreateLogStream",          "logs:PutLogEvents"};
constexpr ManagedStatement kMskExecution[] = {{A, kMsk, {}, kStar}};

// service-role/AWSLambdaSQSQueueExecutionRole v1.
constexpr SV kSqsPoll[] = {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"};
constexpr ManagedStatement kSqsExecution[] = {{A, kSqsPoll, {}, kStar}, {A, kLogs3, {}, kStar}};

// service-role/AWSLambdaKinesisExecutionRole (abbreviated: kinesis read actions).
constexpr SV kKinesisPoll[] = {
    "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",      "kinesis:GetShardIterator",
    "kinesis:ListShards",     "kinesis:ListStreams",           "kinesis:SubscribeToShard"};
constexpr SV kKinesisAll[] = {"kinesis:*"};
constexpr ManagedStatement kKinesisExecution[] = {
    {A, kKinesisPoll, {}, kStar}, {A, kLogs3, {}, kStar}, {A, kKinesisAll, {}, kStar, false, true}};

// service-role/AWSLambdaDynamoDBExecutionRole v1.
constexpr SV kDynamoStreams[] = {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                                 "dynamodb:ListStreams"};
constexpr ManagedStatement kDynamoExecution[] = {{A, kDynamoStreams, {}, kStar}, {A, kLogs3, {}, kStar}};

// AWSLambdaInvocation-DynamoDB v1.
constexpr ManagedStatement kInvocationDynamo[] = {{A, kInvoke, {}, kStar}, {A, kDynamoStreams, {}, kStar}};

// AWSXRayDaemonWriteAccess v2 and AWSXrayWriteOnlyAccess v2 (both checked).
constexpr SV kXray[] = {"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                        "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"};
constexpr ManagedStatement kXrayWrite[] = {{A, kXray, {}, kStar}};

// AmazonEC2FullAccess (abbreviated: ec2:* is what matters).
constexpr SV kEc2Full[] = {"ec2:*", "elasticloadbalancing:*", "cloudwatch:*", "autoscaling:*"};
constexpr SV kServiceLinked[] = {"iam:CreateServiceLinkedRole"};
constexpr ManagedStatement kEc2FullAccess[] = {{A, kEc2Full, {}, kStar}, {A, kServiceLinked, {}, kStar, true}};

// AmazonEC2ReadOnlyAccess (abbreviated: describe actions; whatever else it reads is uncertain).
constexpr SV kEc2Read[] = {"ec2:Describe*",          "elasticloadbalancing:Describe*",
                           "cloudwatch:ListMetrics", "cloudwatch:GetMetricStatistics",
                           "cloudwatch:Describe*",   "autoscaling:Describe*"};
constexpr SV kEc2ReadMore[] = {"ec2:Get*", "cloudwatch:Get*"};
constexpr ManagedStatement kEc2ReadOnly[] = {{A, kEc2Read, {}, kStar}, {A, kEc2ReadMore, {}, kStar, false, true}};

// AmazonS3FullAccess v2.
constexpr SV kS3Full[] = {"s3:*", "s3-object-lambda:*"};
constexpr ManagedStatement kS3FullAccess[] = {{A, kS3Full, {}, kStar}};

// AmazonS3ReadOnlyAccess v3.
constexpr SV kS3Read[] = {"s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"};
constexpr ManagedStatement kS3ReadOnly[] = {{A, kS3Read, {}, kStar}};

// AmazonDynamoDBFullAccess (abbreviated: dynamodb and dax in full, EC2 describe actions; the
// supporting services it touches are uncertain).
constexpr SV kDynamoFull[] = {"dynamodb:*", "dax:*", "ec2:DescribeVpcs", "ec2:DescribeSubnets",
                              "ec2:DescribeSecurityGroups"};
constexpr SV kDynamoSupport[] = {
    "application-autoscaling:*", "cloudwatch:*", "datapipeline:*", "iam:*",         "kms:*", "sns:*", "lambda:*",
    "resource-groups:*",         "tag:*",        "kinesis:*",      "ec2:Describe*", "s3:*"};
constexpr ManagedStatement kDynamoFullAccess[] = {{A, kDynamoFull, {}, kStar},
                                                  {A, kDynamoSupport, {}, kStar, false, true}};

// AmazonDynamoDBReadOnlyAccess (abbreviated like the full access policy).
constexpr SV kDynamoRead[] = {"dynamodb:BatchGetItem",
                              "dynamodb:Describe*",
                              "dynamodb:Get*",
                              "dynamodb:List*",
                              "dynamodb:Query",
                              "dynamodb:Scan",
                              "dynamodb:PartiQLSelect",
                              "dax:Describe*",
                              "dax:List*",
                              "dax:GetItem",
                              "dax:BatchGetItem",
                              "dax:Query",
                              "dax:Scan",
                              "ec2:DescribeVpcs",
                              "ec2:DescribeSubnets",
                              "ec2:DescribeSecurityGroups"};
constexpr SV kDynamoReadSupport[] = {"application-autoscaling:Describe*",
                                     "cloudwatch:*",
                                     "datapipeline:*",
                                     "iam:Get*",
                                     "iam:List*",
                                     "kms:Describe*",
                                     "kms:List*",
                                     "sns:List*",
                                     "lambda:List*",
                                     "lambda:Get*",
                                     "resource-groups:*",
                                     "tag:*",
                                     "kinesis:*",
                                     "ec2:Describe*"};
constexpr ManagedStatement kDynamoReadOnly[] = {{A, kDynamoRead, {}, kStar},
                                                {A, kDynamoReadSupport, {}, kStar, false, true}};

// AmazonSQSFullAccess.
constexpr SV kSqsAll[] = {"sqs:*"};
constexpr ManagedStatement kSqsFullAccess[] = {{A, kSqsAll, {}, kStar}};

// AmazonSNSFullAccess (abbreviated: sns:*, plus the SMS voice actions it also grants).
constexpr SV kSnsAll[] = {"sns:*"};
constexpr SV kSmsVoice[] = {"sms-voice:*"};
constexpr ManagedStatement kSnsFullAccess[] = {{A, kSnsAll, {}, kStar}, {A, kSmsVoice, {}, kStar, false, true}};

// SecretsManagerReadWrite (abbreviated: secretsmanager:* and the EC2 describe actions; the rest
// of what it grants for rotation set-up is uncertain).
constexpr SV kSecrets[] = {"secretsmanager:*", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"};
constexpr SV kSecretsSupport[] = {
    "cloudformation:*",      "docdb-elastic:*", "kms:*", "lambda:*",         "rds:*",       "redshift:*",
    "redshift-serverless:*", "redshift-data:*", "tag:*", "serverlessrepo:*", "s3:GetObject"};
constexpr ManagedStatement kSecretsReadWrite[] = {{A, kSecrets, {}, kStar},
                                                  {A, kSecretsSupport, {}, kStar, false, true}};

// CloudWatchLogsFullAccess (abbreviated: logs:*; its CloudWatch query actions are uncertain).
constexpr SV kCloudwatchQuery[] = {"cloudwatch:GenerateQuery*"};
constexpr ManagedStatement kLogsFullAccess[] = {{A, kLogsAll, {}, kStar},
                                                {A, kCloudwatchQuery, {}, kStar, false, true}};

constexpr ManagedPolicy kPolicies[] = {
    {"AdministratorAccess", "v1", kAdministratorAccess},
    {"PowerUserAccess", "v12", kPowerUserAccess},
    {"service-role/AWSLambdaBasicExecutionRole", "v1", kBasicExecution},
    {"service-role/AWSLambdaVPCAccessExecutionRole", "v3", kVpcAccessExecution},
    {"service-role/AWSLambdaENIManagementAccess", "v2", kEniManagementAccess},
    {"service-role/AWSLambdaRole", "v1", kLambdaRole},
    {"AWSLambdaExecute", "v1", kLambdaExecute},
    {"AWSLambda_FullAccess", "v2", kLambdaFullAccess},
    {"service-role/AWSLambdaMSKExecutionRole", "v2", kMskExecution, true},
    {"service-role/AWSLambdaSQSQueueExecutionRole", "v1", kSqsExecution, true},
    {"service-role/AWSLambdaKinesisExecutionRole", "", kKinesisExecution, true},
    {"service-role/AWSLambdaDynamoDBExecutionRole", "v1", kDynamoExecution, true},
    {"AWSLambdaInvocation-DynamoDB", "v1", kInvocationDynamo, true},
    {"AWSXRayDaemonWriteAccess", "v2", kXrayWrite},
    {"AWSXrayWriteOnlyAccess", "v2", kXrayWrite},
    {"AmazonEC2FullAccess", "", kEc2FullAccess},
    {"AmazonEC2ReadOnlyAccess", "", kEc2ReadOnly},
    {"AmazonS3FullAccess", "v2", kS3FullAccess},
    {"AmazonS3ReadOnlyAccess", "v3", kS3ReadOnly},
    {"AmazonDynamoDBFullAccess", "", kDynamoFullAccess},
    {"AmazonDynamoDBReadOnlyAccess", "", kDynamoReadOnly},
    {"AmazonSQSFullAccess", "v1", kSqsFullAccess},
    {"AmazonSNSFullAccess", "", kSnsFullAccess},
    {"SecretsManagerReadWrite", "", kSecretsReadWrite},
    {"CloudWatchLogsFullAccess", "", kLogsFullAccess},
};

}  // namespace

const ManagedPolicy* find_managed_policy(std::string_view path) {
  for (const ManagedPolicy& p : kPolicies)
    if (p.path == path) return &p;
  return nullptr;
}

const ManagedPolicy* find_managed_policy_by_name(std::string_view name) {
  for (const ManagedPolicy& p : kPolicies)
    if (p.name() == name) return &p;
  return nullptr;
}

std::string_view aws_managed_policy_path(std::string_view arn) {
  // arn:<partition>:iam::aws:policy/<path>; the partition may be ${AWS::Partition}.
  constexpr std::string_view kArn = "arn:";
  constexpr std::string_view kRest = ":iam::aws:policy/";
  if (!arn.starts_with(kArn)) return {};
  size_t rest = arn.find(kRest, kArn.size());
  if (rest == std::string_view::npos) return {};
  // The partition: a name, or placeholders for it (${AWS::Partition}; ${?} from a !Join part).
  std::string_view partition = arn.substr(kArn.size(), rest - kArn.size());
  if (partition.empty()) return {};
  for (size_t i = 0; i < partition.size(); ++i) {
    if (partition.compare(i, 2, "${") == 0) {
      size_t close = partition.find('}', i);
      if (close == std::string_view::npos) return {};
      i = close;
    } else if (partition[i] == ':') {
      return {};
    }
  }
  return arn.substr(rest + kRest.size());
}

}  // namespace vpclint::iam
