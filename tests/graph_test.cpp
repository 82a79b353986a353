// `vpclint graph`: the network picture of a template as DOT and Mermaid. Goldens pin the bundled
// example before and after its fix; the other cases assert which edges break and that hostile
// text from the template never breaks the output's syntax.
// VPCLINT_UPDATE_GOLDEN=1 rewrites tests/golden/graph/ from the current output.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/graph_command.h"
#include "graph/graph_writers.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace vpclint;
using vpclint::test::run;
using vpclint::test::source_dir;

namespace {

std::string example_path(const char* name) { return source_dir() + "/examples/order-cancel/" + name; }

struct Drawn {
  int exit_code;
  std::string out, err;
};

Drawn draw(const std::string& path, const std::string& format) {
  std::ostringstream out, err;
  int code = run_graph_command({path, format, {}, {}, {}, {}}, out, err);
  return {code, out.str(), err.str()};
}

// The graph of an in-memory template, with the findings the linter kept.
NetworkGraph graph_of(const std::string& text) {
  NetworkGraph g;
  lint_text("t.yaml", text, LintOptions{}, [&](const LintContext& ctx, const std::vector<Finding>& findings) {
    g = build_network_graph(ctx, findings, "t.yaml");
  });
  return g;
}

std::string dot_of(const NetworkGraph& g) {
  std::ostringstream out;
  write_dot(g, out);
  return out.str();
}

std::string mermaid_of(const NetworkGraph& g) {
  std::ostringstream out;
  write_mermaid(g, out);
  return out.str();
}

std::vector<std::string> broken_rules(const NetworkGraph& g) {
  std::vector<std::string> rules;
  for (const GraphEdge& e : g.edges())
    if (e.broken) rules.push_back(e.rule + " " + e.from + "->" + e.to);
  return rules;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void check_golden(const std::string& actual, const std::string& name) {
  fs::path golden = fs::path(source_dir()) / "tests/golden/graph" / name;
  if (std::getenv("VPCLINT_UPDATE_GOLDEN")) {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
  }
  INFO("golden file ", golden.string(), " (VPCLINT_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == read(golden));
}

bool have_dot() { return run("command -v dot >/dev/null").exit_code == 0; }

// Renders DOT text to SVG with Graphviz; the exit code and what dot said.
test::CommandResult render(const std::string& dot, const std::string& name) {
  fs::path file = fs::temp_directory_path() / ("vpclint-graph-" + name + "-" + std::to_string(::getpid()) + ".dot");
  std::ofstream(file, std::ios::binary) << dot;
  auto r = run("dot -Tsvg '" + file.string() + "' -o /dev/null");
  fs::remove(file);
  return r;
}

const char* kNoVpc = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties: {Handler: app.handler, Runtime: python3.12, CodeUri: src/}
)";

// Literal ids are the one place template text reaches a label unchanged: quotes, a backslash,
// HTML, Mermaid's entity and link characters, and a line break.
const char* kHostile = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: src/
      VpcConfig:
        SubnetIds: ["subnet-\"x\\y<b>|#1;`\n]end"]
        SecurityGroupIds: ["sg-\"}{[]"]
      Policies:
        - LambdaInvokePolicy: {FunctionName: other}
)";

}  // namespace

