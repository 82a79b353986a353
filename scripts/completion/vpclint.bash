# bash completion for vpclint. Options, formats and rule ids come from the installed vpclint
# itself (--help, --list-rules), so the completion cannot fall behind the program.
_vpclint() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  fi
  local vpclint=${COMP_WORDS[0]}
  local sub=""
  local w
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case $w in graph|snapshot) sub=$w; break ;; esac
  done
  case $prev in
    --format)
      local formats
      formats=$("$vpclint" ${sub:+"$sub"} --help 2>/dev/null | sed -n 's/.*--format TEXT:{\([^}]*\)}.*/\1/p' | tr ',' ' ')
      mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur")
      return ;;
    --fail-on)
      mapfile -t COMPREPLY < <(compgen -W "error warning info" -- "$cur")
      return ;;
    --explain)
      mapfile -t COMPREPLY < <(compgen -W "$("$vpclint" --list-rules 2>/dev/null | awk '/^[A-Z][0-9][0-9][0-9] / {print $1}')" -- "$cur")
      return ;;
    -o|--output|--config|--sam-config|--parameters-file|--baseline|--write-baseline)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    --snapshot)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return ;;
    --parameter|--config-env|--stack-name|--max-file-size|-j|--jobs|--region|--profile|--ssm-path)
      return ;;
  esac
  if [[ $cur == -* ]]; then
    local options
    options=$("$vpclint" ${sub:+"$sub"} --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  if [[ -z $sub ]]; then
    mapfile -t COMPREPLY < <(compgen -W "graph snapshot" -- "$cur"; compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -o filenames -F _vpclint vpclint
