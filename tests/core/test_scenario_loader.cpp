// The scenario loader as a scenario author meets it: valid files load with
// their content resolved, and each broken file in tests/data/invalid gives
// exactly the errors listed here (line, column, message, key path).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/scenario.hpp"

using namespace samenspel;

namespace {

const std::string kDataDir = std::string(SAMENSPEL_SOURCE_DIR) + "/tests/data";

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct ExpectedError {
    int line;
    int column;
    const char* message;
    const char* keyPath;
};

void checkInvalid(const std::string& name, const std::vector<ExpectedError>& expected) {
    const std::string path = kDataDir + "/invalid/" + name + ".yaml";
    REQUIRE(std::filesystem::exists(path));
    const LoadResult result = loadScenarioFile(path);
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.scenario.has_value());
    REQUIRE(result.errors.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Diagnostic& got = result.errors[i];
        INFO("error " << i << ": " << got.format());
        CHECK(got.file == path);
        CHECK(got.pos.line == expected[i].line);
        CHECK(got.pos.column == expected[i].column);
        CHECK(got.message == expected[i].message);
        CHECK(got.keyPath == expected[i].keyPath);
    }
}

// A small valid scenario to vary in the in-memory tests.
const std::string kMini = R"(samenspel: 1
id: mini
title: Mini
attributes:
  cost: {name: Kosten, unit: "€"}
resources: {budget: 100}
values:
  - {id: rust, name: Rust}
  - {id: ontmoeting, name: {nl: Ontmoeting, en: Meeting people}}
issues:
  - id: locatie
    name: Locatie
    options:
      - {id: hier, name: Hier, attributes: {cost: 10}, effects: {rust: 1}}
      - {id: daar, name: Daar, attributes: {cost: 500}, effects: {ontmoeting: 2, rust: -3}}
roles:
  - id: buren
    kind: resident
    values: {rust: 3}
    preconditions:
      - id: betaalbaar
        require: "cost <= budget"
  - id: raad
    kind: council
)";

LoadResult loadWith(const std::string& from, const std::string& to) {
    std::string text = kMini;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return loadScenarioText(text, "mini.yaml");
}

std::string firstError(const LoadResult& result) {
    return result.errors.empty() ? std::string("(no error)") : result.errors.front().format();
}

} // namespace

#define INVALID_SCENARIO(NAME, ...)                                                                \
    TEST_CASE("loader rejects invalid/" NAME ".yaml at the right place") {                         \
        checkInvalid(NAME, {__VA_ARGS__});                                                         \
    }

INVALID_SCENARIO("bad_id", {18, 9,
                            "'Buren Oost' is not a valid id: use lower_snake_case (a-z, 0-9 and _, "
                            "starting with a letter, at most 64 characters), like 'buren_oost'",
                            "roles[0].id"})
INVALID_SCENARIO("binary",
                 {2, 6,
                  "not a text file: found a NUL byte; a scenario is a YAML text file in UTF-8", ""})
INVALID_SCENARIO("council_rule_without_council",
                 {34, 18,
                  "the decision rule 'council_majority' needs at least one role of kind council; "
                  "add one or use 'rule: consensus'",
                  "decision.rule"})
INVALID_SCENARIO("deep_nesting",
                 {3, 71, "the file nests deeper than 64 levels; a scenario never needs that much",
                  ""})
INVALID_SCENARIO("duplicate_key",
                 {20, 5, "duplicate key 'kind' (first at line 19)", "roles[0].kind"})
INVALID_SCENARIO("duplicate_phase",
                 {37, 10, "duplicate phase id 'kennismaken' (first defined at line 35)",
                  "phases[2].id"})
INVALID_SCENARIO("duplicate_value",
                 {11, 10, "duplicate value id 'rust' (first defined at line 9)", "values[2].id"})
INVALID_SCENARIO("effect_out_of_range", {15, 72, "effect 5 on value 'rust' is out of range -3..3",
                                         "issues[0].options[0].effects.rust"})
INVALID_SCENARIO("empty", {0, 0, "the file is empty; a scenario starts with 'samenspel: 1'", ""})
INVALID_SCENARIO("event_option_wrong_issue",
                 {33, 49, "unknown option 'ginds' in issue 'locatie'; expected hier or daar",
                  "events[0].effects[0].enable_option.option"})
INVALID_SCENARIO(
    "event_phase_not_in_plan",
    {30, 19,
     "phase 'randvoorwaarden' is not among this scenario's phases, so the event would never fire",
     "events[0].when.phase"})
INVALID_SCENARIO(
    "event_two_triggers",
    {30, 36,
     "'when' takes one of phase, minute or condition (or minute and phase together: whichever "
     "comes first), but has both 'phase' and 'condition'",
     "events[0].when.condition"})
INVALID_SCENARIO("event_unknown_role", {34, 34, "unknown role 'raadslid'; expected buren or raad",
                                        "events[0].effects[1].add_value_weight.role"})
INVALID_SCENARIO("expr_and_on_number",
                 {24, 19, "the left side of 'and' is a number, not a condition",
                  "roles[0].preconditions[0].require"},
                 {24, 28, "the right side of 'and' is a number, not a condition",
                  "roles[0].preconditions[0].require"})
INVALID_SCENARIO("expr_arithmetic_on_condition",
                 {24, 19, "the left side of '+' is a condition (true or false), not a number",
                  "roles[0].preconditions[0].require"})
