# `cmake --install` and CPack (`make package`). Two layouts of the same files:
# - component "system" (the default install and the .deb): bin/vpclint, the man page, the rule
#   docs and licences under share/doc/vpclint, bash completion;
# - component "portable" (the tarball only, EXCLUDE_FROM_ALL): the same files flat in
#   vpclint-<version>-linux-x86_64/, so `./vpclint .` runs from where it was unpacked.
include(GNUInstallDirs)
find_program(VPCLINT_HELP2MAN help2man)
find_program(VPCLINT_GZIP gzip)

# vpclint(1), from the built program's --help and the README (cmake/ManPage.cmake).
set(VPCLINT_MAN ${CMAKE_BINARY_DIR}/man/vpclint.1)
# Not in the sanitized build, which ships nothing.
if(VPCLINT_HELP2MAN AND VPCLINT_GZIP AND NOT VPCLINT_SANITIZE AND NOT VPCLINT_FUZZ)
  add_custom_command(
    OUTPUT ${VPCLINT_MAN} ${VPCLINT_MAN}.gz
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:vpclint> -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
            -DOUT=${VPCLINT_MAN} -DHELP2MAN=${VPCLINT_HELP2MAN} -DVERSION=${PROJECT_VERSION} -P ${CMAKE_SOURCE_DIR}/cmake/ManPage.cmake
    # -n: no name or time stamp in the gzip header, so the package is reproducible.
    COMMAND ${VPCLINT_GZIP} -9nkf ${VPCLINT_MAN}
    DEPENDS vpclint ${CMAKE_SOURCE_DIR}/cmake/ManPage.cmake ${CMAKE_SOURCE_DIR}/docs/man/vpclint.h2m
            ${CMAKE_SOURCE_DIR}/README.md
    COMMENT "Generating the vpclint(1) man page")
  add_custom_target(vpclint_man ALL DEPENDS ${VPCLINT_MAN} ${VPCLINT_MAN}.gz)
elseif(NOT VPCLINT_HELP2MAN)
  message(STATUS "vpclint: no help2man (apt-get install help2man): no man page is built or installed")
endif()