TEST_SUITE("graph") {
  TEST_CASE("the example before its fix: DOT and Mermaid match the goldens, with the red N101 edge") {
    Drawn dot = draw(example_path("template.yaml"), "dot");
    REQUIRE(dot.exit_code == 0);
    CHECK(dot.err.empty());
    check_golden(dot.out, "order-cancel-before.dot");
    CHECK(dot.out.find("rt_PrivateRouteTable -> svc_lambda [label=\"N101: no route to the Lambda API\", color=red") !=
          std::string::npos);

    Drawn mermaid = draw(example_path("template.yaml"), "mermaid");
    REQUIRE(mermaid.exit_code == 0);
    check_golden(mermaid.out, "order-cancel-before.mmd");
    CHECK(mermaid.out.find("rt_PrivateRouteTable -->|\"N101: no route to the Lambda API\"| svc_lambda") !=
          std::string::npos);
    CHECK(mermaid.out.find("stroke:red") != std::string::npos);

    NetworkGraph g = graph_of(test::example("template.yaml"));
    CHECK(broken_rules(g) == std::vector<std::string>{"N101 rt_PrivateRouteTable->svc_lambda"});
    // The cache is reached: its group admits the function's group on 6379.
    const GraphEdge* cache = g.find_edge("fn_OrderCancel", "res_Cache");
    REQUIRE(cache);
    CHECK_FALSE(cache->broken);
    CHECK(cache->label == "TCP 6379");
    REQUIRE(g.find("rt_PrivateRouteTable"));
    CHECK(g.find("rt_PrivateRouteTable")->label == "PrivateRouteTable\nroute table\nno route to 0.0.0.0/0");
    CHECK(g.find("sn_PrivateSubnetA")->cluster == "vpc_Vpc");
    // Functions that are in no VPC and use no VPC-only resource are not part of the picture.
    CHECK_FALSE(g.find("fn_RefundWorker"));
  }

  TEST_CASE(
      "the command line: `vpclint graph` prints the golden DOT and Mermaid; a missing TEMPLATE is a usage error") {
    std::string bin = VPCLINT_BINARY;
    std::string golden_dir = test::source_dir() + "/tests/golden/graph/";
    auto dot = test::run(bin + " graph " + example_path("template.yaml"));
    CHECK(dot.exit_code == 0);
    std::ifstream in(golden_dir + "order-cancel-before.dot", std::ios::binary);
    CHECK(dot.out == std::string(std::istreambuf_iterator<char>(in), {}));
    auto mermaid = test::run(bin + " graph --format mermaid " + example_path("template-fixed.yaml"));
    CHECK(mermaid.exit_code == 0);
    std::ifstream in2(golden_dir + "order-cancel-after.mmd", std::ios::binary);
    CHECK(mermaid.out == std::string(std::istreambuf_iterator<char>(in2), {}));
    CHECK(test::run(bin + " graph").exit_code == 2);
    CHECK(test::run(bin + " graph --format png " + example_path("template.yaml")).exit_code == 2);
  }

  TEST_CASE("the example after its fix: no red edge, the Lambda API reached through the endpoint") {
    Drawn dot = draw(example_path("template-fixed.yaml"), "dot");
    REQUIRE(dot.exit_code == 0);
    check_golden(dot.out, "order-cancel-after.dot");
    CHECK(dot.out.find("color=red") == std::string::npos);
    CHECK(dot.out.find("N101") == std::string::npos);

    Drawn mermaid = draw(example_path("template-fixed.yaml"), "mermaid");
    REQUIRE(mermaid.exit_code == 0);
    check_golden(mermaid.out, "order-cancel-after.mmd");
    CHECK(mermaid.out.find("linkStyle") == std::string::npos);

    NetworkGraph g = graph_of(test::example("template-fixed.yaml"));
    CHECK(broken_rules(g).empty());
    REQUIRE(g.find_edge("fn_OrderCancel", "ep_LambdaEndpoint"));
    CHECK(g.find_edge("fn_OrderCancel", "ep_LambdaEndpoint")->label == "HTTPS 443");
    CHECK(g.find_edge("ep_LambdaEndpoint", "svc_lambda"));
    CHECK(g.find_edge("ep_LambdaEndpoint", "sg_LambdaEndpointSecurityGroup")->kind == GraphEdgeKind::Member);
    CHECK_FALSE(g.find_edge("rt_PrivateRouteTable", "svc_lambda"));
  }

  TEST_CASE("the output is the same on every run") {
    CHECK(draw(example_path("template.yaml"), "dot").out == draw(example_path("template.yaml"), "dot").out);
    CHECK(draw(example_path("template.yaml"), "mermaid").out == draw(example_path("template.yaml"), "mermaid").out);
  }

  TEST_CASE("a template with no VPC function draws a valid graph that says so") {
    NetworkGraph g = graph_of(kNoVpc);
    REQUIRE(g.nodes().size() == 1);
    CHECK(g.nodes()[0].kind == GraphNodeKind::Note);
    CHECK(g.edges().empty());
    CHECK(g.clusters().empty());
    std::string dot = dot_of(g);
    CHECK(dot.starts_with("// vpclint graph of t.yaml"));
    CHECK(dot.find("digraph vpclint {") != std::string::npos);
    CHECK(dot.ends_with("}\n"));
    std::string mermaid = mermaid_of(g);
    CHECK(
        mermaid.find(
            "\nflowchart LR\n  note_empty[\"no function attached to a VPC<br/>and no VPC-only resource in use\"]\n") !=
        std::string::npos);
    if (have_dot()) CHECK(render(dot, "empty").exit_code == 0);
  }

  TEST_CASE("hostile text in literal ids is escaped in DOT and Mermaid") {
    CHECK(dot_string("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd e\"");
    CHECK(mermaid_text("a\"b#c;d<e>f|g`h\ni&j\\k") == "a#quot;b#35;c#59;d#60;e#62;f#124;g#96;h<br/>i#38;j#92;k");
    // Ids never carry template text: every other byte is hex-encoded, so different keys stay apart.
    CHECK(graph_id("sn", NetKey::resource("PrivateSubnetA").id_text()) == "sn_PrivateSubnetA");
    CHECK(graph_id("sn", NetKey::literal("PrivateSubnetA").id_text()) == "sn_literal_3aPrivateSubnetA");
    CHECK(graph_id("sn", "literal:subnet-\"x") == "sn_literal_3asubnet_2d_22x");
    CHECK(graph_id("sn", "literal:a_b") != graph_id("sn", "literal:a.b"));

    NetworkGraph g = graph_of(kHostile);
    std::string subnet = graph_id("sn", "literal:subnet-\"x\\y<b>|#1;`\n]end");
    REQUIRE(g.find(subnet));
    CHECK(g.find(subnet)->kind == GraphNodeKind::Outside);
    CHECK(g.find(subnet)->label == "subnet-\"x\\y<b>|#1;`\n]end\nsubnet outside the template");
    // The subnets are unknown, so the invoke is the N101 warning: red from the outside subnet.
    CHECK(broken_rules(g) == std::vector<std::string>{"N107 " + subnet + "->svc_lambda"});

    std::string dot = dot_of(g);
    CHECK(dot.find("[label=\"subnet-\\\"x\\\\y<b>|#1;`\\n]end\\nsubnet outside the template\"") != std::string::npos);
    CHECK(dot.find("[label=\"sg-\\\"}{[]\\nsecurity group outside the template\"") != std::string::npos);
    std::string mermaid = mermaid_of(g);
    CHECK(
        mermaid.find("[\"subnet-#quot;x#92;y#60;b#62;#124;#35;1#59;#96;<br/>]end<br/>subnet outside the template\"]") !=
        std::string::npos);
    // Each node line holds exactly the two quotes that delimit its label.
    std::string group = graph_id("sg", "literal:sg-\"}{[]");
    int node_lines = 0;
    std::istringstream lines(mermaid);
    for (std::string line; std::getline(lines, line);)
      if (line.find(subnet + "[") != std::string::npos || line.find(group + "[") != std::string::npos) {
        ++node_lines;
        CHECK(std::count(line.begin(), line.end(), '"') == 2);
      }
    CHECK(node_lines == 2);
    if (have_dot()) {
      auto r = render(dot, "hostile");
      INFO(r.err);
      CHECK(r.exit_code == 0);
    }
  }

  TEST_CASE("each rule breaks the edge where its path fails") {
    auto fixture = [](const char* rel) { return graph_of(read(fs::path(source_dir()) / "fixtures" / rel)); };
    auto has_broken = [](const NetworkGraph& g, const std::string& rule) {
      for (const auto& r : broken_rules(g))
        if (r.starts_with(rule + " ")) return true;
      return false;
    };
    CHECK(has_broken(fixture("N101/bad_main_route_table.yaml"), "N101"));
    CHECK(has_broken(fixture("N103/bad_public_subnets.yaml"), "N103"));
    CHECK(has_broken(fixture("N105/bad_endpoint_sg_without_443.yaml"), "N105"));
    CHECK(has_broken(fixture("R403/bad_wrong_port.yaml"), "R403"));
    CHECK(broken_rules(fixture("N101/good_working_nat.yaml")).empty());
    CHECK(broken_rules(fixture("R403/good_admitted_group.yaml")).empty());
  }

  TEST_CASE("subnets the config describes are drawn with what it states, in the VPC it names") {
    fs::path dir = fs::temp_directory_path() / "vpclint-graph-config";
    fs::remove_all(dir);
    fs::create_directories(dir / ".git");  // the repository root: discovery stops here
    fs::copy_file(fs::path(source_dir()) / "fixtures/N107/bad_external_subnets.yaml", dir / "template.yaml");
    fs::copy_file(fs::path(source_dir()) / "tests/configs/stated-network.vpclint.yaml", dir / ".vpclint.yaml");
    Drawn dot = draw((dir / "template.yaml").string(), "dot");
    fs::remove_all(dir);
    REQUIRE(dot.exit_code == 0);
    CHECK(dot.out.find(
              "subgraph cluster_vpc_literal_3avpc_2d0123 {\n    label=\"vpc-0123\\nVPC outside the template\";") !=
          std::string::npos);
    CHECK(dot.out.find("sn_literal_3asubnet_2d0a1 [label=\"subnet-0a1\\nsubnet outside the template\\negress none, "
                       "stated in .vpclint.yaml\"") != std::string::npos);
    CHECK(dot.out.find(
              "sn_literal_3asubnet_2d0b2 -> svc_lambda [label=\"N101: no route to the Lambda API\", color=red") !=
          std::string::npos);
  }

  TEST_CASE("the command line's --config and --parameter change the picture as they change the lint") {
    test::Workspace ws("graph-cli");
    ws.write(".git/HEAD", "");
    ws.write("template.yaml", read(fs::path(source_dir()) / "fixtures/N107/bad_external_subnets.yaml"));
    ws.write("net.yaml", "network:\n  subnets:\n    - {id: subnet-9*, vpc: vpc-9, egress: none}\n");
    auto unknown = ws.lint("graph template.yaml");  // no config: the parameter is unknown
    CHECK(unknown.exit_code == 0);
    CHECK(unknown.out.find("sn_literal_3asubnet_2d9a") == std::string::npos);
    auto stated = ws.lint("graph --config net.yaml --parameter SubnetIds=subnet-9a template.yaml");
    CHECK(stated.exit_code == 0);
    CHECK(stated.out.find(
              "sn_literal_3asubnet_2d9a -> svc_lambda [label=\"N101: no route to the Lambda API\", color=red") !=
          std::string::npos);
    auto bad = ws.lint("graph --parameter SubnetIds template.yaml");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "vpclint: error: --parameter 'SubnetIds' is not Name=Value\n");
  }

  TEST_CASE("the README's pictures show the current graph of the example") {
    const std::string readme = read(fs::path(source_dir()) / "README.md");
    for (const auto& item : {std::pair<std::string, std::string>{"template.yaml", "order-cancel-before.svg"},
                             std::pair<std::string, std::string>{"template-fixed.yaml", "order-cancel-after.svg"}}) {
      const std::string& name = item.first;
      const std::string& svg = item.second;  // a reference, not a binding: clang 14 macros capture it
      CHECK(readme.find("(docs/img/" + svg + ")") != std::string::npos);
      const std::string picture = read(fs::path(source_dir()) / "docs/img" / svg);
      REQUIRE_MESSAGE(!picture.empty(), "docs/img/", svg, " is missing: run `make pictures`");
      // Graphviz titles every node and edge with its ids: a picture drawn from an older graph
      // misses some of them (the rendering itself differs between Graphviz versions).
      NetworkGraph g = graph_of(test::example(name.c_str()));
      for (const GraphNode& n : g.nodes())
        CHECK_MESSAGE(picture.find("<title>" + n.id + "</title>") != std::string::npos, svg, " lacks ", n.id,
                      ": run `make pictures`");
      for (const GraphEdge& e : g.edges())
        CHECK_MESSAGE(picture.find("<title>" + e.from + "&#45;&gt;" + e.to + "</title>") != std::string::npos, svg,
                      " lacks ", e.from, " -> ", e.to, ": run `make pictures`");
    }
    CHECK(read(fs::path(source_dir()) / "docs/img/order-cancel-before.svg").find("N101: no route to the Lambda API") !=
          std::string::npos);
  }

  TEST_CASE("an unreadable, unparsable or unknown-format input exits 2 with one line on stderr") {
    Drawn missing = draw(source_dir() + "/no/such/template.yaml", "dot");
    CHECK(missing.exit_code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err.starts_with("vpclint: error: cannot read '"));
    CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);

    Drawn broken = draw(source_dir() + "/fixtures/T001/bad_unclosed_flow.yaml", "mermaid");
    CHECK(broken.exit_code == 2);
    CHECK(broken.out.empty());
    CHECK(broken.err.starts_with("vpclint: error: cannot draw "));
    CHECK(std::count(broken.err.begin(), broken.err.end(), '\n') == 1);

    Drawn format = draw(example_path("template.yaml"), "svg");
    CHECK(format.exit_code == 2);
    CHECK(format.err == "vpclint: error: unknown graph format 'svg' (dot, mermaid)\n");
  }

  TEST_CASE("Graphviz renders the example's DOT") {
    if (!have_dot()) VPCLINT_SKIP("dot (Debian package graphviz) is not installed: rendering not checked");
    for (const char* name : {"template.yaml", "template-fixed.yaml"}) {
      auto r = render(draw(example_path(name), "dot").out, name);
      INFO(name, ": ", r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.err.empty());
    }
  }
}
