// SAM CLI's parameter_overrides (samcli/cli/types.py, CfnParameterOverridesType), reproduced to
// the letter: the two regular expressions of its string form as hand-written scanners (findall
// semantics: what matches neither is skipped), quotes unwrapped after each level of includes, and
// mappings, lists and `file://` includes on the deploy tree.
#include <filesystem>
#include <unordered_map>

#include "config/deploy_tree.h"
#include "config/deploy_values.h"

namespace vpclint {

namespace {

using namespace deploy_detail;
constexpr size_t npos = std::string_view::npos;
constexpr std::string_view kPairsHelp = "is not Key=Value pairs nor ParameterKey=Key,ParameterValue=Value";
constexpr size_t kMaxIncludes = 64;

struct Pair {
  std::string key, value;  // as matched, quotes still on
  size_t offset;           // of the key in the text
};

bool is_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '"' || c == '\'';
}

// [A-Za-z0-9"']+
size_t key_end(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && is_key_char(s[j])) ++j;
  return j > i ? j : npos;
}

// "(?:\\.|[^"\\]+)*" and its single-quoted twin; Python's `.` takes anything but a line feed.
size_t quoted_end(std::string_view s, size_t i) {
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == s[i]) return j + 1;
    if (s[j] == '\\') {
      if (j + 1 >= s.size() || s[j + 1] == '\n') return npos;
      ++j;
    }
  }
  return npos;
}

// (?:\\.|[^ "\\]+)+
size_t bare_end(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && s[j] != ' ' && s[j] != '"') {
    if (s[j] == '\\') {
      if (j + 1 >= s.size() || s[j + 1] == '\n') break;
      ++j;
    }
    ++j;
  }
  return j > i ? j : npos;
}

// The value alternatives in order; the first that matches wins, as nothing follows them.
size_t value_end(std::string_view s, size_t i) {
  if (i >= s.size()) return npos;
  if (s[i] == '"') return quoted_end(s, i);
  if (s[i] == '\'')
    if (size_t end = quoted_end(s, i); end != npos) return end;
  return bare_end(s, i);
}

// _pattern_1 `ParameterKey=K,ParameterValue=V` or _pattern_2 ` K=V` matched at `i`: the end, or npos.
size_t match(std::string_view s, size_t i, int pattern, Pair& out) {
  constexpr std::string_view kKey = "ParameterKey=", kValue = ",ParameterValue=";
  const std::string_view before = pattern == 1 ? kKey : " ";
  const std::string_view between = pattern == 1 ? kValue : "=";
  if (s.substr(i, before.size()) != before) return npos;
  const size_t k = i + before.size();
  const size_t k_end = key_end(s, k);
  if (k_end == npos || s.substr(k_end, between.size()) != between) return npos;
  const size_t v = k_end + between.size();
  const size_t v_end = value_end(s, v);
  if (v_end == npos) return npos;
  out = Pair{std::string(s.substr(k, k_end - k)), std::string(s.substr(v, v_end - v)), k};
  return v_end;
}

// The pairs of the first pattern that finds any (re.findall over " " + text.strip()).
std::vector<Pair> find_pairs(std::string_view text) {
  size_t leading = 0;
  const std::string s = " " + std::string(python_strip(text, &leading));
  for (int pattern : {1, 2}) {
    std::vector<Pair> found;
    for (size_t i = 0; i < s.size();) {
      Pair p;
      const size_t end = match(s, i, pattern, p);
      if (end == npos) {
        ++i;
        continue;
      }
      p.offset = p.offset - 1 + leading;  // back to `text`
      found.push_back(std::move(p));
      i = end;
    }
    if (!found.empty()) return found;
  }
  return {};
}

// Python's str.replace, in one pass (a value may hold half a million escapes).
void replace_all(std::string& s, std::string_view from, std::string_view to) {
  std::string out;
  size_t done = 0;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, done)) {
    out.append(s, done, at - done).append(to);
    done = at + from.size();
  }
  if (done == 0) return;
  s = out.append(s, done);
}

// _unquote_wrapped_quotes: one pair of wrapping quotes off, then `\ ` `\"` `\'` unescaped in turn.
std::string unquote(std::string v) {
  if (!v.empty() && v.front() == v.back() && (v.front() == '"' || v.front() == '\''))
    v = v.size() >= 2 ? v.substr(1, v.size() - 2) : std::string();
  replace_all(v, "\\ ", " ");
  replace_all(v, "\\\"", "\"");
  replace_all(v, "\\'", "'");
  return v;
}

// A Python dict: the first insertion fixes a key's place, the last assignment its value. The order
// matters where two keys unquote to the same name.
class PyDict {
 public:
  void set(const std::string& key, ExternalValue v) {
    auto [it, fresh] = index_.try_emplace(key, items_.size());
    if (fresh)
      items_.emplace_back(key, std::move(v));
    else
      items_[it->second].second = std::move(v);
  }
  void update(const PyDict& other) {
    for (const auto& [k, v] : other.items_) set(k, v);
  }
  // The result of one level of convert(): keys and values unquoted.
  PyDict unquoted() const {
    PyDict out;
    for (const auto& [k, v] : items_) out.set(unquote(k), ExternalValue{unquote(v.value), v.source});
    return out;
  }
  const std::vector<std::pair<std::string, ExternalValue>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, ExternalValue>> items_;
  std::unordered_map<std::string, size_t> index_;
};

