// An account snapshot: a directory of what `aws <service> <command> --output json` printed, one
// file per command (docs/snapshot.md). Read once per run into plain records; the analysis layer
// derives routes, ways out and admission from them. Nothing here knows AWS semantics beyond the
// shapes of the CLI's output: a missing file is "not known", never an error.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "loader/source.h"
#include "model/stated_values.h"

namespace vpclint {

// One file of the snapshot, kept so evidence can point into it: positions are found on demand,
// only for the objects a finding cites.
class SnapshotFile {
 public:
  SnapshotFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // Where `needle` (a quoted JSON string: "\"subnet-0abc\"") first occurs at or after byte
  // `from`, as a 1-based line and column; the file's start when it does not occur.
  Position locate(std::string_view needle, size_t from = 0) const;
  // The byte offset of that occurrence, or npos.
  size_t offset_of(std::string_view needle, size_t from = 0) const;
  // The same for the JSON string whose value is `value` (an id, a name): quoted as JSON quotes it.
  Position locate_string(std::string_view value, size_t from = 0) const;
  size_t offset_of_string(std::string_view value, size_t from = 0) const;
  // A source for a note: the file and the position of the quoted id.
  ConfigSource cite(std::string_view id, std::string what) const;
  // The line and column (in code points) of byte `offset`; the end of the text past it.
  Position position_of(size_t offset) const;

 private:
  std::string path_;
  std::string text_;
  // Where each line starts, built on the first position asked for (from any thread).
  mutable std::once_flag lines_once_;
  mutable std::vector<size_t> line_starts_;
};

// Which file an object came from: an index into Snapshot::files.
using SnapshotFileIndex = uint16_t;

struct SnapVpc {
  std::string id;
  std::vector<std::string> cidrs;   // CidrBlock and every associated CidrBlockAssociationSet entry
  std::optional<bool> dns_support;  // from the attribute files; unset when absent
  std::optional<bool> dns_hostnames;
  SnapshotFileIndex file = 0;
  // The attribute files, when dns_support / dns_hostnames are set.
  SnapshotFileIndex dns_support_file = 0, dns_hostnames_file = 0;
};

struct SnapSubnet {
  std::string id, vpc, az, cidr;
  SnapshotFileIndex file = 0;
};

struct SnapRoute {
  std::string destination;              // DestinationCidrBlock, or empty
  std::string destination_ipv6;         // DestinationIpv6CidrBlock, or empty
  std::string destination_prefix_list;  // DestinationPrefixListId ("pl-63a5400a"), or empty
  // The target's kind, as the CLI names its key: "GatewayId" (igw-, vgw-, vpce-, "local"),
  // "NatGatewayId", "TransitGatewayId", "VpcPeeringConnectionId", "NetworkInterfaceId",
  // "InstanceId", "EgressOnlyInternetGatewayId", "CarrierGatewayId", "LocalGatewayId",
  // "CoreNetworkArn"; the first present in that order. Empty when none is.
  std::string target_kind;
  std::string target;      // the id
  bool blackhole = false;  // State: blackhole
};

struct SnapRouteTable {
  std::string id, vpc;
  bool main = false;                 // an association with Main: true
  std::vector<std::string> subnets;  // explicit subnet associations (state associated, or no state)
  std::vector<SnapRoute> routes;
  SnapshotFileIndex file = 0;
};

struct SnapNatGateway {
  std::string id, subnet, vpc;
  std::string state;         // "available", "pending", "failed", "deleting", "deleted"
  bool private_nat = false;  // ConnectivityType: private
  SnapshotFileIndex file = 0;
};

// An internet gateway or an egress-only internet gateway.
struct SnapGateway {
  std::string id;
  std::vector<std::string> attached_vpcs;  // attachments whose State is "available" or "attached"
  SnapshotFileIndex file = 0;
};

struct SnapEndpoint {
  std::string id, vpc;
  std::string service_name;               // "com.amazonaws.eu-west-1.lambda"
  std::string type;                       // VpcEndpointType: "Interface", "Gateway", "GatewayLoadBalancer"
  std::string state;                      // "available", "pendingAcceptance", ... (lower-cased as the CLI prints)
  bool private_dns = false;               // PrivateDnsEnabled
  std::vector<std::string> route_tables;  // RouteTableIds
  std::vector<std::string> groups;        // Groups[].GroupId
  std::vector<std::string> subnets;       // SubnetIds
  SnapshotFileIndex file = 0;
};

struct SnapSgRule {
  std::string protocol = "-1";            // IpProtocol: "tcp", "udp", "icmp", "-1", or a number
  int from = -1, to = -1;                 // FromPort/ToPort; -1 when absent (all ports)
  std::vector<std::string> cidrs;         // IpRanges[].CidrIp
  std::vector<std::string> ipv6_cidrs;    // Ipv6Ranges[].CidrIpv6
  std::vector<std::string> prefix_lists;  // PrefixListIds[].PrefixListId
  std::vector<std::string> groups;        // UserIdGroupPairs[].GroupId
};

struct SnapSecurityGroup {
  std::string id, vpc, name;
  std::vector<SnapSgRule> ingress;  // IpPermissions
  std::vector<SnapSgRule> egress;   // IpPermissionsEgress
  SnapshotFileIndex file = 0;
};

struct SnapPrefixList {
  std::string id, name;  // "pl-63a5400a", "com.amazonaws.eu-west-1.s3"
  SnapshotFileIndex file = 0;
};

struct SnapStackParameter {
  std::string value;     // ParameterValue
  std::string resolved;  // ResolvedValue (SSM-typed parameters), or empty
};

struct SnapStack {
  std::string name, id;
  std::map<std::string, SnapStackParameter, std::less<>> parameters;
  std::map<std::string, std::string, std::less<>> outputs;  // OutputKey -> OutputValue
  SnapshotFileIndex file = 0;
};

struct SnapValue {  // an export or an SSM parameter
  std::string value;
  std::string type;  // SSM Type ("String", "StringList", "SecureString"); empty for exports
  SnapshotFileIndex file = 0;
};

struct SnapshotManifest {
  std::string account, region, taken, cli_version;  // taken: ISO 8601 time, as written
};

// One directory: one account and region.
struct Snapshot {
  std::string dir;
  std::vector<std::unique_ptr<SnapshotFile>> files;  // every file read, by SnapshotFileIndex
  std::optional<SnapshotManifest> manifest;

