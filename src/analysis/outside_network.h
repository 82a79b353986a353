// What is known about network objects the template names but does not define: a subnet the team's
// config states (a literal id), or a subnet, VPC or endpoint another template of the project
// defines (a foreign key). Egress and placement read these the same way, whoever describes them.
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
  bool stated = false;         // by the team's config; else defined by another template
  std::string described_in;    // the config file, or the other template's label
  ConfigSource source;         // the config entry, or the subnet resource there
  std::vector<Note> evidence;  // how the other template routes it (route table, route, NAT), with files
};

struct OutsideEndpoint {
  NetKey vpc;
  std::string service;  // short service name: "lambda", "s3"
  ExternalEndpointType type = ExternalEndpointType::Interface;
  bool private_dns = true;
  bool stated = false;
  std::string described_in;
  ConfigSource source;
};

// The network the other templates of the project define, asked by foreign key.
class OutsideNetwork {
 public:
  virtual ~OutsideNetwork() = default;
  virtual std::optional<OutsideSubnet> subnet(const NetKey& foreign) const = 0;
  virtual std::vector<OutsideEndpoint> endpoints_in(const NetKey& foreign_vpc) const = 0;
};

}  // namespace vpclint
