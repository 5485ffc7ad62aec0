# Helper functions shared by every library: warnings, sanitizers, tests and embedded files.

# synlig_warnings(target): the warning set of style.md; -Werror when SYNLIG_WERROR is on.
function(synlig_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(SYNLIG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
    # GCC 12 at -O3 (Release) warns falsely with -Wrestrict inside libstdc++'s std::string
    # concatenation; the warning stays visible there, but does not fail the build.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-Wno-error=restrict>)
    endif()
  endif()
  if(SYNLIG_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
  endif()
  if(SYNLIG_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# synlig_library(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# Creates synlig_<name> with alias synlig::<name>, public headers in include/.
function(synlig_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(synlig_${name} STATIC ${ARG_SOURCES})
  add_library(synlig::${name} ALIAS synlig_${name})
  target_include_directories(synlig_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(synlig_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  synlig_warnings(synlig_${name})
endfunction()

# synlig_test(<name> SOURCES ... DEPS ... [LABELS ...])
# A GoogleTest binary registered with CTest; label "unit" unless told otherwise.
function(synlig_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  synlig_test_support(${name})
  synlig_warnings(${name})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  if(NOT TARGET synlig_all_tests)
    add_custom_target(synlig_all_tests)
  endif()
  add_dependencies(synlig_all_tests ${name})
  include(GoogleTest)
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60
                       ENVIRONMENT "SYNLIG_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# synlig_test_support(<target>): SYNLIG_SOURCE_DIR for a test or benchmark, resolved at run time
# (tests/support/synlig_test_support.h, included first). No absolute path enters the compile
# command, so ccache reuses the objects from another checkout.
function(synlig_test_support target)
  if(NOT TARGET synlig_test_support)
    add_library(synlig_test_support STATIC ${PROJECT_SOURCE_DIR}/tests/support/source_dir.cc
                                           ${PROJECT_SOURCE_DIR}/tests/support/shell.cc)
    target_include_directories(synlig_test_support PUBLIC ${PROJECT_SOURCE_DIR}/tests/support)
    synlig_warnings(synlig_test_support)
  endif()
  target_link_libraries(${target} PRIVATE synlig_test_support)
  target_compile_options(${target} PRIVATE -include synlig_test_support.h)
endfunction()

# synlig_embed(<target> <namespace> FILES ...): compiles files into a generated source so the
# binary runs from any directory. Files are looked up with <namespace>::EmbeddedFile(name),
# where name is the path relative to PROJECT_SOURCE_DIR.
function(synlig_embed target ns)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cc)
  set(script ${PROJECT_SOURCE_DIR}/cmake/embed.cmake)
  set(abs_files)
  foreach(f IN LISTS ARG_FILES)
    list(APPEND abs_files ${PROJECT_SOURCE_DIR}/${f})
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR} -DOUT=${out} -DNS=${ns}
            "-DFILES=${files_arg}" -P ${script}
    DEPENDS ${abs_files} ${script}
    COMMENT "Embedding files into ${target}"
    VERBATIM)  # FILES holds '|', which a shell would take for a pipe
  target_sources(${target} PRIVATE ${out})
endfunction()
