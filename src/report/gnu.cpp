#include "report/reporter.h"

namespace vpclint {

void write_gnu(std::ostream& out, const RunResult& run) {
  for (const Finding* f : sorted_findings(run)) {
    std::string message = f->message;
    for (char& c : message)
      if (c == '\n') c = ' ';
    out << f->file << ':' << f->pos.line << ':' << f->pos.column << ": " << severity_name(f->severity) << ": "
        << message << " [" << f->rule << "]\n";
  }
}

}  // namespace vpclint
