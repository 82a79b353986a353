#include "config/cdk_assembly.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>

namespace vpclint {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

constexpr int kMaxNesting = 8;  // stages within stages; bounds a manifest that names itself

bool read_json(const fs::path& file, ojson& out, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = "cannot read '" + file.string() + "'";
    return false;
  }
  out = ojson::parse(in, nullptr, false);
  if (out.is_discarded() || !out.is_object()) {
    error = "'" + file.string() + "' is not a CDK cloud assembly manifest (invalid JSON)";
    return false;
  }
  return true;
}

std::string string_at(const ojson& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void read_assembly(const fs::path& dir, int depth, CdkAssembly& out) {
  ojson manifest;
  std::string error;
  if (!read_json(dir / "manifest.json", manifest, error)) {
    out.errors.push_back(error);
    return;
  }
  auto artifacts = manifest.find("artifacts");
  if (artifacts == manifest.end() || !artifacts->is_object()) return;
  for (const auto& [name, artifact] : artifacts->items()) {
    if (!artifact.is_object() || !artifact.contains("properties") || !artifact["properties"].is_object()) continue;
    std::string type = string_at(artifact, "type");
    const ojson& props = artifact["properties"];
    if (type == "aws:cloudformation:stack" && !string_at(props, "templateFile").empty())
      out.templates.push_back((dir / string_at(props, "templateFile")).string());
    else if (type == "cdk:cloud-assembly" && !string_at(props, "directoryName").empty() && depth < kMaxNesting)
      read_assembly(dir / string_at(props, "directoryName"), depth + 1, out);
  }
  // Nested stacks' templates are assets of their parent, written beside it; the manifest lists
  // them only through the asset manifest, so take them by CDK's file name.
  std::vector<std::string> nested;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename().string().ends_with(".nested.template.json")) nested.push_back(e.path().string());
  std::sort(nested.begin(), nested.end());
  out.templates.insert(out.templates.end(), nested.begin(), nested.end());
}

bool parse_number(std::string_view s, uint32_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && out > 0;
}

// The app directory: the nearest one holding cdk.json, else the one above the outermost assembly.
fs::path app_directory(const fs::path& assembly) {
  for (fs::path d = assembly; !d.empty(); d = d.parent_path()) {
    std::error_code ec;
    if (fs::exists(d / "cdk.json", ec)) return d;
    if (d == d.parent_path()) break;
  }
  fs::path top = assembly;
  std::error_code ec;
  while (top.has_parent_path() && top != top.parent_path() && fs::exists(top.parent_path() / "manifest.json", ec))
    top = top.parent_path();
  return top.parent_path();
}

// A frame's file as a path in the app directory: the file itself when it lies there, else the
// longest tail of it that names a file there (the assembly was synthesized in another checkout,
// CI or a container). Empty when nothing matches: the source is then unknown, never guessed.
fs::path locate(const fs::path& app, const fs::path& frame_file) {
  std::error_code ec;
  fs::path rel = frame_file.lexically_relative(app);
  if (!rel.empty() && *rel.begin() != ".." && fs::is_regular_file(app / rel, ec)) return rel;
  std::vector<fs::path> parts(frame_file.begin(), frame_file.end());
  for (size_t first = 0; first < parts.size(); ++first) {
    if (parts[first] == "/" || parts[first].empty()) continue;
    fs::path tail;
    for (size_t i = first; i < parts.size(); ++i) tail /= parts[i];
    if (fs::is_regular_file(app / tail, ec)) return tail;
  }
  return {};
}

// The entries' creation stack: `aws:cdk:creationStack` data, or the `trace` older versions put
// on the logical id entry.
const ojson* creation_stack(const ojson& entries) {
  for (const auto& e : entries)
    if (e.is_object() && string_at(e, "type") == "aws:cdk:creationStack" && e.contains("data") && e["data"].is_array())
      return &e["data"];
  for (const auto& e : entries)
    if (e.is_object() && string_at(e, "type") == "aws:cdk:logicalId" && e.contains("trace") && e["trace"].is_array())
      return &e["trace"];
  return nullptr;
}

}  // namespace

