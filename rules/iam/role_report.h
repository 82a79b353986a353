// Shared by the I20x rules: where a finding about a function's execution role points, and the
// notes that let a user find the role and the VPC attachment.
#pragma once
#include "analysis/iam_eni.h"
#include "lint/rule.h"

namespace vpclint {

// Points at the function's Role property for a template role, else at its VpcConfig (the role
// SAM generates has no place of its own); notes where the role and the attachment are.
Finding& report_at_role(FindingSink& sink, const EniSubject& subject, std::string message);

}  // namespace vpclint
