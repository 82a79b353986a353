// Everything computed once per template before the rules run, each linear in template size.
// This header only names the facts: a reader includes the header of each fact it reads
// (analysis/egress.h for `facts.egress`, ...), so a rule recompiles when its facts change, not
// when any does.
#pragma once
#include <memory>

namespace vpclint {

class Template;
class Resolver;
class ReferenceGraph;
struct Config;
class OutsideNetwork;
class FunctionVpcFacts;
class ConnectorFacts;
class IamFacts;
class EniFacts;
class NetworkModel;
class PlacementFacts;
class ServiceCallFacts;
class EgressFacts;
class ReachabilityFacts;

struct Facts {
  // With the template's reference graph (the linter's); without one, Facts builds its own.
  // `config`: the team's statements about the network outside the template; `outside`: the network
  // other templates of the project define. Either may be null.
  Facts(const Template& t, const Resolver& r, const ReferenceGraph& refs, const Config* config,
        const OutsideNetwork* outside = nullptr);
  Facts(const Template& t, const Resolver& r);
  ~Facts();
  Facts(const Facts&) = delete;
  Facts& operator=(const Facts&) = delete;

 private:
  struct Computed;  // the facts themselves (facts.cpp); declared first: built before the views
  std::unique_ptr<const Computed> computed_;
  Facts(const Template& t, const Resolver& r, const ReferenceGraph* refs, const Config* config,
        const OutsideNetwork* outside);

 public:
  const FunctionVpcFacts& functions;
  const ConnectorFacts& connectors;
  const IamFacts& iam;
  const EniFacts& eni;
  const NetworkModel& network;
  const PlacementFacts& placements;
  const ServiceCallFacts& calls;
  const EgressFacts& egress;
  const ReachabilityFacts& reachability;
};

}  // namespace vpclint
