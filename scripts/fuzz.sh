#!/usr/bin/env bash
# Runs vpclint_fuzz for N seconds (default 60) on a seed corpus made of fixtures/ and, when
# present, ../shared/corpus/, then vpclint_fuzz_snapshot (the account snapshot reader) for a
# third of that. A crashing input is copied to tests/fuzz-regressions/ (snapshot/ for the
# reader's) and the script fails, so the input is replayed by the normal test suite from then on.
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

# run NAME BINARY CORPUS SECONDS KEEP: fuzzes; a crashing input is copied to KEEP and the script fails.
run() {
  local name=$1 bin=$2 corpus=$3 secs=$4 keep=$5 status=0
  mkdir -p "$work/artifacts-$name"
  "$bin" "$corpus" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts-$name/" -print_final_stats=1 2>"$work/log-$name" || status=$?
  echo "fuzz $name:"
  grep -E '^(stat::|#[0-9]+ *DONE)' "$work/log-$name" || tail -5 "$work/log-$name"
  if [ "$status" -ne 0 ]; then
    for a in "$work/artifacts-$name"/*; do
      [ -e "$a" ] || continue
      mkdir -p "$keep"
      cp "$a" "$keep/$(basename "$a")"
      echo "fuzz: kept $(basename "$a") in $keep/"
    done
    tail -40 "$work/log-$name"
    exit "$status"
  fi
}

# The pipeline gets most of the time; the snapshot reader a third of it (at least 10 s), seeded
# with the snapshot fixtures' JSON files.
mkdir -p "$work/snapshot-corpus"
i=0
while IFS= read -r -d '' f; do cp "$f" "$work/snapshot-corpus/s-$i"; i=$((i + 1)); done \
  < <(find fixtures/snapshots tests/fuzz-regressions/snapshot -type f -name '*.json' -print0 2>/dev/null)
snapshot_seconds=$((seconds / 3 > 10 ? seconds / 3 : 10))
run pipeline ./build-asan/vpclint_fuzz "$work/corpus" "$seconds" tests/fuzz-regressions
run snapshot ./build-asan/vpclint_fuzz_snapshot "$work/snapshot-corpus" "$snapshot_seconds" tests/fuzz-regressions/snapshot