INVALID_SCENARIO("expr_block_scalar",
                 {26, 22,
                  "'nergens' is not an option of issue 'locatie'; its options are hier, daar",
                  "roles[0].preconditions[0].require"})
INVALID_SCENARIO("expr_ends_early",
                 {24, 27, "the expression ends too early: expected a number or a name after '<='",
                  "roles[0].preconditions[0].require"})
INVALID_SCENARIO("expr_not_a_condition", {24, 18,
                                          "expected a condition that is true or false, like 'cost "
                                          "<= budget', but 'cost + 10' is a number",
                                          "roles[0].preconditions[0].require"})
INVALID_SCENARIO("expr_option_not_in_issue",
                 {24, 30,
                  "'ginder' is not an option of issue 'locatie'; its options are hier, daar",
                  "roles[0].preconditions[0].require"})
INVALID_SCENARIO("expr_unknown_in_condition",
                 {30, 60,
                  "unknown name 'kosten'; expressions can use attribute, resource and issue names",
                  "events[0].when.condition"})
INVALID_SCENARIO("expr_unknown_name", {24, 27, "unknown name 'budgte'; did you mean 'budget'?",
                                       "roles[0].preconditions[0].require"})
INVALID_SCENARIO(
    "invalid_utf8",
    {3, 11,
     "not a text file: found bytes that are not UTF-8; a scenario is a YAML text file in UTF-8",
     ""})
INVALID_SCENARIO("missing_kind", {18, 5, "role 'buren' is missing 'kind'", "roles[0].kind"})
INVALID_SCENARIO("missing_version",
                 {2, 1, "missing 'samenspel: 1' (the format version) at the top of the scenario",
                  "samenspel"})
INVALID_SCENARIO("multi_document",
                 {36, 1, "a scenario file holds one YAML document, but a second one starts here",
                  ""})
INVALID_SCENARIO(
    "multiple_errors", {5, 8, "unknown stage 'ontwerp'; did you mean 'ontwerpen'?", "stage"},
    {16, 72, "effect 9 on value 'rust' is out of range -3..3", "issues[0].options[0].effects.rust"},
    {25, 27, "unknown name 'budgte'; did you mean 'budget'?", "roles[0].preconditions[0].require"},
    {27, 11, "unknown role kind 'councl'; did you mean 'council'?", "roles[1].kind"})
INVALID_SCENARIO("name_collision", {7, 26,
                                    "resource 'cost' has the same name as attribute 'cost' (line "
                                    "6); expressions could not tell them apart",
                                    "resources.cost"})
INVALID_SCENARIO("no_available_option", {12, 9,
                                         "issue 'locatie' has no available option; at least one "
                                         "option must not have 'available: false'",
                                         "issues[0].id"})
INVALID_SCENARIO("only_comments",
                 {0, 0, "the file holds only comments; a scenario starts with 'samenspel: 1'", ""})
INVALID_SCENARIO("players_min_above_max",
                 {20, 20, "players.min (3) is larger than players.max (2)", "roles[0].players.min"})
INVALID_SCENARIO("syntax_error",
                 {26, 4,
                  "YAML syntax error: end of sequence not found (a '[' is not closed with ']')",
                  ""})
INVALID_SCENARIO("text_comma_in_flow", {4, 19,
                                        "a ',' inside {...} ends a text, so 'klein' became a key "
                                        "of its own; put the nl text in quotes, like nl: \"...\"",
                                        "title.klein"})
INVALID_SCENARIO("text_unknown_language",
                 {4, 19, "unknown language 'de' in 'title'; a text has only nl and en", "title.de"})
INVALID_SCENARIO("top_level_list", {2, 1,
                                    "a scenario is a map of keys such as 'samenspel', 'id' and "
                                    "'roles', but this file holds a list",
                                    ""})
INVALID_SCENARIO("unknown_effect_kind",
                 {33, 9,
                  "unknown key 'set_resouce' in an event effect; did you mean 'set_resource'?",
                  "events[0].effects[0].set_resouce"})
INVALID_SCENARIO("unknown_phase",
                 {30, 19, "unknown phase 'randvoorwaarde'; did you mean 'randvoorwaarden'?",
                  "events[0].when.phase"})
INVALID_SCENARIO("unknown_role_key",
                 {26, 5, "unknown key 'kidn' in a role; did you mean 'kind'?", "roles[1].kidn"})
INVALID_SCENARIO("unknown_role_icon",
                 {20, 11,
                  "unknown role icon 'skateboard'; expected one of home, users, user, child, "
                  "graduation_cap, gavel, university, bullhorn, briefcase, id_badge, calculator, "
                  "balance_scale, shield, ambulance, wrench, tree, leaf, recycle, shop, industry, "
                  "building, car, bicycle, football, handshake, heart or money",
                  "roles[0].icon"})
INVALID_SCENARIO("unknown_role_kind",
                 {19, 11, "unknown role kind 'bewoner'; expected resident, official or council",
                  "roles[0].kind"})
INVALID_SCENARIO("unknown_top_key",
                 {4, 1, "unknown key 'titel' in a scenario; did you mean 'title'?", "titel"})
INVALID_SCENARIO("unknown_value_in_effect",
                 {16, 66, "unknown value 'ontmoting'; did you mean 'ontmoeting'?",
                  "issues[0].options[1].effects.ontmoting"})
