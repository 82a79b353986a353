#include "loader/loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

#include "loader/dynamic_ref.h"
#include "loader/intrinsics.h"

namespace vpclint {

namespace {

// Lets yaml-cpp read our buffer without a copy.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

struct StopParsing {};  // thrown from the handler when a limit is hit

class AstBuilder : public YAML::EventHandler {
 public:
  AstBuilder(Document& doc, const Limits& limits) : doc_(doc), arena_(*doc.arena), limits_(limits) {}

  const Node* root() const { return root_; }
  // Where the innermost open collection starts (for errors the parser reports elsewhere).
  Position innermost_open() const { return stack_.empty() ? Position{1, 1} : stack_.back().node->pos; }
  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents_;
    if (documents_ == 2) {
      Position p = doc_.source->position_of(static_cast<size_t>(std::max(mark.pos, 0)));
      doc_.issues.push_back({LoadIssueKind::Syntax,
                             p,
                             "the file holds more than one YAML document (or text after the JSON value); "
                             "CloudFormation reads exactly one",
                             nullptr,
                             {}});
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node* n = start_node(mark);
    n->kind = NodeKind::Null;
    finish(n, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // An alias to an anchor that is still open would make the tree a cycle.
      issue(LoadIssueKind::LimitExceeded, mark, "recursive alias: the alias refers to a node that contains it");
      throw StopParsing{};
    }
    attach(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node* n = start_node(mark);
    n->kind = NodeKind::Scalar;
    n->quoted = tag == "!";
    std::string_view text = arena_.copy(value);
    n->data = text.data();
    n->size = static_cast<uint32_t>(text.size());
    if (text.find("{{resolve:") != std::string_view::npos) scan_refs(n, text);
    finish(apply_tag(n, tag, mark), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Node* n = start_node(mark);
    n->kind = NodeKind::Sequence;
    open(n, tag, anchor, mark);
  }
  void OnSequenceEnd() override {
    Frame f = close();
    std::vector<const Node*> items(scratch_.begin() + static_cast<long>(f.scratch_start), scratch_.end());
    scratch_.resize(f.scratch_start);
    for (size_t i = 0; i < items.size(); ++i) adopt(items[i], f.node, static_cast<uint32_t>(i));
    f.node->data = arena_.copy(items).data();
    f.node->size = static_cast<uint32_t>(items.size());
    finish(apply_tag(f.node, f.tag, f.mark), f.anchor);
  }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Node* n = start_node(mark);
    n->kind = NodeKind::Mapping;
    open(n, tag, anchor, mark);
  }
  void OnMapEnd() override {
    Frame f = close();
    std::vector<MapEntry> entries = build_entries(f);
    for (size_t i = 0; i < entries.size(); ++i) adopt(entries[i].value, f.node, static_cast<uint32_t>(i));
    for (size_t i = 0; i < entries.size(); ++i) adopt(entries[i].key, f.node, static_cast<uint32_t>(i));
    f.node->data = arena_.copy(entries).data();
    f.node->size = static_cast<uint32_t>(entries.size());
    // The long form is recognised first so `!Base64 {Fn::Sub: ...}` wraps an intrinsic.
    const Node* n = f.tag.size() > 1 && f.tag[0] == '!'
                        ? apply_tag(const_cast<Node*>(long_form_intrinsic(f.node, true)), f.tag, f.mark)
                        : long_form_intrinsic(apply_tag(f.node, f.tag, f.mark), false);
    finish(n, f.anchor);
  }

 private:
  struct Frame {
    Node* node;
    size_t scratch_start;
    std::string tag;
    YAML::anchor_t anchor;
    YAML::Mark mark;
  };

  void issue(LoadIssueKind kind, const YAML::Mark& mark, std::string message, const Node* node = nullptr,
             std::vector<Note> notes = {}) {
    doc_.issues.push_back({kind, position(mark), std::move(message), node, std::move(notes)});
  }
  Position position(const YAML::Mark& mark) const {
    return doc_.source->position_of(static_cast<size_t>(std::max(mark.pos, 0)));
  }

  Node* start_node(const YAML::Mark& mark) {
    if (arena_.node_count() >= limits_.max_nodes) {
      issue(LoadIssueKind::LimitExceeded, mark,
            "the document has more than " + std::to_string(limits_.max_nodes) + " YAML nodes");
      throw StopParsing{};
    }
    Node* n = arena_.new_node();
    n->offset = static_cast<uint32_t>(std::max(mark.pos, 0));
    n->pos = position(mark);
    return n;
  }

  void open(Node* n, const std::string& tag, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (stack_.size() >= limits_.max_depth) {
      issue(LoadIssueKind::LimitExceeded, mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
      throw StopParsing{};
    }
    stack_.push_back({n, scratch_.size(), tag, anchor, mark});
  }
  Frame close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return f;
  }

  void finish(const Node* n, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n;
    attach(n);
  }
  void attach(const Node* n) {
    if (stack_.empty()) {
      if (documents_ == 1) root_ = n;  // later documents are parsed (for errors) but not kept
      return;
    }
    scratch_.push_back(n);
  }
  // Records the first parent of a node (aliases keep the anchor's), for property paths.
  static void adopt(const Node* child, const Node* parent, uint32_t index) {
    auto* c = const_cast<Node*>(child);
    if (c->parent == nullptr && c != parent) {
      c->parent = parent;
      c->index_in_parent = index;
    }
  }

  // Short-form tag: `!Ref x` becomes an Intrinsic node wrapping the plain node.
  const Node* apply_tag(Node* n, const std::string& tag, const YAML::Mark& mark) {
    if (tag.empty() || tag == "?" || tag == "!") return n;
    if (tag.size() > 1 && tag[0] == '!') {
      Fn fn = fn_from_tag(std::string_view(tag).substr(1));
      if (fn != Fn::None) {
        Position tag_pos = n->pos;
        uint32_t tag_offset = n->offset;
        skip_tag(n, tag);  // the argument starts after the tag: `!Ref Name` points Name at "Name"
        return make_intrinsic(fn, n, tag_pos, tag_offset);
      }
      if (tag.starts_with("!Rain::"))
        doc_.preprocessor = "Rain";  // rain's own tags, replaced before CloudFormation sees the file
      else
        issue(LoadIssueKind::UnknownTag, mark, "unknown tag '" + tag + "'", n);
    }
    auto* extra = const_cast<NodeExtra*>(n->extra);
    if (!extra) {
      extra = arena_.make<NodeExtra>();
      n->extra = extra;
    }
    extra->tag = arena_.copy(tag);
    return n;
  }

  // yaml-cpp marks a tagged node at its tag; move the node's own position past the tag.
  void skip_tag(Node* n, std::string_view tag) {
    std::string_view text = doc_.source->text();
    size_t at = n->offset;
    if (text.compare(at, tag.size(), tag) != 0) return;
    at += tag.size();
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
    if (at >= text.size()) return;
    n->offset = static_cast<uint32_t>(at);
    n->pos = doc_.source->position_of(at);
  }

  // `{Ref: x}`, `{"Fn::GetAtt": [...]}`: a one-key mapping whose key is a function name.
  const Node* long_form_intrinsic(const Node* n, bool tag_follows) {
    if (!n->is_map() || n->size != 1 || (!tag_follows && n->tag().size())) return n;
    const MapEntry& e = n->entries()[0];
    if (!e.key->is_scalar()) return n;
    if (e.key->text().starts_with("Rain::")) doc_.preprocessor = "Rain";
    Fn fn = fn_from_long_name(e.key->text());
    if (fn == Fn::None) return n;
    // `Condition: Name` is a function only with a string; elsewhere "Condition" is a property.
    if (fn == Fn::Condition && !e.value->is_scalar()) return n;
    return make_intrinsic(fn, e.value, n->pos, n->offset);
  }

  const Node* make_intrinsic(Fn fn, const Node* arg, Position pos, uint32_t offset) {
    Node* in = arena_.new_node();
    in->kind = NodeKind::Intrinsic;
    in->fn = fn;
    in->pos = pos;
    in->offset = offset;
    in->arg = arg;
    adopt(arg, in, 0);
    std::string error;
    in->data = check_intrinsic(fn, arg, arena_, error);
    if (!in->data) doc_.issues.push_back({LoadIssueKind::BadIntrinsic, pos, error, in, {}});
    return in;
  }

  void scan_refs(Node* n, std::string_view text) {
    DynamicRefScan scan = scan_dynamic_refs(text);
    for (const auto& e : scan.errors)
      doc_.issues.push_back({LoadIssueKind::BadDynamicRef,
                             position_in_scalar(*doc_.source, n, e.offset),
                             "malformed dynamic reference " + e.message,
                             n,
                             {}});
    if (scan.refs.empty()) return;
    auto* extra = arena_.make<NodeExtra>();
    extra->dynamic_refs = arena_.copy(scan.refs);
    n->extra = extra;
  }

  // Pairs keys with values, reports duplicate keys, and applies `<<` merge keys.
  std::vector<MapEntry> build_entries(const Frame& f) {
    std::vector<MapEntry> entries;
    const size_t n = (scratch_.size() - f.scratch_start) / 2;
    entries.reserve(n);
    std::vector<const Node*> merges;
    // Small mappings are checked pairwise; big ones (Resources of a large stack) through a set.
    std::unordered_map<std::string_view, const Node*> seen;
    const bool use_set = n > 16;
    for (size_t i = 0; i < n; ++i) {
      const Node* key = scratch_[f.scratch_start + 2 * i];
      const Node* value = scratch_[f.scratch_start + 2 * i + 1];
      if (key->is_scalar() && !key->quoted && key->text() == "<<" && key->tag().empty()) {
        merges.push_back(value);
        continue;
      }
      const Node* previous = nullptr;
      if (key->is_scalar()) {
        if (use_set) {
          auto [it, inserted] = seen.emplace(key->text(), key);
          if (!inserted) previous = it->second;
        } else {
          for (const auto& e : entries)
            if (e.key->is_scalar() && e.key->text() == key->text()) previous = e.key;
        }
      }
      if (previous) {
        doc_.issues.push_back({LoadIssueKind::DuplicateKey,
                               key->pos,
                               "duplicate key '" + std::string(key->text()) + "' (first defined at line " +
                                   std::to_string(previous->pos.line) + "); the last one silently wins",
                               key,
                               {{"first definition", previous->pos}}});
      }
      entries.push_back({key, value});
    }
    scratch_.resize(f.scratch_start);
    for (const Node* m : merges) merge_into(entries, m, f.mark);
    return entries;
  }

  void merge_into(std::vector<MapEntry>& entries, const Node* source, const YAML::Mark& mark) {
    std::vector<const Node*> sources;
    if (source->is_map())
      sources.push_back(source);
    else if (source->is_seq())
      for (const Node* s : source->items()) sources.push_back(s);
    std::unordered_set<std::string_view> present_keys;
    for (const auto& have : entries)
      if (have.key->is_scalar()) present_keys.insert(have.key->text());
    for (const Node* s : sources) {
      if (!s->is_map()) {
        issue(LoadIssueKind::Syntax, mark, "a '<<' merge key needs a mapping or a list of mappings");
        continue;
      }
      for (const auto& e : s->entries()) {
        if (++merged_entries_ > limits_.max_merged_entries) {
          issue(LoadIssueKind::LimitExceeded, mark,
                "merge keys ('<<') expand to more than " + std::to_string(limits_.max_merged_entries) + " entries");
          throw StopParsing{};
        }
        // Earlier sources and the mapping's own keys win.
        if (!e.key->is_scalar() || present_keys.insert(e.key->text()).second) entries.push_back(e);
      }
    }
  }

  Document& doc_;
  Arena& arena_;
  const Limits& limits_;
  std::vector<Frame> stack_;
  std::vector<const Node*> scratch_;
  std::unordered_map<YAML::anchor_t, const Node*> anchors_;
  const Node* root_ = nullptr;
  int documents_ = 0;
  uint32_t merged_entries_ = 0;
};

}  // namespace

Document load_document(std::string path, std::string bytes, const Limits& limits) {
  Document doc;
  doc.source = std::make_unique<SourceText>(std::move(path), std::move(bytes));
  if (!doc.source->encoding_error().empty()) {
    doc.issues.push_back({LoadIssueKind::Syntax, {1, 1}, doc.source->encoding_error(), nullptr, {}});
    doc.unparsable = true;
    return doc;
  }
  if (size_t bad = doc.source->invalid_utf8(); bad != std::string_view::npos) {
    // CloudFormation accepts only UTF-8; a position beats a parser error further on.
    doc.issues.push_back({LoadIssueKind::Syntax,
                          doc.source->position_of(bad),
                          "invalid UTF-8 (byte 0x" +
                              [&] {
                                static const char* hex = "0123456789ABCDEF";
                                auto c = static_cast<unsigned char>(doc.source->text()[bad]);
                                return std::string{hex[c >> 4], hex[c & 15]};
                              }() +
                              "); templates must be UTF-8 (or UTF-16/32 with a byte order mark)",
                          nullptr,
                          {}});
    doc.unparsable = true;
    return doc;
  }
  ViewBuf buf(doc.source->text());
  std::istream in(&buf);
  AstBuilder builder(doc, limits);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      // A second document is reported once; parsing on only looks for syntax errors.
      if (builder.documents() >= 2) break;
    }
  } catch (const StopParsing&) {
    doc.unparsable = true;
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own recursion guard (about 500 levels of flow nesting) can stop before ours.
    (void)e;
    doc.issues.push_back({LoadIssueKind::LimitExceeded,
                          builder.innermost_open(),
                          "nesting deeper than the parser's limit (about 500 levels)",
                          nullptr,
                          {}});
    doc.unparsable = true;
  } catch (const YAML::Exception& e) {
    Position p =
        e.mark.is_null() ? Position{1, 1} : doc.source->position_of(static_cast<size_t>(std::max(e.mark.pos, 0)));
    std::string msg = e.msg.empty() ? std::string("invalid YAML") : e.msg;
    doc.issues.push_back({LoadIssueKind::Syntax, p, "YAML syntax error: " + msg, nullptr, {}});
    doc.unparsable = true;
  } catch (const std::exception& e) {
    doc.issues.push_back({LoadIssueKind::Syntax, {1, 1}, std::string("cannot parse: ") + e.what(), nullptr, {}});
    doc.unparsable = true;
  }
  if (!doc.unparsable) doc.root = builder.root();
  return doc;
}

}  // namespace vpclint
