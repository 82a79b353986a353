#!/usr/bin/env bash
# A real client: Neovim (Debian's `neovim`, headless) opens the bundled example with its built-in
# LSP client started on `vpclint lsp`, and writes the diagnostics it receives to a file we check.
# Usage: neovim_test.sh VPCLINT SOURCE_DIR. Exit 77 when nvim is missing, except under CI (CI=true).
set -euo pipefail
vpclint=$(realpath "$1") source=$(realpath "$2")
if ! command -v nvim >/dev/null; then
  if [ -n "${CI:-}" ]; then echo "FAIL: no nvim (scripts/install-deps.sh test installs neovim)" >&2; exit 1; fi
  echo "SKIP: no nvim (scripts/install-deps.sh test installs neovim)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source/examples/order-cancel/template.yaml" "$work/"
cd "$work"
HOME="$work" VPCLINT="$vpclint" OUT="$work/diagnostics.txt" timeout 60 \
  nvim --headless --clean -n -c "luafile $source/tests/lsp/neovim_client.lua" template.yaml </dev/null >/dev/null
cat diagnostics.txt
# N101 on VpcConfig (line 93, column 7), with its evidence chain as related information.
grep -Eq '^93:7 N101 vpclint related=[1-9][0-9]* template.yaml$' diagnostics.txt || {
  echo "FAIL: no N101 at 93:7 with related information in what Neovim received" >&2
  exit 1
}
