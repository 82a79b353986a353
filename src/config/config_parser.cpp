// parse_config: `.vpclint.yaml` through the project's own loader, so every error names the
// line and column of the node at fault. The first error stops the parse.
#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "config/config.h"
#include "config/config_keys.h"
#include "config/config_values.h"
#include "loader/loader.h"

namespace vpclint {

namespace {

constexpr std::array<std::string_view, 11> kTopKeys{"select",  "ignore",     "severity", "fail-on",
                                                    "exclude", "parameters", "ssm",      "imports",
                                                    "stacks",  "snapshot",   "network"};
constexpr std::array<std::string_view, 2> kNetworkKeys{"subnets", "endpoints"};
constexpr std::array<std::string_view, 4> kSubnetKeys{"id", "vpc", "az", "egress"};
constexpr std::array<std::string_view, 4> kEndpointKeys{"vpc", "service", "type", "private-dns"};

using namespace config_detail;

class Parser {
 public:
  Parser(const std::string& path, RuleIds rules, Config& out) : path_(path), rules_(rules), out_(out) {}

  void top(const Node* root) {
    for (const MapEntry& e : entries(root, "the top level must be a mapping; " + allowed_keys(kTopKeys))) {
      const std::string_view key = key_text(e);
      check_key(e.key, kTopKeys, "");
      if (key == "select")
        out_.select = rule_list(e.value, "select");
      else if (key == "ignore")
        out_.ignore = rule_list(e.value, "ignore");
      else if (key == "severity")
        severities(e.value);
      else if (key == "fail-on")
        out_.fail_on = severity_value(e.value, "fail-on");
      else if (key == "exclude")
        excludes(e.value);
      else if (key == "parameters")
        values(e.value, out_.parameters, "parameters", "parameter");
      else if (key == "ssm")
        values(e.value, out_.ssm, "ssm", "SSM parameter");
      else if (key == "imports")
        values(e.value, out_.imports, "imports", "export");
      else if (key == "stacks")
        stacks(e.value);
      else if (key == "snapshot")
        snapshots(e.value);
      else if (key == "network")
        network(e.value);
    }
  }

 private:
  ConfigSource source(const Node* n) const { return {path_, n->pos, {}}; }

  bool is_rule(std::string_view id) const { return std::find(rules_.begin(), rules_.end(), id) != rules_.end(); }
  bool is_rule_prefix(std::string_view text) const {
    if (text.empty()) return false;
    for (std::string_view id : rules_)
      if (id.starts_with(text)) return true;
    return false;
  }

  std::vector<std::string> rule_list(const Node* n, const std::string& name) {
    const std::string type_error = name + " must be a list of rule ids";
    if (!n->is_seq()) fail(n, type_error);
    std::vector<std::string> out;
    for (const Node* item : n->items()) {
      std::string id = scalar(item, type_error);
      if (!is_rule_prefix(id))
        fail(item, quote(id) + " in " + name + " is not a rule id or the prefix of one (see vpclint --list-rules)");
      out.push_back(std::move(id));
    }
    return out;
  }

  static Severity severity_value(const Node* n, const std::string& label) {
    const std::string expected = label + " must be error, warning or info";
    if (!n->is_scalar()) fail(n, expected);
    Severity s;
    if (!parse_severity(n->text(), s)) fail(n, expected + ", not " + quote(n->text()));
    return s;
  }

  void severities(const Node* n) {
    for (const MapEntry& e : entries(n, "severity must be a mapping of rule id to error, warning or info")) {
      const std::string_view id = key_text(e);
      if (!is_rule(id)) {
        if (is_rule_prefix(id)) fail(e.key, "severity needs a full rule id, not the prefix " + quote(id));
        fail(e.key, "unknown rule " + quote(id) + " in severity (see vpclint --list-rules)");
      }
      out_.severity[std::string(id)] = severity_value(e.value, "severity of " + quote(id));
    }
  }

