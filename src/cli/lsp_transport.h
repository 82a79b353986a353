// The LSP base protocol over file descriptors: `Content-Length: N\r\n\r\n` then N bytes of JSON.
#pragma once
#include <mutex>
#include <string>

namespace vpclint {

// Messages larger than this are skipped (a 20 MB buffer, JSON-escaped, fits).
inline constexpr size_t kMaxMessageSize = 256u << 20;

class LspReader {
 public:
  explicit LspReader(int fd) : fd_(fd) {}
  enum class Status { Message, Malformed, Eof };
  // The next message's content. Malformed: a header block without a usable Content-Length (or a
  // message over the limit), skipped whole; `error` says why, and the next call reads on.
  Status next(std::string& content, std::string& error);

 private:
  bool fill();  // reads more bytes; false at end of input
  int fd_;
  std::string buffer_;
  size_t start_ = 0;  // consumed bytes at the front of buffer_
};

// Writes whole messages; safe from several threads. After the client is gone, writes are dropped.
class LspWriter {
 public:
  explicit LspWriter(int fd) : fd_(fd) {}
  bool write(const std::string& content);
  bool closed() const;

 private:
  int fd_;
  mutable std::mutex mutex_;
  bool closed_ = false;
};

}  // namespace vpclint
