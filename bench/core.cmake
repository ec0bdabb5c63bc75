# Analysis and bot simulation speed (issue #3): `cmake --build BUILD --target bench_core`
# runs `samenspel bench`, which prints package-role evaluations per second of
# `analyze` on a generated 8 x 5 x 6 scenario and bot sessions per second of
# `simulate` on skatebaan, beside the targets (20 million/s, 2000/s). It
# prints figures and never fails on speed.
add_custom_target(bench_core
  COMMAND $<TARGET_FILE:samenspel> bench --seconds 4
  DEPENDS samenspel
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  USES_TERMINAL
  COMMENT "samenspel bench")
