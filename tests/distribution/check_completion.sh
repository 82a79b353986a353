#!/usr/bin/env bash
# The bash completion (scripts/completion/vpclint.bash) against the built vpclint: options come
# from --help, formats from --format's choices, rule ids from --list-rules.
# Usage: check_completion.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$1 source=$2
failures=0
# Completes the words of a command line (the last one being completed) and prints COMPREPLY.
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _vpclint
    printf "%s\n" "${COMPREPLY[@]}"' _ "$source/scripts/completion/vpclint.bash" "$@"
}
expect() {
  local want=$1
  shift
  local got
  got=$(complete_words "$@")
  grep -qx -- "$want" <<<"$got" || { echo "FAIL: completing '$*' did not offer $want; got: $got" >&2; failures=$((failures + 1)); }
}
vpclint=$build/vpclint
expect --fail-on "$vpclint" --fa
expect --snapshot "$vpclint" --snap
expect sarif "$vpclint" --format ""
expect warning "$vpclint" --fail-on w
expect N101 "$vpclint" --explain N10
expect graph "$vpclint" gr
expect mermaid "$vpclint" graph --format ""
expect --ssm-path "$vpclint" snapshot --ss
[ "$failures" -eq 0 ] || exit 1
echo "completion: all checks passed"
