// Reads JSON straight into records, guided by the shape the caller declares, so a 7 MB
// describe-subnets file builds no document tree: nlohmann's SAX events are matched against
// readers that keep the few members they know and skip the rest. Knows JSON, not AWS.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint::snapshot_detail {

class ObjectReader;

// What to do with the next value.
struct Sink {
  // Append and Object are also what an array of Strings and of Objects reads each element with.
  enum class Kind : uint8_t { Skip, String, Id, Bool, MaybeBool, Int, Strings, Append, Object, Objects };
  Kind kind = Kind::Skip;
  union {
    std::string* string;              // String, Id (Id: a non-empty string)
    bool* flag;                       // Bool
    std::optional<bool>* maybe_flag;  // MaybeBool
    int* integer;                     // Int
    std::vector<std::string>* list;   // Strings: an array of strings; Append: one of its elements
    ObjectReader* reader;             // Object: one object; Objects: an array, each element an object
  };
  Sink() : string(nullptr) {}
};

inline Sink skip() { return {}; }
inline Sink text(std::string& s) {
  Sink k;
  k.kind = Sink::Kind::String;
  k.string = &s;
  return k;
}
inline Sink id(std::string& s) {
  Sink k = text(s);
  k.kind = Sink::Kind::Id;
  return k;
}
inline Sink flag(bool& b) {
  Sink k;
  k.kind = Sink::Kind::Bool;
  k.flag = &b;
  return k;
}
inline Sink flag(std::optional<bool>& b) {
  Sink k;
  k.kind = Sink::Kind::MaybeBool;
  k.maybe_flag = &b;
  return k;
}
inline Sink integer(int& i) {
  Sink k;
  k.kind = Sink::Kind::Int;
  k.integer = &i;
  return k;
}
inline Sink strings(std::vector<std::string>& v) {
  Sink k;
  k.kind = Sink::Kind::Strings;
  k.list = &v;
  return k;
}
inline Sink object(ObjectReader& r) {
  Sink k;
  k.kind = Sink::Kind::Object;
  k.reader = &r;
  return k;
}
inline Sink objects(ObjectReader& r) {
  Sink k = object(r);
  k.kind = Sink::Kind::Objects;
  return k;
}

// The input does not have the declared shape. Readers throw it from end(), naming in `key` the
// member that is wrong, if one is; the parser adds the JSON pointer.
struct ShapeError {
  std::string message;
  std::string key;
  std::string pointer;
};

// Reads the members of one object (or of each object of an array, one at a time).
class ObjectReader {
 public:
  virtual ~ObjectReader() = default;
  // A new object starts: forget the previous one.
  virtual void begin() {}
  // Where the member's value goes; skip() for members the reader does not know.
  virtual Sink member(std::string_view key) = 0;
  // The object closed: check what it must have (throw ShapeError) and keep the record.
  virtual void end() {}
};

// Throws `missing required key "<key>"`; require() when `value` is empty (an id() sink never
// sets it empty, so empty means absent).
[[noreturn]] void missing(std::string_view key);
inline void require(const std::string& value, std::string_view key) {
  if (value.empty()) missing(key);
}

// {"Subnets": [...]}: an object with one required array member, each element read by `element`.
class ListFile final : public ObjectReader {
 public:
  ListFile(std::string_view key, ObjectReader& element) : key_(key), element_(element) {}
  Sink member(std::string_view key) override {
    if (key != key_) return skip();
    seen_ = true;
    return objects(element_);
  }
  void end() override {
    if (!seen_) missing(key_);
  }

 private:
  std::string_view key_;
  ObjectReader& element_;
  bool seen_ = false;
};

// {"State": "associated"}: one string member of one object, in `value`.
class PickOne final : public ObjectReader {
 public:
  explicit PickOne(std::string_view key) : key_(key) {}
  void begin() override { value.clear(); }
  Sink member(std::string_view key) override { return key == key_ ? text(value) : skip(); }
  std::string value;

 private:
  std::string_view key_;
};

// [{"GroupId": "sg-1"}, ...]: one string member of each object, appended to `into`; an element
// without it is skipped.
class PickEach final : public ObjectReader {
 public:
  explicit PickEach(std::string_view key) : key_(key) {}
  void begin() override { value_.clear(); }
  Sink member(std::string_view key) override { return key == key_ ? text(value_) : skip(); }
  void end() override {
    if (!value_.empty()) into->push_back(std::move(value_));
  }
  std::vector<std::string>* into = nullptr;

 private:
  std::string_view key_;
  std::string value_;
};

// Why a document could not be read.
struct JsonProblem {
  size_t syntax_at = std::string_view::npos;  // not JSON: the byte offset where that was found
  std::string pointer;  // else the value of the wrong shape, as a JSON pointer ("/" is the document)
  std::string message;  // "syntax error while parsing ...", "expected a string, not a number"
};

// Parses `text` (one JSON document) with `root` reading the top-level object. Nothing is kept
// when it fails: readers write to records that their end() commits, and the caller drops the lot.
std::optional<JsonProblem> read_json(std::string_view text, ObjectReader& root);

}  // namespace vpclint::snapshot_detail