# The Debian changelog, gzipped as Debian policy asks.
set(VPCLINT_VERSION ${PROJECT_VERSION})
configure_file(${CMAKE_SOURCE_DIR}/cmake/packaging/changelog ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)
if(VPCLINT_GZIP)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/packaging/changelog.gz
                     COMMAND ${VPCLINT_GZIP} -9nkf ${CMAKE_BINARY_DIR}/packaging/changelog
                     DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog)
  add_custom_target(vpclint_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
endif()

# Licences of what the binary holds: Debian's notices for the libraries linked in (the versions
# this build linked), the common licence texts they cite, and the data's notices.
set(VPCLINT_LICENSE_FILES
  ${CMAKE_SOURCE_DIR}/LICENSE=vpclint.LICENSE
  /usr/share/doc/libyaml-cpp-dev/copyright=yaml-cpp.copyright
  /usr/share/doc/libre2-dev/copyright=re2.copyright
  /usr/share/doc/nlohmann-json3-dev/copyright=nlohmann-json.copyright
  /usr/share/doc/libcli11-dev/copyright=cli11.copyright
  /usr/share/doc/libtomlplusplus-dev/copyright=tomlplusplus.copyright
  /usr/share/doc/libc6/copyright=glibc.copyright
  /usr/share/doc/libstdc++6/copyright=libstdc++.copyright
  /usr/share/common-licenses/LGPL-2.1=LGPL-2.1
  /usr/share/common-licenses/GPL-3=GPL-3
  ${CMAKE_SOURCE_DIR}/licenses/sam-translator/LICENSE=sam-translator.LICENSE
  ${CMAKE_SOURCE_DIR}/licenses/sam-translator/NOTICE=sam-translator.NOTICE)
file(GLOB VPCLINT_DATA_NOTICES ${CMAKE_SOURCE_DIR}/src/analysis/generated/*.LICENSE)
foreach(notice ${VPCLINT_DATA_NOTICES})
  get_filename_component(name ${notice} NAME)
  list(APPEND VPCLINT_LICENSE_FILES ${notice}=${name})
endforeach()

set(VPCLINT_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/vpclint)
foreach(entry ${VPCLINT_LICENSE_FILES})
  string(REPLACE "=" ";" pair ${entry})
  list(GET pair 0 from)
  list(GET pair 1 to)
  if(NOT EXISTS ${from})
    message(WARNING "vpclint: ${from} is missing; the packages will lack that licence")
    continue()
  endif()
  install(FILES ${from} RENAME ${to} DESTINATION ${VPCLINT_DOC_DIR}/licenses COMPONENT system)
  install(FILES ${from} RENAME ${to} DESTINATION licenses COMPONENT portable EXCLUDE_FROM_ALL)
endforeach()

file(GLOB VPCLINT_RULE_DOCS ${CMAKE_SOURCE_DIR}/docs/rules/*.md)

# system: the FHS layout.
install(TARGETS vpclint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT system)
install(FILES README.md ${CMAKE_SOURCE_DIR}/cmake/packaging/copyright DESTINATION ${VPCLINT_DOC_DIR}
        COMPONENT system)
install(FILES ${VPCLINT_RULE_DOCS} DESTINATION ${VPCLINT_DOC_DIR}/rules COMPONENT system)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/completion/vpclint.bash RENAME vpclint
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT system)
# The binary is static on purpose (it runs on any distribution and in an empty root); lintian
# flags every static binary as an error unless the package says so.
install(FILES ${CMAKE_SOURCE_DIR}/cmake/packaging/lintian-overrides RENAME vpclint
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides COMPONENT system)
if(TARGET vpclint_man)
  install(FILES ${VPCLINT_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT system)
endif()
if(TARGET vpclint_changelog)
  install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz DESTINATION ${VPCLINT_DOC_DIR} COMPONENT system)
endif()

# portable: flat.
install(TARGETS vpclint RUNTIME DESTINATION . COMPONENT portable EXCLUDE_FROM_ALL)
install(FILES README.md ${CMAKE_SOURCE_DIR}/cmake/packaging/copyright DESTINATION . COMPONENT portable
        EXCLUDE_FROM_ALL)
install(FILES ${VPCLINT_RULE_DOCS} DESTINATION rules COMPONENT portable EXCLUDE_FROM_ALL)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/completion/vpclint.bash DESTINATION . COMPONENT portable
        EXCLUDE_FROM_ALL)
if(TARGET vpclint_man)
  install(FILES ${VPCLINT_MAN} DESTINATION . COMPONENT portable EXCLUDE_FROM_ALL)
endif()

# CPack: `make package` (or `cpack` in the build directory) writes build/packages/.
set(CPACK_PACKAGE_NAME vpclint)
set(CPACK_PACKAGE_VENDOR "vpclint authors")
set(CPACK_PACKAGE_CONTACT "vpclint authors <vpclint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for Lambda functions that hang or fail because of their VPC")
# One line per line of the control file's extended description (lintian wants under 80 columns).
set(CPACK_PACKAGE_DESCRIPTION "vpclint reads AWS SAM and CloudFormation templates and finds the Lambda
functions that will hang or fail to deploy because of their VPC: no NAT
gateway or endpoint for the services they call, an execution role without
the network-interface permissions, a cache whose security group does not
admit them.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/vpclint/vpclint")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_PACKAGE_FILE_NAME vpclint-${PROJECT_VERSION}-linux-x86_64)
set(CPACK_GENERATOR TGZ DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
# Chooses each generator's component (cmake/packaging/CPackOptions.cmake, read by cpack).
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_SOURCE_DIR}/cmake/packaging/CPackOptions.cmake)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
# Statically linked: no shared library to depend on.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
