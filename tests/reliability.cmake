# The reliability suite (docs/testing.md, "The reliability suite"): the
# hostile network battery and the kill-and-resume test. `ctest -L
# reliability` runs exactly these two; each prints its counts.
add_executable(reliability_hostile_network ${CMAKE_CURRENT_SOURCE_DIR}/reliability/hostile_network.cpp
                                           ${CMAKE_CURRENT_SOURCE_DIR}/reliability/battery.cpp)
target_link_libraries(reliability_hostile_network PRIVATE samenspel_net samenspel_doctest_main doctest::doctest)
target_compile_definitions(reliability_hostile_network
                           PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME reliability_hostile_network COMMAND reliability_hostile_network
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Starts and kills the real command-line host, so it needs the samenspel
# binary (the ordinary build's in a sanitized build, as test_cli does).
add_executable(reliability_kill_resume ${CMAKE_CURRENT_SOURCE_DIR}/reliability/kill_resume.cpp)
target_link_libraries(reliability_kill_resume PRIVATE samenspel_doctest_main doctest::doctest)
target_compile_definitions(reliability_kill_resume PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                                           SAMENSPEL_BINARY="${SAMENSPEL_TEST_BINARY}")
if(SAMENSPEL_TEST_BINARY STREQUAL "$<TARGET_FILE:samenspel>")
  add_dependencies(reliability_kill_resume samenspel)
endif()
add_test(NAME reliability_kill_resume COMMAND reliability_kill_resume
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

set_tests_properties(reliability_hostile_network reliability_kill_resume
                     PROPERTIES LABELS reliability TIMEOUT 120)
