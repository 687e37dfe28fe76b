# explorer_libraries(OUTPUT): the HTML explorer's JavaScript libraries, vendored at build
# time from the npm packages that scripts/install-deps.sh pins into .tools/node: cytoscape.js
# (drawing, graph search), cytoscape-dagre (the layered layout; it bundles dagre, MIT) and
# Fuse.js (fuzzy name search). Each is checked against
# its pinned version and SHA-256, then written into OUTPUT with its licence as C++
# initializers {"name", "version", R"(script)", R"(licence)"}, so the binary carries them and
# the page works offline. A library that is missing or differs leaves OUTPUT empty with a
# warning: eventscope builds, and `graph --format html` says what to run.
set(ES_EXPLORER_LIBRARIES
  # name      version  script               licence  SHA-256 of the script
  "cytoscape|3.33.1|dist/cytoscape.min.js|LICENSE|f55947f3daa3bae53209d4b885c195c157f595c225e508a6b382598d9452d6e2"
  "cytoscape-dagre|4.0.1|dist/cytoscape-dagre.min.js|LICENSE|ec671a41d2bfcac580352e2997797793949e3489cecaf347fc48670d4bd456b0"
  "fuse.js|7.1.0|dist/fuse.min.js|LICENSE|220934f576134b0466d99f786ce21b13f87d319b1e9ae633c55e68f6f41c3c9d")

function(explorer_libraries output)
  set(modules ${PROJECT_SOURCE_DIR}/.tools/node/node_modules)
  set(content "")
  set(problems "")
  foreach(entry ${ES_EXPLORER_LIBRARIES})
    string(REPLACE "|" ";" fields "${entry}")
    list(GET fields 0 name)
    list(GET fields 1 version)
    list(GET fields 2 script)
    list(GET fields 3 licence)
    list(GET fields 4 sha)
    set(dir ${modules}/${name})
    if(NOT EXISTS ${dir}/${script} OR NOT EXISTS ${dir}/${licence} OR NOT EXISTS ${dir}/package.json)
      list(APPEND problems "${name} ${version} is not installed in .tools/node")
      continue()
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${dir}/${script} ${dir}/package.json)
    file(SHA256 ${dir}/${script} actual)
    if(NOT actual STREQUAL sha)
      list(APPEND problems "${name}'s ${script} is not the pinned ${version} (SHA-256 ${actual})")
      continue()
    endif()
    file(READ ${dir}/${script} text)
    file(READ ${dir}/${licence} licenceText)
    string(APPEND content "{\"${name}\", \"${version}\", R\"es_embedded(${text})es_embedded\", R\"es_embedded(${licenceText})es_embedded\"},\n")
  endforeach()
  if(problems)
    string(REPLACE ";" "; " problems "${problems}")
    message(WARNING "The HTML explorer's libraries are missing (${problems}): run scripts/install-deps.sh and "
                    "configure again; until then `graph --format html` and the catalog's index.html say so.")
    set(content "")
  endif()
  file(WRITE ${output}.tmp "${content}")
  configure_file(${output}.tmp ${output} COPYONLY)
endfunction()
