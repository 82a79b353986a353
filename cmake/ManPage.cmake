# Run at build time (cmake -P): writes OUT, the vpclint(1) man page, with help2man from what the
# built BINARY prints for --help and --version, the subcommands' --help and the README's opening
# paragraph, plus docs/man/vpclint.h2m (examples, files). Nothing in it is written twice, so the
# man page cannot drift from the program or the README.
set(work "${OUT}.d")
file(MAKE_DIRECTORY "${work}")
file(STRINGS "${SOURCE_DIR}/README.md" readme)
# The README's first paragraph: the lines after "# vpclint" up to the first blank line.
set(intro "")
set(state 0)
foreach(line IN LISTS readme)
  if(state EQUAL 0 AND line MATCHES "^# ")
    set(state 1)
  elseif(state EQUAL 1 AND NOT line STREQUAL "")
    set(state 2)
    string(APPEND intro "${line}\n")
  elseif(state EQUAL 2)
    if(line STREQUAL "")
      break()
    endif()
    string(APPEND intro "${line}\n")
  endif()
endforeach()
string(REPLACE "`" "" intro "${intro}")
string(REPLACE "-" "\\-" intro "${intro}")
set(include "[<DESCRIPTION]\n.PP\n${intro}\n[COMMANDS]\n")
foreach(command graph snapshot)
  execute_process(COMMAND "${BINARY}" ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${BINARY} ${command} --help failed (${status})")
  endif()
  # The usage line names the binary by the path it was run from; the page names the command.
  string(REGEX REPLACE "Usage: [^ \n]*vpclint" "Usage: vpclint" help "${help}")
  string(REPLACE "\\" "\\\\" help "${help}")
  string(REPLACE "-" "\\-" help "${help}")
  string(APPEND include ".SS \"vpclint ${command}\"\n.nf\n${help}.fi\n")
endforeach()
file(READ "${SOURCE_DIR}/docs/man/vpclint.h2m" extra)
file(WRITE "${work}/vpclint.h2m" "${include}\n${extra}")
# A reproducible date: the commit's, else the one SOURCE_DATE_EPOCH gives, else today.
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git -C "${SOURCE_DIR}" log -1 --format=%ct OUTPUT_VARIABLE epoch
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE status)
  if(status EQUAL 0 AND epoch)
    set(ENV{SOURCE_DATE_EPOCH} "${epoch}")
  endif()
endif()
# help2man runs the program by the name it is given: a link named vpclint keeps "vpclint" in
# the usage line whatever the build directory is called.
file(CREATE_LINK "${BINARY}" "${work}/vpclint" SYMBOLIC)
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --version-string "${VERSION}"
          --name "find Lambda functions that will hang or fail to deploy because of their VPC"
          --section 1 --include "${work}/vpclint.h2m" --output "${OUT}" "${work}/vpclint"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed (${status})")
endif()
