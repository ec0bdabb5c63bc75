# GUI benchmark: `cmake --build BUILD --target bench_gui` prints the figures of
# issue #4 (first frame, frame time vs a bare SFML+ImGui frame, memory) under
# Xvfb with software rendering. Not a test: it never fails on speed.
add_executable(bench_gui_frames EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/gui_bench.cpp)
target_link_libraries(bench_gui_frames PRIVATE samenspel_ui)
find_program(BENCH_XVFB_RUN xvfb-run)
if(BENCH_XVFB_RUN)
  add_custom_target(bench_gui
    COMMAND ${CMAKE_COMMAND} -E env LIBGL_ALWAYS_SOFTWARE=1
            ${BENCH_XVFB_RUN} -a -s "-screen 0 1600x900x24"
            $<TARGET_FILE:bench_gui_frames> $<TARGET_FILE:samenspel>
            ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml
    DEPENDS bench_gui_frames samenspel
    USES_TERMINAL
    COMMENT "GUI benchmark under Xvfb")
endif()
