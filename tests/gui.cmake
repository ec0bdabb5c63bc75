# GUI tests: the real game window under Xvfb (xvfb-run -a).
#  - gui_autoplay_<scenario>_<nl|en>: bots play every shipped scenario to the
#    debrief, in Dutch and in English by turns; one non-blank screenshot per phase + debrief,
#    and of the decision moment, which must hold the session (same actions
#    and clock when it goes as when it came).
#  - gui_continue: a session killed with SIGKILL comes back through Continue.
#  - gui_join_qr_<lang>_<size>: zbarimg reads the join address off the host screen.
#  - gui_window_fits: the window fits a 1280x720 screen; Ctrl+H: high contrast.
find_program(XVFB_RUN xvfb-run)
if(NOT XVFB_RUN)
  message(STATUS "xvfb-run not found: GUI tests are not registered")
  return()
endif()

# Reads the PNGs with SFML and the scenario with the core, so no Python imaging.
add_executable(gui_check_screenshots ${CMAKE_CURRENT_SOURCE_DIR}/gui/check_screenshots.cpp)
target_link_libraries(gui_check_screenshots PRIVATE samenspel_core sfml-graphics)

file(GLOB GUI_SCENARIOS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*.yaml)
list(SORT GUI_SCENARIOS)
# Every scenario played to the debrief, in Dutch and in English by turns
# (skatebaan, the flagship, in both): a text missing in a catalog shows up as
# a failed run (the checker reads the log and the pictures). That every
# scenario text is written in both languages, test_core checks on its own
# (test_shipped_languages.cpp), for a fraction of a GUI run's time.
set(gui_turn 0)
foreach(scenario ${GUI_SCENARIOS})
  get_filename_component(scenario_id ${scenario} NAME_WE)
  math(EXPR gui_turn "${gui_turn} + 1")
  math(EXPR gui_odd "${gui_turn} % 2")
  if(scenario_id STREQUAL "skatebaan")
    set(gui_langs nl en)
  elseif(gui_odd)
    set(gui_langs nl)
  else()
    set(gui_langs en)
  endif()
  foreach(gui_lang ${gui_langs})
    add_test(NAME gui_autoplay_${scenario_id}_${gui_lang}
             COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/autoplay.sh $<TARGET_FILE:samenspel>
                     $<TARGET_FILE:gui_check_screenshots> ${scenario}
                     ${gui_lang} ${CMAKE_CURRENT_BINARY_DIR}/gui/${scenario_id}_${gui_lang})
    set_tests_properties(gui_autoplay_${scenario_id}_${gui_lang} PROPERTIES TIMEOUT 300 LABELS gui)
  endforeach()
endforeach()

add_test(NAME gui_continue
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/continue.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${CMAKE_CURRENT_BINARY_DIR}/gui/continue)
set_tests_properties(gui_continue PROPERTIES TIMEOUT 120 LABELS gui)

# Networked play: a host window and a join window on loopback, to the debrief.
add_test(NAME gui_network_session
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/network.sh $<TARGET_FILE:samenspel>
                 $<TARGET_FILE:gui_check_screenshots> ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/network)
set_tests_properties(gui_network_session PROPERTIES TIMEOUT 120 LABELS gui)

# Same inputs, same log: simulate, a headless host of bots and the window's
# autoplay play one seed to byte-identical logs (one session loop).
foreach(three_way_scenario skatebaan buurthuis)
  add_test(NAME gui_three_ways_${three_way_scenario}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/three_ways.sh $<TARGET_FILE:samenspel>
                   ${PROJECT_SOURCE_DIR}/scenarios/${three_way_scenario}.yaml
                   ${CMAKE_CURRENT_BINARY_DIR}/gui/three_ways_${three_way_scenario})
  set_tests_properties(gui_three_ways_${three_way_scenario} PROPERTIES TIMEOUT 300 LABELS gui)
endforeach()

