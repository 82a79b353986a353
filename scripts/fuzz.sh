#!/usr/bin/env bash
# Runs vpclint_fuzz for N seconds (default 60) on a seed corpus made of fixtures/ and, when
# present, ../shared/corpus/. A crashing input is copied to tests/fuzz-regressions/ and the
# script fails, so the input is replayed by the normal test suite from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
find fixtures tests/fuzz-regressions -type f ! -name README.md ! -name '*.expected.txt' -exec cp {} "$work/corpus/" \; 2>/dev/null || true
if [ -d ../shared/corpus ]; then
  i=0
  while IFS= read -r -d '' f; do cp "$f" "$work/corpus/shared-$i"; i=$((i + 1)); done \
    < <(find ../shared/corpus -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0)
fi
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
./build-fuzz/vpclint_fuzz "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>"$work/log" || status=$?
grep -E '^(stat::|#[0-9]+ *DONE)' "$work/log" || tail -5 "$work/log"
if [ "$status" -ne 0 ]; then
  for a in "$work"/artifacts/*; do
    [ -e "$a" ] || continue
    cp "$a" "tests/fuzz-regressions/$(basename "$a")"
    echo "fuzz: kept $(basename "$a") in tests/fuzz-regressions/"
  done
  tail -40 "$work/log"
  exit "$status"
fi
