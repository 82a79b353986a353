#include "config/config_values.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "model/endpoint_service.h"

namespace vpclint::config_detail {

void fail(const Node* at, std::string message) {
  Position pos = at ? at->pos : Position{};
  // An empty value has no text of its own (YAML places it at the next token): point at its key.
  if (at && at->is_null() && at->parent && at->parent->is_map() && at->index_in_parent < at->parent->size) {
    const MapEntry& e = at->parent->entries()[at->index_in_parent];
    if (e.value == at) pos = e.key->pos;
  }
  throw Bad{pos, std::move(message)};
}

std::string quote(std::string_view text) {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return "'" + std::string(text) + "'";
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

const LoadIssue* first_yaml_error(const Document& doc) {
  const LoadIssue* first = nullptr;
  for (const auto& issue : doc.issues) {
    // Intrinsic and dynamic-reference shapes are template matters; in a config they are plain
    // text or, where a value is expected, a wrong type the parser reports itself.
    const bool fatal = issue.kind == LoadIssueKind::Syntax || issue.kind == LoadIssueKind::LimitExceeded ||
                       issue.kind == LoadIssueKind::DuplicateKey || issue.kind == LoadIssueKind::UnknownTag;
    if (fatal && (!first || issue.pos < first->pos)) first = &issue;
  }
  return first;
}

std::span<const MapEntry> entries(const Node* n, const std::string& type_error) {
  if (n->is_map()) return n->entries();
  // The loader reads a one-key mapping whose key is a function name (`{Ref: X}`, `Condition: Y`)
  // as an intrinsic; its argument's first parent is still that mapping. A parameter may be named
  // "Condition", so such a mapping is read back as the mapping it was written as.
  if (n->is_intrinsic() && n->arg && n->arg->parent && n->arg->parent->is_map()) {
    const Node* written = n->arg->parent;
    if (written->size == 1 && written->entries()[0].value == n->arg && written->pos == n->pos)
      return written->entries();
  }
  fail(n, type_error);
}

std::string_view key_text(const MapEntry& e) {
  if (!e.key->is_scalar()) fail(e.key, "keys must be strings");
  return e.key->text();
}

std::string allowed_keys(std::span<const std::string_view> keys) {
  std::string out = "allowed keys: ";
  for (size_t i = 0; i < keys.size(); ++i) out += (i ? ", " : "") + std::string(keys[i]);
  return out;
}

void check_key(const Node* key, std::span<const std::string_view> allowed, std::string_view context) {
  const std::string_view text = key->text();
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return;
  std::string message = "unknown key " + quote(text);
  if (!context.empty()) message += " in " + std::string(context);
  std::string_view closest;
  size_t best = 3;  // suggest only within 2 edits
  for (std::string_view candidate : allowed) {
    size_t d = edit_distance(text, candidate);
    if (d < best) best = d, closest = candidate;
  }
  if (!closest.empty()) message += " (did you mean '" + std::string(closest) + "'?)";
  fail(key, message + "; " + allowed_keys(allowed));
}

std::string scalar(const Node* n, const std::string& type_error) {
  if (!n->is_scalar()) fail(n, type_error);
  return std::string(n->text());
}

bool boolean(const Node* n, bool& out) {
  if (!n->is_scalar() || n->quoted) return false;
  const std::string_view t = n->text();
  if (t == "true" || t == "True" || t == "TRUE")
    out = true;
  else if (t == "false" || t == "False" || t == "FALSE")
    out = false;
  else
    return false;
  return true;
}

bool parse_egress(std::string_view text, SubnetEgress& out) {
  for (SubnetEgress e : {SubnetEgress::Nat, SubnetEgress::InternetGateway, SubnetEgress::None, SubnetEgress::Unknown}) {
    if (text == subnet_egress_name(e)) {
      out = e;
      return true;
    }
  }
  return false;
}

std::string service_name(std::string_view text) {
  std::string name = text.starts_with("com.amazonaws.") ? endpoint_service(text) : std::string(text);
  // Service names are lower case letters, digits, '.' and '-' ("ecr.api", "execute-api").
  const bool ok =
      !name.empty() && name.front() != '.' && name.front() != '-' && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      });
  return ok ? name : std::string();
}

size_t edit_distance(std::string_view a, std::string_view b) {
  // One row of the Levenshtein table: keys are short.
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace vpclint::config_detail