  // Which files were present and read (a missing file: nothing of its kind is known).
  bool has_vpcs = false, has_subnets = false, has_route_tables = false, has_nat_gateways = false,
       has_internet_gateways = false, has_egress_only_gateways = false, has_endpoints = false,
       has_security_groups = false, has_prefix_lists = false, has_exports = false, has_stacks = false, has_ssm = false;

  std::unordered_map<std::string, SnapVpc> vpcs;
  std::unordered_map<std::string, SnapSubnet> subnets;
  std::unordered_map<std::string, SnapRouteTable> route_tables;
  std::unordered_map<std::string, SnapNatGateway> nat_gateways;
  std::unordered_map<std::string, SnapGateway> internet_gateways;
  std::unordered_map<std::string, SnapGateway> egress_only_gateways;
  std::unordered_map<std::string, SnapEndpoint> endpoints;
  std::unordered_map<std::string, SnapSecurityGroup> security_groups;
  std::unordered_map<std::string, SnapPrefixList> prefix_lists;
  std::unordered_map<std::string, SnapStack> stacks;   // by StackName
  std::unordered_map<std::string, SnapValue> exports;  // by export Name
  std::unordered_map<std::string, SnapValue> ssm;      // by parameter Name

  // Derived once at load: subnet id -> its explicitly associated table, VPC id -> main table.
  std::unordered_map<std::string, std::string> table_of_subnet;
  std::unordered_map<std::string, std::string> main_table_of_vpc;

  const SnapshotFile& file(SnapshotFileIndex i) const { return *files[i]; }
  // "snapshot prod/ (taken 2026-11-02T10:00:00Z)" or "snapshot prod/".
  std::string label() const;
};

// Reads a snapshot directory. Returns null only when `dir` is not a readable directory. A file
// that is broken (not JSON, the wrong shape, too large, a directory) adds one line to `errors`
// ("DIR/FILE: /JSON/pointer: what is wrong") and is then treated as absent; the other files are
// still read. `max_file_size` bounds each file (bytes).
std::unique_ptr<Snapshot> load_snapshot(const std::string& dir, std::vector<std::string>& errors,
                                        size_t max_file_size = size_t{64} << 20);

// The same from files already in memory (name -> bytes, names as in the directory): for the
// fuzzer, and for `vpclint snapshot` to read what the CLI printed. `dir` names them (DIR/FILE).
// Never null.
std::unique_ptr<Snapshot> load_snapshot_texts(const std::string& dir,
                                              std::vector<std::pair<std::string, std::string>> files,
                                              std::vector<std::string>& errors);

// The file names of the contract, in the order `vpclint snapshot` takes them; not the per-VPC
// attribute files (snapshot_attribute_file_name) nor manifest.json.
const std::vector<std::string_view>& snapshot_file_names();
// "ec2-describe-vpc-attribute-<vpc>-<attribute>.json"; attribute "enableDnsSupport" or
// "enableDnsHostnames".
std::string snapshot_attribute_file_name(std::string_view vpc, std::string_view attribute);
// Whether `name` is a file of a snapshot: of the contract, an attribute file, manifest.json.
bool is_snapshot_file_name(std::string_view name);
// manifest.json's text.
std::string manifest_json(const SnapshotManifest& manifest);

}  // namespace vpclint
