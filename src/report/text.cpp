#include <string>
#include <unordered_map>

#include "report/reporter.h"
#include "report/source_span.h"

namespace vpclint {

namespace {

struct Style {
  bool on;
  const char* operator()(const char* code) const { return on ? code : ""; }
};

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;33m";
    case Severity::Info: return "\033[1;36m";
  }
  return "";
}

// A window of at most ~160 characters around `column` of a long line, so a minified 10 MB
// template does not flood the terminal; returns the column within the window.
uint32_t clip_line(std::string_view& line, uint32_t column) {
  constexpr uint32_t kWidth = 160;
  if (count_code_points(line) <= kWidth) return column;
  // Walk code points to byte offsets of the window [column - 80, column + 80).
  uint32_t first = column > kWidth / 2 ? column - kWidth / 2 : 1;
  size_t begin = line.size(), end = line.size();
  uint32_t cp = 1;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (cp == first) begin = i;
    if (cp == first + kWidth) {
      end = i;
      break;
    }
    ++cp;
  }
  if (begin > end) begin = end;
  line = line.substr(begin, end - begin);
  return column - first + 1;
}

// The prefix of `line` up to `column`, with every non-blank turned into a space, so the caret
// lines up under tabs and wide characters alike.
std::string caret_indent(std::string_view line, uint32_t column) {
  std::string out;
  uint32_t cp = 1;
  for (size_t i = 0; i < line.size() && cp < column; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
    ++cp;
  }
  return out;
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

void write_text(std::ostream& out, const RunResult& run, const TextOptions& options) {
  Style st{options.color};
  std::vector<const Finding*> findings = sorted_findings(run);
  size_t counts[3] = {0, 0, 0};
  std::unordered_map<std::string_view, const SourceText*> sources;
  for (const auto& file : run.files) sources.emplace(file.path, file.source.get());
  for (const Finding* f : findings) {
    ++counts[static_cast<int>(f->severity)];
    auto it = sources.find(f->file);
    const SourceText* source = it == sources.end() ? nullptr : it->second;
    out << st("\033[1m") << f->file << ':' << f->pos.line << ':' << f->pos.column << ": " << st("\033[0m")
        << st(severity_color(f->severity)) << severity_name(f->severity) << '[' << f->rule << ']' << st("\033[0m")
        << ' ';
    // Messages usually open with the resource's name already; do not say it twice.
    if (!f->construct.empty())
      out << message_with_construct(*f) << '\n';
    else if (!f->resource.empty() && !message_opens_with_resource(*f))
      out << st("\033[1m") << f->resource << st("\033[0m") << ": " << f->message << '\n';
    else
      out << f->message << '\n';
    std::string_view line = source ? source->line_text(f->pos.line) : std::string_view();
    uint32_t column = clip_line(line, f->pos.column);
    if (!line.empty()) {
      std::string number = std::to_string(f->pos.line);
      std::string gutter(number.size(), ' ');
      out << ' ' << number << " | " << line << '\n';
      out << ' ' << gutter << " | " << caret_indent(line, column) << st(severity_color(f->severity)) << '^'
          << st("\033[0m") << '\n';
    }
    if (f->source)
      out << "  = source: " << f->source.file << ':' << f->source.pos.line << ':' << f->source.pos.column
          << ", where the app creates " << f->construct << '\n';
    for (const auto& n : f->notes) {
      out << "  = note: " << n.message;
      if (n.pos) out << " (" << (n.file.empty() ? f->file : n.file) << ':' << n.pos.line << ':' << n.pos.column << ')';
      out << '\n';
    }
    if (!f->fix.empty()) out << "  = " << st("\033[1m") << "help" << st("\033[0m") << ": " << f->fix << '\n';
  }
  // What the run did not show, so nobody mistakes a quiet run for a clean template.
  size_t suppressed = 0;
  for (const auto& file : run.files) suppressed += file.suppressed.size();
  std::string hidden;
  if (suppressed) hidden += "; " + std::to_string(suppressed) + " suppressed in the templates";
  if (run.baselined) hidden += "; " + std::to_string(run.baselined) + " known from the baseline";
  if (findings.empty()) {
    out << "No findings in " << plural(run.files.size(), "file") << hidden << '\n';
    return;
  }
  std::string detail;
  const char* names[3] = {"info", "warning", "error"};
  for (int s = 2; s >= 0; --s) {
    if (!counts[s]) continue;
    if (!detail.empty()) detail += ", ";
    detail += s == 0 ? std::to_string(counts[s]) + " info" : plural(counts[s], names[s]);
  }
  out << plural(findings.size(), "finding") << " (" << detail << ") in " << plural(run.files.size(), "file") << hidden
      << '\n';
}

}  // namespace vpclint
