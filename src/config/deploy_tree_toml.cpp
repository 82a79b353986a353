// TOML into the deploy tree: the one file that includes toml++, whose parser is compiled in here
// (TOML_HEADER_ONLY, see cmake/Dependencies.cmake).
#include <toml++/toml.h>
#include <algorithm>

#include "config/deploy_tree.h"

namespace vpclint::deploy_detail {

namespace {

Position position(const toml::source_position& p) { return {p.line, p.column}; }

// The index just past the TOML string opening at `i` ("...", '...', """...""", '''...'''), or the
// line end of an unterminated one-line string.
size_t string_end(std::string_view t, size_t i) {
  const char q = t[i];
  const std::string triple(3, q);
  const bool multi = t.substr(i, 3) == triple;
  for (size_t j = i + (multi ? 3 : 1); j < t.size(); ++j) {
    if (q == '"' && t[j] == '\\') {
      ++j;
    } else if (!multi && t[j] == '\n') {
      return j;
    } else if (t[j] == q && (!multi || t.substr(j, 3) == triple)) {
      return j + (multi ? 3 : 1);
    }
  }
  return t.size();
}

// toml++ makes a table of each part of a dotted key (`a.b.c = 1`, `[a.b.c]`) without a bound, and
// frees them recursively: half a million parts overflow the stack. Count the dots of each key,
// outside strings and comments, before it parses.
void check_dotted_keys(const DeployFile& file) {
  const std::string_view t = file.source->text();
  uint32_t dots = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '#') {
      i = std::min(t.find('\n', i), t.size()) - 1;  // the line feed comes next
    } else if (c == '"' || c == '\'') {
      i = string_end(t, i) - 1;
    } else if (c == '.' && ++dots > kMaxDepth) {
      fail(file.path, file.source->position_of(i),
           "a dotted key nested deeper than " + std::to_string(kMaxDepth) + " levels");
    } else if (c == '=' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '\n') {
      dots = 0;
    }
  }
}

class TomlConverter {
 public:
  explicit TomlConverter(const DeployFile& file) : file_(file) {}

  DeployNode convert(const toml::node& n, uint32_t depth) {
    DeployNode out;
    out.pos = position(n.source().begin);
    if (++nodes_ > kMaxNodes) fail(file_.path, out.pos, "more than " + std::to_string(kMaxNodes) + " values");
    if (depth > kMaxDepth) fail(file_.path, out.pos, "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    out.offset = static_cast<uint32_t>(offset_of(*file_.source, out.pos));
    using Kind = DeployNode::Kind;
    switch (n.type()) {
      case toml::node_type::table:
        out.kind = Kind::Table;
        for (auto&& [key, value] : *n.as_table())
          out.entries.push_back(
              DeployEntry{std::string(key.str()), position(key.source().begin), convert(value, depth + 1)});
        // toml++ keeps a table sorted by key; SAM CLI's tomlkit keeps the file's order, which decides
        // what a `$include` overrides.
        std::stable_sort(out.entries.begin(), out.entries.end(),
                         [](const DeployEntry& a, const DeployEntry& b) { return a.key_pos < b.key_pos; });
        break;
      case toml::node_type::array:
        out.kind = Kind::List;
        for (const toml::node& item : *n.as_array()) out.items.push_back(convert(item, depth + 1));
        break;
      case toml::node_type::string:
        out.kind = Kind::String;
        out.text = n.as_string()->get();
        out.form = string_form(out.offset);
        break;
      case toml::node_type::integer:
        out.kind = Kind::Integer;
        out.text = std::to_string(n.as_integer()->get());
        break;
      case toml::node_type::floating_point:
        out.kind = Kind::Float;
        out.text = python_float(n.as_floating_point()->get());
        break;
      case toml::node_type::boolean:
        out.kind = Kind::Boolean;
        out.text = n.as_boolean()->get() ? "True" : "False";  // Python's str(True), as SAM CLI passes it
        break;
      default: out.kind = Kind::Date; break;  // date, time, date-time: SAM CLI's str() of them is not read
    }
    return out;
  }

 private:
  StringForm string_form(size_t offset) const {
    const std::string_view rest = file_.source->text().substr(std::min(offset, file_.source->text().size()));
    if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) return StringForm::Unknown;  // multi-line
    if (rest.starts_with('"')) return StringForm::TomlBasic;
    if (rest.starts_with('\'')) return StringForm::Literal;
    return StringForm::Unknown;
  }

  const DeployFile& file_;
  uint32_t nodes_ = 0;
};

}  // namespace

void parse_toml(DeployFile& file, std::string bytes) {
  file.source = std::make_unique<SourceText>(file.path, std::move(bytes));
  if (!file.source->encoding_error().empty()) fail(file.path, {}, file.source->encoding_error());
  // TOML is UTF-8; toml++ places a bad byte only roughly (it decodes in blocks).
  if (const size_t bad = file.source->invalid_utf8(); bad != std::string_view::npos)
    fail(file.path, file.source->position_of(bad), "invalid UTF-8 (TOML files are UTF-8)");
  check_dotted_keys(file);
  toml::table root;
  try {
    root = toml::parse(file.source->text(), file.path);
  } catch (const toml::parse_error& e) {
    Position pos = position(e.source().begin);
    if (!pos) pos = {1, 1};
    fail(file.path, pos, std::string(e.description()));
  }
  file.root = TomlConverter(file).convert(root, 0);
  file.root.pos = {};  // the document itself has no place of its own
}

}  // namespace vpclint::deploy_detail
