# Phones' load: `cmake --build BUILD --target bench_web && BUILD/bench/bench_web`
# (or the bench_web_run target) runs 50 hosts of one table each in one process
# and 300 scripted WebSocket phones (Boost.Beast) on loopback, and prints the
# latency from an action's arrival to every phone of its table, the host's
# memory and CPU time. Not a test: it never fails on speed.
find_package(Boost 1.74 REQUIRED)
# Not in the default build: Beast makes it slow to compile, and CI has 20 minutes.
add_executable(bench_web EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/web_bench.cpp)
target_link_libraries(bench_web PRIVATE samenspel_net Boost::boost)
target_compile_definitions(bench_web PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_custom_target(bench_web_run COMMAND $<TARGET_FILE:bench_web> DEPENDS bench_web USES_TERMINAL)
