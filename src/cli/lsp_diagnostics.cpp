#include "cli/lsp_diagnostics.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/source_span.h"

namespace vpclint {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr const char* kRuleDocBase = "https://github.com/vpclint/vpclint/blob/main/docs/rules/";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 3;
}

json range_of(const SourceText* source, Position pos, bool utf16) {
  Span s = token_span(source, pos, utf16);
  json start = {{"line", s.start_line - 1}, {"character", s.start_column - 1}};
  json end = {{"line", s.end_line - 1}, {"character", s.end_column - 1}};
  return {{"start", start}, {"end", end}};
}
}  // namespace

std::string uri_to_path(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return {};
  std::string path;
  for (size_t i = scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  // file://host/path names another machine; only the local form (an empty host) is a path here.
  return path.starts_with('/') ? fs::path(path).lexically_normal().string() : std::string();
}

std::string path_to_uri(const std::string& path) {
  std::error_code ec;
  return "file://" + uri_encode(fs::absolute(path, ec).lexically_normal().generic_string());
}

size_t offset_of(std::string_view text, size_t line, size_t character, bool utf16) {
  size_t at = 0;
  for (size_t l = 0; l < line; ++l) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) return text.size();
    at = nl + 1;
  }
  for (size_t units = 0; units < character && at < text.size() && text[at] != '\n';) {
    auto c = static_cast<unsigned char>(text[at]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += utf16 && length == 4 ? 2 : 1;
    at = std::min(text.size(), at + length);
  }
  return at;
}

json diagnostics_json(const BufferLint& lint, const std::string& uri, bool utf16) {
  json out = json::array();
  for (const std::string& error : lint.errors)
    out.push_back({{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
                   {"severity", 1},
                   {"source", "vpclint"},
                   {"message", error}});
  for (size_t i = 0; i < lint.findings.size(); ++i) {
    const Finding& f = lint.findings[i];
    const SourceText* source = lint.source.get();
    json related = json::array();
    for (const Note& note : f.notes) {
      if (!note.pos) continue;
      bool here = note.file.empty();
      // Another file's text is not at hand: its position in code points, an empty range.
      json position = {{"line", note.pos.line - 1}, {"character", note.pos.column - 1}};
      json range = here ? range_of(source, note.pos, utf16) : json{{"start", position}, {"end", position}};
      related.push_back(
          {{"location", {{"uri", here ? uri : path_to_uri(note.file)}, {"range", range}}}, {"message", note.message}});
    }
    json d = {{"range", range_of(source, f.pos.line ? f.pos : Position{1, 1}, utf16)},
              {"severity", lsp_severity(f.severity)},
              {"code", f.rule},
              {"codeDescription", {{"href", kRuleDocBase + f.rule + ".md"}}},
              {"source", "vpclint"},
              {"message", f.message},
              {"data", lint.fingerprints[i]}};
    if (!related.empty()) d["relatedInformation"] = std::move(related);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace vpclint
