#include "network/make_known.h"

#include <string_view>

namespace vpclint {

namespace {
constexpr std::string_view kSubnetEntry = "`network: {subnets: [{id: subnet-0abc, egress: nat}]}`";

// `{{resolve:ssm:/net/subnet:2}}` -> `/net/subnet`
std::string ssm_name(std::string_view ref) {
  constexpr std::string_view kOpen = "{{resolve:ssm:";
  if (!ref.starts_with(kOpen) || !ref.ends_with("}}")) return {};
  ref = ref.substr(kOpen.size(), ref.size() - kOpen.size() - 2);
  size_t colon = ref.rfind(':');
  if (colon != std::string_view::npos && ref.find_first_not_of("0123456789", colon + 1) == std::string_view::npos)
    ref = ref.substr(0, colon);
  return std::string(ref);
}

std::string hint_for(const NetKey& k, const std::string& label, bool snapshot_read) {
  std::string id(kExampleSubnetId);
  switch (k.kind()) {
    case NetKeyKind::Literal:
      // A snapshot was read and does not hold it: only a statement can say more.
      return std::string(!snapshot_read
                             ? "take a snapshot of the account (vpclint snapshot -o snapshot/, then --snapshot "
                               "snapshot/), or "
                             : "") +
             "state the subnet in .vpclint.yaml: `network: {subnets: [{id: " + std::string(k.text()) +
             ", egress: nat}]}` (egress nat, internet-gateway or none)";
    case NetKeyKind::Parameter: {
      std::string name(k.parameter_name());
      return "give " + label + " its deploy value (samconfig.toml parameter_overrides, --parameter, or .vpclint.yaml " +
             "`parameters: {" + name + ": " + id + "}`) and state that subnet: " + std::string(kSubnetEntry);
    }
    case NetKeyKind::Import:
      return "lint the template that exports " + std::string(k.text()) +
             " in the same run (vpclint . at the repository root), or state the export in .vpclint.yaml: `imports: "
             "{" +
             std::string(k.text()) + ": " + id + "}` and " + std::string(kSubnetEntry);
    case NetKeyKind::Ssm: {
      std::string name = ssm_name(k.text());
      if (name.empty() || name.find("${") != std::string::npos) break;
      return "lint the template that defines the SSM parameter " + name +
             " in the same run, or state its value in .vpclint.yaml: `ssm: {" + name + ": " + id + "}` and " +
             std::string(kSubnetEntry);
    }
    default: break;
  }
  return "lint the templates that define " + label +
         " in the same run (vpclint . at the repository root; name stacks in .vpclint.yaml `stacks:`)";
}
}  // namespace

std::string make_known_hint(const std::vector<NetKey>& keys, const std::vector<std::string>& labels,
                            const std::vector<std::string>& not_in) {
  // One way per kind of name: the first subnet named that way stands for the rest.
  std::string out;
  std::vector<NetKeyKind> seen;
  for (size_t i = 0; i < keys.size() && i < labels.size(); ++i) {
    bool repeat = false;
    for (NetKeyKind s : seen) repeat |= s == keys[i].kind();
    if (repeat) continue;
    seen.push_back(keys[i].kind());
    out += (out.empty() ? "" : "; for ") + std::string(out.empty() ? "" : labels[i] + ", ") +
           hint_for(keys[i], labels[i], i < not_in.size() && !not_in[i].empty());
  }
  return out;
}

}  // namespace vpclint
