#include "loader/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace vpclint {

namespace {
std::string size_text(size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
  return std::to_string(bytes) + " bytes";
}

bool read_fd(int fd, size_t max_size, std::string& out, std::string& error, bool& too_large) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::generic_category().message(errno);
      return false;
    }
    if (n == 0) return true;
    if (out.size() + static_cast<size_t>(n) > max_size) {
      too_large = true;
      error = "larger than the " + size_text(max_size) + " limit (--max-file-size)";
      return false;
    }
    out.append(buf, static_cast<size_t>(n));
  }
}
}  // namespace

bool read_file(const std::string& path, size_t max_size, std::string& out, std::string& error, bool& too_large) {
  too_large = false;
  if (path == "-") return read_fd(STDIN_FILENO, max_size, out, error, too_large);
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::generic_category().message(errno);
    return false;
  }
  struct stat st {};
  bool ok = false;
  if (::fstat(fd, &st) != 0) {
    error = std::generic_category().message(errno);
  } else if (S_ISDIR(st.st_mode)) {
    error = "is a directory";
  } else if (!S_ISREG(st.st_mode)) {
    error = "is not a regular file";
  } else if (static_cast<size_t>(st.st_size) > max_size) {
    too_large = true;
    error = "larger than the " + size_text(max_size) + " limit (--max-file-size)";
  } else {
    out.reserve(static_cast<size_t>(st.st_size));
    ok = read_fd(fd, max_size, out, error, too_large);
  }
  ::close(fd);
  return ok;
}

bool read_file(const OpenBuffers* buffers, const std::string& absolute_path, const std::string& path, size_t max_size,
               std::string& out, std::string& error, bool& too_large) {
  auto open = buffers ? buffers->find(absolute_path) : OpenBuffers::const_iterator();
  if (!buffers || open == buffers->end()) return read_file(path, max_size, out, error, too_large);
  too_large = open->second.size() > max_size;
  if (too_large) {
    error = "larger than the " + size_text(max_size) + " limit (--max-file-size)";
    return false;
  }
  out = open->second;
  return true;
}

}  // namespace vpclint
