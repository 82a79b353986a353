#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "lint/fingerprint.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "report/reporter.h"
#include "report/source_span.h"

namespace vpclint {

namespace {

using json = nlohmann::ordered_json;

const char* level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

// A file as the log names it: relative to %SRCROOT% when it lies under it (without "./"), else
// absolute. Fingerprints use it too, so `vpclint .` and `vpclint t.yaml` agree.
std::string artifact_path(const std::string& file, const std::string& root) {
  std::string path(repository_path(file));
  if (!root.empty() && path.starts_with(root)) path = path.substr(root.size());
  return path;
}

// Artifact location: relative to %SRCROOT% when the file lies under it, else an absolute file URI.
json artifact(const std::string& file, const std::string& root) {
  std::string path = artifact_path(file, root);
  if (!path.empty() && path[0] == '/') return {{"uri", "file://" + uri_encode(path)}};
  return {{"uri", uri_encode(path)}, {"uriBaseId", "%SRCROOT%"}};
}

json region(const SourceText* source, Position pos) {
  Span s = token_span(source, pos, true);
  return {{"startLine", s.start_line},
          {"startColumn", s.start_column},
          {"endLine", s.end_line},
          {"endColumn", s.end_column}};
}

// SARIF viewers expect messages as sentences.
std::string sentence(std::string s) {
  if (!s.empty() && s.back() != '.') s += '.';
  return s;
}

// The first paragraph of a doc section, for short and full descriptions.
std::string section(std::string_view doc, std::string_view heading) {
  size_t at = doc.find(heading);
  if (at == std::string_view::npos) return {};
  at = doc.find('\n', at);
  if (at == std::string_view::npos) return {};
  size_t end = doc.find("\n## ", at);
  std::string text(doc.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

void write_sarif(std::ostream& out, const RunResult& run, const SarifOptions& options) {
  std::string root = options.source_root;
  if (!root.empty() && root.back() != '/') root += '/';
  std::unordered_map<std::string_view, size_t> rule_index;
  json rules = json::array();
  for (const auto& r : all_rules()) {
    const RuleMeta& m = r->meta();
    rule_index.emplace(m.id, rules.size());
    std::string_view doc = rule_doc(m.id);
    std::string full = section(doc, "## What it does");
    rules.push_back({{"id", m.id},
                     {"name", m.name},
                     {"shortDescription", {{"text", sentence(std::string(m.summary))}}},
                     {"fullDescription", {{"text", full.empty() ? sentence(std::string(m.summary)) : full}}},
                     {"help", {{"text", std::string(doc)}, {"markdown", std::string(doc)}}},
                     {"defaultConfiguration", {{"level", level(m.severity)}}},
                     {"properties", {{"tags", {m.area, "aws", "lambda"}}}}});
  }
  std::unordered_map<std::string_view, const SourceText*> sources;
  for (const auto& f : run.files) sources.emplace(f.path, f.source.get());

  // Suppressed findings are results too (with their suppression), numbered with the others so
  // a twin keeps its fingerprint when its suppression is added or removed.
  std::vector<const Finding*> all = sorted_findings(run);
  std::unordered_set<const Finding*> suppressed;
  for (const auto& file : run.files)
    for (const auto& f : file.suppressed) {
      all.push_back(&f);
      suppressed.insert(&f);
    }
  std::stable_sort(all.begin(), all.end(), [](const Finding* a, const Finding* b) { return finding_less(*a, *b); });
  std::vector<std::string> prints =
      fingerprints(all, [&](const std::string& file) { return artifact_path(file, root); });

  json results = json::array();
  for (size_t i = 0; i < all.size(); ++i) {
    const Finding* f = all[i];
    auto it = sources.find(f->file);
    const SourceText* src = it == sources.end() ? nullptr : it->second;
    json location = {
        {"physicalLocation", {{"artifactLocation", artifact(f->file, root)}, {"region", region(src, f->pos)}}}};
    if (!f->construct.empty())
      location["logicalLocations"] =
          json::array({{{"name", f->resource}, {"fullyQualifiedName", f->construct}, {"kind", "resource"}}});
    json locations = json::array({std::move(location)});
    // The CDK app's source line, where the user acts; the template position stays first.
    if (f->source)
      locations.push_back(
          {{"physicalLocation",
            {{"artifactLocation", artifact(f->source.file, root)}, {"region", region(nullptr, f->source.pos)}}},
           {"message", {{"text", "Where the app creates " + f->construct + "."}}}});
    json result = {{"ruleId", f->rule},
                   {"ruleIndex", rule_index.count(f->rule) ? rule_index[f->rule] : 0},
                   {"level", level(f->severity)},
                   {"message", {{"text", sentence(f->message)}}},
                   {"locations", std::move(locations)}};
    result["partialFingerprints"] = {{"vpclint/v1", prints[i]}};
    if (suppressed.count(f)) {
      json s = {{"kind", "inSource"}};
      if (!f->suppression.empty()) s["justification"] = f->suppression;
      result["suppressions"] = json::array({std::move(s)});
    }
    if (!f->notes.empty()) {
      json related = json::array();
      int id = 1;
      for (const auto& note : f->notes) {
        json rel = {{"id", id++}, {"message", {{"text", sentence(note.message)}}}};
        // Evidence from another file (the config) has no source here to count UTF-16 units in.
        if (note.pos)
          rel["physicalLocation"] = {{"artifactLocation", artifact(note.file.empty() ? f->file : note.file, root)},
                                     {"region", region(note.file.empty() ? src : nullptr, note.pos)}};
        related.push_back(std::move(rel));
      }
      result["relatedLocations"] = std::move(related);
    }
    if (!f->fix.empty()) result["properties"] = {{"fix", f->fix}};
    results.push_back(std::move(result));
  }

  json notifications = json::array();
  for (const auto& e : run.errors) notifications.push_back({{"level", "error"}, {"message", {{"text", sentence(e)}}}});
  json invocation = {{"executionSuccessful", run.errors.empty()}, {"exitCode", options.exit_code}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  json run_json = {{"tool",
                    {{"driver",
                      {{"name", "vpclint"},
                       {"version", VPCLINT_VERSION},
                       {"semanticVersion", VPCLINT_VERSION},
                       {"informationUri", "https://github.com/vpclint/vpclint"},
                       {"rules", std::move(rules)}}}}},
                   {"invocations", json::array({std::move(invocation)})},
                   {"columnKind", "utf16CodeUnits"},
                   {"results", std::move(results)}};
  if (!root.empty()) run_json["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + uri_encode(root)}}}};
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run_json)})}};
  out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace vpclint
