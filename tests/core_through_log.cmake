# The rules suite a second time, as the ink runtime runs its tests after a
# save and load: every action is encoded to the log format and decoded again
# before it is applied (applyAction in tests/core/test_helpers.hpp). Each case
# appears once more in ctest, named "through the log: <case>".
add_executable(test_core_through_log ${CMAKE_CURRENT_SOURCE_DIR}/core/test_rules.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/core/test_bots.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/core/test_teams.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/core/test_turns.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/core/test_stance.cpp
                                     ${CMAKE_CURRENT_SOURCE_DIR}/core/test_begrip_rules.cpp)
target_link_libraries(test_core_through_log PRIVATE samenspel_core samenspel_doctest_main doctest::doctest)
target_compile_definitions(test_core_through_log PRIVATE SAMENSPEL_TEST_THROUGH_LOG
                                                         SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(test_core_through_log TEST_PREFIX "through the log: "
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
