# Network load: `cmake --build BUILD --target bench_net && BUILD/bench/bench_net`
# (or the bench_net_run target) prints the latency from an action's arrival at
# the host to the update reaching all 100 clients, and the host's memory.
# Loopback only. Not a test: it never fails on speed.
add_executable(bench_net EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/net_bench.cpp)
target_link_libraries(bench_net PRIVATE samenspel_net)
target_compile_definitions(bench_net PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_custom_target(bench_net_run COMMAND $<TARGET_FILE:bench_net> DEPENDS bench_net USES_TERMINAL)
