// Sources: "Actions, resources, and condition keys for AWS services" (Service Authorization
// Reference) for the prefixes; "AWS services that integrate with AWS PrivateLink" for endpoint
// names; Lambda Developer Guide "Giving Lambda functions access to resources in an Amazon VPC"
// for what the service does on the function's behalf.
#include "analysis/aws_services.h"

#include <algorithm>

#include <array>
#include "model/ascii.h"

namespace vpclint {

namespace {

struct Entry {
  std::string_view prefix;
  std::string_view endpoint;
  std::string_view name;
  bool gateway;
};

constexpr std::array kServices{
    Entry{"lambda", "lambda", "the Lambda API", false},
    Entry{"s3", "s3", "S3", true},
    Entry{"dynamodb", "dynamodb", "DynamoDB", true},
    Entry{"sqs", "sqs", "SQS", false},
    Entry{"sns", "sns", "SNS", false},
    Entry{"secretsmanager", "secretsmanager", "Secrets Manager", false},
    Entry{"ssm", "ssm", "Systems Manager Parameter Store", false},
    Entry{"kms", "kms", "KMS", false},
    Entry{"sts", "sts", "STS", false},
    Entry{"events", "events", "EventBridge", false},
    Entry{"scheduler", "scheduler", "EventBridge Scheduler", false},
    Entry{"states", "states", "Step Functions", false},
    Entry{"kinesis", "kinesis-streams", "Kinesis Data Streams", false},
    Entry{"firehose", "kinesis-firehose", "Data Firehose", false},
    Entry{"rds-data", "rds-data", "the RDS Data API", false},
    Entry{"execute-api", "execute-api", "API Gateway", false},
    Entry{"apigateway", "apigateway", "the API Gateway management API", false},
    Entry{"cognito-idp", "cognito-idp", "Cognito user pools", false},
    Entry{"ses", "email", "SES", false},
    Entry{"cloudwatch", "monitoring", "CloudWatch metrics", false},
    Entry{"ec2", "ec2", "the EC2 API", false},
    Entry{"ecr", "ecr.api", "ECR", false},
    Entry{"ecs", "ecs", "ECS", false},
    Entry{"glue", "glue", "Glue", false},
    Entry{"athena", "athena", "Athena", false},
    Entry{"bedrock", "bedrock-runtime", "Bedrock", false},
    Entry{"sagemaker", "sagemaker.runtime", "SageMaker", false},
    Entry{"textract", "textract", "Textract", false},
    Entry{"comprehend", "comprehend", "Comprehend", false},
    Entry{"rekognition", "rekognition", "Rekognition", false},
    Entry{"translate", "translate", "Translate", false},
    Entry{"polly", "polly", "Polly", false},
    Entry{"appsync", "appsync-api", "AppSync", false},
    Entry{"iot", "iot.data", "IoT Core", false},
    Entry{"elasticfilesystem", "elasticfilesystem", "the EFS API", false},
    Entry{"cloudformation", "cloudformation", "CloudFormation", false},
    Entry{"codepipeline", "codepipeline", "CodePipeline", false},
    Entry{"codebuild", "codebuild", "CodeBuild", false},
    Entry{"batch", "batch", "Batch", false},
    Entry{"acm", "acm", "ACM", false},
    Entry{"route53", "route53", "Route 53", false},
    Entry{"cloudfront", "cloudfront", "CloudFront", false},
    Entry{"iam", "iam", "IAM", false},
    Entry{"xray", "", "", false},    // Lambda's own daemon sends traces
    Entry{"logs", "", "", false},    // Lambda ships the function's logs
    Entry{"rds-db", "", "", false},  // IAM auth tokens are signed locally
    Entry{"neptune-db", "", "", false},
    Entry{"elasticache", "", "", false},    // elasticache:Connect: IAM auth, stays in the VPC
    Entry{"kafka-cluster", "", "", false},  // MSK IAM auth: the cluster is in the VPC
    // Object Lambda permissions ride along with copies of AmazonS3ReadOnlyAccess; the calls
    // themselves are rare and are not evidence.
    Entry{"s3-object-lambda", "", "", false},
};

// The EC2 calls of the widely copied network-interface statement: Lambda makes them.
// (Any other ec2 action on network interfaces counts too: Attach/Detach/Modify...)
constexpr std::array<std::string_view, 7> kEniActions{
    "ec2:describeinstances",         "ec2:describesubnets",          "ec2:describevpcs",
    "ec2:describesecuritygroups",    "ec2:assignprivateipaddresses", "ec2:unassignprivateipaddresses",
    "ec2:describeavailabilityzones",
};

}  // namespace

ServiceEndpoint service_of_action(std::string_view action) {
  std::string a = ascii_lower(action);
  size_t colon = a.find(':');
  if (colon == std::string::npos) return {};
  std::string_view prefix = std::string_view(a).substr(0, colon);
  if (prefix == "ec2") {
    // ENI management is Lambda's; a wildcard such as ec2:* is almost always there for it too.
    bool wildcard = a.find_first_of("*?") != std::string::npos;
    if (wildcard || a.find("networkinterface") != std::string::npos ||
        std::find(kEniActions.begin(), kEniActions.end(), a) != kEniActions.end())
      return {};
  }
  // Data-plane calls that go to a resource inside the VPC: an OpenSearch domain's HTTP API, an
  // EFS or S3 Files mount. Whether the function reaches that resource is a reachability question.
  if ((prefix == "es" && a.starts_with("es:eshttp")) ||
      (prefix == "elasticfilesystem" && a.starts_with("elasticfilesystem:client")) ||
      (prefix == "s3files" && a.starts_with("s3files:client")))
    return {};
  for (const auto& e : kServices) {
    if (e.prefix != prefix) continue;
    if (e.endpoint.empty()) return {};
    ServiceEndpoint s{std::string(e.endpoint), std::string(e.name), e.gateway};
    if (prefix == "sagemaker" && a.find("invokeendpoint") == std::string::npos && a.find('*') == std::string::npos)
      s.endpoint = "sagemaker.api";
    return s;
  }
  // Any other service: its name is the prefix, and it is outside the VPC.
  return {std::string(prefix), std::string(prefix), false};
}

bool is_event_source_poll_action(std::string_view action) {
  static constexpr std::array<std::string_view, 14> kPoll{
      "sqs:receivemessage",
      "sqs:deletemessage",
      "sqs:deletemessagebatch",
      "sqs:changemessagevisibility",
      "sqs:changemessagevisibilitybatch",
      "sqs:getqueueattributes",
      "kinesis:getrecords",
      "kinesis:getsharditerator",
      "kinesis:describestream",
      "kinesis:describestreamsummary",
      "kinesis:listshards",
      "kinesis:subscribetoshard",
      "dynamodb:getrecords",
      "dynamodb:getsharditerator",
  };
  std::string a = ascii_lower(action);
  if (a == "dynamodb:describestream" || a == "dynamodb:liststreams" || a == "kinesis:liststreams") return true;
  return std::find(kPoll.begin(), kPoll.end(), a) != kPoll.end();
}

bool is_broker_source_action(std::string_view action) {
  std::string a = ascii_lower(action);
  return a == "kms:decrypt" || a.starts_with("kafka:describe") || a.starts_with("kafka:get") ||
         a.starts_with("kafka:list") || a.starts_with("mq:describe") || a.starts_with("rds:describedbcluster") ||
         a == "rds:describedbsubnetgroups";
}

bool is_delivery_action(std::string_view action) {
  std::string a = ascii_lower(action);
  // SAM's SQSSendMessagePolicy grants sqs:SendMessage*: SendMessage and SendMessageBatch only.
  return a == "sqs:sendmessage" || a == "sqs:sendmessage*" || a == "sqs:sendmessagebatch" || a == "sns:publish" ||
         a == "lambda:invokefunction" || a == "events:putevents" || a == "s3:putobject";
}

bool is_source_metadata_action(std::string_view action) {
  std::string a = ascii_lower(action);
  // Every SQS Get/List is metadata (ReceiveMessage is the read); Kinesis's Get/Describe/List and
  // SubscribeToShard read the stream the service polls; a topic's attributes.
  for (std::string_view p :
       {"sqs:get", "sqs:list", "kinesis:get", "kinesis:describe", "kinesis:list", "kinesis:subscribetoshard",
        "dynamodb:describestream", "dynamodb:liststreams", "dynamodb:getrecords", "dynamodb:getsharditerator",
        "sns:gettopicattributes", "sns:listtopics"})
    if (a.starts_with(p)) return true;
  return false;
}

bool is_key_use_action(std::string_view action) {
  std::string a = ascii_lower(action);
  for (std::string_view p : {"kms:decrypt", "kms:encrypt", "kms:generatedatakey", "kms:reencrypt", "kms:describekey"})
    if (a.starts_with(p)) return true;
  return false;
}

}  // namespace vpclint
