#include "config/snapshot_json.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace vpclint::snapshot_detail {

namespace {

using Json = nlohmann::json;
using Kind = Sink::Kind;

// One open container: an object (its reader, the member being read) or an array (the sink of
// each element, the element's index).
struct Frame {
  bool array = false;
  ObjectReader* reader = nullptr;  // an object's reader
  Sink next;                       // what reads the next value: the member's, or each element's
  std::string key;                 // an object's current member, for error pointers
  size_t index = 0;                // an array's current element
};

// "~" and "/" in a key are escaped as a JSON pointer requires.
void append_segment(std::string& pointer, std::string_view segment) {
  pointer += '/';
  for (char c : segment) {
    if (c == '~')
      pointer += "~0";
    else if (c == '/')
      pointer += "~1";
    else
      pointer += c;
  }
}

const char* expected_text(Kind kind) {
  switch (kind) {
    case Kind::String:
    case Kind::Id:
    case Kind::Append: return "a string";
    case Kind::Bool:
    case Kind::MaybeBool: return "true or false";
    case Kind::Int: return "an integer";
    case Kind::Strings: return "an array of strings";
    case Kind::Object: return "an object";
    case Kind::Objects: return "an array of objects";
    case Kind::Skip: break;
  }
  return "nothing";
}

class ShapeParser final : public nlohmann::json_sax<Json> {
 public:
  explicit ShapeParser(ObjectReader& root) {
    // The document is the one element of an outer array that is never closed.
    Frame& outer = push(true);
    outer.next = object(root);
  }

  bool null() override { return scalar("null"); }
  bool boolean(bool value) override {
    if (skipping()) return true;
    Sink& s = next();
    if (s.kind == Kind::Bool)
      *s.flag = value;
    else if (s.kind == Kind::MaybeBool)
      *s.maybe_flag = value;
    else
      wrong(value ? "true" : "false");
    return done();
  }
  bool number_integer(number_integer_t value) override { return number(value, true); }
  bool number_unsigned(number_unsigned_t value) override {
    constexpr auto max = std::numeric_limits<int64_t>::max();
    return number(value <= static_cast<number_unsigned_t>(max) ? static_cast<int64_t>(value) : max, true);
  }
  bool number_float(number_float_t, const string_t&) override { return number(0, false); }
  bool string(string_t& value) override {
    if (skipping()) return true;
    Sink& s = next();
    if (s.kind == Kind::String || s.kind == Kind::Id) {
      if (s.kind == Kind::Id && value.empty()) throw ShapeError{"an empty id", {}, pointer(true)};
      *s.string = value;
    } else if (s.kind == Kind::Append) {
      s.list->push_back(value);
    } else {
      wrong("a string");
    }
    return done();
  }
  bool binary(binary_t&) override { return scalar("binary data"); }

  bool start_object(std::size_t) override {
    if (skipping()) return enter_skipped();
    if (next().kind != Kind::Object) wrong("an object");
    ObjectReader* reader = next().reader;
    reader->begin();
    push(false).reader = reader;
    return true;
  }
  bool key(string_t& name) override {
    if (skip_depth_) return true;
    Frame& f = stack_.back();
    f.key = name;
    f.next = f.reader->member(name);
    return true;
  }
  bool end_object() override {
    if (skip_depth_) return leave_skipped();
    try {
      stack_.back().reader->end();
    } catch (ShapeError& e) {
      if (e.pointer.empty()) e.pointer = pointer(false, e.key);
      throw;
    }
    stack_.pop_back();
    return done();
  }
  bool start_array(std::size_t) override {
    if (skipping()) return enter_skipped();
    Sink element = next();
    if (element.kind == Kind::Strings)
      element.kind = Kind::Append;
    else if (element.kind == Kind::Objects)
      element.kind = Kind::Object;
    else
      wrong("an array");
    push(true).next = element;
    return true;
  }
  bool end_array() override {
    if (skip_depth_) return leave_skipped();
    stack_.pop_back();
    return done();
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    syntax_at = position ? position - 1 : 0;
    syntax_message = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error ...": the
    // caller gives the position in its own terms (code points).
    if (const size_t column = syntax_message.find("column "); column != std::string::npos)
      if (const size_t colon = syntax_message.find(": ", column); colon != std::string::npos)
        syntax_message.erase(0, colon + 2);
    return false;
  }

  // The JSON pointer of the value being read (`at_value`), or of the innermost open object and
  // then its member `key`.
  std::string pointer(bool at_value, std::string_view key = {}) const {
    std::string out;
    const size_t n = stack_.size() - (at_value ? 0 : 1);
    for (size_t i = 1; i < n; ++i) {
      const Frame& f = stack_[i];
      append_segment(out, f.array ? std::to_string(f.index) : f.key);
    }
    if (!key.empty()) append_segment(out, key);
    return out.empty() ? "/" : out;
  }

  size_t syntax_at = std::string_view::npos;
  std::string syntax_message;

 private:
  Sink& next() { return stack_.back().next; }
  bool skipping() { return skip_depth_ || next().kind == Kind::Skip; }

  Frame& push(bool array) {
    Frame& f = stack_.emplace_back();
    f.array = array;
    return f;
  }

  // A value was read: what follows in an array is its next element.
  bool done() {
    if (stack_.back().array) ++stack_.back().index;
    return true;
  }
  bool enter_skipped() {
    ++skip_depth_;
    return true;
  }
  bool leave_skipped() { return --skip_depth_ ? true : done(); }

  bool scalar(const char* found) {
    if (!skipping()) wrong(found);
    return true;
  }
  bool number(int64_t value, bool integral) {
    if (skipping()) return true;
    if (next().kind != Kind::Int) wrong("a number");
    if (!integral || value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
      throw ShapeError{
          std::string("expected an integer, not ") + (integral ? "one that large" : "a fraction"), {}, pointer(true)};
    *next().integer = static_cast<int>(value);
    return done();
  }

  [[noreturn]] void wrong(const char* found) const {
    throw ShapeError{
        std::string("expected ") + expected_text(stack_.back().next.kind) + ", not " + found, {}, pointer(true)};
  }

  std::vector<Frame> stack_;
  size_t skip_depth_ = 0;  // > 0 inside a value no reader wants
};

}  // namespace

void missing(std::string_view key) { throw ShapeError{"missing required key \"" + std::string(key) + "\"", {}, {}}; }

std::optional<JsonProblem> read_json(std::string_view text, ObjectReader& root) {
  ShapeParser parser(root);
  try {
    if (Json::sax_parse(text, &parser)) return std::nullopt;
    return JsonProblem{parser.syntax_at, {}, parser.syntax_message};
  } catch (const ShapeError& e) {
    return JsonProblem{std::string_view::npos, e.pointer, e.message};
  }
}

}  // namespace vpclint::snapshot_detail
