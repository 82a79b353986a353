// A CDK cloud assembly (cdk.out): which templates it holds and where the app's own code created
// each resource. Read from what `cdk synth` writes (cloud assembly schema 55, aws-cdk-lib 2.276):
// manifest.json lists artifacts; `aws:cloudformation:stack` ones name their `templateFile` and an
// `additionalMetadataFile` (<Stack>.metadata.json; older versions inline `metadata`), mapping
// construct paths to entries such as `aws:cdk:logicalId` and `aws:cdk:creationStack`;
// `cdk:cloud-assembly` ones are nested assemblies (stages) in `directoryName`.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "loader/source.h"

namespace vpclint {

struct CdkAssembly {
  std::vector<std::string> templates;  // stack templates, nested assemblies' included, manifest order
  std::vector<std::string> errors;     // one-line reasons a manifest could not be read
};

// `dir` holds manifest.json. Template paths are `dir` / file, as `dir` is spelled.
CdkAssembly read_cdk_assembly(const std::filesystem::path& dir);

// The cloud assembly directory of the CDK app in `app` (cdk.json's `output`, default cdk.out).
std::filesystem::path cdk_output_directory(const std::filesystem::path& app);

// Where the app's code created a resource: the first frame of its creation stack that is not
// aws-cdk-lib or node internals.
struct CdkSource {
  std::string file;  // relative to the working directory, as the template path is
  Position pos;
};

// The stack whose template is `template_path`, if a cloud assembly lists it: logical id -> source.
// Empty when the assembly recorded no creation stacks (path metadata disabled) or a frame's file
// cannot be found in the app directory (the one with cdk.json, else the one above cdk.out).
std::map<std::string, CdkSource> cdk_sources(const std::string& template_path);

// The user's frame of a creation stack entry, e.g. "new AppStack (/src/app/app.ts:16:26)":
// file, line, column; false for aws-cdk-lib, node internals and frames without a position.
bool parse_cdk_frame(std::string_view frame, std::string& file, Position& pos);

}  // namespace vpclint