INVALID_SCENARIO("weight_out_of_range",
                 {20, 20, "weight 4 of value 'rust' is out of range 0..3", "roles[0].values.rust"})
INVALID_SCENARIO("wrong_type_minutes",
                 {35, 36, "expected a whole number for 'minutes', got a list", "phases[0].minutes"})
INVALID_SCENARIO("wrong_type_votes",
                 {27, 12, "expected a whole number for 'votes', got 'many'", "roles[1].votes"})
INVALID_SCENARIO("wrong_version", {2, 12,
                                   "scenario format version '2' is not supported; this version of "
                                   "Samenspel reads format 1 (samenspel: 1)",
                                   "samenspel"})

// yaml-cpp 0.7's LoadAll never returns on this file (issue #1040).
INVALID_SCENARIO("stray_comma", {1, 1,
                                 "no scenario found: the file does not start with a YAML map "
                                 "like 'samenspel: 1'",
                                 ""})

const std::vector<std::string> kInvalidFilesWithExpectations = {"bad_id",
                                                                "stray_comma",
                                                                "binary",
                                                                "council_rule_without_council",
                                                                "deep_nesting",
                                                                "duplicate_key",
                                                                "duplicate_phase",
                                                                "duplicate_value",
                                                                "effect_out_of_range",
                                                                "empty",
                                                                "event_option_wrong_issue",
                                                                "event_phase_not_in_plan",
                                                                "event_two_triggers",
                                                                "event_unknown_role",
                                                                "expr_and_on_number",
                                                                "expr_arithmetic_on_condition",
                                                                "expr_block_scalar",
                                                                "expr_ends_early",
                                                                "expr_not_a_condition",
                                                                "expr_option_not_in_issue",
                                                                "expr_unknown_in_condition",
                                                                "expr_unknown_name",
                                                                "invalid_utf8",
                                                                "missing_kind",
                                                                "missing_version",
                                                                "multi_document",
                                                                "multiple_errors",
                                                                "name_collision",
                                                                "no_available_option",
                                                                "only_comments",
                                                                "players_min_above_max",
                                                                "syntax_error",
                                                                "text_comma_in_flow",
                                                                "text_unknown_language",
                                                                "top_level_list",
                                                                "unknown_effect_kind",
                                                                "unknown_phase",
                                                                "unknown_role_icon",
                                                                "unknown_role_key",
                                                                "unknown_role_kind",
                                                                "unknown_top_key",
                                                                "unknown_value_in_effect",
                                                                "weight_out_of_range",
                                                                "wrong_type_minutes",
                                                                "wrong_type_votes",
                                                                "wrong_version"};

TEST_CASE("every file in tests/data/invalid has its expected errors listed") {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(kDataDir + "/invalid"))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path().stem().string());
    std::sort(files.begin(), files.end());
    std::vector<std::string> listed = kInvalidFilesWithExpectations;
    std::sort(listed.begin(), listed.end());
    CHECK(files == listed);
    CHECK(files.size() >= 25);
}

TEST_CASE("every file in tests/data/valid loads without errors") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kDataDir + "/valid")) {
        if (entry.path().extension() != ".yaml")
            continue;
        const LoadResult result = loadScenarioFile(entry.path().string());
        INFO(entry.path().string() << ": " << firstError(result));
        CHECK(result.ok());
        ++count;
    }
    CHECK(count >= 3);
}

TEST_CASE("the DESIGN.md example loads with every reference resolved") {
    const LoadResult result = loadScenarioFile(kDataDir + "/valid/design_example.yaml");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    const Scenario& sc = *result.scenario;
    CHECK(sc.id == "skatebaan");
    CHECK(sc.title.get("nl") == "De skatebaan");
    CHECK(sc.title.get("en") == "The skate park");
    CHECK(sc.stage == "ontwerpen");
    CHECK(sc.durationMinutes == 60);
    REQUIRE(sc.learningGoals.size() == 1);
    REQUIRE(sc.attributes.size() == 2);
    CHECK(sc.attributes[0].id == "cost");
    CHECK(sc.attributes[0].unit == "€");
    REQUIRE(sc.values.size() == 4);
    CHECK(sc.valueIndex("eigen_regie") == 2);
    REQUIRE(sc.issues.size() == 1);
    const Option& sportpark = sc.issues[0].options[1];
    CHECK(sportpark.id == "sportpark");
    CHECK(sportpark.attributes == std::vector<double>{30000, 9});
    CHECK(sportpark.effects == std::vector<int>{2, 2, -1, 0});
    CHECK(sc.resourceNames == std::vector<std::string>{"budget"});
    CHECK(sc.resourceValues == std::vector<double>{25000});

    REQUIRE(sc.roles.size() == 3);
    const Role& skaters = sc.roles[0];
    CHECK(skaters.minPlayers == 1);
    CHECK(skaters.maxPlayers == 4);
    CHECK(skaters.weights == std::vector<int>{3, 0, 2, 0});
    REQUIRE(skaters.preconditions.size() == 1);
    CHECK(skaters.preconditions[0].require.source() == "months <= 6");
    const Role& official = sc.roles[1];
    CHECK(official.kind == RoleKind::Official);
    CHECK(official.name.get("nl") == "ambtenaar_buitenruimte"); // no name: the id stands in
    const Role& council = sc.roles[2];
    CHECK(council.kind == RoleKind::Council);
    CHECK(council.votes == 1);
    CHECK(council.reservation == 10.0);

    REQUIRE(sc.events.size() == 1);
    const Event& event = sc.events[0];
    CHECK(event.trigger == Event::Trigger::Phase);
    CHECK(event.phase == sc.phaseIndex(PhaseKind::Randvoorwaarden));
    REQUIRE(event.effects.size() == 2);
    CHECK(event.effects[0].kind == EventEffect::Kind::SetResource);
    CHECK(event.effects[0].resource == 0);
    CHECK(event.effects[0].amount == 20000);
    CHECK(event.effects[1].kind == EventEffect::Kind::AddValueWeight);
    CHECK(event.effects[1].role == 2);
    CHECK(event.effects[1].value == sc.valueIndex("rust"));
    CHECK(event.effects[1].amount == 1);

    CHECK(sc.phases.size() == 7);
    CHECK(sc.rule == DecisionRule::CouncilMajority);
    CHECK(sc.minSupport == 0.0);
    CHECK(sc.publicValue == std::vector<int>{2, 1, 0, 1});
    CHECK(sc.contentHash == contentHashOf(readFile(kDataDir + "/valid/design_example.yaml")));
    CHECK(sc.sourcePath == kDataDir + "/valid/design_example.yaml");
}

