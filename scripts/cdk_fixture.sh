#!/bin/sh
# Synthesizes the CDK fixture app (fixtures/cdk/app) with the pinned aws-cdk-lib and aws-cdk CLI
# (`make cdk-tools` installs them into build/tools/cdk) and checks that the committed cdk.out is
# what `cdk synth` writes today, or rewrites it with --update.
#
# Creation stacks hold absolute paths of where the app and node_modules lay at synthesis; both
# sides are compared with those replaced by the committed fixture's (it was synthesized in
# /tmp/cdkwork/app with node_modules in /tmp/cdkwork). Asset folders (asset.<hash>/, copies of
# aws-cdk-lib's own handler code) are not committed: vpclint never reads them, and their hash is
# in the templates, so a changed asset still shows as a changed template.
#
# Exit 0: current (or updated); 1: the committed cdk.out differs; 77: the tools are missing and
# CI is unset (skip); with CI set, missing tools are a failure.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
tools=$build/tools/cdk
# Other build trees (asan) share the default tree's tools.
[ -d "$tools/node_modules" ] || tools=$root/build/tools/cdk
app=$root/fixtures/cdk/app
committed_app=/tmp/cdkwork/app
committed_modules=/tmp/cdkwork/node_modules

if [ ! -x "$tools/node_modules/.bin/cdk" ] || [ ! -d "$tools/node_modules/aws-cdk-lib" ]; then
  echo "cdk_fixture: aws-cdk and aws-cdk-lib are not installed in $tools (make cdk-tools)" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi

work=$(mktemp -d /tmp/vpclint-cdk-synth-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/app"
cp "$app/app.js" "$app/cdk.json" "$app/package.json" "$work/app/"
ln -s "$tools/node_modules" "$work/app/node_modules"
modules=$(cd "$tools/node_modules" && pwd -P)
(cd "$work/app" && CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=1 \
  "$tools/node_modules/.bin/cdk" synth --quiet --no-notices >"$work/synth.log" 2>&1) || {
  cat "$work/synth.log" >&2
  exit 1
}
app_real=$(cd "$work/app" && pwd -P)
rm -rf "$work/app/cdk.out"/asset.* "$work/app/cdk.out"/*/asset.*
# The committed fixture's paths in place of this synthesis' own.
find "$work/app/cdk.out" -type f -exec sed -i -e "s#$app_real/#$committed_app/#g" -e "s#$modules/#$committed_modules/#g" {} +

if [ "${1:-}" = "--update" ]; then
  rm -rf "$app/cdk.out"
  cp -r "$work/app/cdk.out" "$app/cdk.out"
  echo "cdk_fixture: rewrote $app/cdk.out"
  exit 0
fi
if diff -r "$app/cdk.out" "$work/app/cdk.out" >"$work/diff.txt"; then
  echo "cdk_fixture: fixtures/cdk/app/cdk.out is current"
else
  head -50 "$work/diff.txt" >&2
  echo "cdk_fixture: fixtures/cdk/app/cdk.out differs from \`cdk synth\`: run scripts/cdk_fixture.sh --update and review" >&2
  exit 1
fi
