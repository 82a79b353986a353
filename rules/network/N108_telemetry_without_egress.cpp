// N108 telemetry-without-egress: A VPC-attached function runs the Lambda Insights extension but its subnets have no
// way to CloudWatch Logs: the telemetry is lost
#include "cdk_fix.h"
#include "lint/text_util.h"
#include "network/egress_report.h"

namespace vpclint {
namespace {

// The one cause of the blocked path, worded as the other N1xx rules word it.
std::string cause_of(const BlockedEgress& b) {
  switch (b.first().blocker) {
    case Blocker::PublicOnly:
      return b.subnets_possessive() + " " + tables_phrase(b) + (b.tables.size() > 1 ? " send" : " sends") +
             " 0.0.0.0/0 only to an internet gateway, and Lambda's network interfaces never get a public IP";
    case Blocker::EndpointDnsOff:
      return "its only way out is a CloudWatch Logs interface endpoint whose private DNS is off";
    case Blocker::EndpointSgBlocks:
      return "its only way out is a CloudWatch Logs interface endpoint whose security groups do not admit TCP 443 from "
             "the function";
    case Blocker::FunctionEgressBlocks: return "its security groups allow no TCP 443 towards the way out";
    default: return no_route_cause(b);
  }
}

EgressWords words(const BlockedEgress& b) {
  std::string vpc = b.vpc().empty() ? "the function's VPC" : b.vpc().label();
  std::string fix =
      is_cdk_function(b)
          ? "in the CDK app: 1) " + cdk_interface_endpoint("logs") + "; 2) " + std::string(kCdkNatSubnets) +
                "; 3) drop `insightsVersion` if the telemetry is not wanted"
          : "1) add an interface endpoint (ServiceName !Sub com.amazonaws.${AWS::Region}.logs, VpcEndpointType "
            "Interface, PrivateDnsEnabled true, a security group admitting TCP 443 from " +
                function_groups_text(b) + ") in " + vpc + "; 2) route 0.0.0.0/0 from " +
                (b.tables.empty() ? std::string("the subnets' route table") : join(b.tables)) +
                " to a NAT gateway in a public subnet; 3) remove the Lambda Insights layer and policy if the "
                "telemetry is not wanted";
  EgressWords w{cause_of(b), fix, {}, {}, {}};
  w.consequence =
      "fail and Lambda Insights loses its telemetry (the handler itself does not hang; its own logs still "
      "arrive)";
  soften_when_conditional(b, w);
  return w;
}

class TelemetryWithoutEgress : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N108",
        "telemetry-without-egress",
        "network",
        Severity::Warning,
        "A VPC-attached function runs the Lambda Insights extension but its subnets have no way to CloudWatch Logs: "
        "the telemetry is lost",
        "Add a CloudWatch Logs (logs) interface endpoint with private DNS, or a NAT gateway route, or remove Lambda "
        "Insights"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(TelemetryWithoutEgress);
}  // namespace vpclint
