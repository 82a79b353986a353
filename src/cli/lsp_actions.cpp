// `vpclint lsp` requests about the last published lint: code actions (quick fixes) and hover.
#include <nlohmann/json.hpp>

#include "cli/lsp_diagnostics.h"
#include "cli/lsp_endpoint.h"
#include "cli/lsp_server.h"
#include "report/source_span.h"

namespace vpclint {

using nlohmann::json;

namespace {

bool is_json_text(const std::string& path, std::string_view text) {
  if (path.ends_with(".json")) return true;
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

// 0-based LSP position of a byte offset.
json position_at(std::string_view text, size_t offset, bool utf16) {
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  size_t line =
      static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
  size_t units = 0;
  for (size_t i = line_start; i < offset; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    units += utf16 && c >= 0xF0 ? 2 : 1;
  }
  return {{"line", line}, {"character", units}};
}

json insertion(const json& at, const std::string& text) {
  return {{"range", {{"start", at}, {"end", at}}}, {"newText", text}};
}

// `# vpclint: ignore RULE -- <reason>` on its own line above the finding's, at its indentation:
// such a comment covers the next line with content.
json ignore_comment(const Finding& f, std::string_view text) {
  size_t at = 0;
  for (uint32_t l = 1; l < f.pos.line && at != std::string_view::npos; ++l) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos) at = text.size();
  size_t content = text.find_first_not_of(" \t", at);
  std::string indent(text.substr(at, (content == std::string_view::npos ? text.size() : content) - at));
  if (indent.find('\n') != std::string::npos) indent.clear();
  return insertion({{"line", f.pos.line - 1}, {"character", 0}},
                   indent + "# vpclint: ignore " + f.rule + " -- <reason>\n");
}

// `"Metadata": {"vpclint": {"ignore": [...]}}` first in the finding's resource, when the resource
// has no Metadata yet (one to extend by hand otherwise); null when it cannot be placed.
json metadata_suppression(const Finding& f, std::string_view text, bool utf16) {
  json doc = json::parse(text, nullptr, false);
  if (f.resource.empty() || !doc.is_object() || !doc.contains("Resources")) return nullptr;
  const json& resource = doc["Resources"].value(f.resource, json());
  if (!resource.is_object() || resource.contains("Metadata")) return nullptr;
  // The resource's key is the first `"Name"` followed by `:` and `{` after "Resources".
  std::string key = json(f.resource).dump();
  for (size_t at = text.find(key, text.find("\"Resources\"")); at != std::string_view::npos;
       at = text.find(key, at + 1)) {
    size_t colon = text.find_first_not_of(" \t\r\n", at + key.size());
    if (colon == std::string_view::npos || text[colon] != ':') continue;
    size_t brace = text.find_first_not_of(" \t\r\n", colon + 1);
    if (brace == std::string_view::npos || text[brace] != '{') continue;
    json entry = {{"rule", f.rule}, {"reason", "<reason>"}};
    return insertion(position_at(text, brace + 1, utf16),
                     " \"Metadata\": {\"vpclint\": {\"ignore\": [" + entry.dump() + "]}},");
  }
  return nullptr;
}

json action(const std::string& title, const json& diagnostic, const std::string& uri, json edits) {
  return {{"title", title},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic})},
          {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
}

}  // namespace

json LspServer::code_actions(const json& params) {
  std::string uri = params.at("textDocument").at("uri");
  json out = json::array();
  std::lock_guard lock(mutex_);
  auto doc = documents_.find(uri);
  auto last = last_.find(uri);
  // Edits computed from an older lint would land on the wrong lines.
  if (doc == documents_.end() || last == last_.end() || last->second.version != doc->second.version) return out;
  const BufferLint& lint = last->second.lint;
  const std::string& text = doc->second.text;
  bool json_text = is_json_text(doc->second.path, text);
  for (const json& d : params.at("context").value("diagnostics", json::array())) {
    if (d.value("source", "") != "vpclint" || !d.contains("data") || !d["data"].is_string()) continue;
    auto print = std::find(lint.fingerprints.begin(), lint.fingerprints.end(), d["data"].get<std::string>());
    if (print == lint.fingerprints.end()) continue;
    const Finding& f = lint.findings[static_cast<size_t>(print - lint.fingerprints.begin())];
    if (json_text) {
      json edit = metadata_suppression(f, text, utf16_);
      if (!edit.is_null())
        out.push_back(action("Ignore " + f.rule + " for " + f.resource + " (Metadata)", d, uri, json::array({edit})));
    } else {
      std::string service = endpoint_service_for(f);
      json endpoint = service.empty() ? json() : endpoint_insertion(f, service, doc->second.path, text);
      if (!endpoint.is_null()) {
        json fix =
            action("Add a " + service + " interface endpoint for " + f.resource, d, uri, json::array({endpoint}));
        fix["isPreferred"] = true;
        out.push_back(std::move(fix));
      }
      out.push_back(
          action("Ignore " + f.rule + " here (# vpclint: ignore)", d, uri, json::array({ignore_comment(f, text)})));
    }
  }
  return out;
}

// On a function's VpcConfig line: its network paths from the last lint of this version.
json LspServer::hover(const json& params) {
  std::string uri = params.at("textDocument").at("uri");
  size_t line = params.at("position").at("line").get<size_t>() + 1;
  std::lock_guard lock(mutex_);
  auto doc = documents_.find(uri);
  auto last = last_.find(uri);
  if (doc == documents_.end() || last == last_.end() || last->second.version != doc->second.version) return nullptr;
  for (const NetworkHover& h : last->second.lint.hovers)
    if (h.line == line) return {{"contents", {{"kind", "markdown"}, {"value", h.markdown}}}};
  return nullptr;
}

}  // namespace vpclint
