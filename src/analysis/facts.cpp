#include "analysis/facts.h"

#include "analysis/egress.h"
#include "analysis/function_vpc.h"
#include "analysis/iam.h"
#include "analysis/iam_eni.h"
#include "analysis/network_model.h"
#include "analysis/reachability.h"
#include "analysis/service_calls.h"
#include "model/references.h"

namespace vpclint {

struct Facts::Computed {
  Computed(const Template& t, const Resolver& r, const ReferenceGraph* refs, const Config* config)
      : own_references(refs ? nullptr : std::make_unique<ReferenceGraph>(t)),
        functions(t, r),
        iam(t, r),
        eni(functions, iam),
        network(t, r, config),
        calls(t, r, iam),
        egress(t, r, functions, network, calls),
        reachability(t, r, refs ? *refs : *own_references, functions, network, iam) {}

  std::unique_ptr<ReferenceGraph> own_references;  // declared first: built before the facts
  FunctionVpcFacts functions;
  IamFacts iam;
  EniFacts eni;
  NetworkModel network;
  ServiceCallFacts calls;
  EgressFacts egress;
  ReachabilityFacts reachability;
};

Facts::Facts(const Template& t, const Resolver& r, const ReferenceGraph& refs, const Config* config)
    : Facts(t, r, &refs, config) {}
Facts::Facts(const Template& t, const Resolver& r) : Facts(t, r, nullptr, nullptr) {}
Facts::~Facts() = default;

Facts::Facts(const Template& t, const Resolver& r, const ReferenceGraph* refs, const Config* config)
    : computed_(std::make_unique<const Computed>(t, r, refs, config)),
      functions(computed_->functions),
      iam(computed_->iam),
      eni(computed_->eni),
      network(computed_->network),
      calls(computed_->calls),
      egress(computed_->egress),
      reachability(computed_->reachability) {}

}  // namespace vpclint
