#include "model/severity.h"

namespace vpclint {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

bool parse_severity(std::string_view s, Severity& out) {
  if (s == "error")
    out = Severity::Error;
  else if (s == "warning")
    out = Severity::Warning;
  else if (s == "info")
    out = Severity::Info;
  else
    return false;
  return true;
}

}  // namespace vpclint