class OverridesReader {
 public:
  // convert(): one level, with the files it includes.
  PyDict convert(const DeployFile& file, const DeployNode& node) {
    using Kind = DeployNode::Kind;
    PyDict params;
    if (node.kind == Kind::Null || (node.kind == Kind::String && node.text.empty()) ||
        (node.kind == Kind::Table && node.entries.empty()))
      return params;
    std::vector<const DeployNode*> flat;
    flatten(node, flat);
    for (const DeployNode* v : flat) {
      if (v->kind == Kind::String && v->text.starts_with("file://"))
        include(file, *v, params);
      else if (v->kind == Kind::String)
        pairs(file, *v, params);
      else if (v->kind == Kind::Table)
        mapping(file, *v, params);
      else if (v->kind != Kind::Null)
        fail(file.path, v->pos, "parameter_overrides holds " + kind_name(v->kind) + "; " + kWanted);
    }
    return params.unquoted();
  }

 private:
  static constexpr const char* kWanted = "it takes Key=Value strings, mappings and lists of them";

  static void flatten(const DeployNode& n, std::vector<const DeployNode*>& out) {
    if (n.kind != DeployNode::Kind::List) return out.push_back(&n);
    for (const DeployNode& item : n.items) flatten(item, out);
  }

  static void pairs(const DeployFile& file, const DeployNode& n, PyDict& params) {
    std::vector<Pair> found = find_pairs(n.text);
    if (found.empty())
      fail(file.path, n.pos, "parameter_overrides " + quote_text(n.text) + " " + std::string(kPairsHelp));
    StringPlacer placer(*file.source, n);
    for (Pair& p : found) params.set(p.key, ExternalValue{std::move(p.value), {file.path, placer.at(p.offset), {}}});
  }

  void mapping(const DeployFile& file, const DeployNode& table, PyDict& params) {
    using Kind = DeployNode::Kind;
    for (const DeployEntry& e : table.entries) {
      const DeployNode& v = e.value;
      const ConfigSource source{file.path, e.key_pos, {}};
      const std::string what = "parameter " + quote_text(e.key);
      if (v.kind == Kind::Null) {
        params.set(e.key, ExternalValue{"", source});  // SAM CLI passes an empty value
      } else if (e.key == "$include") {
        if (v.kind != Kind::String && v.kind != Kind::List)
          fail(file.path, v.pos, "$include must be a string or a list of strings, not " + kind_name(v.kind));
        params.update(convert(file, v));
      } else if (v.kind == Kind::List) {
        // Items joined with ",", empty ones dropped, each stripped: a List<...> parameter's value.
        std::string joined;
        bool first = true;
        for (const DeployNode& item : v.items) {
          if (item.kind == Kind::Null || (item.kind == Kind::String && item.text.empty())) continue;
          if (!item.is_scalar() || item.kind == Kind::Date)
            fail(file.path, item.pos,
                 what + ": a list item must be a string, number or boolean, not " + kind_name(item.kind));
          joined += (first ? "" : ",") + std::string(python_strip(item.text));
          first = false;
        }
        params.set(e.key, ExternalValue{std::move(joined), source});
      } else if (!v.is_scalar() || v.kind == Kind::Date) {
        fail(file.path, v.pos, what + " must be a string, number, boolean or a list of them, not " + kind_name(v.kind));
      } else {
        params.set(e.key, ExternalValue{v.text, source});
      }
    }
  }

  // file://PATH: the file's whole content is parameter_overrides again, relative paths from the
  // including file's directory.
  void include(const DeployFile& file, const DeployNode& n, PyDict& params) {
    namespace fs = std::filesystem;
    fs::path path(n.text.substr(7));
    if (path.is_relative()) path = fs::path(file.path).parent_path() / path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) fail(file.path, n.pos, quote_text(n.text) + " was not found or is a directory");
    const std::string ext = path.extension().string();
    if (ext != ".toml" && ext != ".yaml" && ext != ".yml")
      fail(file.path, n.pos, quote_text(n.text) + " is not .toml, .yaml or .yml, the files SAM CLI includes");
    const std::string canonical = fs::weakly_canonical(path, ec).string();
    for (const std::string& open : open_)
      if (open == canonical) fail(file.path, n.pos, "infinite recursion in file references: " + quote_text(n.text));
    if (++included_ > kMaxIncludes)
      fail(file.path, n.pos, "more than " + std::to_string(kMaxIncludes) + " file:// includes");
    open_.push_back(canonical);
    const DeployFile nested = load_deploy_file(path.string());
    params.update(convert(nested, nested.root));
    open_.pop_back();
  }

  std::vector<std::string> open_;  // the files being read, outermost first
  size_t included_ = 0;
};

}  // namespace

namespace deploy_detail {

void read_overrides(const DeployFile& file, const DeployNode& node,
                    std::map<std::string, ExternalValue, std::less<>>& out) {
  const PyDict values = OverridesReader().convert(file, node);
  for (const auto& [key, value] : values.items()) out[key] = value;
}

}  // namespace deploy_detail

bool parse_parameter_overrides(std::string_view text, std::vector<std::pair<std::string, std::string>>& out,
                               std::string& error) {
  out.clear();
  if (text.empty()) return true;  // SAM CLI skips an empty string (but not one of spaces)
  std::vector<Pair> found = find_pairs(text);
  if (found.empty()) {
    error = quote_text(text) + " " + std::string(kPairsHelp);
    return false;
  }
  PyDict dict;
  for (Pair& p : found) dict.set(p.key, ExternalValue{std::move(p.value), {}});
  const PyDict unquoted = dict.unquoted();
  for (const auto& [key, value] : unquoted.items()) out.emplace_back(key, value.value);
  return true;
}

}  // namespace vpclint
