// The table screens' rules that need no window: what is public at a shared
// screen, how conditions read for people, and that every text the table,
// facilitator panel and debrief show is translated in both languages.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "core/game.hpp"
#include "core/scenario.hpp"
#include "report.hpp"
#include "screens/table_view.hpp"

using namespace samenspel;

namespace {

const char* kScenario = R"YAML(
samenspel: 1
id: bankje
title: {nl: Het bankje, en: The bench}
summary: {nl: Een bankje., en: A bench.}
case: {nl: "Waar komt het bankje?", en: "Where does the bench go?"}
stage: ontwerpen
duration_minutes: 6
attributes:
  cost: {name: {nl: Kosten, en: Cost}, unit: "€"}
values:
  - {id: rust, name: {nl: Rust, en: Quiet}}
  - {id: zitten, name: {nl: Zitten, en: Sitting}}
issues:
  - id: plek
    name: {nl: Plek, en: Place}
    options:
      - {id: plein, name: {nl: Op het plein, en: On the square}, attributes: {cost: 500}, effects: {zitten: 2, rust: -1}}
      - {id: park, name: {nl: In het park, en: In the park}, attributes: {cost: 900}, effects: {zitten: 1, rust: 1}}
resources: {budget: 800}
roles:
  - id: ouderen
    kind: resident
    name: {nl: Ouderen, en: Elderly}
    secret: {nl: Geheim, en: Secret}
    values: {zitten: 3}
  - id: buren
    kind: resident
    name: {nl: Buren, en: Neighbours}
    values: {rust: 3}
  - id: raad
    kind: council
    name: {nl: Raad, en: Council}
    values: {zitten: 1, rust: 1}
    preconditions:
      - {id: budget, name: {nl: Binnen budget, en: Within budget}, require: "cost <= budget"}
phases:
  - {id: voorstel, minutes: 2}
  - {id: besluit, minutes: 2}
  - {id: reflectie, minutes: 2}
decision: {rule: council_majority, min_support: 0}
public_value: {zitten: 1, rust: 1}
)YAML";

Game makeGame() {
    LoadResult loaded = loadScenarioText(kScenario, "bankje.yaml");
    for (const Diagnostic& d : loaded.errors)
        MESSAGE(d.format());
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(*loaded.scenario);
    return Game(sc, SessionSetup::defaultFor(*sc, false));
}

Action act(ActionType type, int seat) {
    Action a;
    a.type = type;
    a.seat = seat;
    return a;
}

std::map<std::string, std::string> readCatalog(const std::string& lang) {
    std::map<std::string, std::string> texts;
    const std::string path =
        std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n/" + lang + "/table.yaml";
    for (const auto& kv : YAML::LoadFile(path))
        texts[kv.first.as<std::string>()] = kv.second.as<std::string>();
    return texts;
}

} // namespace

TEST_CASE("table: a role's support shows once it reacted, everyone's after the session") {
    Game game = makeGame();
    Action propose = act(ActionType::Propose, 0);
    propose.package = {0};
    REQUIRE(game.apply(propose).accepted);
    const int id = game.proposalOnTable();
    REQUIRE(id >= 0);
    // Nobody reacted: at a shared screen nobody's support is shown.
    for (int role = 0; role < 3; ++role)
        CHECK_FALSE(table::supportIsPublic(game, game.state().proposals[id], role, false));
    // The facilitator who chose to see everything sees it all.
    CHECK(table::supportIsPublic(game, game.state().proposals[id], 1, true));

    Action react = act(ActionType::React, 1);
    react.proposal = id;
    react.reaction = ReactionKind::Object;
    react.reason = {Reason::Kind::Value, 0};
    const ApplyResult reacted = game.apply(react);
    INFO(reacted.refusal.english);
    REQUIRE(reacted.accepted);
    CHECK(table::supportIsPublic(game, game.state().proposals[id], 1, false)); // the neighbours
    CHECK_FALSE(table::supportIsPublic(game, game.state().proposals[id], 0, false));
    CHECK_FALSE(table::secretIsPublic(game, 0, false));

    while (!game.state().finished)
        REQUIRE(game.apply(act(ActionType::Advance, kFacilitator)).accepted);
    CHECK(table::supportIsPublic(game, game.state().proposals[id], 0, false));
    CHECK(table::secretIsPublic(game, 0, false));
}

