# Embeds docs/rules/*.md into the binary so `--explain ID` needs no files at run time.
function(vpclint_embed_docs out)
  string(REPLACE ";" "|" docs "${ARGN}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDOCS=${docs} -P ${CMAKE_SOURCE_DIR}/cmake/embed_docs_script.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_docs_script.cmake
    COMMENT "Embedding rule docs"
    VERBATIM)
endfunction()