TEST_CASE("a loaded precondition evaluates against a package's attribute totals") {
    const LoadResult result = loadScenarioFile(kDataDir + "/valid/design_example.yaml");
    REQUIRE(result.ok());
    const Expression& withinBudget = result.scenario->roles[1].preconditions[0].require;
    const std::vector<double> resources = {25000};
    const std::vector<double> cheap = {12000, 3};
    const std::vector<double> dear = {30000, 9};
    CHECK(withinBudget.holds({&cheap, &resources, nullptr}));
    CHECK_FALSE(withinBudget.holds({&dear, &resources, nullptr}));
}

TEST_CASE("defaults: phase plan, players, names and plain texts") {
    const LoadResult result = loadScenarioText(kMini, "mini.yaml");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    const Scenario& sc = *result.scenario;
    const std::vector<int> minutes = {5, 5, 10, 10, 15, 5, 10};
    REQUIRE(sc.phases.size() == 7);
    for (int i = 0; i < 7; ++i) {
        CHECK(sc.phases[i].kind == static_cast<PhaseKind>(i));
        CHECK(sc.phases[i].minutes == minutes[i]);
    }
    CHECK(std::string(phaseId(sc.phases[3].kind)) == "randvoorwaarden");
    CHECK(sc.roles[0].minPlayers == 1);
    CHECK(sc.roles[0].maxPlayers == 1);
    CHECK(sc.roles[1].votes == 1);
    CHECK(sc.roles[1].reservation == 0.0);
    // Without an icon, a role's token shows its kind.
    CHECK(sc.roles[0].icon.empty());
    CHECK(roleIcon(sc.roles[0]) == "home");
    CHECK(roleIcon(sc.roles[1]) == "gavel");
    CHECK(sc.roles[1].weights == std::vector<int>{0, 0});
    CHECK(sc.roles[0].preconditions[0].name.get("en") == "betaalbaar");
    CHECK(sc.title.byLang.count("") == 1); // a plain string is stored under ""
    CHECK(sc.title.get("nl") == "Mini");
    CHECK(sc.values[1].name.get("en") == "Meeting people");
    CHECK(sc.publicValue == std::vector<int>{0, 0});
    CHECK(sc.rule == DecisionRule::CouncilMajority);
}

TEST_CASE("phases may come in any order and with their own times") {
    const LoadResult result = loadWith(
        "roles:", "phases:\n  - {id: waarden, minutes: 20}\n  - {id: kennismaken}\nroles:");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    const Scenario& sc = *result.scenario;
    REQUIRE(sc.phases.size() == 2);
    CHECK(sc.phases[0].kind == PhaseKind::Waarden);
    CHECK(sc.phases[0].minutes == 20);
    CHECK(sc.phases[1].minutes == 5); // the default time of kennismaken
    CHECK(sc.phaseIndex(PhaseKind::Kennismaken) == 1);
    CHECK(sc.phaseIndex(PhaseKind::Besluit) == -1);
}

TEST_CASE("every event effect kind and trigger loads") {
    const std::string events = R"(events:
  - id: a
    when: {minute: 25}
    text: A
    effects:
      - add_resource: {budget: -20}
      - set_value_weight: {role: raad, value: ontmoeting, weight: 3}
      - disable_option: {issue: locatie, option: daar}
      - enable_option: {issue: locatie, option: daar}
  - id: b
    title: {nl: Geheim, en: Secret}
    when: {condition: "budget < 50 or locatie == daar"}
    text: B
    effects:
      - reveal_secret: {role: buren}
roles:)";
    const LoadResult result = loadWith("roles:", events);
    // reveal_secret needs a secret to reveal.
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message == "role 'buren' has no 'secret' for reveal_secret to reveal");
    std::string text = kMini;
    text.replace(text.find("roles:"), 6, events);
    text.replace(text.find("    kind: resident"), 18, "    kind: resident\n    secret: Sst");
    const LoadResult ok = loadScenarioText(text, "mini.yaml");
    REQUIRE_MESSAGE(ok.ok(), firstError(ok));
    const Scenario& sc = *ok.scenario;
    REQUIRE(sc.events.size() == 2);
    CHECK(sc.events[0].trigger == Event::Trigger::Minute);
    CHECK(sc.events[0].minute == 25);
    using Kind = EventEffect::Kind;
    REQUIRE(sc.events[0].effects.size() == 4);
    CHECK(sc.events[0].effects[0].kind == Kind::AddResource);
    CHECK(sc.events[0].effects[0].amount == -20);
    CHECK(sc.events[0].effects[1].kind == Kind::SetValueWeight);
    CHECK(sc.events[0].effects[1].value == 1);
    CHECK(sc.events[0].effects[1].amount == 3);
    CHECK(sc.events[0].effects[2].kind == Kind::DisableOption);
    CHECK(sc.events[0].effects[2].issue == 0);
    CHECK(sc.events[0].effects[2].option == 1);
    CHECK(sc.events[0].effects[3].kind == Kind::EnableOption);
    CHECK(sc.events[1].trigger == Event::Trigger::Condition);
    CHECK(sc.events[1].title.get("en") == "Secret");
    CHECK(sc.events[1].effects[0].kind == Kind::RevealSecret);
    CHECK(sc.events[1].effects[0].role == 0);
    const std::vector<double> resources = {40};
    CHECK(sc.events[1].condition.holds({nullptr, &resources, nullptr}));
    CHECK(sc.eventIndex("b") == 1);
}

