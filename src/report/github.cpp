#include "report/reporter.h"
#include "report/source_span.h"

namespace vpclint {

namespace {
// Workflow-command escaping: data escapes % CR LF; properties also , and :.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "error";
}
}  // namespace

void write_github(std::ostream& out, const RunResult& run) {
  for (const Finding* f : sorted_findings(run)) {
    std::string message = message_with_construct(*f);
    // The annotation lands on the app's source line; the template position stays in the text.
    if (f->source)
      message += "\ntemplate: " + f->file + ':' + std::to_string(f->pos.line) + ':' + std::to_string(f->pos.column);
    if (!f->fix.empty()) message += "\nhelp: " + f->fix;
    const std::string& file = f->source ? f->source.file : f->file;
    Position pos = f->source ? f->source.pos : f->pos;
    out << "::" << command(f->severity) << " file=" << escape(repository_path(file), true) << ",line=" << pos.line
        << ",col=" << pos.column << ",title=" << escape(f->rule, true) << "::" << escape(message, false) << '\n';
  }
}

}  // namespace vpclint
