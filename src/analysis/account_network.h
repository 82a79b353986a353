// The network an account snapshot holds (docs/snapshot.md), judged as AWS routes it: a subnet's
// table is its explicit association, else its VPC's main table; the most specific route wins;
// a NAT gateway is a way out only when it is available, public, and its own subnet routes to an
// internet gateway attached to the VPC. Every conclusion carries notes at the snapshot's objects.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/network_model.h"
#include "analysis/outside_network.h"
#include "config/snapshot.h"

namespace vpclint {

class AccountNetwork {
 public:
  explicit AccountNetwork(const Snapshot& snapshot);
  ~AccountNetwork();
  const Snapshot& snapshot() const { return s_; }
  // The subnet with its VPC, zone, block and way out; null when the snapshot does not hold it.
  // Each answer is worked out (and its notes located in the files) once, then shared: every
  // function, service and use that names the subnet asks again.
  std::optional<OutsideSubnet> subnet(std::string_view id) const;
  // Available endpoints of a VPC (gateway load balancer endpoints aside); once per VPC too.
  std::vector<OutsideEndpoint> endpoints_in(std::string_view vpc) const;
  const NetSecurityGroup* security_group(std::string_view id) const;

 private:
  struct WayOut {
    SubnetEgress egress = SubnetEgress::Unknown;
    std::vector<Note> evidence;
    std::string table;
  };
  // `nat_home`: the subnet of a NAT gateway being judged; its own routes must reach an internet
  // gateway directly.
  std::optional<OutsideSubnet> build_subnet(std::string_view id) const;
  std::vector<OutsideEndpoint> build_endpoints(std::string_view vpc) const;
  WayOut way_out(const SnapSubnet& s, bool nat_home) const;
  void through_nat(const SnapRoute& route, const Note& sends, bool nat_home, WayOut& out) const;
  Note note(SnapshotFileIndex file, std::string_view id, std::string text, size_t from = 0) const;
  size_t offset(SnapshotFileIndex file, std::string_view id) const;

  const Snapshot& s_;
  std::string label_;
  std::unordered_map<std::string_view, std::vector<const SnapEndpoint*>> endpoints_by_vpc_;
  // Groups are built (and cited: a position costs a scan of the file) when first asked for, so a
  // snapshot of thousands of groups costs only the few a template names. Lint threads share them.
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::optional<OutsideSubnet>> subnets_;
  mutable std::unordered_map<std::string, std::vector<OutsideEndpoint>> endpoints_;
  mutable std::mutex groups_mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<NetSecurityGroup>> groups_;
};

}  // namespace vpclint
