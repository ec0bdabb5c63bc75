# Rules engine throughput: scripted sessions per second through Game::apply.
add_executable(bench_rules EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/rules_bench.cpp)
target_link_libraries(bench_rules PRIVATE samenspel_core)
target_compile_definitions(bench_rules PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
