// What a parsed config answers for the linter: which rules run, at what severity, which files
// are skipped, and what is known about subnets and endpoints outside the template.
#include "config/config.h"

#include <filesystem>
#include <system_error>

#include "config/glob.h"

namespace vpclint {

namespace fs = std::filesystem;

std::string_view subnet_egress_name(SubnetEgress e) {
  switch (e) {
    case SubnetEgress::Nat: return "nat";
    case SubnetEgress::InternetGateway: return "internet-gateway";
    case SubnetEgress::None: return "none";
    case SubnetEgress::Unknown: return "unknown";
    case SubnetEgress::Elsewhere: return "elsewhere";
  }
  return "unknown";
}

namespace {
bool any_prefix_of(const std::vector<std::string>& prefixes, std::string_view id) {
  for (const auto& p : prefixes)
    if (id.starts_with(p)) return true;
  return false;
}
}  // namespace

bool Config::rule_enabled(std::string_view id) const {
  if (any_prefix_of(ignore, id)) return false;
  return select.empty() || any_prefix_of(select, id);
}

Severity Config::severity_of(std::string_view id, Severity default_severity) const {
  auto it = severity.find(id);
  return it == severity.end() ? default_severity : it->second;
}

bool Config::excluded(const std::string& file) const {
  if (exclude.empty() || root.empty() || file.empty() || file == "-") return false;
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(file), ec);
  if (ec) return false;
  // Lexical on purpose: no file-system access per file, and symlinks count where they are found.
  fs::path relative = absolute.lexically_normal().lexically_relative(fs::path(root));
  if (relative.empty() || *relative.begin() == "..") return false;
  const std::string rel = relative.generic_string();
  if (rel == ".") return false;
  // A glob that matches a directory excludes everything below it ("legacy" is "legacy/**").
  for (const auto& glob : exclude) {
    for (size_t end = rel.find('/'); end != std::string::npos; end = rel.find('/', end + 1))
      if (glob_match(glob, std::string_view(rel).substr(0, end))) return true;
    if (glob_match(glob, rel)) return true;
  }
  return false;
}

const ExternalValue* Config::stack_of(const std::string& file) const {
  if (stacks.empty() || file.empty() || file == "-") return nullptr;
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(file), ec);
  if (ec) return nullptr;
  fs::path base = root.empty() ? fs::current_path(ec) : fs::path(root);
  std::string rel = absolute.lexically_normal().lexically_relative(base).generic_string();
  auto it = stacks.find(rel);
  return it == stacks.end() ? nullptr : &it->second;
}

const ExternalSubnet* Config::subnet(std::string_view id) const {
  for (const auto& s : subnets)
    if (!has_glob_chars(s.pattern) && s.pattern == id) return &s;
  for (const auto& s : subnets)
    if (has_glob_chars(s.pattern) && glob_match(s.pattern, id)) return &s;
  return nullptr;
}

std::vector<const ExternalEndpoint*> Config::endpoints_in(std::string_view vpc) const {
  std::vector<const ExternalEndpoint*> out;
  for (const auto& e : endpoints)
    if (e.vpc == vpc) out.push_back(&e);
  return out;
}

}  // namespace vpclint