# Join by QR code: the host screen's code, read by zbarimg from a screenshot at
# a projector's sizes, is the exact join address (docs/web_client.md).
foreach(join_qr nl_1280x720 en_1600x900)
  string(REPLACE "_" ";" join_qr_parts ${join_qr})
  list(GET join_qr_parts 0 join_qr_lang)
  list(GET join_qr_parts 1 join_qr_size)
  add_test(NAME gui_join_qr_${join_qr}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/join_qr.sh $<TARGET_FILE:samenspel>
                   ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${join_qr_lang} ${join_qr_size}
                   ${CMAKE_CURRENT_BINARY_DIR}/gui/join_qr_${join_qr})
  set_tests_properties(gui_join_qr_${join_qr} PROPERTIES TIMEOUT 120 LABELS gui SKIP_RETURN_CODE 77)
endforeach()

# Hidden stays hidden on a shared screen (issue 13): no debrief in the banner
# during play, the facilitator's debrief only after the warning, the coming
# events closed; "-5 min" never ends a phase, "next phase" asks first. The
# test clicks the buttons by name (play --trace-ui); at a projector's
# 1600x900 the facilitator drawer needs no scrolling.
foreach(secrets_lang nl en)
  add_test(NAME gui_secrets_${secrets_lang}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/secrets.sh $<TARGET_FILE:samenspel>
                   ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${secrets_lang} 1600x900
                   ${CMAKE_CURRENT_BINARY_DIR}/gui/secrets_${secrets_lang})
  set_tests_properties(gui_secrets_${secrets_lang} PROPERTIES TIMEOUT 150 LABELS gui)
endforeach()

# The table's labels fit at a projector's sizes (issue 13, findings 7 and 10):
# seat names and board tabs inside their columns in every frame of a session,
# also without the icon font (one notice on stderr, shapes for tokens).
foreach(table_fit nl_1280x720_font en_1280x720_none en_1600x900_font)
  string(REPLACE "_" ";" table_fit_parts ${table_fit})
  list(GET table_fit_parts 0 table_fit_lang)
  list(GET table_fit_parts 1 table_fit_size)
  list(GET table_fit_parts 2 table_fit_icons)
  add_test(NAME gui_table_fit_${table_fit}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/table_fit.sh $<TARGET_FILE:samenspel>
                   ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${table_fit_lang} ${table_fit_size}
                   ${table_fit_icons} ${CMAKE_CURRENT_BINARY_DIR}/gui/table_fit_${table_fit})
  set_tests_properties(gui_table_fit_${table_fit} PROPERTIES TIMEOUT 300 LABELS gui)
endforeach()
# A large UI scale on a 720p projector: the seats become tokens, the board
# keeps its room and its tabs fit.
add_test(NAME gui_table_fit_nl_1280x720_scale
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/table_fit.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml nl 1280x720 font
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/table_fit_nl_1280x720_scale 1.5)
set_tests_properties(gui_table_fit_nl_1280x720_scale PROPERTIES TIMEOUT 300 LABELS gui)

# The player column as a player meets it: the real table windows drawn by
# ImGui, read back and tapped where their texts are (table_column.cpp). No
# window is opened, but the shell's window object needs a display.
add_executable(gui_table_column ${CMAKE_CURRENT_SOURCE_DIR}/gui/table_column.cpp)
target_link_libraries(gui_table_column PRIVATE samenspel_app samenspel_doctest_main doctest::doctest)
target_compile_definitions(gui_table_column PRIVATE SAMENSPEL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME gui_table_column
         COMMAND bash -c "source '${CMAKE_CURRENT_SOURCE_DIR}/gui/xvfb.sh' && xvfb \"$0\""
                 $<TARGET_FILE:gui_table_column>)
set_tests_properties(gui_table_column PROPERTIES TIMEOUT 120 LABELS gui)

