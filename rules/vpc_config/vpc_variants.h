// Shared by the V3xx rules: walks every variant of every function's VpcConfig once and reports
// each distinct message once (branches of nested !If often produce the same variant twice).
#pragma once
#include <functional>
#include <set>

#include "analysis/function_vpc.h"
#include "lint/rule.h"

namespace vpclint {

// `check` returns an empty string when the variant is fine, else the message (without the
// condition prefix); it sets `at` to the node to point at and adds the evidence to `notes`.
using VariantCheck =
    std::function<std::string(const FunctionVpc&, const VpcAttachment&, const Node*& at, std::vector<Note>& notes)>;
void report_vpc_variants(const LintContext& ctx, FindingSink& sink, const VariantCheck& check);

}  // namespace vpclint
