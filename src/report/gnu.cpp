#include "lint/text_util.h"
#include "report/reporter.h"
#include "report/source_span.h"

namespace vpclint {

void write_gnu(std::ostream& out, const RunResult& run) {
  for (const Finding* f : sorted_findings(run)) {
    // A CDK app is edited in its source, not in the synthesized template: point there when known.
    const std::string& file = f->source ? f->source.file : f->file;
    Position pos = f->source ? f->source.pos : f->pos;
    out << file << ':' << pos.line << ':' << pos.column << ": " << severity_name(f->severity) << ": "
        << one_line(message_with_construct(*f)) << " [" << f->rule << "]\n";
  }
}

}  // namespace vpclint
