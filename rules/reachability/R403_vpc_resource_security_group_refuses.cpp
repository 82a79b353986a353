// R403 vpc-resource-security-group-refuses: The security groups of a VPC-only resource admit nothing from a function
// that uses it, on the resource's port
#include "cdk_fix.h"
#include "lint/text_util.h"
#include "model/ascii.h"
#include "reachability/reach_report.h"

namespace vpclint {

namespace {

// How a security group is written in a fix: `!GetAtt CacheSecurityGroup.GroupId`, `sg-0abc`, ...
std::string group_ref(const NetKey& key) {
  if (std::string_view id = key.resource_path(); !id.empty())
    return id.find('.') == std::string_view::npos ? "!GetAtt " + std::string(id) + ".GroupId"
                                                  : "!GetAtt " + std::string(id);
  if (!key.parameter().empty()) return "!Ref " + std::string(key.parameter());
  return key.label();
}

std::string rule_ports(const SgRule& rule) {
  if (rule.protocol == "-1" || rule.protocol == "all") return "all traffic";
  std::string proto = rule.protocol == "6" ? std::string("tcp") : rule.protocol;
  proto = ascii_upper(proto);
  if (rule.from == -1 && rule.to == -1) return proto + " (all ports)";
  if (rule.from == rule.to) return proto + " " + std::to_string(rule.from);
  return proto + " " + std::to_string(rule.from) + "-" + std::to_string(rule.to);
}

}  // namespace

// The CDK call that admits the function: on the resource's first group (a construct with
// `connections`), or on a group to give a resource that has none.
static std::string cdk_fix(const Template& model, const Resource& fn, const VpcResource& r) {
  std::string port = r.ports.empty() ? std::string("<port>") : std::to_string(r.ports[0]);
  std::string function = "fn the function " + cdk_construct(fn);
  std::string allow = ".connections.allowFrom(fn, ec2.Port.tcp(" + port + "))`";
  std::string l2 =
      "; a resource construct with `connections` (rds.DatabaseInstance, ...) takes "
      "`resource.connections.allowDefaultPortFrom(fn)`";
  if (r.groups.empty())
    return "in the CDK app: give " + cdk_name(model, r.resource->logical_id) +
           " a security group `sg = new ec2.SecurityGroup(this, 'Group', { vpc })` and `sg" + allow + ", with " +
           function + l2;
  std::string group(r.groups[0].resource_path());
  std::string name = group.empty() ? r.groups[0].label() : cdk_name(model, group);
  return "in the CDK app: `sg" + allow + ", with sg the security group " + name + " and " + function + l2;
}

ReachWords group_refuses_words(const Resolver& resolver, const ResourceUsage& u, const VariantReach& v) {
  const Resource& fn = *u.function->function;
  const VpcResource& r = *u.resource;
  std::string rid(r.resource->logical_id), fid(fn.logical_id);
  std::string port = port_text(r);
  NetKey fgroup = v.function_groups.empty() ? NetKey() : v.function_groups[0];
  ReachWords out;
  if (r.groups.empty()) {
    out.message = fid + " reads " + resource_text(r) + " " + how_text(u, *v.use) + ", but " + rid +
                  " has no security group of its own: it gets the default security group of " + r.vpc.label() +
                  ", which admits only its own members, and " + fid + " is not one; every connection hangs until the " +
                  timeout_text(resolver, fn) + " timeout";
    out.fix = "give " + rid + " a security group with an ingress rule IpProtocol tcp, FromPort/ToPort " +
              (r.ports.empty() ? std::string("its port") : std::to_string(r.ports[0])) + ", SourceSecurityGroupId " +
              (fgroup.empty() ? std::string("the function's security group") : group_ref(fgroup)) +
              "; or add !GetAtt " + std::string(r.vpc.resource_path()) + ".DefaultSecurityGroup to " + owner(fid) +
              " SecurityGroupIds";
  } else {
    std::vector<std::string> groups = labels(r.groups);
    std::string from = fid;
    if (!v.function_groups.empty())
      from += " (security " + plural(v.function_groups.size(), "group ", "groups ") + join(labels(v.function_groups)) +
              (v.refused_subnets.empty() ? std::string() : ", subnets " + join(v.refused_subnets)) + ")";
    out.message = fid + " reads " + resource_text(r) + " " + how_text(u, *v.use) + ", but " + owner(rid) +
                  " security " + plural(groups.size(), "group ", "groups ") + join(groups) +
                  plural(groups.size(), " admits", " admit") + " nothing on " + port + " from " + from +
                  "; every connection hangs until the " + timeout_text(resolver, fn) + " timeout";
    for (const SgRule* rule : v.near_misses)
      out.notes.push_back(
          rule->note("this rule admits " + owner(fid) + " group, but on " + rule_ports(*rule) + ", not " + port));
    for (const SgRule* rule : v.rules_on_port)
      out.notes.push_back(rule->note("this rule admits " + port + " only from " + rule_source(*rule)));
    const NetKey& g = r.groups[0];
    std::string gid(g.resource_path());
    std::string name = (gid.empty() ? std::string("Ingress") : gid) + "From" + fid;
    std::string p = r.ports.empty() ? std::string("<port>") : std::to_string(r.ports[0]);
    out.fix = "add " + name + ": {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: " + group_ref(g) +
              ", IpProtocol: tcp, FromPort: " + p + ", ToPort: " + p + ", SourceSecurityGroupId: " +
              (fgroup.empty() ? std::string("<the function's security group>") : group_ref(fgroup)) + "}}";
  }
  if (is_cdk_resource(fn)) out.fix = cdk_fix(resolver.model(), fn, r);
  if (r.groups_node) out.notes.push_back({owner(rid) + " security groups", r.groups_node->pos});
  if (v.variant) out.notes.push_back({owner(fid) + " VpcConfig", v.variant->property_key()->pos});
  other_uses_notes(u, *v.use, out.notes);
  return out;
}

namespace {

class VpcResourceSecurityGroupRefuses : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "R403",
        "vpc-resource-security-group-refuses",
        "reachability",
        Severity::Error,
        "The security groups of a VPC-only resource admit nothing from a function that uses it, on the resource's port",
        "Add an ingress rule to the resource's security group: tcp on its port from the function's security group"};
    return m;
  }
  void check(const LintContext& ctx, FindingSink& sink) const override {
    report_reach(ctx, sink, ReachProblem::GroupRefuses, group_refuses_words);
  }
};

}  // namespace
VPCLINT_REGISTER_RULE(VpcResourceSecurityGroupRefuses);
}  // namespace vpclint
