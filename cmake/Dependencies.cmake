# Every dependency is a Debian package; a missing one names the package to install.
function(vpclint_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "vpclint needs ${what}: install it with `apt-get install ${package}`")
  endif()
endfunction()

find_package(yaml-cpp QUIET)
vpclint_require(yaml-cpp_FOUND "yaml-cpp" libyaml-cpp-dev)
find_package(nlohmann_json 3.10 QUIET)
vpclint_require(nlohmann_json_FOUND "nlohmann_json" nlohmann-json3-dev)
find_package(CLI11 QUIET)
vpclint_require(CLI11_FOUND "CLI11" libcli11-dev)
# toml++ reads samconfig.toml (src/config only). Debian's tomlplusplus::tomlplusplus links its
# shared library, while vpclint links statically (VPCLINT_STATIC): vpclint_toml takes the
# headers alone and compiles the parser into the one file that includes them (TOML_HEADER_ONLY).
find_package(tomlplusplus QUIET)
vpclint_require(tomlplusplus_FOUND "toml++" libtomlplusplus-dev)
add_library(vpclint_toml INTERFACE)
get_target_property(VPCLINT_TOML_INCLUDE tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(vpclint_toml SYSTEM INTERFACE ${VPCLINT_TOML_INCLUDE})
target_compile_definitions(vpclint_toml INTERFACE TOML_HEADER_ONLY=1)

# Debian's re2 ships no CMake config; use pkg-config.
find_package(PkgConfig QUIET)
vpclint_require(PKG_CONFIG_FOUND "pkg-config" pkg-config)
pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
vpclint_require(RE2_FOUND "re2" libre2-dev)
if(NOT TARGET re2::re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()

# Without doctest the tests are left out, not the build: `make demo` installs only what the
# executable needs; `make test` installs doctest-dev and configures again.
if(BUILD_TESTING OR NOT DEFINED BUILD_TESTING)
  find_package(doctest QUIET)
  if(NOT doctest_FOUND)
    message(STATUS "vpclint: no doctest (apt-get install doctest-dev): the tests are not built")
    set(BUILD_TESTING OFF)
  endif()
endif()
