// Values the template cannot show but the team states for it (today in `.vpclint.yaml`), each
// with where it was stated so a finding can cite it. The project layer fills them; the resolver
// reads them without knowing where they came from.
#pragma once
#include <functional>
#include <map>
#include <string>

#include "loader/source.h"

namespace vpclint {

// A statement keeps its position, so findings can cite it as evidence.
struct ConfigSource {
  std::string file;  // the file's path, as it was found
  Position pos;
  std::string what;  // what is there, when not a config statement: "export Net-SubnetA", "samconfig.toml [default]"
};

struct ExternalValue {
  std::string value;  // a list parameter's value is comma-separated, as CloudFormation takes it
  ConfigSource source;
};

struct StatedValues {
  std::map<std::string, ExternalValue, std::less<>> parameters;  // template parameter values
  std::map<std::string, ExternalValue, std::less<>> ssm;         // "/net/sg" -> "sg-0123"
  std::map<std::string, ExternalValue, std::less<>> imports;     // export name -> value
};

}  // namespace vpclint
