# Scenario library checks (issue #5). The tools are Python on purpose: they are
# an implementation independent of the C++ engine, so the two can check each
# other. Debian's python3 with python3-yaml and python3-jsonschema is used
# (the python3 on PATH may be another one without them).
set(SAMENSPEL_PYTHON /usr/bin/python3)
set(SAMENSPEL_TOOLS ${PROJECT_SOURCE_DIR}/tests/tools)

file(GLOB SAMENSPEL_SHIPPED_SCENARIOS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*.yaml)
file(GLOB SAMENSPEL_VALID_TEST_SCENARIOS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/data/valid/*.yaml)

# Every shipped scenario validates against schema.json and `samenspel validate`;
# every tests/data/broken/*.yaml is rejected by both, at the expected place.
add_test(NAME scenarios_schema_and_validate_agree
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/check_schema.py --samenspel $<TARGET_FILE:samenspel>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The worked intake example of docs/facilitator-guide.md stays a scenario that
# `samenspel validate` accepts, so a facilitator who copies it can play it.
add_test(NAME docs_intake_example_validates
         COMMAND $<TARGET_FILE:samenspel> validate docs/examples/intake-voorbeeld.yaml
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(docs_intake_example_validates PROPERTIES LABELS scenarios)

# The balance rules of issue #5 on every shipped scenario (reference analysis).
add_test(NAME scenarios_balance
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/check_balance.py ${SAMENSPEL_SHIPPED_SCENARIOS}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Bots reach a gedragen decision in some, but not all, of 100 sessions of every
# shipped scenario (issue #5): a case bots can never solve or always solve is
# badly balanced, or the bots have changed and the scenario needs a look.
add_test(NAME scenarios_bots_reach_gedragen_sometimes
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/check_balance.py --simulate $<TARGET_FILE:samenspel>
                 ${SAMENSPEL_SHIPPED_SCENARIOS}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The reference itself against hand-worked numbers (expressions, the support
# formula on skatebaan as worked out in docs/scenario-authoring.md, rounding).
add_test(NAME scenarios_reference_self_test
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/reference_analyze.py --self-test
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# `samenspel analyze --json` agrees with the independent reference on every
# scenario we have, shipped or written for tests.
add_test(NAME scenarios_analyze_matches_reference
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/reference_analyze.py --compare $<TARGET_FILE:samenspel>
                 ${SAMENSPEL_SHIPPED_SCENARIOS} ${SAMENSPEL_VALID_TEST_SCENARIOS}
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The same on 100 generated scenarios that nobody in the project wrote: every
# decision rule, reservations, weighted votes and every expression form
# (including division by zero). Fixed seed, so a failure can be reproduced.
add_test(NAME scenarios_analyze_matches_reference_generated
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/reference_analyze.py --compare-random $<TARGET_FILE:samenspel> 100 20261122
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

set_tests_properties(scenarios_schema_and_validate_agree scenarios_balance scenarios_analyze_matches_reference
                     scenarios_analyze_matches_reference_generated scenarios_reference_self_test
                     scenarios_bots_reach_gedragen_sometimes
                     PROPERTIES LABELS scenarios TIMEOUT 300)

# Teaching notes (issue 15): every shipped scenario has docs/scenarios/<id>.md
# with a Dutch and an English part and every heading of the notes' format,
# and tells the current figures: the feasible packages of `analyze` and the
# gedragen share of balanced bots in `simulate --games 200 --seed 1`.
add_test(NAME scenarios_teaching_notes
         COMMAND ${SAMENSPEL_PYTHON} ${SAMENSPEL_TOOLS}/check_notes.py --samenspel $<TARGET_FILE:samenspel>
                 ${PROJECT_SOURCE_DIR}/scenarios ${PROJECT_SOURCE_DIR}/docs/scenarios
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# docs/scenarios/README.md is what scripts/scenario-table gives with the
# current binary and scenarios; when not, the message says to run the script.
add_test(NAME scenarios_table_up_to_date
         COMMAND ${SAMENSPEL_PYTHON} ${PROJECT_SOURCE_DIR}/scripts/scenario-table --check
                 --samenspel $<TARGET_FILE:samenspel>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(scenarios_teaching_notes scenarios_table_up_to_date
                     PROPERTIES LABELS scenarios TIMEOUT 300)
