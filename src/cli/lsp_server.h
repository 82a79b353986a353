// `vpclint lsp`: a Language Server Protocol 3.17 server on standard input and output.
//
// Threads: the caller's thread reads messages and answers requests (all fast: they read the last
// lint); one worker lints. A change schedules its document ~100 ms ahead (a later change moves
// that back: last change wins); the worker takes the buffer's current text and version, lints
// without any lock, and publishes only when the document is still open at that version with no
// newer change pending. A lint a change overtakes is never awaited: its result is dropped.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli/lsp_lint.h"
#include "cli/lsp_transport.h"

namespace vpclint {

class LspServer {
 public:
  // `debounce`: how long after the last change a document is linted.
  LspServer(int in, int out, std::ostream& log, std::chrono::milliseconds debounce = std::chrono::milliseconds(100));
  ~LspServer();
  LspServer(const LspServer&) = delete;
  LspServer& operator=(const LspServer&) = delete;
  // Serves until `exit` or the end of input. Returns the exit code: 0 after shutdown, else 1.
  int run();

 private:
  using json = nlohmann::json;
  struct OpenDocument {
    std::string path;  // absolute
    std::string text;
    int64_t version = 0;
  };
  struct LastLint {  // what code actions and hover read
    int64_t version = 0;
    BufferLint lint;
  };

  void handle(const json& message);
  json request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  json initialize(const json& params);
  void open(const json& params);
  void change(const json& params);
  void close(const json& params);
  void saved(const json& params);
  json code_actions(const json& params);  // lsp_actions.cpp
  json hover(const json& params);         // lsp_actions.cpp

  void respond(const json& id, json result);
  void respond_error(const json& id, int code, const std::string& message);
  void log(const std::string& line);
  // Under mutex_: a new snapshot of the open buffers for the lints to read.
  void refresh_buffers();
  void schedule(const std::string& uri);                                                  // under mutex_
  void schedule_all();                                                                    // under mutex_
  void publish(const std::string& uri, const json& diagnostics, const int64_t* version);  // under mutex_
  void work();

  LspReader reader_;
  LspWriter writer_;
  std::ostream& log_;
  std::chrono::milliseconds debounce_;
  bool initialized_ = false, shut_down_ = false, utf16_ = true;

  std::mutex mutex_;  // guards what follows; never held while linting
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, OpenDocument> documents_;  // by URI
  std::shared_ptr<const OpenBuffers> buffers_ = std::make_shared<OpenBuffers>();
  std::map<std::string, std::chrono::steady_clock::time_point> due_;  // URI -> when to lint
  std::map<std::string, LastLint> last_;                              // URI -> its published lint
  std::thread worker_;
};

// `vpclint lsp`: serves on standard input and output, logs to standard error.
int run_lsp_command(std::chrono::milliseconds debounce);

}  // namespace vpclint
