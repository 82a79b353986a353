// The parameter values a deployment passes to CloudFormation, read from where teams keep them: SAM
// CLI's samconfig (`sam deploy`'s parameter_overrides and stack_name) and CloudFormation parameter
// files. Each value keeps the file, line and column it is set at, so a finding can cite it. The
// readers follow SAM CLI 1.164 and the AWS CLI, quirks included: the question is what the deploy
// passes, not what the file seems to say.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/stated_values.h"

namespace vpclint {

struct DeployValues {
  std::string file;  // the file read
  // Template parameter name -> value, with where it is set: the key in a `Key=Value` string or a
  // mapping. A value from a `file://` include names that file in its source.
  std::map<std::string, ExternalValue, std::less<>> parameters;
  std::string stack_name;  // samconfig's stack_name; empty when absent
  ConfigSource stack_name_source;
  // samconfig's template_file (or template): the template `sam deploy` deploys, relative to the
  // samconfig's directory; empty: SAM's default, template.yaml (.yml, .json) there.
  std::string template_file;
  // read_samconfig: the file has a table for the environment. An absent one is not an error (SAM
  // CLI then reads nothing from the file), but the cli may warn about a misspelled --config-env.
  bool env_found = false;
};

// The samconfig SAM CLI reads in `dir` (the template's directory): samconfig.toml, else
// samconfig.yaml, else samconfig.yml; empty when there is none.
std::string find_samconfig(const std::string& dir);

// Reads the samconfig `path` (.toml, .yaml or .yml) for environment `env` (SAM CLI's --config-env,
// "default" unless given) and the `deploy` command: [env.deploy.parameters] wins over
// [env.global.parameters] key by key. parameter_overrides may be a string of `Key=Value` pairs, a
// mapping, a list of those, or `file://` includes (.toml/.yaml/.yml, relative to the including file;
// from the samconfig itself relative to its directory, where SAM CLI normally runs). On error returns
// false with one line "FILE:LINE:COL: message" (or "FILE: message") in `error`: a file that does not
// parse, a value of the wrong type, a file without SAM CLI's `version` number.
bool read_samconfig(const std::string& path, std::string_view env, DeployValues& out, std::string& error);

// Reads a CloudFormation parameter file (JSON): `[{"ParameterKey": "K", "ParameterValue": "V"}, ...]`
// (create-stack's --parameters; an entry with UsePreviousValue keeps the stack's value, which no file
// shows, and is skipped), `["K=V", ...]` (`aws cloudformation deploy --parameter-overrides`), or
// CodePipeline's template configuration `{"Parameters": {"K": "V"}}`. Any other shape, and any JSON
// error, is an error with the file, line and column.
bool read_parameter_file(const std::string& path, DeployValues& out, std::string& error);

// SAM CLI's string form alone: space-separated `Key=Value` pairs, values optionally "double" or
// 'single' quoted (spaces inside quotes, `\"` `\'` `\ ` unescaped), or the legacy
// `ParameterKey=K,ParameterValue=V ...`. Like SAM CLI, text between pairs that matches neither is
// skipped and a later pair wins; a string in which no pair matches is an error.
bool parse_parameter_overrides(std::string_view text, std::vector<std::pair<std::string, std::string>>& out,
                               std::string& error);

}  // namespace vpclint