  void excludes(const Node* n) {
    const std::string type_error = "exclude must be a list of globs";
    if (!n->is_seq()) fail(n, type_error);
    for (const Node* item : n->items()) {
      std::string glob = scalar(item, type_error);
      if (glob.empty()) fail(item, "empty glob in exclude");
      const bool leaves_root = glob.starts_with('/') || glob == ".." || glob.starts_with("../") ||
                               glob.find("/../") != std::string::npos || glob.ends_with("/..");
      if (leaves_root)
        fail(item, "exclude glob " + quote(glob) +
                       " must be relative to the config file's directory (no leading '/', no '..')");
      out_.exclude.push_back(std::move(glob));
    }
  }

  // parameters and ssm: name -> scalar, or a list joined with "," as CloudFormation takes lists.
  void values(const Node* n, std::map<std::string, ExternalValue, std::less<>>& out, const std::string& section,
              const std::string& what) {
    for (const MapEntry& e : entries(n, section + " must be a mapping of " + what + " name to value")) {
      const std::string_view name = key_text(e);
      if (name.empty()) fail(e.key, "empty " + what + " name");
      const std::string type_error = what + " " + quote(name) + " must be a string, number, boolean or a list of them";
      std::string value;
      if (e.value->is_seq()) {
        for (size_t i = 0; i < e.value->items().size(); ++i) {
          if (i) value += ',';
          value += scalar(e.value->items()[i], type_error);
        }
      } else {
        value = scalar(e.value, type_error);
      }
      out[std::string(name)] = ExternalValue{std::move(value), source(e.key)};
    }
  }

  // stacks: template path (relative to the config's directory) -> the stack name it is deployed as.
  void stacks(const Node* n) {
    for (const MapEntry& e : entries(n, "stacks must be a mapping of template path to stack name")) {
      const std::string_view path = key_text(e);
      if (path.empty()) fail(e.key, "empty template path in stacks");
      std::string name = scalar(e.value, "the stack name of " + quote(path) + " must be a string");
      if (name.empty()) fail(e.value, "empty stack name for " + quote(path));
      out_.stacks[std::string(path)] = ExternalValue{std::move(name), source(e.value)};
    }
  }

  // snapshot: a directory (or a list of them) of AWS CLI output, relative to the config's directory.
  void snapshots(const Node* n) {
    const std::string type_error = "snapshot must be a directory or a list of directories";
    std::vector<const Node*> items =
        n->is_seq() ? std::vector<const Node*>(n->items().begin(), n->items().end()) : std::vector<const Node*>{n};
    for (const Node* item : items) {
      std::string dir = scalar(item, type_error);
      if (dir.empty()) fail(item, "empty directory in snapshot");
      std::filesystem::path p(dir);
      if (p.is_relative()) p = std::filesystem::path(path_).parent_path() / p;
      out_.snapshots.push_back(ExternalValue{p.lexically_normal().string(), source(item)});
    }
  }

  void network(const Node* n) {
    for (const MapEntry& e : entries(n, "network must be a mapping; " + allowed_keys(kNetworkKeys))) {
      const std::string_view key = key_text(e);
      check_key(e.key, kNetworkKeys, "network");
      if (key == "subnets")
        subnets(e.value);
      else if (key == "endpoints")
        endpoints(e.value);
    }
  }

  void subnets(const Node* n) {
    const std::string type_error = "network.subnets must be a list of mappings";
    if (!n->is_seq()) fail(n, type_error);
    for (const Node* item : n->items()) {
      ExternalSubnet s;
      s.source = source(item);
      const Node* id = nullptr;
      const Node* egress = nullptr;
      for (const MapEntry& e : entries(item, type_error)) {
        const std::string_view key = key_text(e);
        check_key(e.key, kSubnetKeys, "a network.subnets item");
        if (key == "id")
          id = e.value;
        else if (key == "vpc")
          s.vpc = scalar(e.value, "subnet vpc must be a string");
        else if (key == "az")
          s.az = scalar(e.value, "subnet az must be a string");
        else if (key == "egress")
          egress = e.value;
      }
      if (!id) fail(item, "a network.subnets item needs id: a subnet id or glob");
      if (!egress) fail(item, "a network.subnets item needs egress: nat, internet-gateway, none or unknown");
      s.pattern = scalar(id, "subnet id must be a string");
      if (s.pattern.empty()) fail(id, "empty subnet id or glob");
      if (auto [it, fresh] = subnet_lines_.emplace(s.pattern, s.source.pos.line); !fresh)
        fail(id, "duplicate subnet " + quote(s.pattern) + " (first stated at line " + std::to_string(it->second) + ")");
      const std::string egress_error = "subnet egress must be nat, internet-gateway, none or unknown";
      if (!parse_egress(scalar(egress, egress_error), s.egress))
        fail(egress, egress_error + ", not " + quote(egress->text()));
      out_.subnets.push_back(std::move(s));
    }
  }