# Setup moves a number one step per click (issue 13, finding 10): phase times
# and a bot's traits through their - and + buttons, and a click on a value
# itself changes nothing. At 1280x720, where the buttons must all be in reach.
add_test(NAME gui_setup_steps
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/setup_steps.sh $<TARGET_FILE:samenspel> nl 1280x720
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/setup_steps)
set_tests_properties(gui_setup_steps PROPERTIES TIMEOUT 120 LABELS gui)

# The debrief always opens on the decision, also after another tab was used
# (issue 13): clicked by the items' names (play --trace-ui).
add_test(NAME gui_debrief_opens_on_decision
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/debrief.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml nl 1280x720
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/debrief)
set_tests_properties(gui_debrief_opens_on_decision PROPERTIES TIMEOUT 120 LABELS gui)

# The window fits the screen it opens on (a 1280x720 projector, no --size):
# smaller than the screen at a first start, the size the user left it at when
# it fits; Ctrl+H switches the high-contrast theme (issue 13, the frame).
add_test(NAME gui_window_fits
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/window_fits.sh $<TARGET_FILE:samenspel>
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/window_fits)
set_tests_properties(gui_window_fits PROPERTIES TIMEOUT 90 LABELS gui)

# The facilitator's room dashboard (issue 12) over local bot tables: a tile
# per table, "pause every table" pauses each; screenshots at 1280x720 (nl,
# 3 tables) and 1920x1080 (en, 12 tables, the README's) in the run folder.
add_test(NAME gui_room_dashboard
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/room.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${CMAKE_CURRENT_BINARY_DIR}/gui/room)
set_tests_properties(gui_room_dashboard PROPERTIES TIMEOUT 150 LABELS gui)

# Past sessions and the plenary: an archive of three sessions listed, all
# three compared side by side, the room report written; 1280x720 and
# 1920x1080, Dutch and English, screenshots in build/tests/gui/plenary/shots.
add_test(NAME gui_plenary
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/plenary.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${CMAKE_CURRENT_BINARY_DIR}/gui/plenary)
set_tests_properties(gui_plenary PROPERTIES TIMEOUT 180 LABELS gui)

# A hosted room in the window (issue 12): tables and a team on the host
# screen, a waiting person dealt a place, the dashboard over the host's
# tables, then the plenary. Screenshots in build/tests/gui/hosted_room.
add_test(NAME gui_hosted_room
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/hosted_room.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml ${CMAKE_CURRENT_BINARY_DIR}/gui/hosted_room)
set_tests_properties(gui_hosted_room PROPERTIES TIMEOUT 150 LABELS gui)

# The teaching note from the picker (issue 15): the button opens the first
# scenario's note in the game's language, End scrolls to its end, Esc goes
# back; pictures at a projector's 1280x720 (nl) and 1600x900 (en).
foreach(note_view nl_1280x720 en_1600x900)
  string(REPLACE "_" ";" note_view_parts ${note_view})
  list(GET note_view_parts 0 note_view_lang)
  list(GET note_view_parts 1 note_view_size)
  add_test(NAME gui_picker_note_${note_view}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/note.sh $<TARGET_FILE:samenspel> ${note_view_lang}
                   ${note_view_size} ${CMAKE_CURRENT_BINARY_DIR}/gui/note_${note_view})
  set_tests_properties(gui_picker_note_${note_view} PROPERTIES TIMEOUT 120 LABELS gui)
endforeach()
# Plain language and read-aloud in the window (issue 15): the skate park's
# plain texts and the read-aloud button with the settings on, the usual
# texts and no button without them.
add_test(NAME gui_plain_language_nl
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/plain_language.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml nl 1280x720
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/plain_language_nl
                 "Op een dinsdagmiddag" "Vier jongens van veertien" "Lees voor")
add_test(NAME gui_plain_language_en
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/gui/plain_language.sh $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml en 1280x720
                 ${CMAKE_CURRENT_BINARY_DIR}/gui/plain_language_en
                 "One Tuesday afternoon" "Four boys of fourteen" "Read aloud")
set_tests_properties(gui_plain_language_nl gui_plain_language_en PROPERTIES TIMEOUT 150 LABELS gui)
