// `vpclint lsp` driven by a test client over pipes: framing, lifecycle, diagnostics (related
// information, versions, suppressions, the nearest .vpclint.yaml as the editor holds it), and the
// hostile cases (bad headers, invalid JSON, unknown methods, a 20 MB buffer, a vanishing client).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <tuple>

#include "lsp_client.h"
#include "test_support.h"

using nlohmann::json;
using vpclint::test::LspClient;

namespace {

// contentChanges of a full-text change: one entry without a range.
json full_change(const std::string& text) {
  json change = json::object();
  change["text"] = text;
  return json::array({change});
}

// A workspace with the bundled example and a running server, initialized.
struct Session : vpclint::test::Workspace {
  std::string log = (path / "stderr.log").string();
  LspClient client{path.string(), log};
  std::string template_uri = "file://" + (path / "template.yaml").string();

  explicit Session(json encodings = json::array()) : Workspace("lsp") {
    json capabilities = json::object();
    if (!encodings.empty()) capabilities["general"] = {{"positionEncodings", encodings}};
    client.request(1, "initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}});
    initialize_result = client.response(1)["result"];
    client.notify("initialized");
  }
  void open(const std::string& uri, const std::string& text, int version) {
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", version}, {"text", text}}}});
  }
  void change(const std::string& uri, const std::string& text, int version) {
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", full_change(text)}});
  }
  std::string stderr_text() const { return read("stderr.log"); }
  json initialize_result;
};

std::vector<std::string> codes(const json& diagnostics) {
  std::vector<std::string> out;
  for (const json& d : diagnostics["diagnostics"]) out.push_back(d.value("code", ""));
  return out;
}

const json* find_code(const json& diagnostics, const std::string& code) {
  for (const json& d : diagnostics["diagnostics"])
    if (d.value("code", "") == code) return &d;
  return nullptr;
}

// Applies insertions (TextEdits whose start equals their end) to `text`, last first.
std::string apply_insertions(std::string text, const json& edits) {
  std::vector<std::tuple<size_t, size_t, std::string>> at;
  for (const json& e : edits) {
    REQUIRE(e["range"]["start"] == e["range"]["end"]);
    at.emplace_back(e["range"]["start"]["line"], e["range"]["start"]["character"], e["newText"]);
  }
  std::sort(at.rbegin(), at.rend());
  for (const auto& [line, character, insert] : at) {
    size_t offset = 0;
    for (size_t l = 0; l < line; ++l) offset = text.find('\n', offset) + 1;
    text.insert(offset + character, insert);  // ASCII lines in these tests
  }
  return text;
}

}  // namespace

namespace {
// The code actions offered for the example's N101 diagnostic (request id 2).
json n101_code_actions(Session& s) {
  json first = s.client.diagnostics(s.template_uri);
  const json* n101 = find_code(first, "N101");
  REQUIRE(n101);
  s.client.request(2, "textDocument/codeAction",
                   {{"textDocument", {{"uri", s.template_uri}}},
                    {"range", (*n101)["range"]},
                    {"context", {{"diagnostics", json::array({*n101})}}}});
  return s.client.response(2)["result"];
}

// Applies a quick fix's insertions to `text` as version 2 of `uri`: the next lint is clean.
void expect_clean_after(Session& s, const std::string& uri, const std::string& text, const json& edits) {
  s.change(uri, apply_insertions(text, edits), 2);
  json after = s.client.diagnostics(uri);
  CHECK(after["version"] == 2);
  CHECK(after["diagnostics"].empty());
}
}  // namespace

TEST_SUITE("lsp") {
  TEST_CASE("initialize negotiates utf-32 when offered, else utf-16; shutdown then exit ends with 0") {
    Session utf32(json::array({"utf-32", "utf-16"}));
    CHECK(utf32.initialize_result["capabilities"]["hoverProvider"] == true);
    CHECK(utf32.initialize_result["capabilities"]["positionEncoding"] == "utf-32");
    CHECK(utf32.initialize_result["capabilities"]["textDocumentSync"]["change"] == 1);
    CHECK(utf32.initialize_result["serverInfo"]["name"] == "vpclint");
    Session plain;
    CHECK(plain.initialize_result["capabilities"]["positionEncoding"] == "utf-16");
    plain.client.request(2, "shutdown");
    CHECK(plain.client.response(2)["result"].is_null());
    plain.client.notify("exit");
    CHECK(plain.client.wait_exit() == 0);
    CHECK(plain.stderr_text() == "");
  }

  TEST_CASE("positions count code points under utf-32, UTF-16 code units otherwise") {
    // U+1F600 before the finding: one code point, two UTF-16 code units.
    std::string text =
        "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
        "      QueueName: !Sub \"\xF0\x9F\x98\x80-${Nope}\"\n";
    for (bool utf32 : {true, false}) {
      CAPTURE(utf32);
      Session s(utf32 ? json::array({"utf-16", "utf-32"}) : json::array({"utf-16"}));
      std::string uri = "file://" + (s.path / "queue.yaml").string();
      s.open(uri, text, 1);
      json d = s.client.diagnostics(uri);
      REQUIRE(codes(d) == std::vector<std::string>{"T006"});
      int shift = utf32 ? 0 : 1;
      CHECK(d["diagnostics"][0]["range"]["start"] == json{{"line", 4}, {"character", 25 + shift}});
      CHECK(d["diagnostics"][0]["range"]["end"] == json{{"line", 4}, {"character", 31 + shift}});
    }
  }

  TEST_CASE("requests before initialize, unknown methods and notifications") {
    vpclint::test::Workspace ws("lsp-order");
    LspClient client(ws.path.string(), (ws.path / "stderr.log").string());
    client.request(1, "textDocument/hover");
    CHECK(client.response(1)["error"]["code"] == -32002);
    client.request(2, "initialize", {{"capabilities", json::object()}});
    CHECK(client.response(2).contains("result"));
    client.notify("vpclint/noSuchNotification", {{"x", 1}});
    client.notify("$/cancelRequest", {{"id", 99}});
    client.request(3, "workspace/noSuchMethod");
    json unknown = client.response(3);
    CHECK(unknown["error"]["code"] == -32601);
    CHECK(unknown["error"]["message"] == "no method workspace/noSuchMethod");
    client.request(4, "shutdown");
    CHECK(client.response(4)["result"].is_null());
    client.request(5, "shutdown");
    CHECK(client.response(5)["error"]["code"] == -32600);
    client.notify("exit");
    CHECK(client.wait_exit() == 0);
  }

  TEST_CASE("diagnostics of the buffer, with the evidence as related information and the version") {
    Session s;
    s.open(s.template_uri, vpclint::test::example("template.yaml"), 1);
    json first = s.client.diagnostics(s.template_uri);
    CHECK(first["version"] == 1);
    const json* n101 = find_code(first, "N101");
    REQUIRE(n101);
    CHECK((*n101)["range"] == json::parse(R"({"start":{"line":92,"character":6},"end":{"line":92,"character":15}})"));
    CHECK((*n101)["severity"] == 1);
    CHECK((*n101)["source"] == "vpclint");
    CHECK((*n101)["codeDescription"]["href"] == "https://github.com/vpclint/vpclint/blob/main/docs/rules/N101.md");
    CHECK((*n101)["data"].get<std::string>().size() == 16);
    const json& related = (*n101)["relatedInformation"];
    REQUIRE(related.size() == 8);
    CHECK(related[0] ==
          json{{"location", {{"uri", s.template_uri}, {"range", json::parse(R"({"start":{"line":93,"character":20},
                                                         "end":{"line":93,"character":24}})")}}},
               {"message", "attached to subnet PrivateSubnetA"}});
    CHECK(related[2]["message"] == "PrivateRouteTable has no route to 0.0.0.0/0");
    CHECK(related[2]["location"]["range"]["start"] == json::parse(R"({"line":36,"character":2})"));

    // The buffer, not the file on disk: the fixed text is clean, though nothing was saved.
    s.change(s.template_uri, vpclint::test::example("template-fixed.yaml"), 2);
    json fixed = s.client.diagnostics(s.template_uri);
    CHECK(fixed["version"] == 2);
    CHECK(fixed["diagnostics"].empty());

    // Three changes at once: the last one wins, the others are never linted or published.
    std::string broken = vpclint::test::example("template.yaml");
    std::string batch;
    for (int v = 3; v <= 5; ++v)
      batch += LspClient::frame(json{{"jsonrpc", "2.0"},
                                     {"method", "textDocument/didChange"},
                                     {"params",
                                      {{"textDocument", {{"uri", s.template_uri}, {"version", v}}},
                                       {"contentChanges", full_change(v == 5 ? broken : std::string("x: ["))}}}}
                                    .dump());
    s.client.send_raw(batch);
    json last = s.client.diagnostics(s.template_uri);
    CHECK(last["version"] == 5);
    CHECK(find_code(last, "N101"));

    s.client.notify("textDocument/didClose", {{"textDocument", {{"uri", s.template_uri}}}});
    json closed = s.client.diagnostics(s.template_uri);
    CHECK(closed["diagnostics"].empty());
    CHECK_FALSE(closed.contains("version"));
  }

  TEST_CASE("suppressed findings are not shown; the .vpclint.yaml the editor holds applies") {
    Session s;
    std::string text = vpclint::test::example("template.yaml");
    std::string suppressed = text;
    suppressed.replace(suppressed.find("      VpcConfig:"), 0, "      # vpclint: ignore N101 -- a transit gateway\n");
    s.open(s.template_uri, suppressed, 1);
    json first = s.client.diagnostics(s.template_uri);
    CHECK_FALSE(find_code(first, "N101"));

    s.change(s.template_uri, text, 2);
    CHECK(find_code(s.client.diagnostics(s.template_uri), "N101"));
    // An unsaved .vpclint.yaml beside it: the template is linted again under it.
    std::string config_uri = "file://" + (s.path / ".vpclint.yaml").string();
    s.write(".vpclint.yaml", "ignore: [V303]\n");
    s.open(config_uri, "ignore: [N101]\n", 1);
    json config_diagnostics = s.client.diagnostics(config_uri);
    CHECK(config_diagnostics["diagnostics"].empty());  // not a template
    json relinted = s.client.diagnostics(s.template_uri);
    CHECK(relinted["version"] == 2);
    CHECK_FALSE(find_code(relinted, "N101"));
    // A broken config: one diagnostic at the top naming it, not a crash.
    s.change(config_uri, "ignore: [N1O1]\n", 2);
    s.client.diagnostics(config_uri);
    json broken = s.client.diagnostics(s.template_uri);
    REQUIRE(broken["diagnostics"].size() == 1);
    CHECK(broken["diagnostics"][0]["message"].get<std::string>().starts_with(".vpclint.yaml:1:"));
  }

  TEST_CASE("related information in another file: the .vpclint.yaml that states the subnets' egress") {
    Session s;
    s.write(".vpclint.yaml", "network:\n  subnets:\n    - {id: subnet-0a1*, vpc: vpc-0123, egress: none}\n");
    std::string uri = "file://" + (s.path / "t.yaml").string();
    s.open(uri,
           "Transform: AWS::Serverless-2016-10-31\nResources:\n  Caller:\n    Type: AWS::Serverless::Function\n"
           "    Properties:\n      Handler: a.handler\n      Runtime: python3.12\n      CodeUri: src/\n"
           "      VpcConfig:\n        SubnetIds: [subnet-0a1a, subnet-0a1b]\n        SecurityGroupIds: [sg-1]\n"
           "      Policies:\n        - LambdaInvokePolicy: {FunctionName: Other}\n",
           1);
    json d = s.client.diagnostics(uri);
    const json* n101 = find_code(d, "N101");
    REQUIRE(n101);
    const json& related = (*n101)["relatedInformation"];
    REQUIRE(related.size() == 6);
    CHECK(related[0]["location"]["uri"] == uri);
    CHECK(related[1]["location"]["uri"] == "file://" + (s.path / ".vpclint.yaml").string());
    CHECK(related[1]["location"]["range"]["start"]["line"] == 2);
    CHECK(related[1]["message"].get<std::string>().starts_with("subnet-0a1a is stated in .vpclint.yaml with egress"));
  }

  TEST_CASE("a buffer that is not a template gets no diagnostics") {
    Session s;
    std::string uri = "file://" + (s.path / "package.json").string();
    s.open(uri, R"({"name": "app", "version": "1.0.0"})", 1);
    CHECK(s.client.diagnostics(uri)["diagnostics"].empty());
  }

  TEST_CASE("hostile input: bad headers, invalid JSON, a 20 MB buffer; the server keeps serving") {
    Session s;
    s.client.send_raw("Content-Length: abc\r\n\r\n");
    s.client.send_raw("no colon here\r\n\r\n");
    s.client.send_raw(LspClient::frame("{not json"));
    json parse_error = s.client.read();
    CHECK(parse_error["id"].is_null());
    CHECK(parse_error["error"]["code"] == -32700);
    s.client.send_raw(LspClient::frame("[1, 2]"));
    CHECK(s.client.read()["error"]["code"] == -32600);
    s.client.send(json{{"jsonrpc", "2.0"}, {"id", 7}, {"method", "textDocument/didOpen"}, {"params", 3}});
    CHECK(s.client.response(7)["error"]["code"] == -32601);
    s.client.notify("textDocument/didOpen", {{"textDocument", 42}});  // logged, not answered

    std::string huge = "Resources:\n" + std::string(20u << 20, '#') + "\n";
    s.open(s.template_uri, huge, 1);
    json d = s.client.diagnostics(s.template_uri);
    CHECK(codes(d) == std::vector<std::string>{"T008"});
    s.client.request(8, "shutdown");
    CHECK(s.client.response(8)["result"].is_null());
    std::string log = s.stderr_text();
    CHECK(log.find("vpclint lsp: skipped a malformed message: bad Content-Length 'abc'\n") != std::string::npos);
    CHECK(log.find("vpclint lsp: skipped a malformed message: malformed header line 'no colon here'\n") !=
          std::string::npos);
    CHECK(log.find("vpclint lsp: a message that is not JSON (9 bytes)\n") != std::string::npos);
    CHECK(log.find("vpclint lsp: textDocument/didOpen: invalid params:") != std::string::npos);
  }

  TEST_CASE("a client that disappears: the server exits 1 with one line, even with a lint pending") {
    Session s;
    s.open(s.template_uri, vpclint::test::example("template.yaml"), 1);
    s.client.close_input();
    CHECK(s.client.wait_exit() == 1);
    CHECK(s.stderr_text() == "vpclint lsp: the client closed the connection without exit\n");
  }
  TEST_CASE("the ignore-comment quick fix (YAML): applied, the next lint is clean of that finding") {
    Session s;
    std::string text = vpclint::test::example("template.yaml");
    s.open(s.template_uri, text, 1);
    json actions = n101_code_actions(s);
    REQUIRE(actions.size() == 2);
    CHECK(actions[1]["title"] == "Ignore N101 here (# vpclint: ignore)");
    CHECK(actions[1]["kind"] == "quickfix");
    json edits = actions[1]["edit"]["changes"][s.template_uri];
    CHECK(edits == json::parse(R"([{"range":{"start":{"line":92,"character":0},"end":{"line":92,"character":0}},
                                   "newText":"      # vpclint: ignore N101 -- <reason>\n"}])"));
    expect_clean_after(s, s.template_uri, text, edits);
  }

  TEST_CASE("the endpoint quick fix (N101): the --explain snippet filled in, and the next lint is clean of N101") {
    Session s;
    std::string text = vpclint::test::example("template.yaml");
    s.open(s.template_uri, text, 1);
    json actions = n101_code_actions(s);
    REQUIRE(actions.size() == 2);
    CHECK(actions[0]["title"] == "Add a lambda interface endpoint for OrderCancel");
    CHECK(actions[0]["isPreferred"] == true);
    json edits = actions[0]["edit"]["changes"][s.template_uri];
    REQUIRE(edits.size() == 1);
    CHECK(edits[0]["range"]["start"] == json::parse(R"({"line":117,"character":0})"));
    CHECK(edits[0]["newText"] ==
          "\n"
          "  LambdaEndpointSecurityGroup:\n"
          "    Type: AWS::EC2::SecurityGroup\n"
          "    Properties:\n"
          "      GroupDescription: HTTPS from OrderCancel to the lambda endpoint\n"
          "      VpcId: !Ref Vpc\n"
          "      SecurityGroupIngress:\n"
          "        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref "
          "OrderCancelSecurityGroup}\n"
          "\n"
          "  LambdaEndpoint:\n"
          "    Type: AWS::EC2::VPCEndpoint\n"
          "    Properties:\n"
          "      VpcId: !Ref Vpc\n"
          "      ServiceName: !Sub com.amazonaws.${AWS::Region}.lambda\n"
          "      VpcEndpointType: Interface\n"
          "      PrivateDnsEnabled: true\n"
          "      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
          "      SecurityGroupIds: [!Ref LambdaEndpointSecurityGroup]\n");
    expect_clean_after(s, s.template_uri, text, edits);
  }

  TEST_CASE("hover on VpcConfig: the function's network paths as vpclint sees them") {
    Session s;
    s.open(s.template_uri, vpclint::test::example("template.yaml"), 1);
    s.client.diagnostics(s.template_uri);
    s.client.request(2, "textDocument/hover",
                     {{"textDocument", {{"uri", s.template_uri}}}, {"position", {{"line", 92}, {"character", 8}}}});
    json hover = s.client.response(2)["result"];
    CHECK(hover["contents"]["kind"] == "markdown");
    CHECK(hover["contents"]["value"] ==
          "**OrderCancel**: network paths (vpclint)\n\n"
          "- OrderCancel → Cache (Redis, TCP 6379) (TCP 6379)\n"
          "- OrderCancel → PrivateSubnetA (subnet 10.20.1.0/24) → PrivateRouteTable (route table, no route to "
          "0.0.0.0/0) → AWS Lambda API **✗ N101: no route to the Lambda API**\n"
          "- OrderCancel → PrivateSubnetB (subnet 10.20.2.0/24) → PrivateRouteTable (route table, no route to "
          "0.0.0.0/0) → AWS Lambda API **✗ N101: no route to the Lambda API**\n");
    s.client.request(3, "textDocument/hover",
                     {{"textDocument", {{"uri", s.template_uri}}}, {"position", {{"line", 10}, {"character", 4}}}});
    CHECK(s.client.response(3)["result"].is_null());
  }

  TEST_CASE("the Metadata suppression quick fix (JSON)") {
    Session s;
    std::string uri = "file://" + (s.path / "queue.json").string();
    std::string text =
        R"({"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Nope"}}}}})";
    s.open(uri, text, 1);
    json first = s.client.diagnostics(uri);
    REQUIRE(codes(first) == std::vector<std::string>{"T006"});
    s.client.request(2, "textDocument/codeAction",
                     {{"textDocument", {{"uri", uri}}},
                      {"range", first["diagnostics"][0]["range"]},
                      {"context", {{"diagnostics", first["diagnostics"]}}}});
    json actions = s.client.response(2)["result"];
    REQUIRE(actions.size() == 1);
    CHECK(actions[0]["title"] == "Ignore T006 for Queue (Metadata)");
    json edits = actions[0]["edit"]["changes"][uri];
    CHECK(edits[0]["newText"] == R"( "Metadata": {"vpclint": {"ignore": [{"reason":"<reason>","rule":"T006"}]}},)");
    CHECK(edits[0]["range"]["start"] == json::parse(R"({"line":0,"character":25})"));
    expect_clean_after(s, uri, text, edits);
  }
}
