#include "cli/lsp_server.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/lsp_diagnostics.h"

namespace vpclint {

namespace {
// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

struct MethodNotFound {};

// Deploy values and configs other buffers read: a change re-lints every open template.
bool is_context_file(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name == ".vpclint.yaml" || name.starts_with("samconfig.");
}
}  // namespace

LspServer::LspServer(int in, int out, std::ostream& log, std::chrono::milliseconds debounce)
    : reader_(in), writer_(out), log_(log), debounce_(debounce) {
  worker_ = std::thread([this] { work(); });
}

LspServer::~LspServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void LspServer::log(const std::string& line) {
  std::string one = line.substr(0, 300);
  for (char& c : one)
    if (c == '\n' || c == '\r') c = ' ';
  std::lock_guard lock(mutex_);  // one whole line at a time, whichever thread logs
  log_ << "vpclint lsp: " << one << std::endl;
}

int LspServer::run() {
  for (;;) {
    std::string content, error;
    LspReader::Status status = reader_.next(content, error);
    if (status == LspReader::Status::Eof) {
      if (!shut_down_) log("the client closed the connection without exit");
      return shut_down_ ? 0 : 1;
    }
    if (status == LspReader::Status::Malformed) {
      log("skipped a malformed message: " + error);
      continue;
    }
    json message = json::parse(content, nullptr, false);
    if (message.is_discarded()) {
      log("a message that is not JSON (" + std::to_string(content.size()) + " bytes)");
      respond_error(nullptr, kParseError, "the message is not JSON");
      continue;
    }
    if (message.is_object() && message.value("method", "") == "exit") return shut_down_ ? 0 : 1;
    handle(message);
    if (writer_.closed()) {
      log("the client stopped reading");
      return 1;
    }
  }
}

void LspServer::handle(const json& message) {
  if (!message.is_object() || (message.contains("method") && !message["method"].is_string())) {
    log("a message that is not a JSON-RPC request or notification");
    respond_error(nullptr, kInvalidRequest, "not a JSON-RPC message");
    return;
  }
  if (!message.contains("method")) return;  // a response to a request this server never sends
  std::string method = message["method"];
  json params = message.value("params", json::object());
  bool is_request = message.contains("id");
  json id = is_request ? message["id"] : json();
  if (is_request && !id.is_number_integer() && !id.is_string()) {
    log(method + ": an id that is neither a number nor a string");
    respond_error(nullptr, kInvalidRequest, "the id must be a number or a string");
    return;
  }
  try {
    if (!is_request) {
      notification(method, params);
    } else if (!initialized_ && method != "initialize") {
      respond_error(id, kServerNotInitialized, "initialize first");
    } else if (shut_down_) {
      respond_error(id, kInvalidRequest, "the server is shut down");
    } else {
      respond(id, request(method, params));
    }
  } catch (const MethodNotFound&) {
    respond_error(id, kMethodNotFound, "no method " + method);
  } catch (const std::exception& e) {  // a parameter of the wrong shape (nlohmann type_error)
    log(method + ": invalid params: " + e.what());
    if (is_request) respond_error(id, kInvalidParams, std::string("invalid params: ") + e.what());
  }
}

LspServer::json LspServer::request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shut_down_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_actions(params);
  if (method == "textDocument/hover") return hover(params);
  throw MethodNotFound{};
}

void LspServer::notification(const std::string& method, const json& params) {
  if (!initialized_) return;  // the protocol drops notifications before initialize, except exit
  if (method == "textDocument/didOpen") open(params);
  if (method == "textDocument/didChange") change(params);
  if (method == "textDocument/didClose") close(params);
  if (method == "textDocument/didSave") saved(params);
  if (method == "workspace/didChangeWatchedFiles") {
    std::lock_guard lock(mutex_);
    schedule_all();
  }
  // $/cancelRequest: requests are answered in order as they arrive, so by the time a cancel is
  // read its request has its answer; other notifications ($/setTrace, initialized) need nothing.
}

LspServer::json LspServer::initialize(const json& params) {
  // vpclint counts code points: utf-32 needs no conversion; UTF-16 is the protocol's default.
  bool utf16 = true;
  if (params.contains("capabilities")) {
    json encodings = params["capabilities"].value("general", json::object()).value("positionEncodings", json::array());
    for (const json& e : encodings)
      if (e == "utf-32") utf16 = false;
  }
  {
    std::lock_guard lock(mutex_);  // the worker reads it
    utf16_ = utf16;
  }
  initialized_ = true;
  json capabilities = {
      {"positionEncoding", utf16_ ? "utf-16" : "utf-32"},
      {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"hoverProvider", true},
  };
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "vpclint"}, {"version", VPCLINT_VERSION}}}};
}

