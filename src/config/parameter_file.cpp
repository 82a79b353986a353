// CloudFormation parameter files: strict JSON (checked by nlohmann's parser, which knows JSON's
// errors), then read through vpclint's loader, which keeps every value's position.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "config/deploy_tree.h"
#include "config/deploy_values.h"

namespace vpclint {

namespace {

using namespace deploy_detail;
using Kind = DeployNode::Kind;

constexpr std::string_view kShapes =
    R"(a parameter file is [{"ParameterKey": "K", "ParameterValue": "V"}, ...], ["K=V", ...] or {"Parameters": {"K": "V"}})";

// Builds nothing: only the first syntax error and where it is.
class JsonCheck : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    byte = position;
    message = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error ...": the
    // position is given in our own terms (code points) instead.
    if (const size_t column = message.find("column "); column != std::string::npos)
      if (const size_t colon = message.find(": ", column); colon != std::string::npos) message.erase(0, colon + 2);
    return false;
  }

  size_t byte = 0;  // count of bytes read when the error was found
  std::string message;
};

void check_json(const std::string& path, const std::string& bytes) {
  const SourceText source(path, bytes);
  if (!source.encoding_error().empty()) fail(path, {}, source.encoding_error());
  JsonCheck check;
  if (nlohmann::json::sax_parse(source.text(), &check)) return;
  const size_t offset = std::min(check.byte ? check.byte - 1 : 0, source.text().size());
  fail(path, source.position_of(offset), "not valid JSON: " + check.message);
}

// [{"ParameterKey": "K", "ParameterValue": "V"}]: create-stack's Parameter structure.
void parameter_objects(const DeployFile& file, DeployValues& out) {
  for (const DeployNode& item : file.root.items) {
    const DeployNode* key = nullptr;
    const DeployNode* value = nullptr;
    bool use_previous = false;
    for (const DeployEntry& e : item.entries) {
      const Kind wanted = e.key == "UsePreviousValue" ? Kind::Boolean : Kind::String;
      if (e.key != "ParameterKey" && e.key != "ParameterValue" && e.key != "UsePreviousValue" &&
          e.key != "ResolvedValue")
        fail(file.path, e.key_pos,
             "unknown key " + quote_text(e.key) +
                 " in a parameter; allowed keys: ParameterKey, ParameterValue, UsePreviousValue, ResolvedValue");
      if (e.value.kind != wanted)
        fail(file.path, e.value.pos, e.key + " must be " + kind_name(wanted) + ", not " + kind_name(e.value.kind));
      if (e.key == "ParameterKey") key = &e.value;
      if (e.key == "ParameterValue") value = &e.value;
      if (e.key == "UsePreviousValue") use_previous = e.value.text == "True";
    }
    if (!key) fail(file.path, item.pos, "a parameter without ParameterKey");
    if (use_previous && value)
      fail(file.path, value->pos,
           "parameter " + quote_text(key->text) + " sets both ParameterValue and UsePreviousValue");
    if (use_previous) continue;  // the stack's current value, which no file shows
    if (!value) fail(file.path, item.pos, "parameter " + quote_text(key->text) + " has no ParameterValue");
    out.parameters[key->text] = ExternalValue{value->text, {file.path, key->pos, {}}};
  }
}

// ["K=V", ...]: `aws cloudformation deploy --parameter-overrides`, split at the first '='.
void key_value_strings(const DeployFile& file, DeployValues& out) {
  for (const DeployNode& item : file.root.items) {
    const size_t eq = item.text.find('=');
    if (eq == std::string::npos) fail(file.path, item.pos, quote_text(item.text) + " is not Key=Value");
    out.parameters[item.text.substr(0, eq)] = ExternalValue{item.text.substr(eq + 1), {file.path, item.pos, {}}};
  }
}

// {"Parameters": {"K": "V"}}: CodePipeline's template configuration file (Tags and StackPolicy
// are its other keys). Numbers and booleans are stringified as the AWS CLI's deploy does.
void parameters_mapping(const DeployFile& file, const DeployNode& parameters, DeployValues& out) {
  for (const DeployEntry& e : parameters.entries) {
    const DeployNode& v = e.value;
    if (!v.is_scalar() || v.kind == Kind::Null || v.kind == Kind::Date)
      fail(file.path, v.pos, "parameter " + quote_text(e.key) + " must be a string, not " + kind_name(v.kind));
    out.parameters[e.key] = ExternalValue{v.text, {file.path, e.key_pos, {}}};
  }
}

void read(const DeployFile& file, DeployValues& out) {
  const DeployNode& root = file.root;
  auto all = [&](Kind kind) {
    return std::all_of(root.items.begin(), root.items.end(), [&](const DeployNode& n) { return n.kind == kind; });
  };
  if (root.kind == Kind::List && all(Kind::Table)) return parameter_objects(file, out);
  if (root.kind == Kind::List && all(Kind::String)) return key_value_strings(file, out);
  if (root.kind == Kind::List) {
    const auto bad = std::find_if(root.items.begin(), root.items.end(),
                                  [](const DeployNode& n) { return n.kind != Kind::Table && n.kind != Kind::String; });
    if (bad != root.items.end())
      fail(file.path, bad->pos,
           "a parameter is an object or a \"K=V\" string, not " + kind_name(bad->kind) + "; " + std::string(kShapes));
    const auto odd = std::find_if(root.items.begin(), root.items.end(),
                                  [&](const DeployNode& n) { return n.kind != root.items.front().kind; });
    fail(file.path, odd->pos, "a list of parameters mixes objects and strings; " + std::string(kShapes));
  }
  const DeployEntry* parameters = root.kind == Kind::Table ? root.find("Parameters") : nullptr;
  if (!parameters) fail(file.path, root.pos ? root.pos : Position{1, 1}, std::string(kShapes));
  if (parameters->value.kind != Kind::Table)
    fail(file.path, parameters->value.pos, "Parameters must be an object, not " + kind_name(parameters->value.kind));
  parameters_mapping(file, parameters->value, out);
}

}  // namespace

bool read_parameter_file(const std::string& path, DeployValues& out, std::string& error) {
  try {
    std::string bytes = read_bytes(path);
    check_json(path, bytes);
    DeployFile file;
    file.path = path;
    parse_yaml(file, std::move(bytes));
    DeployValues values;
    values.file = path;
    read(file, values);
    out = std::move(values);
    return true;
  } catch (const DeployError& e) {
    error = e.line;
    return false;
  }
}

}  // namespace vpclint
