// The network other templates of the project define, as a template that names their resources
// (through an export, a parent's Parameters, an SSM parameter) sees it: each subnet's VPC, zone,
// CIDR and way out, worked out in its own template by that template's network model, with the
// route table, route and NAT gateway as evidence in that file. Literal ids are looked up in the
// accounts' snapshots, in the order given.
#pragma once
#include <memory>
#include <mutex>
#include <unordered_map>

#include "analysis/account_network.h"
#include "analysis/network_model.h"
#include "analysis/outside_network.h"

namespace vpclint {

class ProjectNetwork : public OutsideNetwork {
 public:
  explicit ProjectNetwork(const std::vector<std::shared_ptr<const Snapshot>>& snapshots = {});
  ~ProjectNetwork() override;
  std::optional<OutsideSubnet> subnet(const NetKey& key) const override;
  std::vector<OutsideEndpoint> endpoints_in(const NetKey& vpc) const override;
  const NetSecurityGroup* security_group(const NetKey& key) const override;

 private:
  // Built on first use, once per template use; lint threads share it.
  const NetworkModel& model_of(const Resolver& origin) const;
  mutable std::mutex mutex_;
  mutable std::unordered_map<const Resolver*, std::unique_ptr<NetworkModel>> models_;
  std::vector<std::unique_ptr<AccountNetwork>> accounts_;
  std::string subnet_files_;  // the snapshots that list subnets, for "not in ..."
};

}  // namespace vpclint
