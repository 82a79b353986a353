#include <map>

#include "lint/rule.h"
#include "report/reporter.h"
#include "report/source_span.h"

namespace vpclint {

// One testsuite per file, one testcase per rule: a rule with findings in the file fails with
// every finding in the body, so CI test reports show what broke and what passed.
void write_junit(std::ostream& out, const RunResult& run) {
  std::map<std::string, std::map<std::string, std::vector<const Finding*>>> by_file;
  for (const auto& file : run.files) by_file[file.path];
  for (const Finding* f : sorted_findings(run)) by_file[f->file][f->rule].push_back(f);
  size_t tests = 0, failures = 0;
  for (const auto& [file, rules] : by_file) {
    tests += all_rules().size();
    failures += rules.size();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"vpclint\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\""
      << run.errors.size() << "\">\n";
  for (const auto& [file, rules] : by_file) {
    out << "  <testsuite name=\"" << xml_escape(file) << "\" tests=\"" << all_rules().size() << "\" failures=\""
        << rules.size() << "\">\n";
    for (const auto& rule : all_rules()) {
      std::string id(rule->meta().id);
      out << "    <testcase classname=\"" << xml_escape(file) << "\" name=\"" << id << " " << rule->meta().name << "\"";
      auto it = rules.find(id);
      if (it == rules.end()) {
        out << "/>\n";
        continue;
      }
      const Finding* first = it->second.front();
      out << ">\n      <failure type=\"" << severity_name(first->severity) << "\" message=\""
          << xml_escape(first->message) << "\">";
      for (const Finding* f : it->second)
        out << xml_escape(f->file + ":" + std::to_string(f->pos.line) + ":" + std::to_string(f->pos.column) + ": " +
                          std::string(severity_name(f->severity)) + ": " + f->message)
            << "\n";
      out << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace vpclint
