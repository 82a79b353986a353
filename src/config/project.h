// A project is every template of one run, and what they give each other: nested stacks (a parent's
// Parameters become the child's values, the child's Outputs the parent's GetAtt), exports for
// Fn::ImportValue, AWS::SSM::Parameter resources for SSM references, stack outputs for
// Fn::GetStackOutput, and the deploy values samconfig and parameter files state. A template is
// judged once per use: alone when nothing nests it, else once per parent that nests it.
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "config/snapshot_values.h"
#include "loader/file_reader.h"
#include "model/bindings.h"
#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

// What is wrong with the links between templates; rules report these at the template's node.
enum class LinkIssueKind : uint8_t {
  ChildMissing,     // a local TemplateURL/Location that cannot be read or is not a template
  NestingCycle,     // a template nests itself, directly or through others
  DuplicateExport,  // two outputs of one nesting tree export the same name
};

struct LinkIssue {
  LinkIssueKind kind;
  const Node* at = nullptr;  // in the file the issue is reported in
  std::string message;
  Note evidence;  // the other side (the first export, the start of the cycle), possibly in another file
};

struct ProjectFile {
  std::string path;      // as shown in findings
  std::string identity;  // absolute, normalized: one file read once
  bool lint = false;     // the run lints it; else it is read only for what it gives others
  const Config* config = nullptr;
  std::unique_ptr<Config> merged;  // config with samconfig / parameter file values, when there are any
  Document doc;
  std::unique_ptr<Template> model;  // null when unreadable, or not parsed yet (deferred)
  // Read but not parsed: nothing in its text can give another template a value, so it is parsed
  // when linted and released right after (the run's memory stays that of the files in flight).
  bool deferred = false;
  std::string deferred_bytes;
  std::string read_error;  // set when the file could not be read
  bool too_large = false;
  std::vector<LinkIssue> issues;
  ExternalValue stack_name;  // empty value: not known
  // Another template may read this one (it nests or is nested, publishes exports, SSM parameters
  // or a stack name): its model stays until the run ends. Others are released once linted.
  bool shared = false;
  const Config* effective_config() const { return merged ? merged.get() : config; }
};

class Project;

// One way a template is deployed: alone, or nested by one resource of a parent's use.
struct Use : Bindings {
  const Project* project = nullptr;
  size_t file = 0;
  const Use* parent = nullptr;
  const Resource* via = nullptr;  // the parent's AWS::CloudFormation::Stack / AWS::Serverless::Application
  std::unordered_map<std::string_view, const Use*> children;  // by the parent's resource id
  std::unordered_map<std::string_view, Binding> passed;       // the parent's Parameters entries
  std::unordered_map<std::string_view, Binding> outputs;      // this template's Outputs, as this use resolves them
  std::unique_ptr<Resolver> resolver;
  std::string label_, display_;

  const Binding* parameter(std::string_view name) const override;
  const Binding* import(std::string_view name, bool pattern) const override;
  const Binding* ssm(std::string_view name, bool pattern) const override;
  const Binding* stack_output(std::string_view stack, std::string_view output) const override;
  const Binding* nested_output(std::string_view resource, std::string_view output) const override;
  const ExternalValue* stack_name() const override;
  const AccountValues* account() const override;
  const std::string& label() const override { return label_; }
  const std::string& display() const override { return display_; }
  // "nested by AppStack in parent.yaml": the note findings of a nested use carry.
  Note nested_note() const;
};

// A name another template publishes (an export, an SSM parameter): exact, or a pattern with a
// `*` where a value was not known (`${AWS::StackName}-Subnets` when the stack name is not).
struct Published {
  std::string name;
  bool pattern = false;
  Binding exact;              // cited when the names are equal
  Binding by_pattern;         // cited when the match was by pattern
  const Use* root = nullptr;  // the root of the nesting tree that publishes it
};

