#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "config/config.h"
#include "config/config_finder.h"
#include "config/config_keys.h"
#include "config/glob.h"
#include "lint/rule.h"
#include "test_support.h"

using namespace vpclint;
namespace fs = std::filesystem;

namespace {

std::string parse_error(const std::string& yaml) {
  Config c;
  std::string error;
  CHECK_MESSAGE(!parse_config("c.yaml", yaml, rule_ids(), c, error), "accepted: " << yaml);
  return error;
}

Config parse_ok(const std::string& yaml, const std::string& path = "c.yaml") {
  Config c;
  std::string error;
  CHECK_MESSAGE(parse_config(path, yaml, rule_ids(), c, error), error);
  return c;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// A fresh directory under the system's temp directory, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("vpclint-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::set<std::string> keys_of(const nlohmann::json& object) {
  std::set<std::string> out;
  for (const auto& [k, v] : object.items()) out.insert(k);
  return out;
}
std::set<std::string> keys_of(std::span<const std::string_view> keys) { return {keys.begin(), keys.end()}; }

// The ```yaml blocks of a Markdown file.
std::vector<std::string> yaml_blocks(const std::string& markdown) {
  std::vector<std::string> out;
  static const std::regex block("```yaml\n([^`]*)```");
  for (auto it = std::sregex_iterator(markdown.begin(), markdown.end(), block); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

}  // namespace

TEST_SUITE("config") {
  TEST_CASE("every key is parsed, with the positions of its statements") {
    Config c = parse_ok(R"(select: [N, I201]
ignore: [V303]
severity: {V304: info, N102: error}
fail-on: info
exclude: ["legacy/**", "**/cdk.out/**"]
parameters: {VpcId: vpc-0123, Port: 8080, Debug: true, PrivateSubnets: [subnet-1, subnet-2]}
ssm: {/net/lambda-sg: sg-0123}
network:
  subnets:
    - id: subnet-0abc
      vpc: vpc-0123
      az: eu-west-1a
      egress: nat
    - {id: "subnet-0f*", egress: internet-gateway}
  endpoints:
    - vpc: vpc-0123
      service: com.amazonaws.eu-west-1.lambda
    - {vpc: vpc-0123, service: s3, type: gateway}
    - {vpc: vpc-0123, service: secretsmanager, type: interface, private-dns: false}
)");
    CHECK(c.path == "c.yaml");
    CHECK(c.select == std::vector<std::string>{"N", "I201"});
    CHECK(c.ignore == std::vector<std::string>{"V303"});
    CHECK(c.severity.at("V304") == Severity::Info);
    CHECK(c.severity.at("N102") == Severity::Error);
    CHECK(c.fail_on == Severity::Info);
    CHECK(c.exclude == std::vector<std::string>{"legacy/**", "**/cdk.out/**"});
    CHECK(c.parameters.at("VpcId").value == "vpc-0123");
    CHECK(c.parameters.at("Port").value == "8080");  // numbers and booleans are text
    CHECK(c.parameters.at("Debug").value == "true");
    CHECK(c.parameters.at("PrivateSubnets").value == "subnet-1,subnet-2");
    CHECK(c.parameters.at("VpcId").source.pos == Position{6, 14});
    CHECK(c.ssm.at("/net/lambda-sg").value == "sg-0123");
    CHECK(c.ssm.at("/net/lambda-sg").source.file == "c.yaml");
    REQUIRE(c.subnets.size() == 2);
    CHECK(c.subnets[0].pattern == "subnet-0abc");
    CHECK(c.subnets[0].vpc == "vpc-0123");
    CHECK(c.subnets[0].az == "eu-west-1a");
    CHECK(c.subnets[0].egress == SubnetEgress::Nat);
    CHECK(c.subnets[0].source.pos == Position{10, 7});
    CHECK(c.subnets[1].egress == SubnetEgress::InternetGateway);
    CHECK(c.subnets[1].vpc.empty());
    REQUIRE(c.endpoints.size() == 3);
    CHECK(c.endpoints[0].service == "lambda");
    CHECK(c.endpoints[0].type == ExternalEndpointType::Interface);
    CHECK(c.endpoints[0].private_dns);
    CHECK(c.endpoints[1].service == "s3");
    CHECK(c.endpoints[1].type == ExternalEndpointType::Gateway);
    CHECK_FALSE(c.endpoints[2].private_dns);
    CHECK(subnet_egress_name(SubnetEgress::InternetGateway) == "internet-gateway");
  }

  TEST_CASE("empty files, comments only and a null document are the defaults") {
    for (const char* text : {"", "# nothing yet\n\n# really\n", "---\n", "~\n"}) {
      Config c = parse_ok(text, "/repo/sub/.vpclint.yaml");
      CHECK(c.path == "/repo/sub/.vpclint.yaml");
      CHECK(c.root == "/repo/sub");
      CHECK(c.select.empty());
      CHECK_FALSE(c.fail_on);
    }
  }

  TEST_CASE("a one-key mapping named like an intrinsic is still a mapping") {
    Config c = parse_ok("parameters: {Condition: prod}\nssm:\n  Ref: x\n");
    CHECK(c.parameters.at("Condition").value == "prod");
    CHECK(c.ssm.at("Ref").value == "x");
  }

  TEST_CASE("errors name the file, line and column of the node at fault") {
    const std::string top_keys =
        "allowed keys: select, ignore, severity, fail-on, exclude, parameters, ssm, imports, stacks, snapshot, network";
    const std::pair<const char*, std::string> cases[] = {
        {"select: [N\n", "c.yaml:2:1: YAML syntax error: end of sequence flow not found"},
        {"fail-on: error\nfail-on: info\n",
         "c.yaml:2:1: duplicate key 'fail-on' (first defined at line 1); the last one silently wins"},
        {"fail-on: !foo error\n", "c.yaml:1:10: unknown tag '!foo'"},
        {"- select\n", "c.yaml:1:1: the top level must be a mapping; " + top_keys},
        {"fail_on: error\n", "c.yaml:1:1: unknown key 'fail_on' (did you mean 'fail-on'?); " + top_keys},
        {"rules: []\n", "c.yaml:1:1: unknown key 'rules'; " + top_keys},
        {"? [a]\n: b\n", "c.yaml:1:3: keys must be strings"},
        {"select: N\n", "c.yaml:1:9: select must be a list of rule ids"},
        {"select: [[N]]\n", "c.yaml:1:10: select must be a list of rule ids"},
        {"select: [X9]\n",
         "c.yaml:1:10: 'X9' in select is not a rule id or the prefix of one (see vpclint --list-rules)"},
        {"ignore: [N, n101]\n",
         "c.yaml:1:13: 'n101' in ignore is not a rule id or the prefix of one (see vpclint --list-rules)"},
        {"severity: [V303]\n", "c.yaml:1:11: severity must be a mapping of rule id to error, warning or info"},
        {"severity: {N1: info}\n", "c.yaml:1:12: severity needs a full rule id, not the prefix 'N1'"},
        {"severity: {X999: info}\n", "c.yaml:1:12: unknown rule 'X999' in severity (see vpclint --list-rules)"},
        {"severity: {V303: low}\n", "c.yaml:1:18: severity of 'V303' must be error, warning or info, not 'low'"},
        {"fail-on: warn\n", "c.yaml:1:10: fail-on must be error, warning or info, not 'warn'"},
        {"fail-on: !Ref Level\n", "c.yaml:1:10: fail-on must be error, warning or info"},
        {"exclude: legacy/**\n", "c.yaml:1:10: exclude must be a list of globs"},
        {"exclude: ['']\n", "c.yaml:1:11: empty glob in exclude"},
        {"exclude: [/abs/**]\n",
         "c.yaml:1:11: exclude glob '/abs/**' must be relative to the config file's directory (no leading '/', no "
         "'..')"},
        {"parameters: [a]\n", "c.yaml:1:13: parameters must be a mapping of parameter name to value"},
        {"parameters:\n  Port: {a: 1}\n",
         "c.yaml:2:9: parameter 'Port' must be a string, number, boolean or a list of them"},
        {"parameters:\n  Port:\n", "c.yaml:2:3: parameter 'Port' must be a string, number, boolean or a list of them"},
        {"ssm: {/x: [a, [b]]}\n",
         "c.yaml:1:15: SSM parameter '/x' must be a string, number, boolean or a list of them"},
        {"network: []\n", "c.yaml:1:10: network must be a mapping; allowed keys: subnets, endpoints"},
        {"network: {subnet: []}\n",
         "c.yaml:1:11: unknown key 'subnet' in network (did you mean 'subnets'?); allowed keys: subnets, endpoints"},
        {"network: {subnets: {id: a}}\n", "c.yaml:1:20: network.subnets must be a list of mappings"},
        {"network:\n  subnets:\n    - {id: subnet-1, egres: nat}\n",
         "c.yaml:3:22: unknown key 'egres' in a network.subnets item (did you mean 'egress'?); allowed keys: id, vpc, "
         "az, egress"},
        {"network:\n  subnets:\n    - id: subnet-1\n",
         "c.yaml:3:7: a network.subnets item needs egress: nat, internet-gateway, none or unknown"},
        {"network:\n  subnets:\n    - egress: nat\n",
         "c.yaml:3:7: a network.subnets item needs id: a subnet id or glob"},
        {"network:\n  subnets:\n    - {id: subnet-1, egress: natgw}\n",
         "c.yaml:3:30: subnet egress must be nat, internet-gateway, none or unknown, not 'natgw'"},
        {"network:\n  subnets:\n    - {id: '', egress: nat}\n", "c.yaml:3:12: empty subnet id or glob"},
        {"network:\n  subnets:\n    - {id: subnet-1, vpc: [v], egress: nat}\n",
         "c.yaml:3:27: subnet vpc must be a string"},
        {"network:\n  subnets:\n    - {id: subnet-1, egress: nat}\n    - {id: subnet-1, egress: none}\n",
         "c.yaml:4:12: duplicate subnet 'subnet-1' (first stated at line 3)"},
        {"network:\n  endpoints:\n    - {vpc: v, service: lambda, type: gw}\n",
         "c.yaml:3:39: endpoint type must be interface or gateway, not 'gw'"},
        {"network:\n  endpoints:\n    - {vpc: v, service: lambda, private-dns: yes}\n",
         "c.yaml:3:46: endpoint private-dns must be true or false"},
        {"network:\n  endpoints:\n    - {vpc: v, service: s3, type: gateway, private-dns: false}\n",
         "c.yaml:3:44: endpoint private-dns applies only to interface endpoints"},
        {"network:\n  endpoints:\n    - {service: lambda}\n",
         "c.yaml:3:7: a network.endpoints item needs vpc: the id of the VPC it is in"},
        {"network:\n  endpoints:\n    - {vpc: v}\n",
         "c.yaml:3:7: a network.endpoints item needs service: lambda, s3, ... or com.amazonaws.<region>.<service>"},
        {"network:\n  endpoints:\n    - {vpc: v, service: Lambda!}\n",
         "c.yaml:3:25: endpoint service 'Lambda!' is not a service name: write lambda or "
         "com.amazonaws.<region>.lambda"},
    };
    for (const auto& item : cases) {
      const auto& [yaml, expected] = item;
      CAPTURE(item.first);  // clang 14 cannot capture a structured binding
      CHECK(parse_error(yaml) == expected);
    }
  }

  TEST_CASE("glob: segments, stars, question marks") {
    CHECK(glob_match("*.yaml", "t.yaml"));
    CHECK_FALSE(glob_match("*.yaml", "a/t.yaml"));  // '*' stays within a segment
    CHECK(glob_match("**/*.yaml", "t.yaml"));       // '**' may be no segment at all
    CHECK(glob_match("**/*.yaml", "a/b/t.yaml"));
    CHECK(glob_match("a/**/b", "a/b"));
    CHECK(glob_match("a/**/b", "a/x/y/b"));
    CHECK_FALSE(glob_match("a/**/b", "a/x/y/bc"));
    CHECK(glob_match("a/**", "a/x/y"));
    CHECK(glob_match("a/**", "a"));
    CHECK_FALSE(glob_match("a/**", "ab/x"));
    CHECK(glob_match("**", "any/depth/at/all"));
    CHECK(glob_match("**/cdk.out/**", "app/cdk.out/x.json"));
    CHECK(glob_match("a**b", "axxb"));  // "**" inside a segment is one star
    CHECK_FALSE(glob_match("a**b", "ax/xb"));
    CHECK(glob_match("?.yaml", "é.yaml"));  // one character, not one byte
    CHECK_FALSE(glob_match("??.yaml", "é.yaml"));
    CHECK(glob_match("*é?", "aéb"));
    CHECK_FALSE(glob_match("?", "/"));
    CHECK(glob_match("./a//b/", "a/b"));
    CHECK_FALSE(glob_match("*.YAML", "t.yaml"));  // case-sensitive
    CHECK(glob_match("subnet-0a*", "subnet-0abc"));
    CHECK_FALSE(glob_match("subnet-0a*", "subnet-0b12"));
    CHECK(glob_match("subnet-??", "subnet-ab"));
    CHECK_FALSE(glob_match("subnet-?", "subnet-ab"));
    CHECK(glob_match("*a*b", "xayb"));
    CHECK_FALSE(glob_match("*a*b", "xaybz"));
    CHECK(has_glob_chars("subnet-0a*"));
    CHECK_FALSE(has_glob_chars("subnet-0abc"));
  }

  // Exponential backtracking would never finish these: ctest's per-suite timeout is the hang
  // guard, and bench/ measures speed.
  TEST_CASE("glob: hostile patterns stay linear-ish") {
    const std::string many_a(200'000, 'a');
    CHECK_FALSE(glob_match("*a*a*a*a*a*a*b", many_a));
    CHECK(glob_match("*a*a*a*a*a*a*b", many_a + "b"));
    std::string deep;
    for (int i = 0; i < 5'000; ++i) deep += "a/";
    CHECK_FALSE(glob_match("**/a/**/a/**/a/**/a/**/b", deep + "a"));
    CHECK(glob_match("**/a/**/a/**/a/**/a/**/b", deep + "b"));
  }

  TEST_CASE("excluded: paths relative to the config's directory") {
    Config c = parse_ok("exclude: [legacy/**, '**/cdk.out/**', 'stacks/*-old.yaml', gen]\n", "/repo/.vpclint.yaml");
    CHECK(c.excluded("/repo/legacy/a/t.yaml"));
    CHECK(c.excluded("/repo/app/cdk.out/x.json"));
    CHECK(c.excluded("/repo/cdk.out/x.json"));
    CHECK(c.excluded("/repo/stacks/a-old.yaml"));
    CHECK_FALSE(c.excluded("/repo/stacks/sub/a-old.yaml"));
    CHECK(c.excluded("/repo/gen/deep/t.yaml"));  // a glob that matches a directory covers its files
    CHECK_FALSE(c.excluded("/repo/app/t.yaml"));
    CHECK_FALSE(c.excluded("/repo/generated/t.yaml"));
    CHECK(c.excluded("/repo/./legacy/t.yaml"));
    CHECK(c.excluded("/repo/app/../legacy/t.yaml"));
    CHECK_FALSE(c.excluded("/other/legacy/t.yaml"));  // outside the root
    CHECK_FALSE(c.excluded("/repo"));
    CHECK_FALSE(c.excluded("-"));

    Config here = parse_ok("exclude: [legacy/**]\n", "c.yaml");  // root: the current directory
    CHECK(here.excluded("legacy/t.yaml"));
    CHECK(here.excluded("./legacy/t.yaml"));
    CHECK(here.excluded((fs::current_path() / "legacy/t.yaml").string()));
    CHECK_FALSE(here.excluded("../legacy/t.yaml"));
    CHECK_FALSE(Config{}.excluded("legacy/t.yaml"));
  }

  TEST_CASE("rules, severities, subnets and endpoints") {
    Config c = parse_ok(R"(select: [N, I201]
ignore: [N104]
severity: {N102: warning}
network:
  subnets:
    - {id: "subnet-0*", egress: nat}
    - {id: subnet-0abc, egress: none}
    - {id: "subnet-0a*", egress: internet-gateway}
    - {id: "subnet-0a?c", egress: unknown}
  endpoints:
    - {vpc: vpc-1, service: lambda}
    - {vpc: vpc-2, service: s3, type: gateway}
    - {vpc: vpc-1, service: sqs}
)");
    CHECK(c.rule_enabled("N101"));
    CHECK_FALSE(c.rule_enabled("N104"));
    CHECK(c.rule_enabled("I201"));
    CHECK_FALSE(c.rule_enabled("I202"));
    CHECK_FALSE(c.rule_enabled("V303"));
    CHECK(Config{}.rule_enabled("V303"));
    CHECK_FALSE(parse_ok("ignore: [V]\n").rule_enabled("V303"));
    CHECK(c.severity_of("N102", Severity::Error) == Severity::Warning);
    CHECK(c.severity_of("N101", Severity::Error) == Severity::Error);

    REQUIRE(c.subnet("subnet-0abc"));
    CHECK(c.subnet("subnet-0abc")->egress == SubnetEgress::None);  // exact before an earlier glob
    CHECK(c.subnet("subnet-0abd")->egress == SubnetEgress::Nat);   // the first glob in file order
    CHECK(c.subnet("subnet-1") == nullptr);
    auto in_vpc1 = c.endpoints_in("vpc-1");
    REQUIRE(in_vpc1.size() == 2);
    CHECK(in_vpc1[0]->service == "lambda");
    CHECK(in_vpc1[1]->service == "sqs");
    CHECK(c.endpoints_in("vpc-3").empty());
  }

  TEST_CASE("finder: nearest config up to the repository root") {
    TempDir tmp;
    const fs::path outer = tmp.path / "outer";
    const fs::path repo = outer / "repo";
    write_text(outer / ".vpclint.yaml", "fail-on: info\n");  // above the repository: never used
    fs::create_directories(repo / ".git");
    write_text(repo / "a/b/t.yaml", "");
    std::string error;
    {
      ConfigFinder finder(rule_ids());
      const Config* c = finder.for_file((repo / "a/b/t.yaml").string(), error);
      REQUIRE(c);
      CHECK(c->path.empty());  // the built-in defaults
    }
    write_text(repo / ".vpclint.yaml", "fail-on: error\n");
    write_text(repo / "a/.vpclint.yaml", "fail-on: warning\n");
    write_text(repo / "bad/.vpclint.yaml", "fail-on: sometimes\n");
    ConfigFinder finder(rule_ids());
    const Config* nearest = finder.for_file((repo / "a/b/t.yaml").string(), error);
    REQUIRE(nearest);
    CHECK(nearest->path == (repo / "a/.vpclint.yaml").generic_string());
    CHECK(nearest->fail_on == Severity::Warning);
    const Config* top = finder.for_file((repo / "x/t.yaml").string(), error);
    REQUIRE(top);
    CHECK(top->fail_on == Severity::Error);
    CHECK(finder.for_file((repo / "bad/t.yaml").string(), error) == nullptr);
    CHECK(error == (repo / "bad/.vpclint.yaml").generic_string() +
                       ":1:10: fail-on must be error, warning or info, not 'sometimes'");

    // Cached: neither a changed config nor a new one in a directory already seen is read again.
    write_text(repo / "a/.vpclint.yaml", "fail-on: info\n");
    write_text(repo / "a/b/.vpclint.yaml", "fail-on: info\n");
    CHECK(finder.for_file((repo / "a/b/other.yaml").string(), error) == nearest);
    CHECK(nearest->fail_on == Severity::Warning);
  }

  TEST_CASE("finder: a .git file also marks the root; no repository walks to the file-system root") {
    TempDir tmp;
    write_text(tmp.path / "wt/.git", "gitdir: /elsewhere\n");  // a worktree or submodule
    write_text(tmp.path / ".vpclint.yaml", "fail-on: info\n");
    std::string error;
    ConfigFinder finder(rule_ids());
    const Config* c = finder.for_file((tmp.path / "wt/t.yaml").string(), error);
    REQUIRE(c);
    CHECK(c->path.empty());
    const Config* above = finder.for_file((tmp.path / "plain/deeper/t.yaml").string(), error);
    REQUIRE(above);
    CHECK(above->fail_on == Severity::Info);
  }

  TEST_CASE("finder: an explicit file serves every template; stdin searches from the current directory") {
    TempDir tmp;
    write_text(tmp.path / "repo/.git/HEAD", "");
    write_text(tmp.path / "repo/.vpclint.yaml", "fail-on: error\n");
    write_text(tmp.path / "ci.yaml", "fail-on: info\n");
    std::string error;
    ConfigFinder explicit_finder(rule_ids(), (tmp.path / "ci.yaml").string());
    const Config* a = explicit_finder.for_file((tmp.path / "repo/t.yaml").string(), error);
    REQUIRE(a);
    CHECK(a->fail_on == Severity::Info);
    CHECK(explicit_finder.for_file("-", error) == a);

    const std::string missing = (tmp.path / "missing.yaml").string();
    ConfigFinder broken(rule_ids(), missing);
    CHECK(broken.for_file((tmp.path / "repo/t.yaml").string(), error) == nullptr);
    CHECK(error == missing + ": cannot read the config file: No such file or directory");

    const fs::path previous = fs::current_path();
    fs::current_path(tmp.path / "repo");
    ConfigFinder stdin_finder(rule_ids());
    const Config* s = stdin_finder.for_file("-", error);
    const Config* relative = stdin_finder.for_file("sub/t.yaml", error);
    fs::current_path(previous);
    REQUIRE(s);
    CHECK(s->path == ".vpclint.yaml");  // shown relative to the current directory
    CHECK(s->fail_on == Severity::Error);
    CHECK(relative == s);
  }

  TEST_CASE("the schema is valid JSON and accepts exactly the parser's keys") {
    const nlohmann::json schema = nlohmann::json::parse(read_text(test::source_dir() + "/schema/vpclint.schema.json"));
    CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    const auto& keys = config_keys();
    const auto& network = schema.at("properties").at("network");
    const auto& subnet = schema.at("$defs").at("subnet");
    const auto& endpoint = schema.at("$defs").at("endpoint");
    CHECK(keys_of(schema.at("properties")) == keys_of(keys.top));
    CHECK(keys_of(network.at("properties")) == keys_of(keys.network));
    CHECK(keys_of(subnet.at("properties")) == keys_of(keys.subnet));
    CHECK(keys_of(endpoint.at("properties")) == keys_of(keys.endpoint));
    CHECK(network.at("properties").at("subnets").at("items").at("$ref") == "#/$defs/subnet");
    CHECK(network.at("properties").at("endpoints").at("items").at("$ref") == "#/$defs/endpoint");
    for (const auto* object : {&schema, &network, &subnet, &endpoint})
      CHECK(object->at("additionalProperties") == false);
    CHECK(subnet.at("required") == nlohmann::json{"id", "egress"});
    CHECK(endpoint.at("required") == nlohmann::json{"vpc", "service"});
    CHECK(subnet.at("properties").at("egress").at("enum") ==
          nlohmann::json{"nat", "internet-gateway", "none", "unknown"});
    CHECK(schema.at("$defs").at("severity").at("enum") == nlohmann::json{"error", "warning", "info"});
    // Every registered id fits the schema's patterns.
    const std::regex prefix(schema.at("$defs").at("rulePrefix").at("pattern").get<std::string>());
    const std::regex id(schema.at("$defs").at("ruleId").at("pattern").get<std::string>());
    for (const auto& rule : all_rules()) {
      const std::string rid(rule->meta().id);
      CHECK(std::regex_search(rid, prefix));
      CHECK(std::regex_search(rid, id));
      CHECK(std::regex_search(rid.substr(0, 1), prefix));
    }
  }

  TEST_CASE("the docs cover every key and their examples parse") {
    const std::string docs = read_text(test::source_dir() + "/docs/configuration.md");
    for (std::string_view key : config_keys().top)
      if (key != "network") CHECK_MESSAGE(docs.find("### `" + std::string(key) + "`") != std::string::npos, key);
    for (std::string_view key : config_keys().network)
      CHECK(docs.find("### `network." + std::string(key) + "`") != std::string::npos);
    for (auto keys : {config_keys().subnet, config_keys().endpoint})
      for (std::string_view key : keys) CHECK(docs.find("| `" + std::string(key) + "` |") != std::string::npos);
    const auto blocks = yaml_blocks(docs);
    CHECK(blocks.size() >= 10);
    for (const auto& block : blocks) parse_ok(block, "docs.yaml");
  }

  TEST_CASE("the docs' examples validate against the schema (python3-jsonschema)") {
    // Debian's python3-jsonschema serves /usr/bin/python3, which need not be the python3 on PATH.
    std::string python;
    for (const char* candidate : {"python3", "/usr/bin/python3"})
      if (python.empty() && test::run(std::string(candidate) + " -c 'import jsonschema, yaml'").exit_code == 0)
        python = candidate;
    if (python.empty()) {
      MESSAGE("skipped: no python3 with jsonschema and yaml (Debian: python3-jsonschema)");
      return;
    }
    TempDir tmp;
    write_text(tmp.path / "check.py", R"(import json, re, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for block in re.findall(r"```yaml\n(.*?)```", open(sys.argv[2]).read(), re.S):
    for e in v.iter_errors(yaml.safe_load(block)):
        print("docs example fails the schema:", e.message); bad += 1
for text in ["select: [n1]", "fail-on: warn", "bogus: 1", "exclude: [/x]", "network: {subnets: [{id: s}]}",
             "network: {endpoints: [{vpc: v, service: s3, type: gateway, private-dns: true}]}"]:
    if not list(v.iter_errors(yaml.safe_load(text))):
        print("schema accepts", text); bad += 1
sys.exit(1 if bad else 0)
)");
    auto r = test::run(python + " " + (tmp.path / "check.py").string() + " " + test::source_dir() +
                       "/schema/vpclint.schema.json " + test::source_dir() + "/docs/configuration.md");
    CHECK_MESSAGE(r.exit_code == 0, r.out << r.err);
  }
}
