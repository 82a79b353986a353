// The network other templates of the project define, as a template that names their resources
// (through an export, a parent's Parameters, an SSM parameter) sees it: each subnet's VPC, zone,
// CIDR and way out, worked out in its own template by that template's network model, with the
// route table, route and NAT gateway as evidence in that file.
#pragma once
#include <memory>
#include <mutex>
#include <unordered_map>

#include "analysis/network_model.h"
#include "analysis/outside_network.h"

namespace vpclint {

class ProjectNetwork : public OutsideNetwork {
 public:
  ProjectNetwork();
  ~ProjectNetwork() override;
  std::optional<OutsideSubnet> subnet(const NetKey& foreign) const override;
  std::vector<OutsideEndpoint> endpoints_in(const NetKey& foreign_vpc) const override;

 private:
  // Built on first use, once per template use; lint threads share it.
  const NetworkModel& model_of(const Resolver& origin) const;
  mutable std::mutex mutex_;
  mutable std::unordered_map<const Resolver*, std::unique_ptr<NetworkModel>> models_;
};

}  // namespace vpclint
