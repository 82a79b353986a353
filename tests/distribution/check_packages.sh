#!/usr/bin/env bash
# The packages end to end: cpack writes the tarball and the .deb into a scratch directory; each
# is unpacked and its vpclint run on the bundled example; lintian checks the .deb; the binary
# alone runs in an empty root (chroot, as root); the man page documents every option.
# Usage: check_packages.sh BUILD_DIR SOURCE_DIR VERSION. Exit 77: a prerequisite is missing
# outside CI (under CI, CI=true, that is a failure).
set -uo pipefail
build=$1 source=$2 version=$3
example=$source/examples/order-cancel/template.yaml
failures=0 skipped=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
skip_or_fail() {
  if [ -n "${CI:-}" ]; then fail "$*"; else echo "SKIP: $*"; skipped=1; fi
}
scratch=$(mktemp -d /tmp/vpclint-packages-XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# Runs a vpclint on the example from standard input: it must find N101 (exit 1).
lints_example() {
  local what=$1
  shift
  local out status
  out=$("$@" --no-color --format gnu - <"$example" 2>&1)
  status=$?
  if [ "$status" -ne 1 ] || ! grep -q 'N101' <<<"$out"; then
    fail "$what: expected N101 and exit 1 on the example, got exit $status: $out"
  fi
}

# The build's executable is fully static: no program interpreter.
if readelf -l "$build/vpclint" | grep -q 'Requesting program interpreter'; then
  fail "$build/vpclint is dynamically linked"
fi

if ! cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log" >&2
  fail "cpack failed"
  exit 1
fi
tarball=$scratch/out/vpclint-$version-linux-x86_64.tar.gz
deb=$scratch/out/vpclint_${version}_amd64.deb

# Tarball: flat, what a user unpacks and runs as ./vpclint.
top=vpclint-$version-linux-x86_64
if [ ! -f "$tarball" ]; then
  fail "no $tarball (cpack wrote: $(ls "$scratch/out"))"
else
  listing=$(tar tzf "$tarball")
  for f in vpclint vpclint.1 README.md copyright vpclint.bash rules/N101.md licenses/vpclint.LICENSE \
    licenses/yaml-cpp.copyright licenses/re2.copyright licenses/glibc.copyright licenses/libstdc++.copyright \
    licenses/LGPL-2.1 licenses/GPL-3 licenses/sam-translator.LICENSE; do
    grep -qx "$top/$f" <<<"$listing" || fail "the tarball lacks $top/$f"
  done
  mkdir -p "$scratch/tar" && tar xzf "$tarball" -C "$scratch/tar"
  got=$("$scratch/tar/$top/vpclint" --version)
  [[ $got == "vpclint $version"* ]] || fail "tarball vpclint --version printed '$got'"
  lints_example "tarball vpclint" "$scratch/tar/$top/vpclint"
fi

# .deb: control fields, unpacked into a scratch root, run from there.
if [ ! -f "$deb" ]; then
  fail "no $deb (cpack wrote: $(ls "$scratch/out"))"
else
  [ "$(dpkg-deb -f "$deb" Package)" = vpclint ] || fail "the .deb's Package is not vpclint"
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb's Version is not $version"
  [ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "the .deb's Architecture is not amd64"
  dpkg-deb -x "$deb" "$scratch/root"
  for f in usr/bin/vpclint usr/share/man/man1/vpclint.1.gz usr/share/doc/vpclint/copyright \
    usr/share/doc/vpclint/changelog.gz usr/share/doc/vpclint/rules/N101.md \
    usr/share/bash-completion/completions/vpclint usr/share/doc/vpclint/licenses/re2.copyright; do
    [ -f "$scratch/root/$f" ] || fail "the .deb lacks /$f"
  done
  lints_example ".deb vpclint" "$scratch/root/usr/bin/vpclint"
  if command -v lintian >/dev/null; then
    # lintian refuses nothing as root but says so; only errors fail (warnings are printed).
    lintian --tag-display-limit 0 "$deb" >"$scratch/lintian.log" 2>&1
    grep -v 'running with root privileges' "$scratch/lintian.log"
    if grep -q '^E:' "$scratch/lintian.log"; then fail "lintian reports errors on the .deb"; fi
  else
    skip_or_fail "lintian is not installed (./scripts/install-deps.sh test)"
  fi
fi

# The man page: every option --help lists is documented (help2man writes "\-\-name").
man_page=$build/man/vpclint.1
if [ ! -f "$man_page" ]; then
  skip_or_fail "no man page at $man_page (help2man missing when configured?)"
else
  for option in $("$build/vpclint" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -qF -- "${option//-/\\-}" "$man_page" || fail "the man page lacks $option"
  done
  for command in graph snapshot; do
    grep -q "^\.SS \"vpclint $command\"" "$man_page" || fail "the man page lacks the $command command"
  done
fi

# An empty root: the binary alone, no libc, no /etc, no /tmp; the template on standard input.
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$scratch/empty"
  cp "$build/vpclint" "$scratch/empty/vpclint"
  lints_example "vpclint in an empty chroot" chroot "$scratch/empty" /vpclint
else
  skip_or_fail "not root: the empty-root (chroot) run needs root"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
[ "$skipped" -eq 0 ] || exit 77
echo "packages: all checks passed"
