# The facts stamp: a hash over every file of the layers that can decide a translation unit's
# facts (analyzer/, which holds the extractor, its stand-in headers and built-in profiles,
# and model/, the only layer it may depend on: the pipeline has no back edges). It salts the
# facts cache, so a changed extractor never reads stale entries. Computed from the tree, not
# from a list kept by hand (one once missed a file); each file's path is hashed with its
# contents, so a rename or a new file changes it too.
#
# In a CMakeLists.txt: include() this file and call eventscope_facts_stamp(VAR SOURCE_DIR).
# As a script (tests/facts_stamp.sh): cmake -DSOURCE_DIR=DIR -P cmake/FactsStamp.cmake
# prints the stamp of DIR.

function(eventscope_facts_stamp out source_dir)
  get_filename_component(source_dir "${source_dir}" ABSOLUTE)
  file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE ${source_dir}
       ${source_dir}/analyzer/* ${source_dir}/model/*)
  list(SORT files)
  set(stamp "")
  foreach(path ${files})
    file(SHA256 ${source_dir}/${path} hash)
    string(APPEND stamp "${path}\n${hash}\n")
  endforeach()
  string(SHA256 stamp "${stamp}")
  set(${out} ${stamp} PARENT_SCOPE)
  # Reconfigure (and so recompute) when one of them changes; CONFIGURE_DEPENDS on the glob
  # would catch new files, and the build re-globs on every configure.
  if(NOT CMAKE_SCRIPT_MODE_FILE)
    list(TRANSFORM files PREPEND ${source_dir}/)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${files})
  endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND SOURCE_DIR)
  eventscope_facts_stamp(stamp ${SOURCE_DIR})
  message("${stamp}")
endif()
