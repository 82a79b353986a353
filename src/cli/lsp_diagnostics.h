// `vpclint lsp`: findings as LSP diagnostics, and the file URIs and positions they use.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "cli/lsp_lint.h"

namespace vpclint {

// file:///a%20b/t.yaml <-> /a b/t.yaml. A URI of another scheme gives an empty path.
std::string uri_to_path(const std::string& uri);
std::string path_to_uri(const std::string& path);

// A position a client sends (0-based line, character in code points, or UTF-16 code units when
// `utf16`) -> byte offset in `text`.
size_t offset_of(std::string_view text, size_t line, size_t character, bool utf16);

// The diagnostics of one lint: range from the finding's token, severity, code, source, the rule's
// page, the evidence notes (other files too) as related information, and the fingerprint as data.
nlohmann::json diagnostics_json(const BufferLint& lint, const std::string& uri, bool utf16);

}  // namespace vpclint
