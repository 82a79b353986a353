#include "model/suppressions.h"

#include <cctype>

namespace vpclint {

namespace {

constexpr std::string_view kMarker = "vpclint:";

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Offset of the `#` that starts a comment on this line, or npos. Quotes are tracked so that
// `"a # b"` is not a comment; block scalars are not, which at worst yields an unused entry (S001).
size_t comment_start(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\' && quote == '"')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      // A quote opens a string only at the start of a scalar, not inside `it's`.
      if (i == 0 || is_space(line[i - 1]) || std::string_view("[{,:-").find(line[i - 1]) != std::string_view::npos)
        quote = c;
    } else if (c == '#' && (i == 0 || is_space(line[i - 1]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool blank_or_comment(std::string_view line) {
  std::string_view t = trim(line);
  return t.empty() || t.front() == '#';
}

// The line a comment on `line` silences: its own, or for a comment alone on its line, the next
// line with content.
uint32_t covered_line(const SourceText& src, uint32_t line, std::string_view before_comment) {
  if (!trim(before_comment).empty()) return line;
  for (uint32_t l = line + 1; l <= src.line_count(); ++l)
    if (!blank_or_comment(src.line_text(l))) return l;
  return line;
}

void parse_comment(const SourceText& src, uint32_t line, size_t hash, TemplateSuppressions& out) {
  std::string_view text = src.line_text(line);
  std::string_view body = trim(text.substr(hash + 1));
  if (!body.starts_with(kMarker)) return;
  body = trim(body.substr(kMarker.size()));
  // A further ` #` starts another comment (a fixture's `# expect:`, a note to the reader).
  if (size_t next = body.find(" #"); next != std::string_view::npos) body = trim(body.substr(0, next));
  size_t line_offset = src.line_start(line);
  Position at = src.position_of(line_offset + hash);
  std::string_view directive = body.substr(0, body.find_first_of(" \t"));
  if (directive != "ignore") {
    out.malformed.push_back(
        {at, "unknown directive '" + std::string(directive) + "' (expected: # vpclint: ignore ID -- reason)"});
    return;
  }
  body = trim(body.substr(directive.size()));
  std::string reason;
  if (size_t dash = body.find("--"); dash != std::string_view::npos) {
    reason = std::string(trim(body.substr(dash + 2)));
    body = trim(body.substr(0, dash));
  }
  uint32_t target = covered_line(src, line, text.substr(0, hash));
  size_t before = out.entries.size();
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && (is_space(body[i]) || body[i] == ',')) ++i;
    size_t start = i;
    while (i < body.size() && !is_space(body[i]) && body[i] != ',') ++i;
    if (start == i) break;
    Suppression s;
    s.scope = Suppression::Scope::Line;
    s.rule = std::string(body.substr(start, i - start));
    s.reason = reason;
    s.pos = src.position_of(line_offset + static_cast<size_t>(body.data() - text.data()) + start);
    s.line = target;
    out.entries.push_back(std::move(s));
  }
  if (out.entries.size() == before)
    out.malformed.push_back({at, "the comment names no rule (expected: # vpclint: ignore ID -- reason)"});
}

void scan_comments(const SourceText& src, TemplateSuppressions& out) {
  std::string_view text = src.text();
  size_t last_line = 0;
  for (size_t at = text.find(kMarker); at != std::string_view::npos; at = text.find(kMarker, at + kMarker.size())) {
    uint32_t line = src.position_of(at).line;
    if (line == last_line) continue;
    last_line = line;
    std::string_view lt = src.line_text(line);
    size_t hash = comment_start(lt);
    if (hash != std::string_view::npos && src.line_start(line) + hash < at) parse_comment(src, line, hash, out);
  }
}

void read_metadata(const Node* metadata, Suppression::Scope scope, std::string_view resource,
                   TemplateSuppressions& out) {
  if (!metadata || !metadata->is_map()) return;
  const Node* section = metadata->get("vpclint");
  if (!section) return;
  if (!section->is_map()) {
    out.malformed.push_back({section->pos, "Metadata.vpclint must be a mapping with an 'ignore' list"});
    return;
  }
  for (const MapEntry& e : section->entries()) {
    if (e.key->text() != "ignore")
      out.malformed.push_back(
          {e.key->pos, "unknown key '" + std::string(e.key->text()) + "' in Metadata.vpclint (expected: ignore)"});
  }
  const Node* list = section->get("ignore");
  if (!list) return;
  if (!list->is_seq()) {
    out.malformed.push_back(
        {list->pos, "Metadata.vpclint.ignore must be a list of rule ids or {rule, reason} entries"});
    return;
  }
  for (const Node* item : list->items()) {
    Suppression s;
    s.scope = scope;
    s.resource = resource;
    s.pos = item->pos;
    if (item->is_scalar()) {
      s.rule = std::string(item->text());
    } else if (item->is_map() && item->get("rule") && item->get("rule")->is_scalar()) {
      s.rule = std::string(item->get("rule")->text());
      s.pos = item->get("rule")->pos;
      if (const Node* reason = item->get("reason"); reason && reason->is_scalar())
        s.reason = std::string(reason->text());
      bool bad_key = false;
      for (const MapEntry& e : item->entries()) bad_key |= e.key->text() != "rule" && e.key->text() != "reason";
      if (bad_key || (item->get("reason") && !item->get("reason")->is_scalar())) {
        out.malformed.push_back({item->pos, "an ignore entry takes only 'rule' and 'reason' (text)"});
        continue;
      }
    } else {
      out.malformed.push_back({item->pos, "an ignore entry is a rule id or a mapping {rule: ID, reason: text}"});
      continue;
    }
    out.entries.push_back(std::move(s));
  }
}

}  // namespace

TemplateSuppressions collect_suppressions(const Template& t, const SourceText& source) {
  TemplateSuppressions out;
  read_metadata(t.metadata(), Suppression::Scope::File, {}, out);
  for (const Resource& r : t.resources()) read_metadata(r.metadata, Suppression::Scope::Resource, r.logical_id, out);
  scan_comments(source, out);
  return out;
}

}  // namespace vpclint
