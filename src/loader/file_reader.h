#pragma once
#include <string>

namespace vpclint {

// Reads a whole regular file (or standard input for "-") up to `max_size` bytes. On failure
// returns false with a one-line reason ("No such file or directory", "is a directory",
// "is not a regular file", "larger than the 2 MB limit"). Never blocks on a FIFO.
bool read_file(const std::string& path, size_t max_size, std::string& out, std::string& error, bool& too_large);

}  // namespace vpclint
