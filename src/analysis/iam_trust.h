// Internal to the IAM analysis: may the Lambda service assume a role?
#pragma once
#include "analysis/iam_collect.h"

namespace vpclint::iam {

// From the role's AssumeRolePolicyDocument: Assumable when an unconditional Allow gives
// sts:AssumeRole (or sts:*, *) to the service principal lambda.amazonaws.com (or
// `lambda.${AWS::URLSuffix}`); NotAssumable when the whole document is known and nothing does
// ("*" and account principals are not the Lambda service); Unknown otherwise.
RoleFacts::Trust lambda_trust(Collector& c, const Node* assume_role_policy);

}  // namespace vpclint::iam
