#include "lint/fingerprint.h"

#include <cstdio>
#include <unordered_map>

namespace vpclint {

namespace {
std::string fnv1a_hex(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
}  // namespace

std::vector<std::string> fingerprints(const std::vector<const Finding*>& sorted,
                                      const std::function<std::string(const std::string&)>& file_key) {
  std::vector<std::string> out;
  out.reserve(sorted.size());
  std::unordered_map<std::string, int> seen;  // base -> occurrences, so twins stay distinct
  for (const Finding* f : sorted) {
    std::string base = f->rule + "|" + file_key(f->file) + "|" + f->resource + "|" + f->path;
    if (f->path.empty()) base += "|" + f->message;
    int n = seen[base]++;
    out.push_back(fnv1a_hex(base + "|" + std::to_string(n)));
  }
  return out;
}

}  // namespace vpclint
