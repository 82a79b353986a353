// The deploy readers' common ground: a TOML, YAML or JSON file as one small tree of the values SAM
// CLI's Python sees (strings, numbers, booleans, lists, tables), each with its position, so one
// conversion serves every format. Internal to the project layer.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "loader/source.h"
#include "model/stated_values.h"

namespace vpclint::deploy_detail {

// The largest samconfig or parameter file read: SAM's are a few kilobytes, CloudFormation takes at
// most 200 parameters of 4 KB.
constexpr size_t kMaxFileSize = 1024 * 1024;
// Bounds on the tree, so a hostile file (nesting, YAML alias bombs) costs little and fails cleanly.
constexpr uint32_t kMaxDepth = 64;
constexpr uint32_t kMaxNodes = 200'000;

// How a string is written, so a byte offset inside its value can be placed on its line.
enum class StringForm : uint8_t {
  Unknown,     // multi-line or block forms: the node's own position is used
  Plain,       // the value as written (YAML plain scalar)
  Literal,     // quoted, no escapes (TOML '...')
  YamlSingle,  // '...' where '' is one quote
  TomlBasic,   // "..." with TOML's backslash escapes
  YamlDouble,  // "..." with YAML's backslash escapes
};

struct DeployEntry;

struct DeployNode {
  enum class Kind : uint8_t { Null, String, Integer, Float, Boolean, Date, List, Table };
  Kind kind = Kind::Null;
  // String: the value. Integer, Float, Boolean: Python's str() of it ("512", "1.5", "True"), which
  // is what SAM CLI passes. Date: as written.
  std::string text;
  Position pos;
  uint32_t offset = 0;  // byte offset of the value as written in the file's text
  StringForm form = StringForm::Unknown;
  std::vector<DeployNode> items;     // List
  std::vector<DeployEntry> entries;  // Table, in file order

  bool is_scalar() const { return kind != Kind::List && kind != Kind::Table; }
  const DeployEntry* find(std::string_view key) const;
};

struct DeployEntry {
  std::string key;
  Position key_pos;
  DeployNode value;
};

struct DeployFile {
  std::string path;
  std::unique_ptr<SourceText> source;  // what positions and offsets point into
  DeployNode root;                     // Null for an empty document
};

// One error line; thrown inside the readers and caught at their entry points.
struct DeployError {
  std::string line;
};
// "FILE:LINE:COL: " or, without a position, "FILE: ".
std::string where(const std::string& file, Position pos);
[[noreturn]] void fail(const std::string& file, Position pos, const std::string& message);
// 'text', cut short when long.
std::string quote_text(std::string_view text);
// The type as an error names it: "a string", "a table", ...
std::string kind_name(DeployNode::Kind kind);

// The bytes of `path`, at most kMaxFileSize; throws DeployError when they cannot be read.
std::string read_bytes(const std::string& path);
// Parse `bytes` as file.path's content, filling file.source and file.root; syntax errors and
// limits throw DeployError with the file's position.
void parse_toml(DeployFile& file, std::string bytes);  // deploy_tree_toml.cpp, the one file with toml++
void parse_yaml(DeployFile& file, std::string bytes);  // deploy_tree_yaml.cpp: YAML 1.2, and so JSON
// Reads and parses `path` by its extension (.toml, .yaml, .yml; others are an error).
DeployFile load_deploy_file(const std::string& path);
// The byte offset of a position (line, code-point column) in `source`.
size_t offset_of(const SourceText& source, Position pos);

// Python's repr of a float ("1.5", "1e+16", "-0.0"), which is what str() gives SAM CLI.
std::string python_float(double v);
// Python's str.strip(): Unicode whitespace at both ends.
std::string_view python_strip(std::string_view s, size_t* leading = nullptr);

// Places byte offsets of a string node's value on the file's lines: exact while the value sits on
// one line as written, the node's position otherwise. Offsets asked in increasing order cost one
// pass over the string.
class StringPlacer {
 public:
  StringPlacer(const SourceText& source, const DeployNode& node);
  Position at(size_t value_offset);

 private:
  void restart();
  const SourceText& source_;
  const DeployNode& node_;
  size_t raw_ = 0;     // byte offset in the source text
  size_t value_ = 0;   // byte offset in the value
  Position pos_;       // position of raw_
  bool lost_ = false;  // the written form could not be followed
};

// The parameter_overrides value at `node` of `file`, SAM CLI's way (CfnParameterOverridesType):
// strings of pairs, mappings, lists of both, `file://` and `$include`. Adds to `out`; later wins.
void read_overrides(const DeployFile& file, const DeployNode& node,
                    std::map<std::string, ExternalValue, std::less<>>& out);

}  // namespace vpclint::deploy_detail
