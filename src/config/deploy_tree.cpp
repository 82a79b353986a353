// The deploy readers' tree: reading a file, errors, the Python spellings of numbers, and placing
// offsets inside a string on the file's lines.
#include "config/deploy_tree.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "config/config_values.h"
#include "loader/file_reader.h"

namespace vpclint::deploy_detail {

namespace {

uint32_t utf8_length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

}  // namespace

const DeployEntry* DeployNode::find(std::string_view key) const {
  for (const DeployEntry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

std::string where(const std::string& file, Position pos) {
  if (!pos) return file + ": ";
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": ";
}

void fail(const std::string& file, Position pos, const std::string& message) {
  throw DeployError{where(file, pos) + message};
}

std::string quote_text(std::string_view text) { return config_detail::quote(text); }

std::string kind_name(DeployNode::Kind kind) {
  switch (kind) {
    case DeployNode::Kind::Null: return "null";
    case DeployNode::Kind::String: return "a string";
    case DeployNode::Kind::Integer: return "an integer";
    case DeployNode::Kind::Float: return "a float";
    case DeployNode::Kind::Boolean: return "a boolean";
    case DeployNode::Kind::Date: return "a date";
    case DeployNode::Kind::List: return "a list";
    case DeployNode::Kind::Table: return "a table";
  }
  return "a value";
}

std::string read_bytes(const std::string& path) {
  std::string bytes;
  std::string error;
  bool too_large = false;
  if (!read_file(path, kMaxFileSize, bytes, error, too_large))
    fail(path, {}, too_large ? "larger than 1 MB, the most a samconfig or parameter file may be" : error);
  return bytes;
}

size_t offset_of(const SourceText& source, Position pos) {
  if (!pos || pos.line > source.line_count()) return source.text().size();
  const std::string_view line = source.line_text(pos.line);
  size_t i = 0;
  for (uint32_t col = 1; col < pos.column && i < line.size(); ++col) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return source.line_start(pos.line) + i;
}

DeployFile load_deploy_file(const std::string& path) {
  DeployFile file;
  file.path = path;
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext != ".toml" && ext != ".yaml" && ext != ".yml")
    fail(path, {}, "SAM CLI reads only .toml, .yaml and .yml files here");
  if (ext == ".toml")
    parse_toml(file, read_bytes(path));
  else
    parse_yaml(file, read_bytes(path));
  return file;
}

std::string python_float(double v) {
  if (v != v) return "nan";
  if (v == std::numeric_limits<double>::infinity()) return "inf";
  if (v == -std::numeric_limits<double>::infinity()) return "-inf";
  // Python's repr: the shortest digits that round-trip, positional while the exponent is in
  // [-4, 16), else d.ddde+XX.
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string_view sci(buf, static_cast<size_t>(end - buf));
  const size_t e_at = sci.find('e');
  const bool negative = sci[0] == '-';
  std::string digits;
  for (char c : sci.substr(negative ? 1 : 0, e_at - (negative ? 1 : 0)))
    if (c != '.') digits += c;
  const int exp = std::stoi(std::string(sci.substr(e_at + 1)));
  std::string out = negative ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return out + "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    const size_t int_len = static_cast<size_t>(exp) + 1;
    if (digits.size() <= int_len) return out + digits + std::string(int_len - digits.size(), '0') + ".0";
    return out + digits.substr(0, int_len) + "." + digits.substr(int_len);
  }
  out += digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char exp_text[16];
  std::snprintf(exp_text, sizeof exp_text, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return out + exp_text;
}

std::string_view python_strip(std::string_view s, size_t* leading) {
  // The code points Python's str.isspace() accepts, as UTF-8.
  static constexpr std::string_view kSpaces[] = {
      " ",      "\t",     "\n",     "\v",     "\f",     "\r",     "\x1c",   "\x1d",   "\x1e",   "\x1f",
      "\u0085", "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
      "\u2007", "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"};
  auto space_at_front = [](std::string_view t) -> size_t {
    for (std::string_view sp : kSpaces)
      if (t.starts_with(sp)) return sp.size();
    return 0;
  };
  auto space_at_back = [](std::string_view t) -> size_t {
    for (std::string_view sp : kSpaces)
      if (t.ends_with(sp)) return sp.size();
    return 0;
  };
  const size_t before = s.size();
  while (size_t n = space_at_front(s)) s.remove_prefix(n);
  if (leading) *leading = before - s.size();
  while (size_t n = space_at_back(s)) s.remove_suffix(n);
  return s;
}

StringPlacer::StringPlacer(const SourceText& source, const DeployNode& node) : source_(source), node_(node) {
  restart();
}

void StringPlacer::restart() {
  raw_ = node_.offset;
  value_ = 0;
  pos_ = node_.pos;
  lost_ = node_.form == StringForm::Unknown || node_.kind != DeployNode::Kind::String;
  if (!lost_ && node_.form != StringForm::Plain) ++raw_, ++pos_.column;  // the opening quote
}

Position StringPlacer::at(size_t value_offset) {
  if (value_offset < value_) restart();
  const std::string_view text = source_.text();
  const std::string_view value = node_.text;
  const bool escapes = node_.form == StringForm::TomlBasic || node_.form == StringForm::YamlDouble;
  while (!lost_ && value_ < value_offset) {
    const char c = raw_ < text.size() ? text[raw_] : '\n';
    size_t raw_len = 1;    // bytes as written, all on one line
    size_t value_len = 1;  // bytes they stand for in the value
    uint32_t columns = 1;
    if (c == '\n' || c == '\r' || (escapes && c == '"')) {
      lost_ = true;  // a line break or the closing quote before the offset: not the form assumed
    } else if (escapes && c == '\\') {
      const char e = raw_ + 1 < text.size() ? text[raw_ + 1] : '\n';
      const size_t hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
      raw_len = 2 + hex;
      lost_ = raw_ + raw_len > text.size() || static_cast<unsigned char>(e) >= 0x80 || e == '\n' || e == '\r';
      if (!lost_ && hex) {
        uint32_t cp = 0;
        const char* digits = text.data() + raw_ + 2;
        const auto [end, ec] = std::from_chars(digits, digits + hex, cp, 16);
        lost_ = ec != std::errc() || end != digits + hex;
        value_len = utf8_length(cp);
      } else if (node_.form == StringForm::YamlDouble) {
        value_len = e == 'N' || e == '_' ? 2 : e == 'L' || e == 'P' ? 3 : 1;
      }
      columns = static_cast<uint32_t>(raw_len);
    } else if (c == '\'' && node_.form == StringForm::YamlSingle) {
      raw_len = 2, columns = 2;
      lost_ = raw_ + 1 >= text.size() || text[raw_ + 1] != '\'';
    } else if (c == '\'' && node_.form == StringForm::Literal) {
      lost_ = true;
    } else {
      // One code point, which must be the value's own bytes.
      while (raw_ + raw_len < text.size() && (static_cast<unsigned char>(text[raw_ + raw_len]) & 0xC0) == 0x80)
        ++raw_len;
      value_len = raw_len;
      lost_ = value.substr(value_, raw_len) != text.substr(raw_, raw_len);
    }
    if (lost_) break;
    raw_ += raw_len;
    value_ += value_len;
    pos_.column += columns;
  }
  return lost_ ? node_.pos : pos_;
}

}  // namespace vpclint::deploy_detail