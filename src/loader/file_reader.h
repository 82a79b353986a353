#pragma once
#include <string>
#include <unordered_map>

namespace vpclint {

// Reads a whole regular file (or standard input for "-") up to `max_size` bytes. On failure
// returns false with a one-line reason ("No such file or directory", "is a directory",
// "is not a regular file", "larger than the 2 MB limit"). Never blocks on a FIFO.
bool read_file(const std::string& path, size_t max_size, std::string& out, std::string& error, bool& too_large);

// Editor buffers by absolute, lexically normal path: `vpclint lsp` lints what the editor holds,
// saved or not, so these win over the files on disk.
using OpenBuffers = std::unordered_map<std::string, std::string>;

// read_file, but the buffer open for `absolute_path` (when `buffers` holds one) wins over the disk.
bool read_file(const OpenBuffers* buffers, const std::string& absolute_path, const std::string& path, size_t max_size,
               std::string& out, std::string& error, bool& too_large);

}  // namespace vpclint
