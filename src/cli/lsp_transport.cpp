#include "cli/lsp_transport.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string_view>

namespace vpclint {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

// The Content-Length of a header block (the lines before the empty one), or npos.
size_t content_length(std::string_view headers, std::string& error) {
  size_t length = std::string_view::npos;
  while (!headers.empty()) {
    size_t end = headers.find("\r\n");
    std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      error = "malformed header line '" + std::string(line.substr(0, 80)) + "'";
      return std::string_view::npos;
    }
    if (!iequals(line.substr(0, colon), "Content-Length")) continue;  // Content-Type and others
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    size_t n = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) {
      error = "bad Content-Length '" + std::string(value.substr(0, 40)) + "'";
      return std::string_view::npos;
    }
    length = n;
  }
  if (length == std::string_view::npos) error = "a header block without Content-Length";
  return length;
}
}  // namespace

bool LspReader::fill() {
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }
}

LspReader::Status LspReader::next(std::string& content, std::string& error) {
  size_t end;
  while ((end = buffer_.find("\r\n\r\n", start_)) == std::string::npos) {
    // A header block is a few short lines: past 64 KB without its end, it is garbage.
    if (buffer_.size() - start_ > 65536) {
      error = "no header block end in 64 KB of input";
      start_ = buffer_.size() - 3;
      return Status::Malformed;
    }
    if (!fill()) return Status::Eof;
  }
  std::string_view headers(buffer_.data() + start_, end - start_);
  size_t length = content_length(headers, error);
  start_ = end + 4;
  if (length == std::string_view::npos) return Status::Malformed;
  size_t skip = length > kMaxMessageSize ? length : 0;
  while (buffer_.size() - start_ < length) {
    if (skip > 0 && buffer_.size() > start_) {  // drain an oversized message without keeping it
      size_t have = buffer_.size() - start_;
      length -= have;
      buffer_.erase(start_);
    }
    if (!fill()) return Status::Eof;
  }
  if (skip > 0) {
    start_ += length;
    error = "a message of " + std::to_string(skip) + " bytes, over the limit";
    return Status::Malformed;
  }
  content.assign(buffer_, start_, length);
  start_ += length;
  return Status::Message;
}

bool LspWriter::write(const std::string& content) {
  std::string message = "Content-Length: " + std::to_string(content.size()) + "\r\n\r\n" + content;
  std::lock_guard lock(mutex_);
  for (size_t done = 0; !closed_ && done < message.size();) {
    ssize_t n = ::write(fd_, message.data() + done, message.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      closed_ = true;  // the client is gone (EPIPE): nothing more to say
    else
      done += static_cast<size_t>(n);
  }
  return !closed_;
}

bool LspWriter::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace vpclint