CdkAssembly read_cdk_assembly(const fs::path& dir) {
  CdkAssembly out;
  read_assembly(dir, 0, out);
  return out;
}

fs::path cdk_output_directory(const fs::path& app) {
  ojson config;
  std::string error;
  std::error_code ec;
  if (fs::exists(app / "cdk.json", ec) && read_json(app / "cdk.json", config, error) &&
      !string_at(config, "output").empty())
    return app / string_at(config, "output");
  return app / "cdk.out";
}

bool parse_cdk_frame(std::string_view frame, std::string& file, Position& pos) {
  while (!frame.empty() && frame.front() == ' ') frame.remove_prefix(1);
  if (frame.starts_with("at ")) frame.remove_prefix(3);
  if (frame.starts_with("...") || frame.starts_with("(")) return false;  // elided library frames
  if (frame.ends_with(')')) {
    size_t open = frame.rfind('(');
    if (open == std::string_view::npos) return false;
    frame = frame.substr(open + 1, frame.size() - open - 2);
  }
  size_t col_colon = frame.rfind(':');
  if (col_colon == std::string_view::npos) return false;
  size_t line_colon = frame.rfind(':', col_colon - 1);
  if (line_colon == std::string_view::npos || line_colon == 0) return false;
  if (!parse_number(frame.substr(line_colon + 1, col_colon - line_colon - 1), pos.line) ||
      !parse_number(frame.substr(col_colon + 1), pos.column))
    return false;
  file = std::string(frame.substr(0, line_colon));
  return !file.starts_with("node:") && file.find("/node_modules/") == std::string::npos &&
         !file.starts_with("internal/");
}

std::map<std::string, CdkSource> cdk_sources(const std::string& template_path) {
  std::map<std::string, CdkSource> out;
  fs::path spelled_dir = fs::path(template_path).parent_path();
  std::error_code ec;
  fs::path dir = fs::absolute(spelled_dir.empty() ? fs::path(".") : spelled_dir, ec).lexically_normal();
  ojson manifest;
  std::string error;
  if (ec || !fs::exists(dir / "manifest.json", ec) || !read_json(dir / "manifest.json", manifest, error)) return out;
  std::string file_name = fs::path(template_path).filename().string();
  const ojson* metadata = nullptr;
  ojson extra;
  auto artifacts = manifest.find("artifacts");
  if (artifacts == manifest.end() || !artifacts->is_object()) return out;
  for (const auto& [name, artifact] : artifacts->items()) {
    if (!artifact.is_object() || string_at(artifact, "type") != "aws:cloudformation:stack") continue;
    auto props = artifact.find("properties");
    if (props == artifact.end() || !props->is_object() || string_at(*props, "templateFile") != file_name) continue;
    std::string extra_file = string_at(artifact, "additionalMetadataFile");
    if (!extra_file.empty() && read_json(dir / extra_file, extra, error))
      metadata = &extra;
    else if (artifact.contains("metadata") && artifact["metadata"].is_object())
      metadata = &artifact["metadata"];
    break;
  }
  if (!metadata) return out;
  fs::path app = app_directory(dir);
  fs::path cwd = fs::current_path(ec);
  for (const auto& [construct, entries] : metadata->items()) {
    if (!entries.is_array()) continue;
    std::string logical_id;
    for (const auto& e : entries)
      if (e.is_object() && string_at(e, "type") == "aws:cdk:logicalId") logical_id = string_at(e, "data");
    const ojson* frames = creation_stack(entries);
    if (logical_id.empty() || !frames) continue;
    for (const auto& frame : *frames) {
      std::string file;
      Position pos;
      if (!frame.is_string() || !parse_cdk_frame(frame.get<std::string>(), file, pos)) continue;
      fs::path rel = locate(app, file);
      if (rel.empty()) break;  // the user's frame names no file of this app: unknown
      fs::path where = (app / rel).lexically_normal();
      // Spelled like the template: relative to the working directory unless it was absolute.
      if (!fs::path(template_path).is_absolute()) where = where.lexically_relative(cwd);
      out[logical_id] = {where.string(), pos};
      break;
    }
  }
  return out;
}

}  // namespace vpclint
