// The AWS CDK construct a synthesized resource belongs to, from its `Metadata: aws:cdk:path`.
#pragma once
#include <string>

#include "model/template.h"

namespace vpclint {

// The path without CDK's default child id (`Resource` for L1 resources, `Default` for custom
// resources), e.g. AppStack/Orchestrator; empty when the CDK did not make the resource.
std::string cdk_construct(const Resource& r);

}  // namespace vpclint
