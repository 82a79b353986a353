// The one table from IAM actions to the AWS service endpoints a call goes to, with the calls
// that never need a network path from the function.
#pragma once
#include <string>
#include <string_view>

namespace vpclint {

struct ServiceEndpoint {
  std::string endpoint;          // the VPC endpoint service suffix: "lambda", "s3", "kinesis-streams"
  std::string name;              // for messages: "the Lambda API", "S3"
  bool gateway_capable = false;  // S3 and DynamoDB also have (free) gateway endpoints
};

// The endpoint an action calls, or empty endpoint when the call stays in the VPC or is made by
// the Lambda service itself whatever the resource (logs, X-Ray, ENI management, IAM database
// authentication tokens). `action` may hold wildcards ("sqs:Send*", "lambda:*"); "*" alone
// has no service.
ServiceEndpoint service_of_action(std::string_view action);

// Actions of the event-source-mapping permission set (SQS, Kinesis, DynamoDB Streams polling):
// Lambda's pollers use them with the function's role, so they never show what the code calls.
bool is_event_source_poll_action(std::string_view action);
// Actions Lambda uses with the function's role to connect an MSK, Kafka, MQ or DocumentDB event
// source (cluster lookup, the key of its secret); the secret itself is matched by resource
// (service_side.cpp, SourceAccessConfigurations).
bool is_broker_source_action(std::string_view action);
// Actions Lambda uses to deliver to destinations and dead-letter queues.
bool is_delivery_action(std::string_view action);
// Metadata reads that come with polling a queue or stream, or delivering to a queue or topic
// (sqs:GetQueueUrl, kinesis:DescribeStreamConsumer, ...): the service's when granted only on those.
bool is_source_metadata_action(std::string_view action);
// Uses of a KMS key (Decrypt, Encrypt, GenerateDataKey*, ReEncrypt*, DescribeKey).
bool is_key_use_action(std::string_view action);

}  // namespace vpclint
