// Deploy-time parameter values: SAM CLI's samconfig (TOML, YAML) and CloudFormation parameter files,
// each value with the file, line and column it is set at.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "config/deploy_values.h"
#include "test_support.h"

using namespace vpclint;
using vpclint::test::Workspace;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs pairs_ok(std::string_view text) {
  Pairs out;
  std::string error;
  CHECK_MESSAGE(parse_parameter_overrides(text, out, error), error);
  return out;
}

std::string pairs_error(std::string_view text) {
  Pairs out;
  std::string error;
  CHECK_MESSAGE(!parse_parameter_overrides(text, out, error), "accepted: " << text);
  return error;
}

DeployValues samconfig_ok(const std::string& path, std::string_view env = "default") {
  DeployValues v;
  std::string error;
  CHECK_MESSAGE(read_samconfig(path, env, v, error), error);
  return v;
}

std::string samconfig_error(const std::string& path, std::string_view env = "default") {
  DeployValues v;
  std::string error;
  CHECK_MESSAGE(!read_samconfig(path, env, v, error), "accepted: " << path);
  return error;
}

DeployValues parameter_file_ok(const std::string& path) {
  DeployValues v;
  std::string error;
  CHECK_MESSAGE(read_parameter_file(path, v, error), error);
  return v;
}

std::string parameter_file_error(const std::string& path) {
  DeployValues v;
  std::string error;
  CHECK_MESSAGE(!read_parameter_file(path, v, error), "accepted: " << path);
  return error;
}

// "Name=value@file:line:col" for each parameter, in name order: value and provenance in one check.
std::vector<std::string> described(const DeployValues& v) {
  std::vector<std::string> out;
  for (const auto& [name, value] : v.parameters)
    out.push_back(name + "=" + value.value + "@" + value.source.file + ":" + std::to_string(value.source.pos.line) +
                  ":" + std::to_string(value.source.pos.column));
  return out;
}

}  // namespace

