# Every external dependency, found once. All come from Debian packages (scripts/install-deps.sh).

# LLVM and Clang 19. Their version files want "19.1", so no version argument here; the
# major version is checked by hand.
find_package(LLVM REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/llvm)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "eventscope needs LLVM 19, found ${LLVM_VERSION} in ${LLVM_DIR}")
endif()
find_package(Clang REQUIRED CONFIG HINTS /usr/lib/llvm-19/lib/cmake/clang)

# The imported targets carry no include directories; as SYSTEM, LLVM's headers do not
# drown our -Wextra output. LLVM's own -fno-exceptions is deliberately not copied.
add_library(es_llvm INTERFACE)
target_include_directories(es_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_link_libraries(es_llvm INTERFACE LLVM)
target_compile_definitions(es_llvm INTERFACE ${LLVM_DEFINITIONS})

add_library(es_clang INTERFACE)
target_include_directories(es_clang SYSTEM INTERFACE ${CLANG_INCLUDE_DIRS})
target_link_libraries(es_clang INTERFACE clang-cpp es_llvm)

# Clang's builtin headers (stddef.h, ...) for the tools we run: baked in at configure time.
find_program(CLANG19_EXECUTABLE clang-19 HINTS /usr/lib/llvm-19/bin REQUIRED)
execute_process(COMMAND ${CLANG19_EXECUTABLE} -print-resource-dir
                OUTPUT_VARIABLE EVENTSCOPE_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)

find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(GTest REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc libcgraph)
