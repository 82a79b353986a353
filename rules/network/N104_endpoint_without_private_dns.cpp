// N104 endpoint-without-private-dns: The only path is an interface endpoint whose private DNS is off, or the VPC lacks
// DNS support/hostnames
#include "lint/text_util.h"
#include "network/egress_report.h"

namespace vpclint {
namespace {

// The endpoint exists but the SDK never uses it: private DNS (or the VPC's DNS) is the fix.
EgressWords words(const BlockedEgress& b) {
  std::string vpc = b.vpc().empty() ? "the function's VPC" : b.vpc().label();
  const NetEndpoint* e = b.endpoint();
  std::string endpoint = e && e->resource ? "interface endpoint " + std::string(e->resource->logical_id)
                                          : std::string("an interface endpoint");
  const VpcDnsOff& dns = b.first().dns_off;
  EgressWords w;
  if (dns.any() && b.stated_in.empty()) {
    // The endpoint asks for private DNS; the template's VPC attributes keep it from applying.
    std::vector<std::string> attrs, sets;
    if (dns.support_off) attrs.push_back("EnableDnsSupport false");
    if (dns.hostnames_off) attrs.push_back("EnableDnsHostnames false (the default)");
    if (dns.support_off) sets.push_back("EnableDnsSupport: true");
    if (dns.hostnames_off) sets.push_back("EnableDnsHostnames: true");
    w.cause = vpc + " has " + join(attrs, " and ") + ", so the private DNS of " + endpoint +
              " does not apply and the SDK resolves the public name";
    w.fix = "set " + join(sets, " and ") + " on " + vpc + " (private DNS of an interface endpoint needs both VPC " +
            "attributes true)";
  } else if (dns.any()) {
    // A VPC outside the template (an account's): its attributes, as the snapshot shows them.
    std::vector<std::string> attrs;
    if (dns.support_off) attrs.push_back("enableDnsSupport");
    if (dns.hostnames_off) attrs.push_back("enableDnsHostnames");
    w.cause = vpc + " has " + join(attrs, " and ") + " off, as " + b.stated_in +
              " shows, so the private DNS of its endpoint for " + b.service() +
              " does not apply and the SDK resolves the public name";
    w.fix = "turn on " + join(attrs, " and ") + " of " + vpc + " (aws ec2 modify-vpc-attribute, or " +
            (dns.support_off ? "EnableDnsSupport" : "EnableDnsHostnames") +
            ": true in the template that defines it); private DNS of an interface endpoint needs both VPC attributes";
  } else {
    w.cause = "its only way out is " + endpoint + ", whose private DNS is off, so the SDK resolves the public name";
    w.fix = "set PrivateDnsEnabled: true on " +
            (e && e->resource ? std::string(e->resource->logical_id) : "the endpoint") +
            " (with EnableDnsSupport and EnableDnsHostnames true on " + vpc +
            "), or call the endpoint's own DNS name from the code";
  }
  soften_when_conditional(b, w);
  return w;
}

class EndpointWithoutPrivateDns : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "N104",
        "endpoint-without-private-dns",
        "network",
        Severity::Error,
        "The only path is an interface endpoint whose private DNS is off, or the VPC lacks DNS support/hostnames",
        "Set PrivateDnsEnabled: true on the endpoint and EnableDnsSupport/EnableDnsHostnames on the VPC"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_blocked_egress(ctx, sink, meta().id, words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(EndpointWithoutPrivateDns);
}  // namespace vpclint
