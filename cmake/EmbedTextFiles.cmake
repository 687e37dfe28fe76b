# embed_text_files(OUTPUT GLOB): writes OUTPUT as a list of C++ initializers
# {"file name", R"delim(file text)delim"}, one per file matching GLOB, so that data files
# (API profiles, stand-in headers) are compiled into the binary. Rewritten only on change.
function(embed_text_files output pattern)
  file(GLOB files CONFIGURE_DEPENDS ${pattern})
  # Re-run when a file's text changes, not only when files come or go.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${files})
  set(content "")
  foreach(path ${files})
    file(READ ${path} text)
    get_filename_component(name ${path} NAME)
    string(APPEND content "{\"${name}\", R\"es_embedded(${text})es_embedded\"},\n")
  endforeach()
  file(WRITE ${output}.tmp "${content}")
  configure_file(${output}.tmp ${output} COPYONLY)
endfunction()
