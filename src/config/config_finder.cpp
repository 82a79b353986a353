#include "config/config_finder.h"

#include <filesystem>
#include <system_error>
#include <vector>

#include "loader/file_reader.h"

namespace vpclint {

namespace fs = std::filesystem;

ConfigFinder::ConfigFinder(RuleIds rules, std::string explicit_path)
    : rules_(rules), explicit_path_(std::move(explicit_path)) {}

const Config* ConfigFinder::for_file(const std::string& template_path, std::string& error) {
  if (cwd_.empty()) {
    std::error_code ec;
    cwd_ = fs::current_path(ec).generic_string();
  }
  const Loaded* found = nullptr;
  if (!explicit_path_.empty()) {
    found = load(explicit_path_, explicit_path_);
  } else {
    fs::path directory(cwd_);
    if (template_path != "-") {
      // Lexical, with the current directory read once: no system call per template.
      fs::path file(template_path);
      directory = (file.is_absolute() ? file : fs::path(cwd_) / file).lexically_normal().parent_path();
    }
    found = search_from(directory.generic_string());
  }
  if (!found) return &defaults_;
  if (!found->error.empty()) {
    error = found->error;
    return nullptr;
  }
  return &found->config;
}

const ConfigFinder::Loaded* ConfigFinder::search_from(const std::string& directory) {
  std::vector<std::string> visited;
  const Loaded* result = nullptr;
  fs::path dir(directory);
  for (;;) {
    std::string key = dir.generic_string();
    if (auto it = by_directory_.find(key); it != by_directory_.end()) {
      result = it->second;
      break;
    }
    visited.push_back(std::move(key));
    std::error_code ec;
    const fs::path candidate = dir / kConfigFileName;
    if (fs::exists(candidate, ec)) {
      // Shown relative to the current directory when it is below it, as the templates are.
      fs::path shown = candidate.lexically_relative(cwd_);
      if (shown.empty() || *shown.begin() == "..") shown = candidate;
      result = load(candidate.generic_string(), shown.generic_string());
      break;
    }
    if (fs::exists(dir / ".git", ec)) break;  // the repository root: configs above it are not ours
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) break;
    dir = std::move(parent);
  }
  // Every directory on the way shares the answer, so sibling templates stat nothing again.
  for (auto& v : visited) by_directory_.emplace(std::move(v), result);
  return result;
}

const ConfigFinder::Loaded* ConfigFinder::load(const std::string& path, std::string display_path) {
  if (auto it = by_file_.find(path); it != by_file_.end()) return it->second;
  Loaded& loaded = loaded_.emplace_back();
  std::string bytes, reason;
  bool too_large = false;
  if (!read_file(buffers.get(), path, path, kMaxConfigSize, bytes, reason, too_large)) {
    if (too_large) reason = "larger than the 1 MB limit of a config file";
    loaded.error = display_path + ": cannot read the config file: " + reason;
  } else {
    parse_config(display_path, std::move(bytes), rules_, loaded.config, loaded.error);
  }
  by_file_.emplace(path, &loaded);
  return &loaded;
}

}  // namespace vpclint
