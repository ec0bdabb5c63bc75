# The browser test: the host window under Xvfb (its QR code read off a
# screenshot), bots in the empty seats, and two
# phone-sized headless Chromium windows (python3-selenium, chromium-driver)
# that scan the join QR code, take seats and play a session through the phone
# page to the debrief, with the hidden-information checks on every WebSocket
# frame and a reload and a dropped network on the way (tests/web/e2e_session.py).
# Label `browser`; skipped (77) where chromium, chromedriver, selenium or
# zbarimg is missing. Screenshots: build/tests/web-e2e/shots/.
# Debian's python3 with python3-selenium and python3-yaml (the python3 on
# PATH may be another one without them).
set(SAMENSPEL_BROWSER_PYTHON /usr/bin/python3)
add_test(NAME browser_phone_session
         COMMAND ${SAMENSPEL_BROWSER_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/web/e2e_session.py
                 $<TARGET_FILE:samenspel> ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml
                 ${CMAKE_CURRENT_BINARY_DIR}/web-e2e)
set_tests_properties(browser_phone_session PROPERTIES TIMEOUT 240 LABELS browser
                     SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)

# A room of three tables (issue 12): two phones pick a table and a role in the
# room's lobby and share a value, scripted clients join (two of them as a team
# on one role), bots fill the rest; afterwards the plenary (archive compare,
# the plenary's model) is checked against each table's own replay, and the
# room report against the tables' reports (tests/web/e2e_room.py). About 70 s.
add_test(NAME browser_room_of_three_tables
         COMMAND ${SAMENSPEL_BROWSER_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/web/e2e_room.py
                 $<TARGET_FILE:samenspel> ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml
                 ${CMAKE_CURRENT_BINARY_DIR}/web-room)
# Not serial: it runs beside the GUI tests (CI's 20 minutes); the phones
# may share their value in either phase that allows it, so a busy machine
# has time enough.
set_tests_properties(browser_room_of_three_tables PROPERTIES TIMEOUT 240 LABELS browser
                     SKIP_RETURN_CODE 77)

# The printout on paper (issue 15): `samenspel print` of the skate park, printed
# to PDF by headless chromium and read back with poppler (pdfinfo, pdftotext):
# one role card per page with its own secret and no other's, then the case
# sheet and the facilitator's sheet (tests/web/print_pdf.py). A few seconds.
# Skipped (77) where chromium or poppler-utils is missing.
add_test(NAME browser_print_cards
         COMMAND ${SAMENSPEL_BROWSER_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/web/print_pdf.py
                 $<TARGET_FILE:samenspel> ${PROJECT_SOURCE_DIR}/scenarios/skatebaan.yaml
                 ${CMAKE_CURRENT_BINARY_DIR}/print-pdf nl)
set_tests_properties(browser_print_cards PROPERTIES TIMEOUT 60 LABELS browser
                     SKIP_RETURN_CODE 77)
