// The kinds of file a snapshot holds and how each is read on its own, so a broken file leaves
// nothing behind and files can be read in parallel (snapshot.cpp merges them).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "config/snapshot.h"
#include "config/snapshot_json.h"

namespace vpclint::snapshot_detail {

enum class FileKind : uint8_t {
  Vpcs,
  Subnets,
  RouteTables,
  NatGateways,
  InternetGateways,
  EgressOnlyGateways,
  Endpoints,
  SecurityGroups,
  PrefixLists,
  Exports,
  Stacks,
  Ssm,
  DnsSupport,    // ec2-describe-vpc-attribute-<vpc-id>-enableDnsSupport.json
  DnsHostnames,  // ec2-describe-vpc-attribute-<vpc-id>-enableDnsHostnames.json
  Manifest,
};

// What one file holds.
struct SnapshotPart {
  Snapshot data;           // the maps of the file's kind (route tables: the derived maps too), the manifest
  std::string vpc;         // an attribute file: the VPC, as its name gives it
  bool attribute = false;  // and the attribute's value
};

// Keeps a record by its id; of a repeated id, the first one stands.
template <typename Map, typename Record>
void keep(Map& map, Record& r) {
  std::string key = r.id;
  map.try_emplace(std::move(key), std::move(r));
}

// Reads `text` as a file of `kind` into `out` (`out.vpc` set beforehand for an attribute file).
std::optional<JsonProblem> read_part(FileKind kind, std::string_view text, SnapshotPart& out);
// The same for the VPC's network: Vpcs to Endpoints (snapshot_network.cpp).
std::optional<JsonProblem> read_network_part(FileKind kind, std::string_view text, SnapshotPart& out);

}  // namespace vpclint::snapshot_detail
