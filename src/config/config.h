// `.vpclint.yaml`: what a team tells vpclint once, for every template under a directory: which
// rules run and how severe they are, which files to skip, and the facts the templates cannot
// show (parameter and SSM values, subnets and endpoints of networks defined elsewhere).
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loader/document.h"
#include "model/severity.h"
#include "model/stated_values.h"

namespace vpclint {

// Where a subnet's default route leads, as the team states it. Elsewhere (an account snapshot's
// transit gateway, peering, VPN, appliance): a way vpclint cannot follow, so it says nothing.
enum class SubnetEgress : uint8_t { Nat, InternetGateway, None, Unknown, Elsewhere };
std::string_view subnet_egress_name(SubnetEgress e);

struct ExternalSubnet {
  std::string pattern;  // "subnet-0abc" or a glob ("subnet-0a*", "?" and "*")
  std::string vpc;      // "vpc-0123", or empty when not stated
  std::string az;       // "eu-west-1a", or empty
  SubnetEgress egress = SubnetEgress::Unknown;
  ConfigSource source;
};

enum class ExternalEndpointType : uint8_t { Interface, Gateway };

struct ExternalEndpoint {
  std::string vpc;      // "vpc-0123"
  std::string service;  // short service name: "lambda", "s3" ("com.amazonaws.<region>.s3" is reduced)
  ExternalEndpointType type = ExternalEndpointType::Interface;
  bool private_dns = true;  // interface endpoints only
  ConfigSource source;
};

// The stated parameter and SSM values (the base) are all the model may see of the config.
struct Config : StatedValues {
  std::string path;  // the config file; empty for the built-in defaults
  std::string root;  // directory that `exclude` globs are relative to (the config file's)

  std::vector<std::string> select;                        // rule ids or prefixes ("N", "N10"); empty: every rule
  std::vector<std::string> ignore;                        // rule ids or prefixes; wins over select
  std::map<std::string, Severity, std::less<>> severity;  // per rule id
  std::optional<Severity> fail_on;
  std::vector<std::string> exclude;  // globs ("**", "*", "?") on paths relative to `root`

  // Template path, relative to `root` -> the name of the stack it is deployed as.
  std::map<std::string, ExternalValue, std::less<>> stacks;
  // Account snapshot directories (docs/snapshot.md), resolved against the config's directory.
  std::vector<ExternalValue> snapshots;

  std::vector<ExternalSubnet> subnets;
  std::vector<ExternalEndpoint> endpoints;

  bool rule_enabled(std::string_view id) const;
  Severity severity_of(std::string_view id, Severity default_severity) const;
  // `file` as given on the command line or found by discovery.
  bool excluded(const std::string& file) const;
  // The first stated subnet whose pattern matches a literal subnet id: exact ids before globs.
  const ExternalSubnet* subnet(std::string_view id) const;
  // The stack name stated for a template (`file` as given or found), or null.
  const ExternalValue* stack_of(const std::string& file) const;
  // Endpoints stated for a literal VPC id.
  std::vector<const ExternalEndpoint*> endpoints_in(std::string_view vpc) const;
};

// The rule ids a config may name (select, ignore, severity). The rules sit above this layer, so
// whoever knows them (the cli, tests) hands them down; the ids must outlive the parse.
using RuleIds = std::span<const std::string_view>;

// Parses a config file. On error returns false with one line "FILE:LINE:COL: message" in `error`:
// unknown keys, wrong types, rule ids not in `rules` or unknown severities, malformed globs, broken YAML.
bool parse_config(const std::string& path, std::string bytes, RuleIds rules, Config& out, std::string& error);

}  // namespace vpclint