TEST_CASE("duration_minutes must be what the phases add up to") {
    // No phases: the default plan, 5+5+10+10+15+5+10 = 60 minutes.
    CHECK(firstError(loadWith("title: Mini", "title: Mini\nduration_minutes: 75")) ==
          "mini.yaml:4:19: error: duration_minutes is 75, but the default phases (the file has no "
          "'phases') add up to 60 minutes; make them agree (at duration_minutes)");
    const std::string plan = "title: Mini\nduration_minutes: 30\nphases:\n"
                             "  - {id: kennismaken, minutes: 5}\n"
                             "  - {id: voorstel, minutes: 20}\n"
                             "  - {id: besluit, minutes: 10}";
    CHECK(firstError(loadWith("title: Mini", plan)) ==
          "mini.yaml:4:19: error: duration_minutes is 30, but the phases add up to 35 minutes; "
          "make them agree (at duration_minutes)");
    std::string agreeing = plan;
    agreeing.replace(agreeing.find("30"), 2, "35");
    const LoadResult ok = loadWith("title: Mini", agreeing);
    REQUIRE_MESSAGE(ok.ok(), firstError(ok));
    CHECK(ok.scenario->durationMinutes == 35);
    // Without duration_minutes the plan's sum is the length.
    std::string unnamed = plan;
    unnamed.replace(unnamed.find("duration_minutes: 30\n"), 21, "");
    const LoadResult summed = loadWith("title: Mini", unnamed);
    REQUIRE_MESSAGE(summed.ok(), firstError(summed));
    CHECK(summed.scenario->durationMinutes == 35);
}

TEST_CASE("a scenario names its edition with version") {
    const LoadResult plain = loadWith("title: Mini", "title: Mini");
    REQUIRE(plain.ok());
    CHECK(plain.scenario->version == 0);
    const LoadResult named = loadWith("samenspel: 1", "samenspel: 1\nversion: 4");
    REQUIRE_MESSAGE(named.ok(), firstError(named));
    CHECK(named.scenario->version == 4);
    CHECK(firstError(loadWith("samenspel: 1", "samenspel: 1\nversion: 2026-12-04")) ==
          "mini.yaml:2:10: error: expected a whole number for 'version', got '2026-12-04' (at "
          "version)");
    CHECK(firstError(loadWith("samenspel: 1", "samenspel: 1\nversion: 0")) ==
          "mini.yaml:2:10: error: 'version' must be between 1 and 1000000, got 0 (at version)");
}

TEST_CASE("an event at a minute or a phase start, and the warning for a minute alone") {
    const std::string event = "events:\n"
                              "  - id: lek\n"
                              "    when: {minute: 40}\n"
                              "    text: Lek\n"
                              "roles:";
    // The default plan: voorstel runs from minute 30 to 45, so minute 40 is meant for it.
    const LoadResult alone = loadWith("roles:", event);
    REQUIRE_MESSAGE(alone.ok(), firstError(alone));
    REQUIRE(alone.warnings.size() == 1);
    CHECK(alone.warnings[0].format() ==
          "mini.yaml:18:20: warning: event 'lek' comes only at minute 40, but phases end early "
          "when everyone is done, so a session can be past that point or over by then; to have "
          "it come in phase 'voorstel' in any case, write {minute: 40, phase: voorstel} (at "
          "events[0].when.minute)");
    CHECK(alone.scenario->events[0].phase == -1);

    std::string both = event;
    both.replace(both.find("{minute: 40}"), 12, "{minute: 40, phase: voorstel}");
    const LoadResult either = loadWith("roles:", both);
    REQUIRE_MESSAGE(either.ok(), firstError(either));
    CHECK(either.warnings.empty());
    const Event& e = either.scenario->events[0];
    CHECK(e.trigger == Event::Trigger::Minute);
    CHECK(e.minute == 40);
    CHECK(e.phase == either.scenario->phaseIndex(PhaseKind::Voorstel));

    // At minute 0 nothing can come before it: no warning.
    std::string atStart = event;
    atStart.replace(atStart.find("{minute: 40}"), 12, "{minute: 0}");
    CHECK(loadWith("roles:", atStart).warnings.empty());
}

