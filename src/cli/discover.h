#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

struct Discovered {
  std::vector<std::string> files;          // in a stable order: as given, directory contents sorted
  std::vector<std::string> errors;         // one-line reasons for paths that could not be searched
  std::vector<std::string> unsynthesized;  // CDK apps (cdk.json) without a cloud assembly yet
};

// Expands PATH arguments: files are taken as given (even without a template extension);
// directories are searched recursively for *.yaml *.yml *.json *.template files that look like
// templates, skipping .aws-sam, node_modules, .git and cdk.out. Directory symlinks are not
// followed, so a symlink loop cannot trap the search. A CDK app (a directory with cdk.json or
// cdk.out/manifest.json) contributes the stack templates its cloud assembly lists, and a cloud
// assembly given as PATH (`vpclint cdk.out`) is read the same way.
Discovered discover(const std::vector<std::string>& paths);

// Cheap content test for files found in directories: a template mentions one of its top-level keys.
bool looks_like_template(const std::string& path);
// The same test on text already read (an editor buffer).
bool looks_like_template_text(std::string_view head);

}  // namespace vpclint
