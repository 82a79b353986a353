#include <nlohmann/json.hpp>

#include "report/reporter.h"

namespace vpclint {

namespace {
using ojson = nlohmann::ordered_json;

ojson finding_json(const Finding& f) {
  ojson j;
  j["rule"] = f.rule;
  j["severity"] = severity_name(f.severity);
  j["message"] = f.message;
  j["file"] = f.file;
  j["line"] = f.pos.line;
  j["column"] = f.pos.column;
  j["resource"] = f.resource;
  j["path"] = f.path;
  auto& notes = j["notes"] = ojson::array();
  for (const auto& n : f.notes) {
    ojson note = {{"message", n.message}, {"line", n.pos.line}, {"column", n.pos.column}};
    if (!n.file.empty()) note["file"] = n.file;
    notes.push_back(std::move(note));
  }
  j["fix"] = f.fix;
  // CDK only, so other templates' reports keep their exact shape.
  if (!f.construct.empty()) j["construct"] = f.construct;
  if (f.source) j["source"] = {{"file", f.source.file}, {"line", f.source.pos.line}, {"column", f.source.pos.column}};
  return j;
}
}  // namespace

// The shape other tools read: {"tool":{...},"findings":[...],"suppressed":[...]}; new keys are
// only ever appended.
void write_json(std::ostream& out, const RunResult& run) {
  ojson doc;
  doc["tool"] = {{"name", "vpclint"}, {"version", VPCLINT_VERSION}};
  auto& findings = doc["findings"] = ojson::array();
  for (const Finding* f : sorted_findings(run)) findings.push_back(finding_json(*f));
  // Findings the templates silence, with the reason their suppression gives.
  auto& suppressed = doc["suppressed"] = ojson::array();
  for (const auto& file : run.files)
    for (const auto& f : file.suppressed) {
      ojson j = finding_json(f);
      j["reason"] = f.suppression;
      suppressed.push_back(std::move(j));
    }
  // Invalid UTF-8 in a template must not abort the report: replace it.
  out << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

}  // namespace vpclint
