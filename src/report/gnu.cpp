#include "lint/text_util.h"
#include "report/reporter.h"

namespace vpclint {

void write_gnu(std::ostream& out, const RunResult& run) {
  for (const Finding* f : sorted_findings(run)) {
    out << f->file << ':' << f->pos.line << ':' << f->pos.column << ": " << severity_name(f->severity) << ": "
        << one_line(f->message) << " [" << f->rule << "]\n";
  }
}

}  // namespace vpclint
