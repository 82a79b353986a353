// Which `.vpclint.yaml` applies to a template: the one given with --config, or the nearest one
// from the template's directory up to the repository root.
#pragma once
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>

#include "config/config.h"
#include "loader/file_reader.h"

namespace vpclint {

inline constexpr const char* kConfigFileName = ".vpclint.yaml";
// Config files are a few hundred bytes; anything near this is not a config.
inline constexpr size_t kMaxConfigSize = 1024 * 1024;

// Single-threaded: resolve every template's config before linting in parallel. Each directory is
// looked at and each config parsed at most once per finder, and the returned pointers stay valid
// as long as the finder.
class ConfigFinder {
 public:
  // With a path, that file serves every template; without, discovery. `rules` are the ids a
  // config may name (see parse_config).
  explicit ConfigFinder(RuleIds rules, std::string explicit_path = {});

  // The config for a template path ("-" searches from the current directory): the explicit
  // file, else the nearest `.vpclint.yaml` in the template's directory or above, stopping after
  // the first directory that holds `.git` (the repository root) or at the file-system root; the
  // built-in defaults (a Config with an empty path) when there is none. Null with `error` set
  // ("FILE:LINE:COL: message", or "FILE: reason" for an unreadable file) when the config that
  // applies is invalid.
  const Config* for_file(const std::string& template_path, std::string& error);

  // Editor buffers read instead of the config files on disk (`vpclint lsp`); may be null.
  std::shared_ptr<const OpenBuffers> buffers;

 private:
  // A config file read once: the parsed config, or why it is unusable.
  struct Loaded {
    Config config;
    std::string error;
  };
  const Loaded* load(const std::string& absolute_path, std::string display_path);
  const Loaded* search_from(const std::string& directory);

  RuleIds rules_;
  std::string explicit_path_;
  Config defaults_;
  std::deque<Loaded> loaded_;  // deque: pointers stay valid as configs are added
  std::unordered_map<std::string, const Loaded*> by_file_;
  // Directory -> the config that applies to it (null: the defaults).
  std::unordered_map<std::string, const Loaded*> by_directory_;
  std::string cwd_;
};

}  // namespace vpclint