TEST_CASE("an option may start unavailable when another one is available") {
    const LoadResult result =
        loadWith("{id: daar, name: Daar,", "{id: daar, name: Daar, available: false,");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    CHECK(result.scenario->issues[0].options[0].available);
    CHECK_FALSE(result.scenario->issues[0].options[1].available);
}

TEST_CASE("errors point inside quoted and escaped expressions") {
    // The mark of a quoted scalar is its quote; the column must still be
    // that of the name inside the text.
    auto result = loadWith("require: \"cost <= budget\"", "require: 'cost <= budgit'");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].pos.line == 22);
    CHECK(result.errors[0].pos.column == 27);
    CHECK(result.errors[0].message == "unknown name 'budgit'; did you mean 'budget'?");
    CHECK(result.errors[0].keyPath == "roles[0].preconditions[0].require");

    result = loadWith("require: \"cost <= budget\"", "require: \"\\tcost <= budgit\"");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].pos.column == 29);

    result = loadWith("require: \"cost <= budget\"", "require: cost <= budgit");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].pos.column == 26);
}

TEST_CASE("one run reports every error of a file, in file order") {
    const LoadResult result = loadScenarioFile(kDataDir + "/invalid/multiple_errors.yaml");
    REQUIRE(result.errors.size() == 4);
    for (std::size_t i = 1; i < result.errors.size(); ++i)
        CHECK(result.errors[i - 1].pos.line <= result.errors[i].pos.line);
}

TEST_CASE("wrong types and ranges are named the way an author wrote them") {
    CHECK(firstError(
              loadWith("{id: hier, name: Hier,", "{id: hier, name: Hier, available: maybe,")) ==
          "mini.yaml:14:43: error: expected true or false for 'available', got 'maybe' (at "
          "issues[0].options[0].available)");
    CHECK(
        firstError(loadWith("resources: {budget: 100}", "resources: {budget: [100]}")) ==
        "mini.yaml:6:21: error: expected a number for 'budget', got a list (at resources.budget)");
    CHECK(firstError(loadWith("    kind: council", "    kind: council\n    reservation: 150")) ==
          "mini.yaml:25:18: error: 'reservation' must be between -100 and 100, got 150 (at "
          "roles[1].reservation)");
    CHECK(
        firstError(loadWith("    kind: council", "    kind: council\n    votes: 1.5")) ==
        "mini.yaml:25:12: error: expected a whole number for 'votes', got 1.5 (at roles[1].votes)");
    CHECK(firstError(loadWith("title: Mini", "title:")) ==
          "mini.yaml:3:1: error: expected text for 'title' (a string, or a map like {nl: ..., en: "
          "...}), got nothing (at title)");
    CHECK(firstError(loadWith("title: Mini", "title: Mini\nduration_minutes: 0")) ==
          "mini.yaml:4:19: error: 'duration_minutes' must be between 1 and 600, got 0 (at "
          "duration_minutes)");
    CHECK(firstError(loadWith("title: Mini", "title: Mini\ndecision: {rule: majority}")) ==
          "mini.yaml:4:18: error: unknown decision rule 'majority'; expected consensus, "
          "council_majority or unanimous_council (at decision.rule)");
    CHECK(firstError(loadWith("title: Mini",
                              "title: Mini\ndecision: {rule: consensus, min_support: 101}")) ==
          "mini.yaml:4:42: error: 'min_support' must be between -100 and 100, got 101 (at "
          "decision.min_support)");
    // A bound beyond an int's range is written as it is (it used to be cast
    // to int, undefined behaviour that fuzz_scenario found).
    CHECK(firstError(loadWith("resources: {budget: 100}", "resources: {budget: 2e13}")) ==
          "mini.yaml:6:21: error: 'budget' must be between -1000000000000 and 1000000000000, "
          "got 2e13 (at resources.budget)");
    CHECK(firstError(loadWith("title: Mini", "title: Mini\npublic_value: {rust: 7}")) ==
          "mini.yaml:4:22: error: weight 7 of value 'rust' is out of range 0..3 (at "
          "public_value.rust)");
}

TEST_CASE("a consensus scenario needs no council role") {
    std::string text = kMini;
    text.replace(text.find("    kind: council"), 17, "    kind: official");
    CHECK_FALSE(loadScenarioText(text, "x.yaml").ok());
    text += "decision: {rule: consensus}\n";
    const LoadResult result = loadScenarioText(text, "x.yaml");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    CHECK(result.scenario->rule == DecisionRule::Consensus);
}

TEST_CASE("a file over the size limit (256 KB) is refused before it is parsed") {
    const std::string text = "samenspel: 1\n# " + std::string(5 * 1024 * 1024, 'x') + "\n";
    const LoadResult inMemory = loadScenarioText(text, "big.yaml");
    REQUIRE(inMemory.errors.size() == 1);
    CHECK(inMemory.errors[0].format() == "big.yaml: error: scenario file is too large (5.0 MB); "
                                         "the limit is 256 KB (real scenarios are 15-40 KB)");

    const auto path = std::filesystem::temp_directory_path() / "samenspel_test_50mb.yaml";
    {
        std::ofstream out(path, std::ios::binary);
        const std::string chunk(1024 * 1024, '#');
        for (int i = 0; i < 50; ++i)
            out << chunk;
    }
    const LoadResult onDisk = loadScenarioFile(path.string());
    std::filesystem::remove(path);
    REQUIRE(onDisk.errors.size() == 1);
    CHECK(
        onDisk.errors[0].message ==
        "scenario file is too large (50.0 MB); the limit is 256 KB (real scenarios are 15-40 KB)");
    CHECK(onDisk.errors[0].pos.line == 0);
}

