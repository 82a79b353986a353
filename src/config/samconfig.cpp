// samconfig: which file SAM CLI reads and which of its tables `sam deploy` takes values from
// (samcli/lib/config/samconfig.py, SamConfig.get_all), the file itself read by deploy_tree.
#include <filesystem>

#include "config/deploy_tree.h"
#include "config/deploy_values.h"

namespace vpclint {

namespace {

using namespace deploy_detail;
using Kind = DeployNode::Kind;

// Where a type error points: the value, or its key when the value is empty (YAML `key:`).
Position value_pos(const DeployEntry& e) { return e.value.kind == Kind::Null ? e.key_pos : e.value.pos; }

// SAM CLI looks tables up with .get(): an absent one is empty, anything else but a table fails.
const DeployNode* table(const DeployFile& file, const DeployNode& parent, std::string_view key,
                        const std::string& name) {
  const DeployEntry* e = parent.find(key);
  if (!e) return nullptr;
  if (e->value.kind != Kind::Table)
    fail(file.path, value_pos(*e), name + " must be a table, not " + kind_name(e->value.kind));
  return &e->value;
}

// SamConfig._version_sanity_check: a file with any content needs `version` as a float.
void check_version(const DeployFile& file) {
  const DeployEntry* version = file.root.find("version");
  if (!version) fail(file.path, {}, "no version (version = 0.1): SAM CLI refuses a samconfig without it");
  if (version->value.kind != Kind::Float)
    fail(file.path, value_pos(*version),
         "version must be a number with a fraction, like 0.1 (SAM CLI refuses " + kind_name(version->value.kind) + ")");
}

void read(const DeployFile& file, std::string_view env, DeployValues& out) {
  const DeployNode& root = file.root;
  if (root.kind == Kind::Null) fail(file.path, {}, "empty file: SAM CLI fails on a samconfig with no mapping");
  if (root.kind != Kind::Table)
    fail(file.path, root.pos, "a samconfig is a mapping of environments, not " + kind_name(root.kind));
  if (root.entries.empty()) return;  // an empty TOML file: nothing to read, and SAM CLI asks no version
  check_version(file);
  const std::string env_name = env.empty() ? "default" : std::string(env);
  const DeployNode* env_table = table(file, root, env_name, "environment " + quote_text(env_name));
  if (!env_table) return;
  out.env_found = true;
  // [env.global.parameters], then [env.deploy.parameters] over it key by key.
  std::map<std::string_view, const DeployEntry*> parameters;
  for (std::string_view command : {"global", "deploy"}) {
    const std::string prefix = env_name + "." + std::string(command);
    const DeployNode* command_table = table(file, *env_table, command, quote_text(prefix));
    const DeployNode* section =
        command_table ? table(file, *command_table, "parameters", quote_text(prefix + ".parameters")) : nullptr;
    if (section)
      for (const DeployEntry& e : section->entries) parameters[e.key] = &e;
  }
  if (auto it = parameters.find("parameter_overrides"); it != parameters.end())
    read_overrides(file, it->second->value, out.parameters);
  if (auto it = parameters.find("stack_name"); it != parameters.end()) {
    const DeployEntry& e = *it->second;
    if (!e.value.is_scalar() || e.value.kind == Kind::Date)
      fail(file.path, value_pos(e), "stack_name must be a string, not " + kind_name(e.value.kind));
    if (e.value.kind != Kind::Null) {
      out.stack_name = e.value.text;
      out.stack_name_source = ConfigSource{file.path, e.key_pos, "stack_name in " + file.path};
    }
  }
  for (const char* key : {"template", "template_file"})
    if (auto it = parameters.find(key); it != parameters.end() && it->second->value.kind == Kind::String)
      out.template_file = it->second->value.text;
}

}  // namespace

std::string find_samconfig(const std::string& dir) {
  namespace fs = std::filesystem;
  // SAM CLI's priority (SamConfig.get_default_file); it takes a name that exists, whatever it is.
  for (const char* name : {"samconfig.toml", "samconfig.yaml", "samconfig.yml"}) {
    const fs::path path = dir.empty() ? fs::path(name) : fs::path(dir) / name;
    std::error_code ec;
    if (fs::exists(path, ec)) return path.string();
  }
  return {};
}

bool read_samconfig(const std::string& path, std::string_view env, DeployValues& out, std::string& error) {
  try {
    const DeployFile file = load_deploy_file(path);
    DeployValues values;
    values.file = path;
    read(file, env, values);
    out = std::move(values);
    return true;
  } catch (const DeployError& e) {
    error = e.line;
    return false;
  }
}

}  // namespace vpclint
