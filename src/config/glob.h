// Globs of `.vpclint.yaml`, for `exclude` paths and external subnet ids.
#pragma once
#include <string_view>

namespace vpclint {

// Matches a '/'-separated path against a glob. A segment that is exactly "**" matches any number
// of whole segments (none included); "*" matches any run of characters inside one segment (so
// "a**b" is "a*b"); "?" matches one character (a UTF-8 code point), never '/'. Everything else
// is literal and case-sensitive. Empty segments and "." segments are ignored on both sides
// ("./a//b" is "a/b"). Worst case O(pattern × path): no exponential backtracking.
bool glob_match(std::string_view pattern, std::string_view path);

// True when `s` holds a wildcard ('*' or '?'), i.e. is a glob rather than a literal.
bool has_glob_chars(std::string_view s);

}  // namespace vpclint
