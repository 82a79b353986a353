#include <nlohmann/json.hpp>

#include "report/reporter.h"

namespace vpclint {

// The shape other tools read: {"tool":{...},"findings":[...]}; new keys are only ever appended.
void write_json(std::ostream& out, const RunResult& run) {
  nlohmann::ordered_json doc;
  doc["tool"] = {{"name", "vpclint"}, {"version", VPCLINT_VERSION}};
  auto& findings = doc["findings"] = nlohmann::ordered_json::array();
  for (const Finding* f : sorted_findings(run)) {
    nlohmann::ordered_json j;
    j["rule"] = f->rule;
    j["severity"] = severity_name(f->severity);
    j["message"] = f->message;
    j["file"] = f->file;
    j["line"] = f->pos.line;
    j["column"] = f->pos.column;
    j["resource"] = f->resource;
    j["path"] = f->path;
    auto& notes = j["notes"] = nlohmann::ordered_json::array();
    for (const auto& n : f->notes) {
      nlohmann::ordered_json note = {{"message", n.message}, {"line", n.pos.line}, {"column", n.pos.column}};
      if (!n.file.empty()) note["file"] = n.file;
      notes.push_back(std::move(note));
    }
    j["fix"] = f->fix;
    findings.push_back(std::move(j));
  }
  // Invalid UTF-8 in a template must not abort the report: replace it.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace vpclint
