// A baseline: the findings a team has accepted, by fingerprint, so CI fails only on new ones.
#pragma once
#include <string>
#include <unordered_map>

#include "lint/linter.h"

namespace vpclint {

class Baseline {
 public:
  // Reads a baseline file; false with a one-line `error` when it is unreadable or malformed.
  bool load(const std::string& path, std::string& error);
  // Removes the run's findings the baseline records (each recorded fingerprint absorbs one
  // finding) and returns how many were removed.
  size_t filter(RunResult& run) const;

 private:
  std::string dir_;  // file paths in fingerprints are relative to the baseline's directory
  std::unordered_map<std::string, int> counts_;
};

// Writes the run's findings as a baseline to `path`, atomically (a temporary file beside it,
// then rename); false with a one-line `error` on failure.
bool write_baseline(const std::string& path, const RunResult& run, std::string& error);

}  // namespace vpclint
