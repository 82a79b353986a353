// Values another template of the project gives this one: a parent's Parameters entry, an export,
// an SSM parameter resource, a stack's output. Each is an expression as written there, resolved
// there, with where it is written (cited as evidence). The project layer answers; the resolver
// asks without knowing who answers.
#pragma once
#include <string>
#include <string_view>

#include "model/stated_values.h"

namespace vpclint {

class Resolver;
struct Node;

// What accounts' snapshots hold (exports, SSM parameters): asked after the team's statements and
// before other templates of the repository, since CloudFormation resolves an import or an SSM
// reference to what is deployed, not to what a template in the repository would deploy.
class AccountValues {
 public:
  virtual ~AccountValues() = default;
  virtual const ExternalValue* import(std::string_view name) const = 0;
  virtual const ExternalValue* ssm(std::string_view name) const = 0;
};

struct Binding {
  const Resolver* resolver = nullptr;  // the other template's resolver, with its own bindings
  const Node* expr = nullptr;          // the value as written there
  ConfigSource source;                 // where; `source.what` names it ("export Net-SubnetA")
};

class Bindings {
 public:
  virtual ~Bindings() = default;
  // A nested stack's parameter, as its parent passes it.
  virtual const Binding* parameter(std::string_view name) const = 0;
  // `pattern`: the name holds ${...} placeholders for values not known here.
  virtual const Binding* import(std::string_view name, bool pattern) const = 0;
  virtual const Binding* ssm(std::string_view name, bool pattern) const = 0;
  // Fn::GetStackOutput of a stack of the project.
  virtual const Binding* stack_output(std::string_view stack, std::string_view output) const = 0;
  // !GetAtt Child.Outputs.Name, for a nested stack resource of this template.
  virtual const Binding* nested_output(std::string_view resource, std::string_view output) const = 0;
  // The deployed stack's name, when known (samconfig, `.vpclint.yaml` stacks).
  virtual const ExternalValue* stack_name() const = 0;
  // The accounts' snapshots, when the run has any.
  virtual const AccountValues* account() const { return nullptr; }
  // How findings and keys name this template in this use: "network.yaml", or
  // "child.yaml (nested by AppStack in parent.yaml)".
  // Unique in the run (it tells resources of two uses apart).
  virtual const std::string& label() const = 0;
  // Short, for messages: "network.yaml", "app.yaml (nested by App in parent.yaml)".
  virtual const std::string& display() const = 0;
};

}  // namespace vpclint
