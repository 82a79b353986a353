// The values accounts' snapshots give templates: exports (`cloudformation-list-exports.json`),
// SSM parameters (`ssm-get-parameters-by-path.json`) and the parameters of deployed stacks
// (`cloudformation-describe-stacks.json`), each cited at its place in the snapshot's file.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "config/snapshot.h"
#include "model/bindings.h"

namespace vpclint {

class SnapshotValues : public AccountValues {
 public:
  explicit SnapshotValues(std::vector<std::shared_ptr<const Snapshot>> snapshots);
  const ExternalValue* import(std::string_view name) const override;
  const ExternalValue* ssm(std::string_view name) const override;
  // The values a deployed stack was last given, by parameter name: ResolvedValue for SSM-typed
  // parameters, else ParameterValue; NoEcho values ("****") are left out. Empty when no snapshot
  // holds the stack.
  std::map<std::string, ExternalValue, std::less<>> stack_parameters(std::string_view stack) const;
  const std::vector<std::shared_ptr<const Snapshot>>& snapshots() const { return snapshots_; }

 private:
  std::vector<std::shared_ptr<const Snapshot>> snapshots_;
  // Lint threads ask; each value is cited (its position found) once, on first use.
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::unique_ptr<ExternalValue>, std::less<>> imports_, ssm_;
};

}  // namespace vpclint
