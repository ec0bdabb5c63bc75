# Loader and expression speed (issue #2): `cmake --build BUILD --target bench_loader`
# prints milliseconds per load of skatebaan.yaml and precondition evaluations
# per second. It prints figures and never fails on speed.
add_executable(bench_loader_run EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/loader_bench.cpp)
target_link_libraries(bench_loader_run PRIVATE samenspel_core)
add_custom_target(bench_loader
  COMMAND $<TARGET_FILE:bench_loader_run> scenarios/skatebaan.yaml
  DEPENDS bench_loader_run
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  USES_TERMINAL
  COMMENT "loader and expression benchmark")
