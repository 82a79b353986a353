// N103 public-subnet-only: A VPC-attached function that needs egress sits in public subnets: Lambda's interfaces never
// get a public IP
#include "lint/text_util.h"
#include "network/egress_report.h"

namespace vpclint {
namespace {

// Public subnets look like a way out, and are not one for Lambda: say why, then the real ways.
EgressWords words(const BlockedEgress& b) {
  constexpr const char* kWhy =
      " 0.0.0.0/0 only to an internet gateway, and Lambda's network interfaces never get a public IP";
  std::string cause;
  if (!b.stated_in.empty()) {
    bool one = b.subnets.size() == 1;
    cause = std::string(one ? "its subnet, as " : "its subnets, as ") + b.stated_in +
            (b.observed            ? (one ? " shows, routes" : " shows, route")
             : b.defined_elsewhere ? (one ? " defines it, routes" : " defines them, route")
                                   : (one ? " states, routes" : " states, route")) +
            kWhy;
  } else {
    cause = b.subnets_possessive() + " " + tables_phrase(b) + (b.tables.size() > 1 ? " send" : " sends") + kWhy;
  }
  EgressWords w{cause, "public subnets do not help Lambda; " + ways_out(b), {}, {}, {}};
  soften_when_conditional(b, w);
  return w;
}

class PublicSubnetOnly : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N103",
        "public-subnet-only",
        "network",
        Severity::Error,
        "A VPC-attached function that needs egress sits in public subnets: Lambda's interfaces never get a public IP",
        "Put the function in private subnets that route 0.0.0.0/0 to a NAT gateway, or add endpoints for the services "
        "it calls"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(PublicSubnetOnly);
}  // namespace vpclint
