#include "lint/baseline.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "lint/fingerprint.h"
#include "loader/file_reader.h"

namespace vpclint {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

constexpr int kVersion = 1;

std::string directory_of(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  return ec ? std::string() : abs.parent_path().lexically_normal().string();
}

// Files are named relative to the baseline's directory, so the baseline holds wherever the run
// starts from.
auto relative_to(const std::string& dir) {
  return [dir](const std::string& file) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec).lexically_normal();
    if (ec || dir.empty()) return file;
    return abs.lexically_relative(dir).generic_string();
  };
}

std::vector<std::string> run_fingerprints(const std::vector<const Finding*>& sorted, const std::string& dir) {
  return fingerprints(sorted, relative_to(dir));
}

}  // namespace

bool Baseline::load(const std::string& path, std::string& error) {
  std::string bytes, why;
  bool too_large = false;
  if (!read_file(path, 64u << 20, bytes, why, too_large)) {
    error = "cannot read baseline '" + path + "': " + why;
    return false;
  }
  json doc = json::parse(bytes, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("vpclint-baseline", 0) != kVersion ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    error = "'" + path + "' is not a vpclint baseline (write one with --write-baseline)";
    return false;
  }
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      error = "'" + path + "': a baseline entry lacks its fingerprint";
      return false;
    }
    ++counts_[f["fingerprint"].get<std::string>()];
  }
  dir_ = directory_of(path);
  return true;
}

size_t Baseline::filter(RunResult& run) const {
  std::vector<const Finding*> sorted = sorted_findings(run);
  std::vector<std::string> prints = run_fingerprints(sorted, dir_);
  std::unordered_map<std::string, int> left = counts_;
  std::unordered_set<const Finding*> known;
  for (size_t i = 0; i < sorted.size(); ++i)
    if (auto it = left.find(prints[i]); it != left.end() && it->second > 0) {
      --it->second;
      known.insert(sorted[i]);
    }
  for (auto& file : run.files) std::erase_if(file.findings, [&](const Finding& f) { return known.count(&f) > 0; });
  return known.size();
}

bool write_baseline(const std::string& path, const RunResult& run, std::string& error) {
  std::string dir = directory_of(path);
  std::vector<const Finding*> sorted = sorted_findings(run);
  std::vector<std::string> prints = run_fingerprints(sorted, dir);
  auto rel = relative_to(dir);
  json findings = json::array();
  for (size_t i = 0; i < sorted.size(); ++i)
    findings.push_back({{"fingerprint", prints[i]},
                        {"rule", sorted[i]->rule},
                        {"file", rel(sorted[i]->file)},
                        {"resource", sorted[i]->resource},
                        {"message", sorted[i]->message}});
  json doc = {{"vpclint-baseline", kVersion}, {"findings", std::move(findings)}};
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      error = "cannot write baseline '" + path + "'";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    error = "cannot write baseline '" + path + "'";
    return false;
  }
  return true;
}

}  // namespace vpclint
