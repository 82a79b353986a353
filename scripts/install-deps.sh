#!/usr/bin/env bash
# Installs the Debian packages vpclint needs to build and test, only those that are missing.
set -euo pipefail
# Without a group: what building the vpclint executable needs, nothing more (`make demo`).
packages=(build-essential cmake ninja-build pkg-config libyaml-cpp-dev nlohmann-json3-dev libre2-dev libcli11-dev
  libtomlplusplus-dev)
# Optional groups: `test` (doctest; git and pre-commit, since the precommit suite commits through
# the real hook; help2man for the man page; lintian, which checks the .deb; neovim, the real LSP
# client of the lsp-neovim test), `package` (help2man),
# `fuzz` (clang with libFuzzer), `style` (clang-format, clang-tidy), `bench` (plotting), `pictures`
# (Graphviz's dot, which draws the README's pictures from `vpclint graph --format dot`).
case "${1:-}" in
  test) packages+=(doctest-dev git pre-commit help2man lintian neovim) ;;
  package) packages+=(help2man) ;;
  fuzz) packages+=(clang libclang-rt-14-dev) ;;
  style) packages+=(clang-format clang-tidy) ;;
  bench) packages+=(gnuplot-nox bc time) ;;
  pictures) packages+=(graphviz) ;;
  sarif) command -v npm >/dev/null || packages+=(nodejs npm) ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
# A mirror's hiccup should not fail a CI run: apt retries each download.
apt=("${sudo_cmd[@]}" apt-get -o Acquire::Retries=3)
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
