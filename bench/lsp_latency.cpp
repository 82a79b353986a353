// `vpclint lsp` latency: the time from sending didChange to receiving its publishDiagnostics, for
// the bundled example and a generated 2,000-line template, with the server's debounce at 0 (the
// lint and the protocol alone) and at its default 100 ms. A benchmark, not a test: it prints.
// Usage: bench_lsp [ROUNDS]   (run from the source directory; `make bench-lsp`)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../tests/lsp_client.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The example's network and 90 VPC functions that invoke each other (about 2,000 lines).
std::string large_template(const std::string& example) {
  std::string out = example.substr(0, example.find("  OrderCancel:\n"));
  for (int i = 0; i < 90; ++i) {
    std::string n = std::to_string(i), next = std::to_string((i + 1) % 90);
    out += "  Fn" + n +
           ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: h.handler\n"
           "      CodeUri: src/\n      VpcConfig:\n        SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
           "        SecurityGroupIds: [!Ref OrderCancelSecurityGroup]\n      Environment:\n        Variables:\n"
           "          NEXT: !Ref Fn" +
           next +
           "\n      Policies:\n        - LambdaInvokePolicy:\n"
           "            FunctionName: !Ref Fn" +
           next +
           "\n        - SQSSendMessagePolicy:\n"
           "            QueueName: orders-" +
           n + "\n      Tags:\n        team: orders\n        index: \"" + n + "\"\n      Description: function " + n +
           " of the generated benchmark template\n\n";
  }
  return out;
}

void measure(const char* label, const std::string& text, unsigned debounce_ms, int rounds) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("vpclint-bench-lsp-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string uri = "file://" + (dir / "template.yaml").string();
  std::vector<double> ms;
  {
    vpclint::test::LspClient client(dir.string(), (dir / "stderr.log").string(),
                                    {"lsp", "--debounce-ms", std::to_string(debounce_ms)});
    client.request(1, "initialize", {{"capabilities", json::object()}});
    client.response(1);
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 0}, {"text", text}}}});
    client.diagnostics(uri);
    for (int v = 1; v <= rounds; ++v) {
      std::string changed = text + "# edit " + std::to_string(v) + "\n";
      json change = json::object();  // full sync: the whole text, no range
      change["text"] = changed;
      json changes = json::array({change});
      auto start = Clock::now();
      client.notify("textDocument/didChange",
                    {{"textDocument", {{"uri", uri}, {"version", v}}}, {"contentChanges", changes}});
      while (client.diagnostics(uri)["version"] != v) {
      }
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
  }
  std::filesystem::remove_all(dir);
  std::sort(ms.begin(), ms.end());
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  std::printf("%-22s %5zu lines  debounce %3u ms  median %7.2f ms  p90 %7.2f ms  min %7.2f ms\n", label, lines,
              debounce_ms, ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.front());
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
  std::string example = read_text("examples/order-cancel/template.yaml");
  if (example.empty()) {
    std::fprintf(stderr, "bench_lsp: run it from the source directory (examples/order-cancel/template.yaml)\n");
    return 2;
  }
  std::string large = large_template(example);
  for (unsigned debounce : {0u, 100u}) {
    measure("example", example, debounce, rounds);
    measure("generated", large, debounce, rounds);
  }
  return 0;
}
