// YAML (and JSON, which is YAML) into the deploy tree, through vpclint's own loader, with plain
// scalars resolved as SAM CLI's ruamel.yaml does (YAML 1.2's core schema).
#include <charconv>

#include "config/config_values.h"
#include "config/deploy_tree.h"
#include "loader/loader.h"

namespace vpclint::deploy_detail {

namespace {

bool is_digits(std::string_view s, size_t from) {
  return from < s.size() && s.find_first_not_of("0123456789", from) == std::string_view::npos;
}

// YAML 1.2's float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool yaml_float(std::string_view t, double& v) {
  const size_t sign = t.starts_with('-') || t.starts_with('+') ? 1 : 0;
  size_t i = sign;
  auto digits = [&] {
    const size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - from;
  };
  size_t mantissa = digits();
  if (i < t.size() && t[i] == '.') ++i, mantissa += digits();
  if (mantissa == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  if (i != t.size()) return false;
  const std::string_view number = t.substr(t.starts_with('+') ? 1 : 0);  // from_chars takes no '+'
  return std::from_chars(number.data(), number.data() + number.size(), v).ec == std::errc();
}

// YAML 1.2's core schema, as SAM CLI's ruamel.yaml resolves a plain scalar; Python's str() of it.
void resolve_plain(std::string_view t, DeployNode& out) {
  using Kind = DeployNode::Kind;
  out.kind = Kind::String;
  out.text = std::string(t);
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") {
    out.kind = Kind::Null;
  } else if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE") {
    out.kind = Kind::Boolean;
    out.text = t[0] == 't' || t[0] == 'T' ? "True" : "False";
  } else if (const size_t sign = t[0] == '-' || t[0] == '+'; is_digits(t, sign)) {
    // Python ints have no size limit: canonicalise the digits instead of converting them.
    const size_t first = std::min(t.find_first_not_of('0', sign), t.size() - 1);
    const std::string digits(t.substr(first));
    out.kind = Kind::Integer;
    out.text = (t[0] == '-' && digits != "0" ? "-" : "") + digits;
  } else if (t.size() > 2 && t[0] == '0' && (t[1] == 'o' || t[1] == 'x')) {
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(t.data() + 2, t.data() + t.size(), v, t[1] == 'o' ? 8 : 16);
    if (ec == std::errc() && end == t.data() + t.size()) out.kind = Kind::Integer, out.text = std::to_string(v);
  } else if (t == ".inf" || t == ".Inf" || t == ".INF" || t == "+.inf" || t == "+.Inf" || t == "+.INF") {
    out.kind = Kind::Float, out.text = "inf";
  } else if (t == "-.inf" || t == "-.Inf" || t == "-.INF") {
    out.kind = Kind::Float, out.text = "-inf";
  } else if (t == ".nan" || t == ".NaN" || t == ".NAN") {
    out.kind = Kind::Float, out.text = "nan";
  } else if (double v = 0; yaml_float(t, v)) {
    out.kind = Kind::Float, out.text = python_float(v);
  }
}

class YamlConverter {
 public:
  explicit YamlConverter(const DeployFile& file) : file_(file) {}

  DeployNode convert(const Node* n, uint32_t depth) {
    if (++nodes_ > kMaxNodes) fail(file_.path, n->pos, "more than " + std::to_string(kMaxNodes) + " values");
    if (depth > kMaxDepth) fail(file_.path, n->pos, "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    DeployNode out;
    out.pos = n->pos;
    out.offset = n->offset;
    if (!n->tag().empty()) fail(file_.path, n->pos, "YAML tag '" + std::string(n->tag()) + "' is not read here");
    switch (n->kind) {
      case NodeKind::Null: break;
      case NodeKind::Scalar: scalar(n, out); break;
      case NodeKind::Sequence:
        out.kind = DeployNode::Kind::List;
        for (const Node* item : n->items()) out.items.push_back(convert(item, depth + 1));
        break;
      case NodeKind::Mapping: mapping(n, out, depth); break;
      case NodeKind::Intrinsic: {
        // The loader reads `{Ref: X}` and `Condition: Y` as functions; here they are the mapping as
        // written (a parameter may be named Condition). A short-form tag (!Ref) is no plain value.
        const Node* written = n->arg ? n->arg->parent : nullptr;
        if (!written || !written->is_map() || written->size != 1 || written->entries()[0].value != n->arg ||
            written->pos != n->pos)
          fail(file_.path, n->pos, "YAML tag '!" + std::string(fn_long_name(n->fn)) + "' is not read here");
        --nodes_;
        return convert(written, depth);
      }
    }
    return out;
  }

 private:
  void scalar(const Node* n, DeployNode& out) {
    const std::string_view text = file_.source->text();
    const char first = n->offset < text.size() ? text[n->offset] : '\0';
    if (!n->quoted && first != '|' && first != '>') {
      resolve_plain(n->text(), out);
      out.form = StringForm::Plain;
      return;
    }
    out.kind = DeployNode::Kind::String;
    out.text = std::string(n->text());
    out.form = first == '"' ? StringForm::YamlDouble : first == '\'' ? StringForm::YamlSingle : StringForm::Unknown;
  }

  void mapping(const Node* n, DeployNode& out, uint32_t depth) {
    out.kind = DeployNode::Kind::Table;
    for (const MapEntry& e : n->entries()) {
      if (!e.key->is_scalar() && !e.key->is_null()) fail(file_.path, e.key->pos, "keys must be strings");
      DeployNode key;
      if (e.key->quoted)
        key.kind = DeployNode::Kind::String, key.text = std::string(e.key->text());
      else
        resolve_plain(e.key->text(), key);
      if (key.kind == DeployNode::Kind::Null) key.text = "None";  // Python's str(None)
      out.entries.push_back(DeployEntry{std::move(key.text), e.key->pos, convert(e.value, depth + 1)});
    }
  }

  const DeployFile& file_;
  uint32_t nodes_ = 0;
};

}  // namespace

void parse_yaml(DeployFile& file, std::string bytes) {
  Limits limits;
  limits.max_file_size = kMaxFileSize;
  limits.max_depth = kMaxDepth + 8;  // the converter reports depth itself, with the file's position
  limits.max_nodes = kMaxNodes;
  Document doc = load_document(file.path, std::move(bytes), limits);
  if (const LoadIssue* issue = config_detail::first_yaml_error(doc))
    fail(file.path, issue->pos ? issue->pos : Position{1, 1}, issue->message);
  file.source = std::move(doc.source);
  if (doc.root) file.root = YamlConverter(file).convert(doc.root, 0);
}

}  // namespace vpclint::deploy_detail