TEST_SUITE("deploy-values") {
  TEST_CASE("the string form: Key=Value pairs, quotes and escapes as SAM CLI reads them") {
    CHECK(pairs_ok("KeyPairName=MyKey InstanceType=t1.micro") ==
          Pairs{{"KeyPairName", "MyKey"}, {"InstanceType", "t1.micro"}});
    CHECK(pairs_ok(R"(A="a b" B='c d' C=e\ f)") == Pairs{{"A", "a b"}, {"B", "c d"}, {"C", "e f"}});
    CHECK(pairs_ok(R"(A="x\"y" B='it\'s')") == Pairs{{"A", "x\"y"}, {"B", "it's"}});
    CHECK(pairs_ok(R"(Cfg="{\"a\":\"b\"}")") == Pairs{{"Cfg", R"({"a":"b"})"}});
    // A list parameter's value is one comma-separated value, spaces and all.
    CHECK(pairs_ok(R"(Subnets="subnet-a, subnet-b" Vpc=vpc-1)") ==
          Pairs{{"Subnets", "subnet-a, subnet-b"}, {"Vpc", "vpc-1"}});
    // Quoted keys lose their quotes; a later pair wins.
    CHECK(pairs_ok(R"("A"=1 A=2)") == Pairs{{"A", "2"}});
    CHECK(pairs_ok("  A=1   B=2\t ") == Pairs{{"A", "1"}, {"B", "2"}});
    CHECK(pairs_ok("").empty());
  }

  TEST_CASE("the string form keeps SAM CLI's quirks: skipped text, commas, the legacy form first") {
    // What matches no pair is skipped, not an error.
    CHECK(pairs_ok("A=1 garbage B=2") == Pairs{{"A", "1"}, {"B", "2"}});
    // A comma is part of a value.
    CHECK(pairs_ok("KeyPairName=MyKey, InstanceType=t1.micro,") ==
          Pairs{{"KeyPairName", "MyKey,"}, {"InstanceType", "t1.micro,"}});
    // An unquoted value stops at a double quote.
    CHECK(pairs_ok(R"(A=x"y B=2)") == Pairs{{"A", "x"}, {"B", "2"}});
    CHECK(pairs_ok("ParameterKey=K,ParameterValue=V ParameterKey=L,ParameterValue='w x'") ==
          Pairs{{"K", "V"}, {"L", "w x"}});
    // Once the legacy form matches, the other pairs of the string are not read.
    CHECK(pairs_ok("ParameterKey=A,ParameterValue=1 B=2") == Pairs{{"A", "1"}});
    // An empty legacy value does not match it; the short form then reads the whole rest as a value.
    CHECK(pairs_ok("ParameterKey=Key,ParameterValue=") == Pairs{{"ParameterKey", "Key,ParameterValue="}});
    CHECK(pairs_ok(R"(ParameterKey="Ke y",ParameterValue=Value)") == Pairs{{"ParameterKey", "Ke y"}});
  }

  TEST_CASE("a string in which no pair matches is an error") {
    const std::string help = " is not Key=Value pairs nor ParameterKey=Key,ParameterValue=Value";
    CHECK(pairs_error("some string") == "'some string'" + help);
    CHECK(pairs_error(",,") == "',,'" + help);
    CHECK(pairs_error("ParameterKey:Key,ParameterValue:Value") == "'ParameterKey:Key,ParameterValue:Value'" + help);
    CHECK(pairs_error("   ") == "'   '" + help);  // only "" itself means "no overrides"
    CHECK(pairs_error(R"(A="unterminated)") == R"('A="unterminated')" + help);
  }

  TEST_CASE("samconfig.toml as sam deploy --guided writes it: each key placed inside the string") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.toml", R"(version = 0.1
[default.deploy.parameters]
stack_name = "orders"
parameter_overrides = "Stage=\"prod\" Subnets=\"subnet-a,subnet-b\" Vpc=vpc-1"
)");
    const DeployValues v = samconfig_ok(path);
    CHECK(v.file == path);
    CHECK(v.env_found);
    CHECK(v.stack_name == "orders");
    CHECK(v.stack_name_source.file == path);
    CHECK(v.stack_name_source.pos == Position{3, 1});
    // The string opens at column 23; escapes before a key still count as written.
    CHECK(described(v) == std::vector<std::string>{"Stage=prod@" + path + ":4:24",
                                                   "Subnets=subnet-a,subnet-b@" + path + ":4:39",
                                                   "Vpc=vpc-1@" + path + ":4:69"});
  }

  TEST_CASE("samconfig.toml: a mapping, lists joined with commas, numbers and booleans as Python writes them") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.toml", R"(version = 0.1
[default.deploy.parameters.parameter_overrides]
Subnets = ["subnet-a", " subnet-b ", ""]
Debug = true
Memory = 512
Ratio = 1.50
Big = 1e16
'Quoted' = "'x'"
)");
    CHECK(described(samconfig_ok(path)) == std::vector<std::string>{
                                               "Big=1e+16@" + path + ":7:1",
                                               "Debug=True@" + path + ":4:1",
                                               "Memory=512@" + path + ":5:1",
                                               "Quoted=x@" + path + ":8:1",
                                               "Ratio=1.5@" + path + ":6:1",
                                               "Subnets=subnet-a,subnet-b@" + path + ":3:1",
                                           });
  }

  TEST_CASE("numbers are spelled as Python's str() spells them, which is what SAM CLI passes") {
    Workspace ws("deploy-values");
    const std::string toml = ws.write("samconfig.toml", R"(version = 0.1
[default.deploy.parameters.parameter_overrides]
A = 0.0001
B = 1e-5
C = 1e15
D = 1e16
E = -0.0
F = 123456789012345678.0
G = 100.0
H = inf
I = -inf
J = nan
K = 0x2A
L = 1_000
)");
    std::vector<std::string> values;
    for (const auto& [name, value] : samconfig_ok(toml).parameters) values.push_back(name + "=" + value.value);
    CHECK(values == std::vector<std::string>{"A=0.0001", "B=1e-05", "C=1000000000000000.0", "D=1e+16", "E=-0.0",
                                             "F=1.2345678901234568e+17", "G=100.0", "H=inf", "I=-inf", "J=nan", "K=42",
                                             "L=1000"});
    const std::string yaml = ws.write("samconfig.yaml", R"(version: 0.1
default:
  deploy:
    parameters:
      parameter_overrides: {A: 0x2A, B: 0o17, C: +5, D: -0, E: 99999999999999999999, F: .5, G: 1e3, H: -.inf, I: 1.2.3}
)");
    values.clear();
    for (const auto& [name, value] : samconfig_ok(yaml).parameters) values.push_back(name + "=" + value.value);
    CHECK(values == std::vector<std::string>{"A=42", "B=15", "C=5", "D=0", "E=99999999999999999999", "F=0.5",
                                             "G=1000.0", "H=-inf", "I=1.2.3"});
  }

  TEST_CASE("samconfig.toml: a list of strings and mappings, nested lists flattened, later wins") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.toml", R"(version = 0.1
[default.deploy.parameters]
parameter_overrides = ["A=1 B=2", ["C=3"], {D = "4", A = "5"}, 'E=it\s']
)");
    CHECK(described(samconfig_ok(path)) == std::vector<std::string>{
                                               "A=5@" + path + ":3:54",
                                               "B=2@" + path + ":3:29",
                                               "C=3@" + path + ":3:37",
                                               "D=4@" + path + ":3:45",
                                               "E=it\\s@" + path + ":3:65",
                                           });
  }

  TEST_CASE("the environment: --config-env picks its tables; an absent one reads nothing") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.toml", R"(version = 0.1
[default.deploy.parameters]
stack_name = "orders-dev"
parameter_overrides = "Stage=dev"
[prod.deploy.parameters]
stack_name = "orders-prod"
parameter_overrides = "Stage=prod"
)");
    const DeployValues dev = samconfig_ok(path);
    CHECK(dev.stack_name == "orders-dev");
    CHECK(described(dev) == std::vector<std::string>{"Stage=dev@" + path + ":4:24"});
    CHECK(samconfig_ok(path, "").stack_name == "orders-dev");  // SAM CLI's default environment
    const DeployValues prod = samconfig_ok(path, "prod");
    CHECK(prod.stack_name == "orders-prod");
    CHECK(described(prod) == std::vector<std::string>{"Stage=prod@" + path + ":7:24"});
    const DeployValues staging = samconfig_ok(path, "staging");
    CHECK_FALSE(staging.env_found);
    CHECK(staging.parameters.empty());
    CHECK(staging.stack_name.empty());
  }

  TEST_CASE("[env.deploy.parameters] wins over [env.global.parameters] key by key") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.toml", R"(version = 0.1
[default.global.parameters]
stack_name = "global-stack"
parameter_overrides = "A=global C=global"
[default.build.parameters]
parameter_overrides = "B=build"
[default.deploy.parameters]
parameter_overrides = "A=deploy"
)");
    const DeployValues v = samconfig_ok(path);
    CHECK(v.stack_name == "global-stack");
    CHECK(v.stack_name_source.pos == Position{3, 1});
    // parameter_overrides is one samconfig key: the deploy one replaces the global one whole.
    CHECK(described(v) == std::vector<std::string>{"A=deploy@" + path + ":8:24"});

    const std::string both = ws.write("both/samconfig.toml", R"(version = 0.1
[default.deploy.parameters]
stack_name = "deploy-stack"
[default.global.parameters]
stack_name = "global-stack"
parameter_overrides = "A=global"
)");
    const DeployValues w = samconfig_ok(both);
    CHECK(w.stack_name == "deploy-stack");
    CHECK(described(w) == std::vector<std::string>{"A=global@" + both + ":6:24"});
  }

  TEST_CASE("samconfig.yaml: mappings, lists, YAML scalars as SAM CLI's Python sees them") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.yaml", R"(version: 0.1
default:
  deploy:
    parameters:
      stack_name: orders
      parameter_overrides:
        Stage: prod
        Subnets:
          - subnet-a
          - subnet-b
        Flag: true
        Count: 007
        Version: "1.10"
        Ratio: 1.10
        Empty:
prod:
  deploy:
    parameters:
      parameter_overrides: 'Stage=prod Name="a b"'
other:
  deploy:
    parameters:
      parameter_overrides:
        Condition: on
)");
    const DeployValues v = samconfig_ok(path);
    CHECK(v.stack_name == "orders");
    CHECK(v.stack_name_source.pos == Position{5, 7});
    // An empty value is passed as an empty string, not left unset.
    CHECK(described(v) == std::vector<std::string>{
                              "Count=7@" + path + ":12:9",
                              "Empty=@" + path + ":15:9",
                              "Flag=True@" + path + ":11:9",
                              "Ratio=1.1@" + path + ":14:9",
                              "Stage=prod@" + path + ":7:9",
                              "Subnets=subnet-a,subnet-b@" + path + ":8:9",
                              "Version=1.10@" + path + ":13:9",
                          });
    CHECK(described(samconfig_ok(path, "prod")) ==
          std::vector<std::string>{"Name=a b@" + path + ":19:40", "Stage=prod@" + path + ":19:29"});
    // A one-key mapping named like an intrinsic function is still a mapping.
    CHECK(described(samconfig_ok(path, "other")) == std::vector<std::string>{"Condition=on@" + path + ":24:9"});
  }

  TEST_CASE("find_samconfig: samconfig.toml, then .yaml, then .yml") {
    Workspace ws("deploy-values");
    const std::string dir = ws.path.string();
    CHECK(find_samconfig(dir).empty());
    ws.write("samconfig.yml", "version: 0.1\n");
    CHECK(find_samconfig(dir) == dir + "/samconfig.yml");
    ws.write("samconfig.yaml", "version: 0.1\n");
    CHECK(find_samconfig(dir) == dir + "/samconfig.yaml");
    ws.write("samconfig.toml", "version = 0.1\n");
    CHECK(find_samconfig(dir) == dir + "/samconfig.toml");
    ws.write("samconfig.json", "{}");
    CHECK(find_samconfig(dir) == dir + "/samconfig.toml");
  }

  TEST_CASE("file:// includes and $include, relative to the including file") {
    Workspace ws("deploy-values");
    const std::string path = ws.write("samconfig.toml", R"(version = 0.1
[default.deploy.parameters]
parameter_overrides = ["file://params/base.yaml", "Stage=prod"]
)");
    const std::string base = ws.write("params/base.yaml", "$include: file://common.toml\nStage: dev\nName: base\n");
    const std::string common = ws.write("params/common.toml", "Name = \"common\"\nShared = \"yes\"\n");
    CHECK(described(samconfig_ok(path)) == std::vector<std::string>{
                                               "Name=base@" + ws.path.string() + "/params/base.yaml:3:1",
                                               "Shared=yes@" + ws.path.string() + "/params/common.toml:2:1",
                                               "Stage=prod@" + path + ":3:52",
                                           });
  }

  TEST_CASE("file:// and $include errors name the file and the form") {
    Workspace ws("deploy-values");
    auto samconfig = [&](const std::string& overrides) {
      return ws.write("samconfig.toml",
                      "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = " + overrides + "\n");
    };
    std::string path = samconfig(R"("file://missing.yaml")");
    CHECK(samconfig_error(path) == path + ":3:23: 'file://missing.yaml' was not found or is a directory");
    ws.write("p.json", "{}");
    path = samconfig(R"("file://p.json")");
    CHECK(samconfig_error(path) ==
          path + ":3:23: 'file://p.json' is not .toml, .yaml or .yml, the files SAM CLI includes");
    const std::string a = ws.write("a.yaml", "- file://b.yaml\n");
    const std::string b = ws.write("b.yaml", "$include: file://a.yaml\n");
    path = samconfig(R"("file://a.yaml")");
    CHECK(samconfig_error(path) ==
          ws.path.string() + "/b.yaml:1:11: infinite recursion in file references: 'file://a.yaml'");
    ws.write("c.yaml", "$include: 123\nStage: prod\n");
    path = samconfig(R"("file://c.yaml")");
    CHECK(samconfig_error(path) ==
          ws.path.string() + "/c.yaml:1:11: $include must be a string or a list of strings, not an integer");
    ws.write("d.yaml", "[unclosed\n");
    path = samconfig(R"("file://d.yaml")");
    CHECK(samconfig_error(path).starts_with(ws.path.string() + "/d.yaml:2:1: "));
  }

  TEST_CASE("samconfig errors: one line with the file, line and column") {
    Workspace ws("deploy-values");
    auto error_of = [&](const std::string& name, const std::string& text) {
      const std::string path = ws.write(name, text);
      return samconfig_error(path);
    };
    const std::string dir = ws.path.string() + "/";
    CHECK(error_of("e1/samconfig.toml", "version = 0.1\n[default\n") ==
          dir + "e1/samconfig.toml:2:9: Error while parsing table header: expected ']', saw '\\n'");
    CHECK(error_of("e2/samconfig.toml", "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = 42\n") ==
          dir +
              "e2/samconfig.toml:3:23: parameter_overrides holds an integer; it takes Key=Value strings, mappings and "
              "lists of them");
    CHECK(error_of("e3/samconfig.toml",
                   "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = \"nonsense\"\n") ==
          dir +
              "e3/samconfig.toml:3:23: parameter_overrides 'nonsense' is not Key=Value pairs nor "
              "ParameterKey=Key,ParameterValue=Value");
    CHECK(error_of("e4/samconfig.toml", "[default.deploy.parameters]\nstack_name = \"x\"\n") ==
          dir + "e4/samconfig.toml: no version (version = 0.1): SAM CLI refuses a samconfig without it");
    CHECK(
        error_of("e5/samconfig.toml", "version = 1\n") ==
        dir +
            "e5/samconfig.toml:1:11: version must be a number with a fraction, like 0.1 (SAM CLI refuses an integer)");
    CHECK(error_of("e6/samconfig.toml", "version = 0.1\ndefault = \"x\"\n") ==
          dir + "e6/samconfig.toml:2:11: environment 'default' must be a table, not a string");
    CHECK(error_of("e7/samconfig.toml", "version = 0.1\n[default]\ndeploy = 3\n") ==
          dir + "e7/samconfig.toml:3:10: 'default.deploy' must be a table, not an integer");
    CHECK(error_of("e8/samconfig.toml", "version = 0.1\n[default.deploy.parameters]\nstack_name = [\"a\"]\n") ==
          dir + "e8/samconfig.toml:3:14: stack_name must be a string, not a list");
    CHECK(error_of("e9/samconfig.toml",
                   "version = 0.1\n[default.deploy.parameters.parameter_overrides]\nA = {B = 1}\n") ==
          dir +
              "e9/samconfig.toml:3:5: parameter 'A' must be a string, number, boolean or a list of them, not a table");
    CHECK(error_of("e10/samconfig.toml",
                   "version = 0.1\n[default.deploy.parameters.parameter_overrides]\nA = 1979-05-27\n") ==
          dir +
              "e10/samconfig.toml:3:5: parameter 'A' must be a string, number, boolean or a list of them, not a date");
    CHECK(error_of("y1/samconfig.yaml", "version: 0.1\ndefault: [a\n") ==
          dir + "y1/samconfig.yaml:3:1: YAML syntax error: end of sequence flow not found");
    CHECK(error_of("y2/samconfig.yaml", "") ==
          dir + "y2/samconfig.yaml: empty file: SAM CLI fails on a samconfig with no mapping");
    CHECK(error_of("y3/samconfig.yaml", "- a\n") ==
          dir + "y3/samconfig.yaml:1:1: a samconfig is a mapping of environments, not a list");
    CHECK(error_of("y4/samconfig.yaml", "version: 0.1\ndefault:\n") ==
          dir + "y4/samconfig.yaml:2:1: environment 'default' must be a table, not null");
    CHECK(error_of("y5/samconfig.yaml", "version: 0.1\na: 1\na: 2\n").starts_with(dir + "y5/samconfig.yaml:3:1: "));
    CHECK(error_of("samconfig.json", "{}") ==
          dir + "samconfig.json: SAM CLI reads only .toml, .yaml and .yml files here");
    CHECK(samconfig_error(dir + "none/samconfig.toml") == dir + "none/samconfig.toml: No such file or directory");
  }

  TEST_CASE("an empty samconfig.toml reads nothing and needs no version") {
    Workspace ws("deploy-values");
    const DeployValues v = samconfig_ok(ws.write("samconfig.toml", "# nothing yet\n"));
    CHECK_FALSE(v.env_found);
    CHECK(v.parameters.empty());
  }

  TEST_CASE("parameter files: create-stack's objects, deploy's K=V strings, CodePipeline's Parameters") {
    Workspace ws("deploy-values");
    const std::string objects = ws.write("objects.json", R"([
  {"ParameterKey": "Stage", "ParameterValue": "prod"},
  {"ParameterKey": "Subnets", "ParameterValue": "subnet-a,subnet-b"},
  {"ParameterKey": "Kept", "UsePreviousValue": true},
  {"ParameterKey": "Stage", "ParameterValue": "prod2", "UsePreviousValue": false}
])");
    const DeployValues v = parameter_file_ok(objects);
    CHECK(v.file == objects);
    CHECK(described(v) == std::vector<std::string>{"Stage=prod2@" + objects + ":5:20",
                                                   "Subnets=subnet-a,subnet-b@" + objects + ":3:20"});
    const std::string strings = ws.write("strings.json", "[\"Stage=prod\", \"Expr=a=b\"]");
    CHECK(described(parameter_file_ok(strings)) ==
          std::vector<std::string>{"Expr=a=b@" + strings + ":1:16", "Stage=prod@" + strings + ":1:2"});
    const std::string pipeline = ws.write("pipeline.json", R"({
  "Parameters": {"Stage": "prod", "Memory": 512, "Debug": true},
  "Tags": {"team": "orders"}
})");
    CHECK(described(parameter_file_ok(pipeline)) == std::vector<std::string>{"Debug=True@" + pipeline + ":2:50",
                                                                             "Memory=512@" + pipeline + ":2:35",
                                                                             "Stage=prod@" + pipeline + ":2:18"});
    CHECK(parameter_file_ok(ws.write("empty.json", "[]")).parameters.empty());
  }

  TEST_CASE("parameter file errors: any other shape, JSON errors, wrong types, with file:line:col") {
    Workspace ws("deploy-values");
    const std::string dir = ws.path.string() + "/";
    auto error_of = [&](const std::string& name, const std::string& text) {
      return parameter_file_error(ws.write(name, text));
    };
    const std::string shapes =
        R"(a parameter file is [{"ParameterKey": "K", "ParameterValue": "V"}, ...], ["K=V", ...] or {"Parameters": {"K": "V"}})";
    CHECK(error_of("a.json", "{\"Foo\": 1}") == dir + "a.json:1:1: " + shapes);
    CHECK(error_of("b.json", "[{\"ParameterKey\": \"A\", \"ParameterValue\": 1}]") ==
          dir + "b.json:1:42: ParameterValue must be a string, not an integer");
    CHECK(error_of("c.json", "[{\"ParameterKey\": \"A\",\n  \"ParamterValue\": \"x\"}]") ==
          dir +
              "c.json:2:3: unknown key 'ParamterValue' in a parameter; allowed keys: ParameterKey, ParameterValue, "
              "UsePreviousValue, ResolvedValue");
    CHECK(error_of("d.json", "[{\"ParameterKey\": \"A\", \"ParameterValue\": \"x\", \"UsePreviousValue\": true}]") ==
          dir + "d.json:1:42: parameter 'A' sets both ParameterValue and UsePreviousValue");
    CHECK(error_of("e.json", "[{\"ParameterKey\": \"A\"}]") == dir + "e.json:1:2: parameter 'A' has no ParameterValue");
    CHECK(error_of("f.json", "[{\"ParameterValue\": \"x\"}]") == dir + "f.json:1:2: a parameter without ParameterKey");
    CHECK(error_of("g.json", "[{\"ParameterKey\": \"A\",}]") ==
          dir +
              "g.json:1:23: not valid JSON: syntax error while parsing object key - unexpected '}'; expected string "
              "literal");
    CHECK(error_of("h.json", "- a\n").starts_with(dir + "h.json:1:2: not valid JSON: "));
    CHECK(error_of("i.json", "[\"A=1\", {\"ParameterKey\": \"B\", \"ParameterValue\": \"2\"}]") ==
          dir + "i.json:1:9: a list of parameters mixes objects and strings; " + shapes);
    CHECK(error_of("j.json", "[\"A=1\", 2]") ==
          dir + "j.json:1:9: a parameter is an object or a \"K=V\" string, not an integer; " + shapes);
    CHECK(error_of("k.json", "[\"A=1\", \"B\"]") == dir + "k.json:1:9: 'B' is not Key=Value");
    CHECK(error_of("l.json", "{\"Parameters\": [\"A=1\"]}") ==
          dir + "l.json:1:16: Parameters must be an object, not a list");
    CHECK(error_of("m.json", "{\"Parameters\": {\"A\": null}}") ==
          dir + "m.json:1:22: parameter 'A' must be a string, not null");
    CHECK(error_of("n.json", "").starts_with(dir + "n.json:1:1: not valid JSON: "));
    CHECK(error_of("o.json", "[{\"ParameterKey\": \"A\", \"ParameterKey\": \"B\", \"ParameterValue\": \"x\"}]")
              .starts_with(dir + "o.json:1:24: "));
  }

  TEST_CASE("hostile input: size, nesting, alias bombs and long strings end in a clean error or a result") {
    Workspace ws("deploy-values");
    const std::string dir = ws.path.string() + "/";
    // Over the 1 MB cap.
    const std::string big = ws.write("big/samconfig.toml", "version = 0.1\n#" + std::string(1024 * 1024, 'x') + "\n");
    CHECK(samconfig_error(big) == big + ": larger than 1 MB, the most a samconfig or parameter file may be");
    // Nesting beyond toml++'s own limit, and beyond ours under it.
    const std::string deep =
        ws.write("deep/samconfig.toml", "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = " +
                                            std::string(1000, '[') + std::string(1000, ']') + "\n");
    CHECK(samconfig_error(deep).starts_with(deep + ":3:"));
    const std::string nested =
        ws.write("nested/samconfig.toml", "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = " +
                                              std::string(100, '[') + std::string(100, ']') + "\n");
    CHECK(samconfig_error(nested) == nested + ":3:84: nested deeper than 64 levels");  // the 62nd bracket
    // toml++ would nest a table per part of a dotted key and overflow the stack freeing half a million.
    std::string dotted = "version = 0.1\na";
    for (int i = 0; i < 500'000; ++i) dotted += ".a";
    const std::string dots = ws.write("dots/samconfig.toml", dotted + " = 1\n");
    CHECK(samconfig_error(dots) == dots + ":2:130: a dotted key nested deeper than 64 levels");
    const std::string header = ws.write("header/samconfig.toml", "version = 0.1\n[" + dotted.substr(14) + "]\n");
    CHECK(samconfig_error(header) == header + ":2:131: a dotted key nested deeper than 64 levels");
    // Dots in strings, comments and numbers are no keys.
    const std::string text = ws.write("text/samconfig.toml",
                                      "version = 0.1 # " + std::string(100, '.') + "\nk = \"" + std::string(100, '.') +
                                          "\"\n[default.deploy.parameters]\n" + "parameter_overrides = \"A=1\"\n");
    CHECK(samconfig_ok(text).parameters.at("A").value == "1");
    std::string yaml_deep = "version: 0.1\ndefault: ";
    for (int i = 0; i < 5000; ++i) yaml_deep += "[";
    CHECK(samconfig_error(ws.write("ydeep/samconfig.yaml", yaml_deep)).starts_with(dir + "ydeep/samconfig.yaml:"));
    // An alias bomb: each level doubles the values a naive copy would make.
    std::string bomb = "version: 0.1\ndefault:\n  deploy:\n    parameters:\n      x0: &a0 [A=1, A=2]\n";
    for (int i = 1; i < 40; ++i)
      bomb += "      x" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
              std::to_string(i - 1) + "]\n";
    bomb += "      parameter_overrides: *a39\n";
    CHECK(samconfig_error(ws.write("bomb/samconfig.yaml", bomb)).find("more than 200000 values") != std::string::npos);
    // A long string of pairs, and one long unterminated quote, read in one pass.
    std::string many = "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = \"";
    for (int i = 0; i < 50'000; ++i) many += "K" + std::to_string(i) + "=v ";
    const DeployValues v = samconfig_ok(ws.write("many/samconfig.toml", many + "\"\n"));
    CHECK(v.parameters.size() == 50'000);
    size_t offset = 0;
    for (int i = 0; i < 49'999; ++i) offset += ("K" + std::to_string(i) + "=v ").size();
    CHECK(v.parameters.at("K49999").source.pos == Position{3, static_cast<uint32_t>(24 + offset)});
    std::string quote = "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = 'A=1 B=\"";
    for (int i = 0; i < 100'000; ++i) quote += "x y ";
    CHECK(samconfig_ok(ws.write("quote/samconfig.toml", quote + "'\n")).parameters.size() == 1);
    // Half a million escaped spaces, unescaped in one pass.
    std::string escapes = "version = 0.1\n[default.deploy.parameters]\nparameter_overrides = 'A=";
    for (int i = 0; i < 300'000; ++i) escapes += "\\ ";
    CHECK(samconfig_ok(ws.write("escapes/samconfig.toml", escapes + "x'\n")).parameters.at("A").value ==
          std::string(300'000, ' ') + "x");
    // Not UTF-8, not TOML at all.
    const std::string binary =
        samconfig_error(ws.write("bin/samconfig.toml", std::string("version = 0.1\n\xff\xfe\0garbage", 24)));
    CHECK(binary == dir + "bin/samconfig.toml:2:1: invalid UTF-8 (TOML files are UTF-8)");
    CHECK(parameter_file_error(ws.write("deep.json", std::string(100'000, '[')))
              .starts_with(dir + "deep.json:1:100001: "));
  }
}
