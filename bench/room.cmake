# Room load: `cmake --build BUILD --target bench_room && BUILD/bench/bench_room`
# prints, for one host with 150 tables of 7 seats and a scripted client on
# every seat (1,050 connections on loopback), the latency from an action's
# arrival at the host to its table's clients, the host's memory and CPU, at
# human pace and at full speed. Not a test: it never fails on speed.
add_executable(bench_room EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/room_bench.cpp)
target_link_libraries(bench_room PRIVATE samenspel_net)
target_compile_definitions(bench_room PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