TEST_CASE("absurd nesting is refused without overflowing the stack") {
    const std::string message =
        "the file nests deeper than 64 levels; a scenario never needs that much";
    const std::vector<std::string> deep = {
        "samenspel: 1\nid: " + std::string(10000, '['),
        "samenspel: 1\nid: " +
            [] {
                std::string s;
                for (int i = 0; i < 10000; ++i)
                    s += "{a: ";
                return s;
            }(),
        "samenspel: 1\nid:\n  " +
            [] {
                std::string s;
                for (int i = 0; i < 10000; ++i)
                    s += "- ";
                return s + "x\n";
            }(),
        [] {
            std::string s = "samenspel: 1\n";
            for (int i = 0; i < 100; ++i)
                s += std::string(i, ' ') + "k" + std::to_string(i) + ":\n";
            return s;
        }(),
    };
    for (const std::string& text : deep) {
        const LoadResult result = loadScenarioText(text, "deep.yaml");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message == message);
    }
    // Long but shallow content is fine, also brackets inside quotes and text.
    const LoadResult shallow =
        loadWith("title: Mini",
                 "title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n"
                 "summary: a [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    CHECK_MESSAGE(shallow.ok(), firstError(shallow));
}

TEST_CASE("a missing file or a directory is an error without a position") {
    LoadResult result = loadScenarioFile(kDataDir + "/no_such_file.yaml");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].format() == kDataDir + "/no_such_file.yaml: error: file not found");
    result = loadScenarioFile(kDataDir);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message == "this is a directory, not a scenario file");
}

TEST_CASE("mangled scenarios never crash or hang the loader") {
    // Cut the example at many points and flip bytes with a fixed seed: each
    // result is either a scenario or errors that name the file.
    const std::string original = readFile(kDataDir + "/valid/design_example.yaml");
    REQUIRE(!original.empty());
    std::mt19937 random(20240601);
    int rejected = 0;
    for (int round = 0; round < 600; ++round) {
        std::string text = original;
        if (round % 2 == 0) {
            text.resize(random() % text.size());
        } else {
            const char junk[] = {'[', ']', '{', '}', ':', '-', ' ', '\n', '"',  '\'', '#', '&',
                                 '*', '!', '|', '>', ',', '?', '%', '@',  '\t', 'x',  '0'};
            for (int flips = 1 + random() % 4; flips > 0; --flips)
                text[random() % text.size()] = junk[random() % sizeof junk];
        }
        const LoadResult result = loadScenarioText(text, "mangled.yaml");
        CHECK(result.ok() == result.errors.empty());
        for (const Diagnostic& d : result.errors) {
            CHECK(d.file == "mangled.yaml");
            CHECK(!d.message.empty());
        }
        rejected += result.ok() ? 0 : 1;
    }
    CHECK(rejected > 300);
}

TEST_CASE("content hash is FNV-1a 64 of the raw bytes as 16 hex digits") {
    CHECK(contentHashOf("") == "cbf29ce484222325");
    CHECK(contentHashOf("a") == "af63dc4c8601ec8c");
    CHECK(contentHashOf("foobar") == "85944171f73967e8");
    const LoadResult a = loadScenarioText(kMini, "a.yaml");
    const LoadResult b = loadScenarioText(kMini + "# comment\n", "b.yaml");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.scenario->contentHash != b.scenario->contentHash);
}

TEST_CASE("diagnostics format as FILE:LINE:COL: error: MESSAGE (at KEYPATH)") {
    CHECK(Diagnostic{"a.yaml", {3, 7}, "bad", "roles[2].kind"}.format() ==
          "a.yaml:3:7: error: bad (at roles[2].kind)");
    CHECK(Diagnostic{"a.yaml", {3, 7}, "bad", ""}.format() == "a.yaml:3:7: error: bad");
    CHECK(Diagnostic{"a.yaml", {0, 0}, "gone", ""}.format() == "a.yaml: error: gone");
}

TEST_CASE("did-you-mean suggests typos, not different words") {
    const std::vector<std::string> keys = {"name", "kind", "players", "preconditions", "votes"};
    CHECK(closestMatch("kidn", keys) == "kind");
    CHECK(closestMatch("nmae", keys) == "name");
    CHECK(closestMatch("precondition", keys) == "preconditions");
    CHECK(closestMatch("Players", keys) == "players");
    CHECK(closestMatch("colour", keys) == "");
    CHECK(closestMatch("xy", {"xz"}) == ""); // two letters: too short to guess
    CHECK(closestMatch("anything", {}) == "");
}

TEST_CASE("lookups by id answer -1 for what the scenario does not have") {
    const LoadResult result = loadScenarioText(kMini, "mini.yaml");
    REQUIRE(result.ok());
    const Scenario& sc = *result.scenario;
    CHECK(sc.roleIndex("raad") == 1);
    CHECK(sc.roleIndex("wethouder") == -1);
    CHECK(sc.issueIndex("locatie") == 0);
    CHECK(sc.optionIndex(0, "daar") == 1);
    CHECK(sc.optionIndex(0, "nergens") == -1);
    CHECK(sc.optionIndex(5, "daar") == -1);
    CHECK(sc.resourceIndex("budget") == 0);
    CHECK(sc.eventIndex("none") == -1);
    CHECK(phaseFromId("besluit") == PhaseKind::Besluit);
    CHECK_FALSE(phaseFromId("stemmen").has_value());
    CHECK(std::string(decisionRuleId(DecisionRule::UnanimousCouncil)) == "unanimous_council");
}

