#!/usr/bin/env bash
# vpclint's benchmark: measures on this machine, in one run, and writes docs/performance.md and
# docs/performance-scaling.png.
#   1. vpclint over the whole ../shared/corpus (files/s, MB/s, peak RSS)
#   2. the floor: the same files through yaml-cpp's event parser only; ratio vpclint / floor
#   3. cfn-lint (if installed) and vpclint on the same 20 templates, one process per template
#   4. one template end to end, process start included
#   5. scaling: 10 .. 10,000 functions (+ subnets, route tables, policies), and 30 nested conditions
#   6. projects: the corpus as one project vs file by file, a generated repository of 200 linked
#      templates, and the parent search a child given alone costs in a corpus-sized repository
#   7. snapshots: loading a large account snapshot, and one template linted with and without it
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh bench
BIN=build/vpclint
TOOL=build/bench/bench_tool
CORPUS=../shared/corpus
OUT=docs/performance.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# best (minimum) wall time of N runs of a command, in seconds
best_of() {
  local n=$1; shift
  local best=""
  for _ in $(seq "$n"); do
    local t0 t1 d
    t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
    d=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc -l)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
peak_rss_kb() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1; }
fmt() { printf "%.${2:-3}f" "$1"; }

[ -d "$CORPUS" ] || { echo "bench: no corpus at $CORPUS"; exit 1; }
mapfile -t files < <(tail -n +2 "$CORPUS/MANIFEST.tsv" | cut -f1 | sed "s|^|$CORPUS/|")
nfiles=${#files[@]}
bytes=$(cat "${files[@]}" | wc -c)

echo "1/7 corpus ($nfiles files)"
t_lint=$(best_of 5 "$BIN" -j 1 --format json "${files[@]}")
t_lint_par=$(best_of 5 "$BIN" --format json "${files[@]}")
rss_lint=$(peak_rss_kb "$BIN" -j 1 --format json "${files[@]}")
echo "2/7 yaml-cpp floor"
t_floor=$(best_of 5 "$TOOL" floor "${files[@]}")

echo "3/7 cfn-lint sample"
mapfile -t sample < <(printf '%s\n' "${files[@]}" | grep -E 'serverless-patterns/.*/template.yaml$' | head -20)
one_by_one() { for f in "${sample[@]}"; do "$@" "$f" >/dev/null 2>&1 || true; done; }
t_sample_vpclint=$(best_of 3 one_by_one "$BIN")
if command -v cfn-lint >/dev/null; then
  t_sample_cfnlint=$(best_of 1 one_by_one cfn-lint)
  cfn_version=$(cfn-lint --version 2>&1 | head -1)
else
  t_sample_cfnlint=""
  cfn_version="not installed (not in Debian 12; PyPI is not reachable from this machine)"
fi

echo "4/7 one template end to end"
runs=200
# Outside any repository (a copy), then in place: inside vpclint's repository the run also
# searches the repository for templates that nest it.
cp examples/order-cancel/template.yaml "$work/order-cancel.yaml"
t0=$(now); for _ in $(seq $runs); do "$BIN" "$work/order-cancel.yaml" >/dev/null || true; done; t1=$(now)
t_single_ms=$(echo "($t1 - $t0) * 1000 / $runs" | bc -l)
t0=$(now); for _ in $(seq $runs); do "$BIN" examples/order-cancel/template.yaml >/dev/null || true; done; t1=$(now)
t_single_repo_ms=$(echo "($t1 - $t0) * 1000 / $runs" | bc -l)
# The same loop with `vpclint --version` (vpclint's start-up, no lint), and with an empty static C
# program (this machine's cost of starting any process from this loop): the rows above read as
# machine floor + vpclint's start-up + the lint.
t0=$(now); for _ in $(seq $runs); do "$BIN" --version >/dev/null || true; done; t1=$(now)
t_start_ms=$(echo "($t1 - $t0) * 1000 / $runs" | bc -l)
t_empty_ms=""
if printf 'int main(void) { return 0; }\n' | cc -x c -O2 -static -o "$work/empty" - 2>/dev/null; then
  t0=$(now); for _ in $(seq $runs); do "$work/empty" >/dev/null || true; done; t1=$(now)
  t_empty_ms=$(echo "($t1 - $t0) * 1000 / $runs" | bc -l)
fi

echo "5/7 scaling"
: > "$work/scaling.dat"
scaling_rows=""
# The 10,000-function template is about 8 MB, past the default --max-file-size (2 MB, from
# CloudFormation's 1 MB template limit): lift the limit, or the row would time the refusal.
for n in 10 100 1000 10000; do
  "$TOOL" generate "$n" > "$work/scale-$n.yaml"
  t=$(best_of 3 "$BIN" -j 1 --max-file-size 100000000 "$work/scale-$n.yaml")
  resources=$((4 * n + 2))
  us=$(echo "$t * 1000000 / $resources" | bc -l)
  rss=$(peak_rss_kb "$BIN" -j 1 --max-file-size 100000000 "$work/scale-$n.yaml")
  echo "$n $us" >> "$work/scaling.dat"
  scaling_rows+="| $n | $resources | $(fmt "$(echo "$t * 1000" | bc -l)" 1) ms | $(fmt "$us" 2) µs | $((rss / 1024)) MB |"$'\n'
done
"$TOOL" conditions 30 > "$work/conditions.yaml"
t_cond_ms=$(echo "$(best_of 5 "$BIN" -j 1 "$work/conditions.yaml") * 1000" | bc -l)

echo "6/7 projects"
t_isolated=$(best_of 5 "$BIN" -j 1 --isolated --format json "${files[@]}")
mkdir -p "$work/repo/.git"
"$TOOL" project "$work/repo" 200
t_repo=$(best_of 5 "$BIN" -j 1 "$work/repo")
repo_findings=$({ "$BIN" "$work/repo" || true; } | tail -1)
# The parent search: the corpus copied into one repository, one template given alone.
mkdir -p "$work/corpus-repo/.git"
cp -r "$CORPUS" "$work/corpus-repo/"
child="$work/corpus-repo/corpus/serverless-patterns/s3-eventbridge/template.yaml"
t_child=$(best_of 5 "$BIN" -j 1 "$child")
t_child_alone=$(best_of 5 "$BIN" -j 1 --isolated "$child")

echo "7/7 snapshots"
python3 bench/make_snapshot.py "$work/snap" >/dev/null
read -r t_snap_best t_snap_median snap_what < <("$TOOL" snapshot "$work/snap" 10)
snap_template=fixtures/snapshots/public-only/template.yaml
t_snap_lint=$(best_of 5 "$BIN" -j 1 --snapshot "$work/snap" "$snap_template")
t_snap_none=$(best_of 5 "$BIN" -j 1 "$snap_template")

gnuplot <<GP
set terminal png size 800,450
set output "docs/performance-scaling.png"
set title "vpclint: time per resource vs template size"
set logscale x
set xlabel "functions in the template (each with a subnet, route table and policies)"
set ylabel "µs per resource"
set yrange [0:*]
set grid
plot "$work/scaling.dat" using 1:2 with linespoints lw 2 pt 7 title "vpclint -j 1"
GP

mb=$(echo "$bytes / 1048576" | bc -l)
ratio=$(echo "$t_lint / $t_floor" | bc -l)
cfn_row="| cfn-lint, same 20 templates, one process each | $cfn_version | |"
if [ -n "$t_sample_cfnlint" ]; then
  cfn_row="| cfn-lint, same 20 templates, one process each | $(fmt "$t_sample_cfnlint" 2) s | ratio $(fmt "$(echo "$t_sample_cfnlint / $t_sample_vpclint" | bc -l)" 0)× |"
fi
cat > "$OUT" <<MD
# Performance

Measured by \`make bench\` (\`bench/run.sh\`) on $(date -u +%Y-%m-%d): $(nproc) cores,
$(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr); vpclint $("$BIN" --version | cut -d' ' -f2),
$(g++ --version | head -1), yaml-cpp $(dpkg-query -W -f='${Version}' libyaml-cpp-dev 2>/dev/null).
Times are the best of several runs (wall clock); the machine may be shared, so compare rows of
one run rather than runs.

| measure | result | target |
|---|---|---|
| whole corpus, -j 1 ($nfiles files, $(fmt "$mb" 1) MB) | $(fmt "$t_lint" 2) s: $(fmt "$(echo "$nfiles / $t_lint" | bc -l)" 0) files/s, $(fmt "$(echo "$mb / $t_lint" | bc -l)" 1) MB/s | |
| whole corpus, -j $(nproc) | $(fmt "$t_lint_par" 2) s | |
| yaml-cpp event parser alone (the floor) | $(fmt "$t_floor" 2) s | |
| ratio vpclint / floor | $(fmt "$ratio" 2)× | ≤ 1.5× |
| peak memory, whole corpus | $((rss_lint / 1024)) MB | < 64 MB |
| one template end to end, process start included | $(fmt "$t_single_ms" 2) ms | < 5 ms |
| the same, in vpclint's repository (with the search for parents) | $(fmt "$t_single_repo_ms" 2) ms | |
| \`vpclint --version\` in the same loop (process start, no lint) | $(fmt "$t_start_ms" 2) ms | |
| an empty static C program in the same loop (this machine's floor) | $([ -n "$t_empty_ms" ] && echo "$(fmt "$t_empty_ms" 2) ms" || echo "no static libc") | |
| vpclint, 20 templates, one process each | $(fmt "$t_sample_vpclint" 3) s | |
$cfn_row
| 30 conditions in nested !If across VpcConfig, routes and policies | $(fmt "$t_cond_ms" 2) ms | milliseconds |

## Projects

| measure | result | target |
|---|---|---|
| whole corpus as one project, -j 1 | $(fmt "$t_lint" 2) s | |
| whole corpus file by file (\`--isolated\`), -j 1 | $(fmt "$t_isolated" 2) s | |
| ratio project / file by file | $(fmt "$(echo "$t_lint / $t_isolated" | bc -l)" 2)× | ≤ 1.2× |
| generated repository: 200 templates (50 networks exporting subnets, 50 parents nesting an app twice, 50 importers), -j 1 | $(fmt "$(echo "$t_repo * 1000" | bc -l)" 0) ms ($repo_findings) | < 1 s |
| one template given alone in a repository of the $nfiles corpus templates: the parent search | $(fmt "$(echo "$t_child * 1000" | bc -l)" 0) ms, against $(fmt "$(echo "$t_child_alone * 1000" | bc -l)" 0) ms with \`--isolated\` | fits a pre-commit run |

## Snapshots

| measure | result | target |
|---|---|---|
| load a generated snapshot ($snap_what), in process | $(fmt "$(echo "$t_snap_best * 1000" | bc -l)" 0) ms best, $(fmt "$(echo "$t_snap_median * 1000" | bc -l)" 0) ms median | < 200 ms |
| one template with \`--snapshot\` of it, process start included | $(fmt "$(echo "$t_snap_lint * 1000" | bc -l)" 0) ms, against $(fmt "$(echo "$t_snap_none * 1000" | bc -l)" 0) ms without | the load, then lookups |

## Scaling

Generated templates with N functions, each with its own subnet, route table and association, a
SAM policy template and an inline policy (4N + 2 resources). Time per resource should stay flat.

| functions | resources | time | per resource | peak memory |
|---|---|---|---|---|
$scaling_rows
The time includes process start (about 2 ms), which dominates at 10 functions. Memory grows
linearly with the template; 10,000 functions is 80 times CloudFormation's limit of 500 resources
per stack, so real templates stay far below the corpus figure's 64 MB target.

![scaling](performance-scaling.png)
MD
echo "wrote $OUT"
cat "$OUT"