  void endpoints(const Node* n) {
    const std::string type_error = "network.endpoints must be a list of mappings";
    if (!n->is_seq()) fail(n, type_error);
    for (const Node* item : n->items()) {
      ExternalEndpoint ep;
      ep.source = source(item);
      const Node* service = nullptr;
      const Node* private_dns = nullptr;
      bool has_vpc = false;
      for (const MapEntry& e : entries(item, type_error)) {
        const std::string_view key = key_text(e);
        check_key(e.key, kEndpointKeys, "a network.endpoints item");
        if (key == "vpc") {
          ep.vpc = scalar(e.value, "endpoint vpc must be a string");
          has_vpc = true;
        } else if (key == "service") {
          service = e.value;
        } else if (key == "type") {
          const std::string type_error_text = "endpoint type must be interface or gateway";
          std::string type = scalar(e.value, type_error_text);
          if (type == "interface")
            ep.type = ExternalEndpointType::Interface;
          else if (type == "gateway")
            ep.type = ExternalEndpointType::Gateway;
          else
            fail(e.value, type_error_text + ", not " + quote(type));
        } else if (key == "private-dns") {
          private_dns = e.key;
          if (!boolean(e.value, ep.private_dns)) fail(e.value, "endpoint private-dns must be true or false");
        }
      }
      if (!has_vpc) fail(item, "a network.endpoints item needs vpc: the id of the VPC it is in");
      if (!service)
        fail(item, "a network.endpoints item needs service: lambda, s3, ... or com.amazonaws.<region>.<service>");
      ep.service = service_name(scalar(service, "endpoint service must be a string"));
      if (ep.service.empty())
        fail(service, "endpoint service " + quote(service->text()) +
                          " is not a service name: write lambda or com.amazonaws.<region>.lambda");
      if (private_dns && ep.type == ExternalEndpointType::Gateway)
        fail(private_dns, "endpoint private-dns applies only to interface endpoints");
      out_.endpoints.push_back(std::move(ep));
    }
  }

  const std::string& path_;
  RuleIds rules_;
  Config& out_;
  std::unordered_map<std::string, uint32_t> subnet_lines_;  // pattern -> line of its first entry
};

std::string config_root(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = path.empty() ? fs::current_path(ec) / "x" : fs::absolute(fs::path(path), ec);
  if (ec) absolute = fs::path(path);
  return absolute.lexically_normal().parent_path().generic_string();
}

}  // namespace

const ConfigKeys& config_keys() {
  static const ConfigKeys keys{kTopKeys, kNetworkKeys, kSubnetKeys, kEndpointKeys};
  return keys;
}

bool parse_config(const std::string& path, std::string bytes, RuleIds rules, Config& out, std::string& error) {
  Limits limits;
  limits.max_file_size = 1024 * 1024;
  limits.max_nodes = 200'000;
  Document doc = load_document(path, std::move(bytes), limits);
  auto where = [&](Position pos) {
    if (!pos) pos = {1, 1};
    return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": ";
  };
  if (const LoadIssue* issue = first_yaml_error(doc)) {
    error = where(issue->pos) + issue->message;
    return false;
  }
  Config parsed;
  parsed.path = path;
  parsed.root = config_root(path);
  if (doc.root && !doc.root->is_null()) {
    try {
      Parser(path, rules, parsed).top(doc.root);
    } catch (const Bad& bad) {
      error = where(bad.pos) + bad.message;
      return false;
    }
  }
  out = std::move(parsed);
  return true;
}

}  // namespace vpclint
