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

# Debian's re2 ships no CMake config; use pkg-config.
find_package(PkgConfig QUIET)
vpclint_require(PKG_CONFIG_FOUND "pkg-config" pkg-config)
pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
vpclint_require(RE2_FOUND "re2" libre2-dev)
if(NOT TARGET re2::re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()

if(BUILD_TESTING OR NOT DEFINED BUILD_TESTING)
  find_package(doctest QUIET)
  vpclint_require(doctest_FOUND "doctest" doctest-dev)
endif()
