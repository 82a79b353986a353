// Every AWS managed IAM policy, from a table generated from AWS's published documents
// (scripts/gen_managed_policies.py -> generated/aws_managed_policies.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/iam.h"

namespace vpclint::iam {

// One AWS managed policy of the table (a cheap handle: copy it freely).
struct ManagedPolicy {
  std::string_view path;      // after "arn:<partition>:iam::aws:policy/", e.g. "service-role/AWSLambdaRole"
  unsigned version = 0;       // the default version the document was taken from (v3 -> 3)
  std::string_view document;  // the compact encoding (see the generator)
  uint32_t index = 0;         // the row in the table
  // Used by the Lambda service with the function's role (polling event sources): never evidence
  // of what the code calls. The generator's SERVICE_SIDE list says which and why.
  bool service_side = false;

  std::string_view name() const { return path.substr(path.rfind('/') + 1); }
  // The statements with literal resources and no node, guard or origin (Collector::aws_managed
  // fills those in): decoded on first use and kept for the process; safe from any thread.
  const std::vector<PolicyStatement>& statements() const;
};

// By path ("service-role/AWSLambdaVPCAccessExecutionRole"), exact; nullopt when AWS has no such policy.
std::optional<ManagedPolicy> find_managed_policy(std::string_view path);
// By name alone ("AWSLambdaVPCAccessExecutionRole"), as SAM's Policies accepts it.
std::optional<ManagedPolicy> find_managed_policy_by_name(std::string_view name);
// How many policies the table holds.
size_t managed_policy_count();

// "arn:aws:iam::aws:policy/service-role/X" or "arn:${AWS::Partition}:iam::aws:policy/X" -> the
// path after "policy/"; empty when `arn` is no AWS managed policy ARN.
std::string_view aws_managed_policy_path(std::string_view arn);

// The compact document as PolicyStatements (exposed for tests).
std::vector<PolicyStatement> decode_managed_document(std::string_view document);

// The generated table: integer rows into two string blobs, so that it needs no relocation and no
// initialisation at start-up. Rows are sorted by path; by_name holds row indices sorted by name.
struct ManagedPolicyRow {
  uint32_t path;      // offset in paths
  uint32_t document;  // offset in documents
  uint32_t document_size;
  uint8_t path_size;
  uint8_t flags;  // kManagedServiceSide
  uint16_t version;
};
inline constexpr uint8_t kManagedServiceSide = 1;
struct ManagedPolicyTable {
  std::span<const ManagedPolicyRow> rows;
  std::span<const uint16_t> by_name;
  std::string_view paths;
  std::string_view documents;
};
ManagedPolicyTable managed_policy_table();

}  // namespace vpclint::iam
