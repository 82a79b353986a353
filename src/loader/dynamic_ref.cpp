#include "loader/dynamic_ref.h"

#include <re2/re2.h>

namespace vpclint {

namespace {

// `${...}` may appear when the reference is assembled by Fn::Sub.
#define VPCLINT_SUBVAR R"((?:\$\{[^}]*\}))"

const RE2& whole_ref() {
  static const RE2 re(R"(\{\{resolve:((?:[^}$]|)" VPCLINT_SUBVAR R"(|\$)*)\}\})");
  return re;
}
// ssm / ssm-secure: parameter-name[:version]; names are [A-Za-z0-9_.-/], or an ARN.
const RE2& ssm_ref() {
  static const RE2 re(R"(((?:[A-Za-z0-9_./\-]|)" VPCLINT_SUBVAR
                      R"()+|arn:[^:]+:ssm:[^:]*:[^:]*:parameter(?:[A-Za-z0-9_./\-]|)" VPCLINT_SUBVAR
                      R"()+)(?::([0-9]+|)" VPCLINT_SUBVAR R"())?)");
  return re;
}
// secretsmanager: secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]; the id may be
// a full ARN (which itself contains colons).
const RE2& secrets_ref() {
  static const RE2 re(R"(((?:arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:)?(?:[^:]|)" VPCLINT_SUBVAR
                      R"()+)(?::(SecretString)?(?::([^:]*)(?::([^:]*)(?::([^:]*))?)?)?)?)");
  return re;
}

}  // namespace

DynamicRefScan scan_dynamic_refs(std::string_view s) {
  DynamicRefScan out;
  constexpr std::string_view kOpen = "{{resolve:";
  size_t at = s.find(kOpen);
  while (at != std::string_view::npos) {
    re2::StringPiece input(s.data() + at, s.size() - at);
    re2::StringPiece body;
    if (!RE2::Consume(&input, whole_ref(), &body)) {
      // An unclosed "{{resolve:" is usually one piece of a reference assembled by Fn::Join; the
      // resolver checks the joined text.
      break;
    }
    size_t end = static_cast<size_t>(input.data() - s.data());
    std::string_view full = s.substr(at, end - at);
    std::string_view b(body.data(), body.size());
    size_t colon = b.find(':');
    std::string_view svc = b.substr(0, colon);
    std::string_view ref = colon == std::string_view::npos ? std::string_view() : b.substr(colon + 1);
    std::string error;
    if (ref.empty()) {
      error = "'" + std::string(full) + "': the reference names no parameter or secret";
    } else if (svc == "ssm" || svc == "ssm-secure") {
      if (!RE2::FullMatch(re2::StringPiece(ref.data(), ref.size()), ssm_ref()))
        error = "'" + std::string(full) + "': expected {{resolve:" + std::string(svc) +
                ":parameter-name}} or {{resolve:" + std::string(svc) + ":parameter-name:version}}";
    } else if (svc == "secretsmanager") {
      re2::StringPiece id, kind;
      if (!RE2::FullMatch(re2::StringPiece(ref.data(), ref.size()), secrets_ref(), &id, &kind) || id.empty() ||
          (ref.size() > id.size() && !kind.empty() && kind != "SecretString"))
        error = "'" + std::string(full) +
                "': expected {{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}"
                " (trailing parts optional)";
    } else {
      error = "'" + std::string(full) + "': unknown dynamic reference service '" + std::string(svc) +
              "' (expected ssm, ssm-secure or secretsmanager)";
    }
    if (error.empty())
      out.refs.push_back({svc, ref, full});
    else
      out.errors.push_back({at, std::move(error)});
    at = s.find(kOpen, end);
  }
  return out;
}

}  // namespace vpclint
