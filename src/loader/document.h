// What the loader produces for one file: the AST, the source it points into, and load issues.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "loader/ast.h"
#include "loader/source.h"

namespace vpclint {

// Problems found while reading a file. The T-family rules turn these into findings; the loader
// itself knows nothing about rule ids or severities.
enum class LoadIssueKind : uint8_t {
  Syntax,         // T001: YAML/JSON syntax error, unreadable encoding, several documents
  NotTemplate,    // T002: not a mapping, or no Resources (raised by the model)
  UnknownTag,     // T003
  BadIntrinsic,   // T004
  BadDynamicRef,  // T005
  DuplicateKey,   // T007
  LimitExceeded,  // T008
};

struct Note {
  Note() = default;
  Note(std::string message_, Position pos_, std::string file_ = {})
      : message(std::move(message_)), pos(pos_), file(std::move(file_)) {}

  std::string message;
  Position pos;
  std::string file;  // evidence in another file (the team's .vpclint.yaml); empty: the finding's file
};

struct LoadIssue {
  LoadIssueKind kind;
  Position pos;
  std::string message;
  const Node* node = nullptr;  // where it applies, when there is a node
  std::vector<Note> notes;
};

struct Limits {
  // Twice CloudFormation's largest template (1 MB from S3, 51,200 bytes inline), leaving room for
  // comments and layout that `sam package` rewrites away; yaml-cpp reads a long plain scalar at
  // about 4 MB/s, so no file within the limit takes a second.
  size_t max_file_size = 2 * 1024 * 1024;
  uint32_t max_depth = 512;
  // Real templates have tens of thousands of nodes; this bounds memory on hostile input.
  uint32_t max_nodes = 2'000'000;
  // Entries copied in by `<<` merge keys, which can grow quadratically with nested merges.
  uint32_t max_merged_entries = 1'000'000;
};

struct Document {
  std::unique_ptr<SourceText> source;
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
  const Node* root = nullptr;
  std::vector<LoadIssue> issues;
  // The file could not be read as YAML/JSON at all (T001/T008 that stopped the parser).
  bool unparsable = false;
  // Set when the file holds directives of a template preprocessor (Rain) that rewrites it before
  // CloudFormation sees it: what it generates cannot be judged from the file.
  std::string preprocessor;
};

}  // namespace vpclint