class Project {
 public:
  // Reads a template the run lints (`lint`) or one read for context (a parent found by search).
  // Returns its index; a file already read is not read twice (a context file becomes linted).
  size_t add(const std::string& path, const Config* config, bool lint, const Limits& limits);
  // The same for many files, read and parsed on `jobs` threads; the order of `paths` is kept.
  void add_all(const std::vector<std::pair<std::string, const Config*>>& paths, bool lint, const Limits& limits,
               unsigned jobs);
  // add_all leaves files that cannot link to others unparsed until they are linted.
  bool defer = true;
  // Follows local nested templates, then builds every use and the indexes of exports, SSM
  // parameters and stacks. Call once, after every add.
  void link(const Limits& limits);

  const std::deque<ProjectFile>& files() const { return files_; }
  ProjectFile& file(size_t i) { return files_[i]; }
  // The uses of a file; empty for a file that could not be read.
  std::vector<const Use*> uses_of(size_t file) const;
  // Frees the syntax tree and model of a linted file no other template reads; its source text
  // stays for the report. Safe while other files are linted: nothing refers to it.
  void release(size_t file);
  // Parses a deferred file (a no-op for others). Before link(), or from the one thread linting it.
  void ensure_loaded(size_t file, const Limits& limits);
  // A use of a file nothing nests, made when it is linted (deferred files have none from link()).
  std::unique_ptr<Use> private_use(size_t file) const;
  // The text may give another template a value or nest one (an export, an SSM parameter, a
  // nested stack): such files are parsed up front.
  static bool may_link(std::string_view text);
  bool contains(const std::string& path) const;
  // The text may nest a template of this file name (any, for an empty name): a cheap test before
  // reading a file as a possible parent.
  static bool may_nest(std::string_view parent_text, std::string_view child_file_name);

  const Binding* find_export(std::string_view name, bool pattern) const;
  const Binding* find_ssm(std::string_view name, bool pattern) const;
  const Use* stack(std::string_view name) const;

  // Each template judged alone: nested templates are not read, exports, SSM parameters and stack
  // outputs answer nothing.
  bool isolated = false;
  // The config for a template the project reads on its own (a nested child); null: the parent's.
  std::function<const Config*(const std::string& path)> config_for;
  // The accounts' snapshots of the run (--snapshot, `snapshot:`): values for imports, SSM
  // references and deployed stacks' parameters, and the network the analysis reads. May be null.
  std::shared_ptr<const SnapshotValues> account;
  // Editor buffers read instead of the files on disk (`vpclint lsp`); may be null.
  std::shared_ptr<const OpenBuffers> buffers;

 private:
  std::pair<size_t, bool> reserve(const std::string& path, const Config* config, bool lint);
  void load(size_t index, const std::string& path, const Limits& limits, bool allow_defer);
  void parse(size_t index, std::string bytes, const Limits& limits);
  void follow_children(size_t file, const Limits& limits);
  void build_uses(size_t file, Use* parent, const Resource* via, std::vector<size_t>& path);
  void publish(const Use& use);
  static const Binding* find(const std::vector<Published>& list,
                             const std::unordered_map<std::string, std::vector<size_t>>& exact, std::string_view name,
                             bool pattern);

  std::deque<ProjectFile> files_;
  std::unordered_map<std::string, size_t> by_identity_;
  std::deque<Use> uses_;
  std::unordered_map<size_t, std::vector<const Use*>> uses_by_file_;
  std::unordered_map<size_t, std::vector<std::pair<const Resource*, size_t>>> children_;  // file -> (resource, child)
  std::vector<Published> exports_, ssm_;
  std::unordered_map<std::string, std::vector<size_t>> exports_exact_, ssm_exact_;
  std::unordered_map<std::string, const Use*> stacks_;
};

// Two names, either of which may hold `${...}` placeholders for unknown values, can be equal.
bool names_may_match(std::string_view a, bool a_pattern, std::string_view b, bool b_pattern);

}  // namespace vpclint
