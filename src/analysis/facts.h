// Everything computed once per template before the rules run, each linear in template size.
#pragma once
#include "analysis/egress.h"
#include "analysis/function_vpc.h"
#include "analysis/iam.h"
#include "analysis/network_model.h"
#include "analysis/service_calls.h"

namespace vpclint {

struct Facts {
  Facts(const Template& t, const Resolver& r)
      : functions(t, r), iam(t, r), network(t, r), calls(t, r, iam), egress(t, r, functions, network, calls) {}
  FunctionVpcFacts functions;
  IamFacts iam;
  NetworkModel network;
  ServiceCallFacts calls;
  EgressFacts egress;
};

}  // namespace vpclint