TEST_CASE("table: a time button never ends a phase, it stops at a minute left") {
    // Four minutes left: "-5 min" takes three, "-1 min" one; more time is always given.
    CHECK(table::timeStepSeconds(240000, -300) == -180);
    CHECK(table::timeStepSeconds(240000, -60) == -60);
    CHECK(table::timeStepSeconds(240000, 300) == 300);
    // Ten minutes left: the whole five.
    CHECK(table::timeStepSeconds(600000, -300) == -300);
    // At (or under) the minute nothing is taken: the buttons are greyed out.
    CHECK(table::timeStepSeconds(table::kShortestRemainingMs, -60) == 0);
    CHECK(table::timeStepSeconds(30000, -300) == 0);

    // Applied to a game: the phase is still running, with a minute left.
    Game game = makeGame();
    const GameState& st = game.state();
    const std::int64_t remaining = st.phaseStartMs + st.phaseDurationMs - st.nowMs;
    REQUIRE(remaining < 5 * 60000);
    Action shorten = act(ActionType::Extend, kFacilitator);
    shorten.seconds = table::timeStepSeconds(remaining, -300);
    REQUIRE(game.apply(shorten).accepted);
    CHECK(game.state().phase == 0);
    CHECK(st.phaseStartMs + st.phaseDurationMs - st.nowMs == table::kShortestRemainingMs);
}

TEST_CASE("table: the banner offers the debrief only once the session is over") {
    Game game = makeGame();
    while (!game.state().finished) {
        CHECK_FALSE(table::debriefInBanner(game)); // reflectie included: predictions come first
        REQUIRE(game.apply(act(ActionType::Advance, kFacilitator)).accepted);
    }
    CHECK(table::debriefInBanner(game));
}

TEST_CASE("table: conditions read as sentences with names, not ids or rules") {
    const Game game = makeGame();
    Catalog en;
    std::vector<std::string> problems;
    REQUIRE(en.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", "en", problems));
    const WordLookup words = [&en](const std::string& key) { return en.word(key); };
    CHECK(conditionSentence(game.scenario(), "plek == park", "en", words) == "Place: In the park");
    CHECK(conditionSentence(game.scenario(), "plek != plein", "en", words) ==
          "Place: not “On the square”");
    CHECK(table::clockText(61000) == "1:01");
    CHECK(table::clockText(-5) == "0:00");
}

TEST_CASE("table: every text of the table, facilitator panel and debrief is in both catalogs") {
    const auto en = readCatalog("en");
    const auto nl = readCatalog("nl");
    std::set<std::string> used;
    const std::regex key(R"re("((table|facilitator|debrief|report)\.[a-z0-9_.]*[a-z0-9])")re");
    const std::filesystem::path root = SAMENSPEL_SOURCE_DIR;
    std::vector<std::filesystem::path> sources;
    for (const auto& entry : std::filesystem::directory_iterator(root / "game"))
        if (entry.path().filename().string().rfind("report", 0) == 0) // report*.cpp, *.hpp
            sources.push_back(entry.path());
    for (const auto& entry : std::filesystem::directory_iterator(root / "game/screens"))
        if (entry.path().filename().string().rfind("table", 0) == 0 ||
            entry.path().filename() == "facilitator.cpp" ||
            entry.path().filename() == "debrief.cpp")
            sources.push_back(entry.path());
    for (const auto& file : sources) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), key), end; it != end; ++it)
            used.insert((*it)[1].str());
    }
    // Keys built at run time: every phase's name and what to do in it.
    for (int k = 0; k < kPhaseKindCount; ++k) {
        used.insert(std::string("table.phase.") + phaseId(static_cast<PhaseKind>(k)));
        used.insert(std::string("table.phase.") + phaseId(static_cast<PhaseKind>(k)) + ".what");
    }
    CHECK(used.size() > 200);
    for (const std::string& k : used) {
        if (k.rfind("report.hpp", 0) == 0)
            continue;
        // A text about a number has its plural forms as keys of their own.
        const auto has = [&k](const std::map<std::string, std::string>& texts) {
            return texts.count(k) == 1 || (texts.count(k + ".one") && texts.count(k + ".other"));
        };
        CHECK_MESSAGE(has(en), "en misses " << k);
        CHECK_MESSAGE(has(nl), "nl misses " << k);
    }
    // Both languages fill the same placeholders.
    const std::regex placeholder(R"(\{\d\})");
    for (const auto& entry : en) { // CHECK_MESSAGE cannot name a structured binding in clang++ 14
        const std::string& k = entry.first;
        const std::string& text = entry.second;
        REQUIRE_MESSAGE(nl.count(k) == 1, "nl misses " << k);
        std::set<std::string> a, b;
        for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it)
            a.insert(it->str());
        const std::string& other = nl.at(k);
        for (std::sregex_iterator it(other.begin(), other.end(), placeholder), end; it != end; ++it)
            b.insert(it->str());
        CHECK_MESSAGE(a == b, k << " has other placeholders in nl");
    }
}
