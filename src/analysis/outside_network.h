// What is known about network objects the template names but does not define: a subnet the team's
// config states (a literal id), a subnet, VPC or endpoint another template of the project defines
// (a foreign key), or one an account snapshot holds (a literal id). Egress and placement read these
// the same way, whoever describes them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/cidr.h"
#include "analysis/net_key.h"
#include "config/config.h"

namespace vpclint {

struct OutsideSubnet {
  NetKey vpc;      // empty when not known
  std::string az;  // literal zone, "az#i", or empty
  std::optional<Cidr> cidr;
  SubnetEgress egress = SubnetEgress::Unknown;
  bool stated = false;         // by the team's config; else defined by another template or a snapshot
  bool observed = false;       // an account snapshot shows it (deployed, not a template's intent)
  std::string described_in;    // the config file, the other template's label, or the snapshot's
  ConfigSource source;         // the config entry, the subnet resource there, or the snapshot's object
  std::vector<Note> evidence;  // how the other template or the account routes it (table, route, NAT), with files
  std::string route_table;     // the account's table for it, for gateway endpoints ("rtb-0a1"); else empty
  // Nothing describes it, though snapshots were read: "not in snapshot snap/" (the unknown's reason).
  std::string not_in;
};

struct OutsideEndpoint {
  NetKey vpc;
  std::string service;  // short service name: "lambda", "s3"
  ExternalEndpointType type = ExternalEndpointType::Interface;
  bool private_dns = true;
  bool stated = false;
  std::string described_in;
  ConfigSource source;
  std::string dns_off;  // why private DNS does not work, when it does not ("vpc-1 has enableDnsHostnames off")
  bool vpc_dns_support_off = false;  // the endpoint asks for private DNS; its VPC's attributes defeat it
  bool vpc_dns_hostnames_off = false;
  std::vector<std::string> route_tables;  // a gateway endpoint's tables; empty: every table of the VPC
  std::vector<NetKey> security_groups;    // an interface endpoint's groups in the account; empty: not known
};

struct NetSecurityGroup;

// The network the other templates of the project define (foreign keys) and the accounts'
// snapshots hold (literal ids).
class OutsideNetwork {
 public:
  virtual ~OutsideNetwork() = default;
  virtual std::optional<OutsideSubnet> subnet(const NetKey& key) const = 0;
  virtual std::vector<OutsideEndpoint> endpoints_in(const NetKey& vpc) const = 0;
  // A security group an account snapshot holds, by literal id; null when none does.
  virtual const NetSecurityGroup* security_group(const NetKey& key) const = 0;
};

}  // namespace vpclint
