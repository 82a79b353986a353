#!/usr/bin/env python3
"""Scaffolds a new vpclint rule from its id, name and area (as clang-tidy's add_new_check.py does).

  python3 scripts/new_rule.py N107 endpoint-policy-denies network [--severity error]

writes

  rules/<area folder>/N107_endpoint_policy_denies.cpp   RuleMeta + an empty check()
  docs/rules/N107.md                                     header (name, severity, area) + sections
  fixtures/N107/bad_example.yaml, good_example.yaml      skeletons to replace

The build's globs pick the files up. The id must be new, an area letter and three digits, with
the letter the area's rules already use; the name kebab-case and not taken; the area one that
rules/ already has (a new area is a design decision, not a scaffold). Nothing is written when
any of these fails. --root DIR scaffolds into another checkout (the tests use a scratch copy).
"""
import argparse
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEVERITIES = ("error", "warning", "info")
# The metadata every rule file declares: {"N101", "invoke-without-egress", "network", Severity::Error,
META = re.compile(r'RuleMeta\s+\w+\s*\{\s*"([A-Z][0-9]{3})",\s*"([^"]+)",\s*"([^"]+)",\s*Severity::(\w+)')
ID_FORM = re.compile(r"[A-Z][0-9]{3}")
NAME_FORM = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


def existing_rules(root):
    """(id, name, area, folder) of every rule file under root/rules."""
    rules = []
    rules_dir = os.path.join(root, "rules")
    for folder in sorted(os.listdir(rules_dir)):
        path = os.path.join(rules_dir, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith(".cpp"):
                continue
            with open(os.path.join(path, name), encoding="utf-8") as f:
                m = META.search(f.read())
            if m:
                rules.append((m.group(1), m.group(2), m.group(3), folder))
    return rules


def problems(root, rule_id, name, area):
    """Why the rule cannot be scaffolded (empty: it can), and the area's folder."""
    errors = []
    if not ID_FORM.fullmatch(rule_id):
        errors.append(f"malformed id '{rule_id}': an area letter and three digits, like N107")
    if not NAME_FORM.fullmatch(name):
        errors.append(f"malformed name '{name}': kebab-case saying what is wrong, like endpoint-policy-denies")
    rules = existing_rules(root)
    areas = {}  # area -> (folder, id letter)
    for rid, _, rarea, folder in rules:
        areas.setdefault(rarea, (folder, rid[0]))
    folder = None
    if area not in areas:
        errors.append(f"unknown area '{area}' (known: {', '.join(sorted(areas))})")
    else:
        folder, letter = areas[area]
        if ID_FORM.fullmatch(rule_id) and rule_id[0] != letter:
            errors.append(f"id '{rule_id}' does not start with {letter}, the letter of the {area} rules")
    for rid, rname, _, rfolder in rules:
        if rid == rule_id:
            errors.append(f"id {rule_id} exists: rules/{rfolder}/ ({rname}); ids are never reused")
        if rname == name:
            errors.append(f"name '{name}' is taken by {rid}")
    for taken in (os.path.join("docs", "rules", f"{rule_id}.md"), os.path.join("fixtures", rule_id)):
        if ID_FORM.fullmatch(rule_id) and os.path.exists(os.path.join(root, taken)):
            errors.append(f"{taken} exists")
    return errors, folder


def class_name(name):
    return "".join(part.capitalize() for part in name.split("-"))


def rule_source(rule_id, name, area, severity, summary, fix):
    cls = class_name(name)
    return f"""// {rule_id} {name}: {summary}
#include "lint/rule.h"

namespace vpclint {{
namespace {{

class {cls} : public Rule {{
 public:
  const RuleMeta& meta() const override {{
    static const RuleMeta m{{"{rule_id}", "{name}", "{area}", Severity::{severity.capitalize()},
                            "{summary}",
                            "{fix}"}};
    return m;
  }}
  void check(const LintContext& ctx, FindingSink& sink) const override {{
    // TODO: read ctx.model and ctx.facts (never raw YAML), and report what is wrong, naming the
    // resource and the values: sink.report(node, "...").notes.push_back({{"why", pos}});
    (void)ctx;
    (void)sink;
  }}
}};

}}  // namespace
VPCLINT_REGISTER_RULE({cls});
}}  // namespace vpclint
"""


def rule_doc(rule_id, name, area, severity):
    return f"""# {rule_id} {name}

Severity: {severity} · Area: {area}

## What it does
TODO: what the rule reports, and what it deliberately does not.

## Why it matters
TODO: what goes wrong at deploy or run time.

## Example
```yaml
# TODO: the smallest template that triggers {rule_id}
```

## Fix
TODO: the change that makes the finding go away.

## References
- TODO: the AWS documentation page this rule rests on
"""


FUNCTION = """Transform: AWS::Serverless-2016-10-31
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: src/
"""


def bad_fixture(rule_id):
    # The annotation sits on the line where the finding must land; the driver fails until it does.
    return (
        f"# TODO: the smallest template where {rule_id} must fire, with `# expect: {rule_id}` on each line it fires on.\n"
        + FUNCTION.replace("  Function:\n", f"  Function: # expect: {rule_id}\n")
    )


def good_fixture(rule_id):
    return f"# TODO: the closest template where {rule_id} must stay silent.\n" + FUNCTION


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("id", help="area letter + three digits, e.g. N107")
    ap.add_argument("name", help="kebab-case, what is wrong: endpoint-policy-denies")
    ap.add_argument("area", help="an existing area: template, network, iam, vpc-config, reachability, suppression")
    ap.add_argument("--severity", choices=SEVERITIES, default="warning", help="default severity (warning)")
    ap.add_argument("--summary", default="TODO: one line for --list-rules")
    ap.add_argument("--fix", default="TODO: the fix hint printed with every finding")
    ap.add_argument("--root", default=REPO, help="the checkout to write into (default: this repository)")
    args = ap.parse_args()

    for text in (args.summary, args.fix):
        if '"' in text or "\\" in text or "\n" in text:
            ap.error("--summary and --fix are C++ string literals: no quotes, backslashes or newlines")
    errors, folder = problems(args.root, args.id, args.name, args.area)
    if errors:
        for e in errors:
            print(f"new_rule.py: {e}", file=sys.stderr)
        return 1

    files = {
        os.path.join("rules", folder, f"{args.id}_{args.name.replace('-', '_')}.cpp"): rule_source(
            args.id, args.name, args.area, args.severity, args.summary, args.fix
        ),
        os.path.join("docs", "rules", f"{args.id}.md"): rule_doc(args.id, args.name, args.area, args.severity),
        os.path.join("fixtures", args.id, "bad_example.yaml"): bad_fixture(args.id),
        os.path.join("fixtures", args.id, "good_example.yaml"): good_fixture(args.id),
    }
    for rel, text in files.items():
        path = os.path.join(args.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "x", encoding="utf-8") as f:  # "x": never overwrite
            f.write(text)
        print(f"wrote {rel}")
    print(
        "next: write check() and fill in every TODO; make the fixtures fire and stay silent; then\n"
        "  make readme-rules      (README's rules table)\n"
        "  make update-golden     (the bad fixtures' text output; review it)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
