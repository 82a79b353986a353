# One static library per layer of src/, each linking only the layers below it:
#   loader -> model -> project (src/config) -> analysis -> lint (rule framework) -> report, graph -> cli
# with the rules (rules/) an OBJECT library on top of lint. A layer's headers are included as
# "<dir>/x.h"; each layer puts a root holding one link to its own directory on its PUBLIC include
# path, so a file sees its own layer's headers and those of the layers it links, and an include
# of a higher layer fails to compile ("No such file or directory") instead of building a cycle.
#
#   vpclint_layer(<layer> <dir under src/> SOURCES <files> [DEPENDS <targets linked PUBLIC>])
function(vpclint_layer layer dir)
  cmake_parse_arguments(PARSE_ARGV 2 L "" "" "SOURCES;DEPENDS")
  set(target vpclint_${layer})
  add_library(${target} STATIC ${L_SOURCES})
  set(root ${CMAKE_BINARY_DIR}/layers/${layer})
  file(MAKE_DIRECTORY ${root})
  if(NOT EXISTS ${root}/${dir})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${dir} ${root}/${dir} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC ${root})
  if(L_DEPENDS)
    target_link_libraries(${target} PUBLIC ${L_DEPENDS})
  endif()
  vpclint_precompile(${target})
endfunction()

# Standard-library and third-party headers only, so no edit to the project invalidates the
# precompiled header and incremental builds stay as fast as before; every TU pays about 2 s of
# CPU to parse these otherwise. Targets reuse the one built for vpclint_model. The loader builds
# its own, as it compiles with its private dependencies' flags (re2's -pthread when re2 is not
# static), and so does a target that needs more headers (the tests): -Winvalid-pch tells when a
# reused header does not fit.
option(VPCLINT_PCH "Precompile the standard library headers" ON)
set(VPCLINT_PCH_HEADERS <algorithm> <cstdint> <functional> <map> <memory> <optional> <set> <span>
  <string> <string_view> <unordered_map> <utility> <vector>)
#   vpclint_precompile(<target> [<extra header>...])
function(vpclint_precompile target)
  if(NOT VPCLINT_PCH)
    return()
  endif()
  # A precompiled header built with other flags is silently ignored: say so instead.
  target_compile_options(${target} PRIVATE -Winvalid-pch)
  # GCC 12 forgets that code from a precompiled header comes from system headers, so its
  # middle-end warnings report libstdc++'s own known false positives (std::string moves in
  # loader.cpp and template.cpp) that a plain #include never shows. ASan covers the rest.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-array-bounds -Wno-stringop-overread)
  endif()
  if(target STREQUAL "vpclint_loader" OR target STREQUAL "vpclint_model" OR ARGN)
    target_precompile_headers(${target} PRIVATE ${VPCLINT_PCH_HEADERS} ${ARGN})
  else()
    target_precompile_headers(${target} REUSE_FROM vpclint_model)
  endif()
endfunction()
