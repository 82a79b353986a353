#include "lint/rule_ids.h"

#include <algorithm>

namespace vpclint {

std::string_view egress_rule(const ServicePath& p) {
  // An extension's telemetry: whatever blocks it, the cost is lost data, not a hung handler; with
  // subnets unknown it is not worth a warning of its own.
  if (p.call->telemetry) return p.verdict == Verdict::No ? "N108" : std::string_view();
  if (p.verdict == Verdict::Unknown && !p.way_out_in_template && !p.unknown_subnets.empty()) return "N107";
  if (p.verdict != Verdict::No) return {};
  switch (p.blocker) {
    case Blocker::NoRoute: return p.call->service.endpoint == "lambda" ? "N101" : "N102";
    case Blocker::PublicOnly: return "N103";
    case Blocker::EndpointDnsOff: return "N104";
    case Blocker::EndpointSgBlocks: return "N105";
    case Blocker::FunctionEgressBlocks: return "N106";
    case Blocker::None: break;
  }
  return {};
}

bool classify_reach(Reach reach, bool another_variant_reaches, ReachProblem& out) {
  switch (reach) {
    case Reach::SomeSubnets: out = ReachProblem::PartlyReached; return true;
    case Reach::NotInVpc:
      out = another_variant_reaches ? ReachProblem::PartlyReached : ReachProblem::OutsideVpc;
      return true;
    case Reach::OtherVpc:
      out = another_variant_reaches ? ReachProblem::PartlyReached : ReachProblem::OtherVpc;
      return true;
    case Reach::Refused:
      out = another_variant_reaches ? ReachProblem::PartlyReached : ReachProblem::GroupRefuses;
      return true;
    default: return false;
  }
}

bool any_variant_reaches(const ResourceUsage& u) {
  return std::any_of(u.variants.begin(), u.variants.end(),
                     [](const VariantReach& v) { return v.reach == Reach::Reaches || v.reach == Reach::Unknown; });
}

std::string_view reach_rule(ReachProblem p) {
  switch (p) {
    case ReachProblem::OutsideVpc: return "R401";
    case ReachProblem::OtherVpc: return "R402";
    case ReachProblem::GroupRefuses: return "R403";
    case ReachProblem::PartlyReached: return "R404";
  }
  return {};
}

}  // namespace vpclint
