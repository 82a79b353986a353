// `vpclint lsp`: the N101/N102 quick fix, the interface endpoint `--explain` shows (a security
// group admitting HTTPS from the function's groups and the endpoint with private DNS in its
// subnets), names and references taken from the template, at the end of Resources.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "lint/finding.h"

namespace vpclint {

// The endpoint service a finding's fix needs ("lambda" for N101; for N102 the service of the
// first action its message names, when that service has only interface endpoints), or "".
std::string endpoint_service_for(const Finding& f);

// The TextEdit inserting the endpoint for `service` after the last line of Resources of the YAML
// `text`; null when the function's subnets, groups or VPC are not `!Ref`s to the template's own
// resources (then the snippet could not be filled in).
nlohmann::json endpoint_insertion(const Finding& f, const std::string& service, const std::string& path,
                                  std::string_view text);

}  // namespace vpclint
