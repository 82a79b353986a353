// Everything computed once per template before the rules run, each linear in template size.
#pragma once
#include <memory>

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

struct Facts {
  // With the template's reference graph (the linter's); without one, Facts builds its own.
  Facts(const Template& t, const Resolver& r, const ReferenceGraph& refs) : Facts(t, r, &refs) {}
  Facts(const Template& t, const Resolver& r) : Facts(t, r, nullptr) {}

 private:
  std::unique_ptr<ReferenceGraph> own_references_;  // declared first: built before the facts

  Facts(const Template& t, const Resolver& r, const ReferenceGraph* refs)
      : own_references_(refs ? nullptr : std::make_unique<ReferenceGraph>(t)),
        functions(t, r),
        connectors(t),
        iam(t, r, connectors),
        eni(functions, iam),
        network(t, r),
        placements(functions, network),
        calls(t, r, iam),
        egress(functions, placements, network, calls),
        reachability(t, r, refs ? *refs : *own_references_, functions, placements, network, iam, connectors) {}

 public:
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

}  // namespace vpclint
