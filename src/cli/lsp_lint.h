// `vpclint lsp`: one lint of an editor buffer, through the same project a command-line run of its
// path builds (its .vpclint.yaml, the parents that nest it, samconfig, snapshots).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "lint/finding.h"
#include "loader/file_reader.h"
#include "loader/source.h"

namespace vpclint {

// What hover on a function's VpcConfig shows: its network paths, as the analysis sees them.
struct NetworkHover {
  uint32_t line = 0;  // of the VpcConfig key (1-based)
  std::string markdown;
};

struct BufferLint {
  bool linted = false;                    // false: not a template, or excluded by its config
  std::vector<Finding> findings;          // the shown ones (suppressed findings are not), sorted
  std::vector<std::string> fingerprints;  // one per finding, as --write-baseline run here records them
  std::shared_ptr<const SourceText> source;
  std::vector<std::string> errors;   // a broken .vpclint.yaml or samconfig: one line each
  std::vector<NetworkHover> hovers;  // one per function with a VpcConfig (the first use's analysis)
};

// Lints `path` (absolute) as `buffers` hold it; the other open buffers stand in for their files
// too (a parent, a .vpclint.yaml being edited).
BufferLint lint_buffer(const std::string& path, const std::shared_ptr<const OpenBuffers>& buffers);

}  // namespace vpclint
