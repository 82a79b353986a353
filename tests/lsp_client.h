// A Language Server Protocol client for the lsp suite: runs `vpclint lsp` on pipes, frames
// messages, and reads with a hang guard (60 s) instead of timing anything.
#pragma once
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace vpclint::test {

class LspClient {
 public:
  using json = nlohmann::json;
  // Starts `vpclint ARGS` (`lsp` and its options) in `cwd`; its standard error goes to `stderr_file`.
  LspClient(const std::string& cwd, const std::string& stderr_file, std::vector<std::string> args = {"lsp"}) {
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::close(in[1]);
      ::close(out[0]);
      if (::chdir(cwd.c_str()) != 0) ::_exit(126);
      std::vector<char*> argv{const_cast<char*>(VPCLINT_BINARY)};
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(VPCLINT_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_server_ = in[1];
    from_server_ = out[0];
    ::signal(SIGPIPE, SIG_IGN);
  }
  ~LspClient() {
    close_input();
    if (from_server_ >= 0) ::close(from_server_);
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  // Bytes as they are, for framing tests. False once the server has stopped reading.
  bool send_raw(const std::string& bytes) {
    for (size_t done = 0; done < bytes.size();) {
      ssize_t n = ::write(to_server_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }
  static std::string frame(const std::string& content) {
    return "Content-Length: " + std::to_string(content.size()) + "\r\n\r\n" + content;
  }
  void send(const json& message) { send_raw(frame(message.dump())); }
  void request(int id, const std::string& method, const json& params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
  }
  void notify(const std::string& method, const json& params = json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }

  // The next message; throws after 60 s without one (a hang guard) or at the end of output.
  json read() {
    for (;;) {
      size_t end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t at = buffer_.find("Content-Length: ");
        if (at != 0) throw std::runtime_error("bad framing from the server: " + buffer_.substr(0, 80));
        size_t length = std::stoul(buffer_.substr(16, end - 16));
        if (buffer_.size() >= end + 4 + length) {
          json message = json::parse(buffer_.substr(end + 4, length));
          buffer_.erase(0, end + 4 + length);
          return message;
        }
      }
      if (!fill()) throw std::runtime_error("the server closed its output");
    }
  }
  // The response to request `id` (notifications before it are kept for later reads).
  json response(int id) {
    for (;;) {
      json m = read();
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
      if (m.value("method", "") == "textDocument/publishDiagnostics") pending_.push_back(m);
    }
  }
  // The next publishDiagnostics for `uri` (its params).
  json diagnostics(const std::string& uri) {
    for (size_t i = 0; i < pending_.size(); ++i)
      if (pending_[i]["params"]["uri"] == uri) {
        json p = pending_[i]["params"];
        pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(i));
        return p;
      }
    for (;;) {
      json m = read();
      if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
      if (m["params"]["uri"] == uri) return m["params"];
      pending_.push_back(m);
    }
  }

  void close_input() {
    if (to_server_ >= 0) ::close(to_server_);
    to_server_ = -1;
  }
  // The server's exit code, waiting at most 60 s (then it is killed and -1 returned).
  int wait_exit() {
    for (int i = 0; i < 6000; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      ::usleep(10000);
    }
    return -1;
  }

 private:
  bool fill() {
    pollfd p{from_server_, POLLIN, 0};
    if (::poll(&p, 1, 60000) <= 0) throw std::runtime_error("no message from the server in 60 s");
    char chunk[65536];
    ssize_t n = ::read(from_server_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int to_server_ = -1, from_server_ = -1;
  bool exited_ = false;
  std::string buffer_;
  std::vector<json> pending_;
};

}  // namespace vpclint::test