TEST_CASE("the all-features example keeps every detail") {
    const LoadResult result = loadScenarioFile(kDataDir + "/valid/all_features.yaml");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    const Scenario& sc = *result.scenario;
    CHECK(sc.caseText.get("nl") == "Een lange tekst die over meerdere regels loopt.");
    CHECK(sc.version == 3);
    CHECK(sc.durationMinutes == 60);
    CHECK(sc.learningGoals[0].get("en") == "Plain goal");
    CHECK(sc.learningGoals[1].get("en") == "Bilingual goal");
    CHECK(sc.resourceValues == std::vector<double>{40000, 120.5});
    CHECK(sc.issues[0].options[0].attributes == std::vector<double>{20000, 4, 30});
    CHECK(sc.issues[0].options[1].attributes == std::vector<double>{35000, 8, 0});
    CHECK_FALSE(sc.issues[0].options[2].available);
    const Role& residents = sc.roles[0];
    CHECK(residents.minPlayers == 2);
    CHECK(residents.maxPlayers == 5);
    CHECK(residents.reservation == -20);
    CHECK(roleIcon(residents) == "users");
    CHECK(residents.briefing.get("nl") ==
          "Jullie wonen er al dertig jaar.\nHet is er altijd rustig geweest.\n");
    CHECK(sc.roles[1].maxPlayers == 1);
    CHECK(sc.roles[2].votes == 3);
    CHECK(sc.roles[3].reservation == 12.5);
    CHECK(sc.rule == DecisionRule::UnanimousCouncil);
    CHECK(sc.minSupport == -10);
    REQUIRE(sc.phases.size() == 5);
    CHECK(sc.phases[1].kind == PhaseKind::Waarden);
    CHECK(sc.events[1].phase == 3); // voorstel is the fourth phase of this plan

    // The two-line require: months <= 6 and cost <= budget.
    const Expression& quick = residents.preconditions[1].require;
    const std::vector<double> resources = {40000, 120.5};
    const std::vector<double> parkWithCouncil = {25000, 4, 30};
    const std::vector<double> square = {35000, 8, 0};
    CHECK(quick.holds({&parkWithCouncil, &resources, nullptr}));
    CHECK_FALSE(quick.holds({&square, &resources, nullptr}));

    // not binds looser than ==: "not beheer == buurt" is "not (beheer == buurt)".
    const Expression& reveal = sc.events[2].condition;
    const Package squareByCouncil = {1, 0};
    const Package squareByNeighbours = {1, 1};
    const std::vector<double> affordable = {5000, 8, 0};
    CHECK(reveal.holds({&affordable, &resources, &squareByCouncil}));
    CHECK_FALSE(reveal.holds({&affordable, &resources, &squareByNeighbours}));
}

TEST_CASE("a document with absurdly many entries is refused") {
    // Ids must be unique, so aliases cannot multiply issues or roles; a flat
    // list of a quarter million aliases is the worst left. It is far over the
    // size limit now, which refuses it before anything is parsed; the count
    // of entries (200000) stays as the reader's own guard.
    std::string text = "samenspel: 1\nid: many\ntitle: &t Many\nlearning_goals: [*t";
    for (int i = 0; i < 250000; ++i)
        text += ", *t";
    text += "]\n";
    const LoadResult result = loadScenarioText(text, "many.yaml");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].format() == "many.yaml: error: scenario file is too large (977 KB); "
                                       "the limit is 256 KB (real scenarios are 15-40 KB)");
}

TEST_CASE("a precondition may say its rule in the author's words") {
    const LoadResult plain = loadScenarioText(kMini, "mini.yaml");
    REQUIRE(plain.ok());
    CHECK(plain.scenario->roles[0].preconditions[0].inWords.empty());

    const LoadResult own =
        loadWith(R"(require: "cost <= budget")",
                 "require: \"cost <= budget\"\n"
                 "        in_words: {nl: Het past in het budget, en: It fits the budget}");
    REQUIRE(own.ok());
    CHECK(own.scenario->roles[0].preconditions[0].inWords.get("nl") == "Het past in het budget");
    CHECK(own.scenario->roles[0].preconditions[0].inWords.get("en") == "It fits the budget");
}

TEST_CASE("a precondition's in_words that is a rule again, or empty, is an error at its place") {
    const LoadResult rule =
        loadWith(R"(require: "cost <= budget")",
                 "require: \"cost <= budget\"\n"
                 "        in_words: {nl: \"kosten <= budget\", en: Within budget}");
    CHECK(firstError(rule) ==
          "mini.yaml:23:19: error: 'in_words' is the rule in a sentence for the players; write "
          "'<=' in words, like 'ten hoogste' or 'at most' (at roles[0].preconditions[0].in_words)");
    const LoadResult empty = loadWith(R"(require: "cost <= budget")",
                                      "require: \"cost <= budget\"\n        in_words: \"\"");
    CHECK(firstError(empty) == "mini.yaml:23:19: error: 'in_words' is empty "
                               "(at roles[0].preconditions[0].in_words)");
}
