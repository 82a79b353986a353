// Node-level helpers of the config parser: type checks that throw Bad with the node's position,
// key checks with a "did you mean", and the value vocabularies (egress, booleans, services).
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "config/config.h"
#include "loader/document.h"

namespace vpclint::config_detail {

// The first error of a parse; caught by parse_config, which prefixes "FILE:LINE:COL: ".
struct Bad {
  Position pos;
  std::string message;
};

[[noreturn]] void fail(const Node* at, std::string message);
// 'text', shortened when long so one error stays one readable line.
std::string quote(std::string_view text);

// The loader issue that makes a config unusable (syntax, limits, duplicate keys, unknown tags),
// the earliest in the file; null when there is none.
const LoadIssue* first_yaml_error(const Document& doc);

// A mapping's entries; anything else fails with `type_error`.
std::span<const MapEntry> entries(const Node* n, const std::string& type_error);
// A key's text; keys that are not scalars fail.
std::string_view key_text(const MapEntry& e);
// Fails at `key` unless its text is one of `allowed`, suggesting the closest within 2 edits.
void check_key(const Node* key, std::span<const std::string_view> allowed, std::string_view context);
// "allowed keys: a, b, c".
std::string allowed_keys(std::span<const std::string_view> keys);
// A scalar's text: numbers and booleans are fine as text; null, lists, mappings, tags fail.
std::string scalar(const Node* n, const std::string& type_error);
// YAML true/false (unquoted, any of YAML 1.2's spellings); false when `n` is not one.
bool boolean(const Node* n, bool& out);
bool parse_egress(std::string_view text, SubnetEgress& out);
// "lambda" stays; "com.amazonaws.<region>.lambda" becomes "lambda"; empty when neither.
std::string service_name(std::string_view text);
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace vpclint::config_detail