void LspServer::open(const json& params) {
  const json& doc = params.at("textDocument");
  std::string uri = doc.at("uri"), path = uri_to_path(uri);
  if (path.empty()) return;  // an untitled buffer or a remote file: nothing to lint it against
  std::lock_guard lock(mutex_);
  documents_[uri] = {path, doc.at("text").get<std::string>(), doc.value("version", int64_t{0})};
  refresh_buffers();
  if (is_context_file(path)) schedule_all();
  schedule(uri);
}

void LspServer::change(const json& params) {
  std::string uri = params.at("textDocument").at("uri");
  std::lock_guard lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  OpenDocument& doc = it->second;
  for (const json& c : params.at("contentChanges")) {
    if (!c.contains("range")) {
      doc.text = c.at("text").get<std::string>();
      continue;
    }
    const json& start = c["range"].at("start");
    const json& end = c["range"].at("end");
    size_t from = offset_of(doc.text, start.at("line"), start.at("character"), utf16_);
    size_t to = std::max(from, offset_of(doc.text, end.at("line"), end.at("character"), utf16_));
    doc.text.replace(from, to - from, c.at("text").get<std::string>());
  }
  doc.version = params["textDocument"].value("version", doc.version + 1);
  refresh_buffers();
  if (is_context_file(doc.path)) schedule_all();
  schedule(uri);
}

void LspServer::close(const json& params) {
  std::string uri = params.at("textDocument").at("uri");
  std::lock_guard lock(mutex_);
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  bool context = is_context_file(it->second.path);
  documents_.erase(it);
  due_.erase(uri);
  last_.erase(uri);
  refresh_buffers();
  if (context) schedule_all();  // the file on disk counts again
  publish(uri, json::array(), nullptr);
}

void LspServer::saved(const json& params) {
  std::string path = uri_to_path(params.at("textDocument").at("uri"));
  std::lock_guard lock(mutex_);
  if (is_context_file(path)) schedule_all();
}

void LspServer::respond(const json& id, json result) {
  writer_.write(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}.dump(
      -1, ' ', false, json::error_handler_t::replace));
}

void LspServer::respond_error(const json& id, int code, const std::string& message) {
  writer_.write(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}.dump(
      -1, ' ', false, json::error_handler_t::replace));
}

void LspServer::refresh_buffers() {
  auto buffers = std::make_shared<OpenBuffers>();
  for (const auto& [uri, doc] : documents_) (*buffers)[doc.path] = doc.text;
  buffers_ = std::move(buffers);
}

void LspServer::schedule(const std::string& uri) {
  due_[uri] = std::chrono::steady_clock::now() + debounce_;
  wake_.notify_all();
}

void LspServer::schedule_all() {
  for (const auto& [uri, doc] : documents_) schedule(uri);
}

void LspServer::publish(const std::string& uri, const json& diagnostics, const int64_t* version) {
  json params = {{"uri", uri}, {"diagnostics", diagnostics}};
  if (version) params["version"] = *version;
  writer_.write(json{{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", params}}.dump(
      -1, ' ', false, json::error_handler_t::replace));
}

void LspServer::work() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (due_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto next = std::min_element(due_.begin(), due_.end(), [](auto& a, auto& b) { return a.second < b.second; });
    if (next->second > std::chrono::steady_clock::now()) {
      wake_.wait_until(lock, next->second);
      continue;
    }
    std::string uri = next->first;
    due_.erase(next);
    const OpenDocument& doc = documents_.at(uri);
    std::string path = doc.path;
    int64_t version = doc.version;
    std::shared_ptr<const OpenBuffers> buffers = buffers_;
    lock.unlock();
    BufferLint lint;
    try {
      lint = lint_buffer(path, buffers);
    } catch (const std::exception& e) {  // bad_alloc on a hostile buffer: log, keep serving
      lint.errors.push_back(std::string("vpclint could not lint this file: ") + e.what());
    }
    lock.lock();
    // Superseded while it ran (changed, closed, or due again): dropped, never published.
    auto now = documents_.find(uri);
    if (stopping_ || now == documents_.end() || now->second.version != version || due_.count(uri)) continue;
    for (const std::string& e : lint.errors) log_ << "vpclint lsp: " << e << std::endl;
    publish(uri, diagnostics_json(lint, uri, utf16_), &version);
    last_[uri] = {version, std::move(lint)};
  }
}

int run_lsp_command(std::chrono::milliseconds debounce) {
  ::signal(SIGPIPE, SIG_IGN);  // a client that disappears is a failed write, not a killed server
  std::ios::sync_with_stdio(false);
  LspServer server(STDIN_FILENO, STDOUT_FILENO, std::cerr, debounce);
  int code = server.run();
  // Not the destructor: it would wait for a lint still running, and a client that said exit (or
  // vanished) waits for nothing.
  std::cerr.flush();
  std::_Exit(code);
}

}  // namespace vpclint
