#!/usr/bin/env bash
# vpclint's own code style, as CI checks it: clang-format (.clang-format) on every C++ file, then
# clang-tidy (.clang-tidy, warnings are errors) on src/ and rules/ from the build's compile
# database (a PCH-free configure of its own). `make style` runs it; `FIX=1` reformats first.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
./scripts/install-deps.sh style
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '/generated/')
if [ "${FIX:-0}" = 1 ]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
fi
# clang-tidy reads its own compile database: clang cannot use GCC's precompiled headers, and
# configuring (no build) is enough for it.
cmake -S . -B "$BUILD-tidy" -G Ninja -DVPCLINT_PCH=OFF -DBUILD_TESTING=OFF >/dev/null
# GCC-only flags in the compile database mean nothing to clang-tidy's clang.
run-clang-tidy -quiet -p "$BUILD-tidy" -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option "$(pwd)/(src|rules)/.*\.cpp$"
