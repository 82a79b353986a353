#include "analysis/facts.h"

#include "analysis/connectors.h"
#include "analysis/egress.h"
#include "analysis/function_vpc.h"
#include "analysis/iam.h"
#include "analysis/iam_eni.h"
#include "analysis/network_model.h"
#include "analysis/placement.h"
#include "analysis/reachability.h"
#include "analysis/service_calls.h"
#include "model/references.h"

namespace vpclint {

struct Facts::Computed {
  Computed(const Template& t, const Resolver& r, const ReferenceGraph* refs, const Config* config,
           const OutsideNetwork* outside)
      : own_references(refs ? nullptr : std::make_unique<ReferenceGraph>(t)),
        functions(t, r),
        connectors(t),
        iam(t, r, connectors),
        eni(functions, iam),
        network(t, r, config, outside),
        placements(functions, network),
        calls(t, r, iam),
        egress(functions, placements, network, calls),
        reachability(t, r, refs ? *refs : *own_references, functions, placements, network, iam, connectors) {}

  std::unique_ptr<ReferenceGraph> own_references;  // declared first: built before the facts
  FunctionVpcFacts functions;
  ConnectorFacts connectors;
  IamFacts iam;
  EniFacts eni;
  NetworkModel network;
  PlacementFacts placements;
  ServiceCallFacts calls;
  EgressFacts egress;
  ReachabilityFacts reachability;
};

Facts::Facts(const Template& t, const Resolver& r, const ReferenceGraph& refs, const Config* config,
             const OutsideNetwork* outside)
    : Facts(t, r, &refs, config, outside) {}
Facts::Facts(const Template& t, const Resolver& r) : Facts(t, r, nullptr, nullptr, nullptr) {}
Facts::~Facts() = default;

Facts::Facts(const Template& t, const Resolver& r, const ReferenceGraph* refs, const Config* config,
             const OutsideNetwork* outside)
    : computed_(std::make_unique<const Computed>(t, r, refs, config, outside)),
      functions(computed_->functions),
      connectors(computed_->connectors),
      iam(computed_->iam),
      eni(computed_->eni),
      network(computed_->network),
      placements(computed_->placements),
      calls(computed_->calls),
      egress(computed_->egress),
      reachability(computed_->reachability) {}

}  // namespace vpclint
