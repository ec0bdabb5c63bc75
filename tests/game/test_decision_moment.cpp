// The decision moment (game/screens/decision_moment.cpp): what it tells the
// room when besluit ends, and that the table holds while it shows and goes
// on when the facilitator moves on.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "core/log.hpp"
#include "screens/decision_moment.hpp"
#include "session.hpp"
#include "table_link.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

// A bench: the elderly want to sit, the neighbours want quiet, the council
// weighs both and keeps to the budget (the park breaks it).
std::string benchScenario(int minSupport) {
    return R"YAML(
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
decision: {rule: council_majority, min_support: )YAML" +
           std::to_string(minSupport) + R"YAML(}
public_value: {zitten: 1, rust: 1}
)YAML";
}

constexpr int kOuderen = 0, kBuren = 1, kRaad = 2; // seats and roles alike
constexpr int kPlein = 0, kPark = 1;
constexpr int kBesluit = 1;

std::shared_ptr<const Scenario> bench(int minSupport) {
    LoadResult loaded = loadScenarioText(benchScenario(minSupport), "bankje.yaml");
    for (const Diagnostic& d : loaded.errors)
        MESSAGE(d.format());
    REQUIRE(loaded.ok());
    return std::make_shared<const Scenario>(*loaded.scenario);
}

Action act(ActionType type, int seat) {
    Action a;
    a.type = type;
    a.seat = seat;
    return a;
}

Action propose(int seat, int option) {
    Action a = act(ActionType::Propose, seat);
    a.package = {option};
    return a;
}

Action vote(int proposal, VoteKind kind) {
    Action a = act(ActionType::Vote, kRaad);
    a.proposal = proposal;
    a.vote = kind;
    return a;
}

// Plays voorstel (one proposal) and a council vote in besluit on a Game.
Game decided(int minSupport, int option, VoteKind kind = VoteKind::Yes) {
    auto sc = bench(minSupport);
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    REQUIRE(g.apply(propose(kOuderen, option)).accepted);
    REQUIRE(g.apply(act(ActionType::Advance, kFacilitator)).accepted);
    REQUIRE(g.apply(vote(0, kind)).accepted);
    return g;
}

} // namespace

TEST_CASE("decision moment: a gedragen decision says every role carries it, with the lowest "
          "support") {
    const Game g = decided(-50, kPlein);
    REQUIRE(g.state().decision.taken);
    const DecisionFacts f = decisionFacts(g, kBesluit);
    CHECK(f.outcome == DecisionFacts::Outcome::Gedragen);
    CHECK(f.proposal == 0);
    CHECK(f.broken.empty());
    CHECK(f.belowMinimum.empty());
    CHECK(f.lowestRole == kBuren); // rust -1: the neighbours like it least
    CHECK(f.lowestSupport == doctest::Approx(-33.33).epsilon(0.01));
}

TEST_CASE("decision moment: a decision that is not gedragen says whose support or red line is "
          "missing") {
    SUBCASE("support under the minimum") {
        const DecisionFacts f = decisionFacts(decided(0, kPlein), kBesluit);
        CHECK(f.outcome == DecisionFacts::Outcome::NotGedragen);
        REQUIRE(f.belowMinimum.size() == 1);
        CHECK(f.belowMinimum[0] == kBuren);
        CHECK(f.broken.empty());
    }
    SUBCASE("a red line crossed") {
        const DecisionFacts f = decisionFacts(decided(-50, kPark), kBesluit);
        CHECK(f.outcome == DecisionFacts::Outcome::NotGedragen);
        REQUIRE(f.broken.size() == 1);
        CHECK(f.broken[0].role == kRaad);
        CHECK(f.broken[0].precondition == 0);
        CHECK(f.belowMinimum.empty());
    }
}

TEST_CASE("decision moment: without a decision it says why: rejected, time, or no proposal") {
    SUBCASE("rejected") {
        const Game g = decided(0, kPlein, VoteKind::No);
        CHECK(g.currentPhase() == PhaseKind::Besluit); // a rejection leaves besluit open
        Game ended = g;
        REQUIRE(ended.apply(act(ActionType::Advance, kFacilitator)).accepted);
        const DecisionFacts f = decisionFacts(ended, kBesluit);
        CHECK(f.outcome == DecisionFacts::Outcome::None);
        CHECK(f.noneReason == DecisionFacts::NoneReason::Rejected);
        CHECK(f.proposal == 0);
    }
    SUBCASE("time ran out with a proposal on the table") {
        auto sc = bench(0);
        Game g(sc, SessionSetup::defaultFor(*sc, false));
        REQUIRE(g.apply(propose(kOuderen, kPlein)).accepted);
        REQUIRE(g.apply(act(ActionType::Advance, kFacilitator)).accepted);
        REQUIRE(g.apply(act(ActionType::Advance, kFacilitator)).accepted);
        const DecisionFacts f = decisionFacts(g, kBesluit);
        CHECK(f.noneReason == DecisionFacts::NoneReason::TimeRanOut);
        CHECK(f.proposal == 0);
    }
    SUBCASE("nothing was proposed") {
        auto sc = bench(0);
        Game g(sc, SessionSetup::defaultFor(*sc, false));
        REQUIRE(g.apply(act(ActionType::Advance, kFacilitator)).accepted);
        REQUIRE(g.apply(act(ActionType::Advance, kFacilitator)).accepted);
        const DecisionFacts f = decisionFacts(g, kBesluit);
        CHECK(f.noneReason == DecisionFacts::NoneReason::NoProposal);
        CHECK(f.proposal == -1);
    }
}

TEST_CASE("decision moment: the table holds while it shows, and goes on when the facilitator "
          "moves on") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_test_decision_moment";
    fs::remove_all(dir);
    fs::create_directories(dir);
    // A scenario file, so the log's replay finds it.
    std::ofstream(dir / "bankje.yaml") << benchScenario(0);
    LoadResult loaded = loadScenarioFile((dir / "bankje.yaml").string());
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(*loaded.scenario);
    SessionSetup setup = SessionSetup::defaultFor(*sc, true, 4);
    setup.seats[kRaad].bot = false; // a person on the council
    std::string error;
    auto session = Session::start(sc, setup, (dir / "s.log").string(), error);
    REQUIRE_MESSAGE(session, error);
    Session* local = session.get();
    std::shared_ptr<TableLink> link = makeLocalLink(std::move(session));
    REQUIRE(link->submit(propose(kOuderen, kPlein)).kind == SubmitOutcome::Kind::Applied);
    REQUIRE(link->submit(act(ActionType::Advance, kFacilitator)).kind ==
            SubmitOutcome::Kind::Applied);
    REQUIRE(link->submit(vote(link->game().proposalOnTable(), VoteKind::Yes)).kind ==
            SubmitOutcome::Kind::Applied);
    REQUIRE(link->game().currentPhase() == PhaseKind::Reflectie); // the decision ended besluit

    MomentHold hold;
    REQUIRE(hold.begin(*link, false));
    CHECK(link->game().state().paused);
    const std::uint64_t actions = link->game().state().actionCount;
    const std::int64_t clock = link->clockMs();
    // Ten minutes with the moment on screen: no clock, no bot, no phase end.
    for (int i = 0; i < 600; ++i)
        link->poll(1.0);
    CHECK(link->clockMs() == clock);
    CHECK(link->game().state().actionCount == actions);
    CHECK(link->game().currentPhase() == PhaseKind::Reflectie);
    CHECK_FALSE(link->game().state().finished);

    REQUIRE(hold.end(*link));
    CHECK_FALSE(link->game().state().paused);
    for (int i = 0; i < 10; ++i)
        link->poll(1.0);
    CHECK(link->clockMs() > clock);
    // The pause and the resume are the facilitator's, in the log: a replay
    // holds at the same place.
    Replay replay = replaySessionLog(local->logPath());
    for (const Diagnostic& d : replay.errors)
        MESSAGE(d.format());
    REQUIRE(replay.game);
    CHECK(replay.errors.empty());
    CHECK(replay.game->state().actionCount == link->game().state().actionCount);
}

TEST_CASE("decision moment: autoplay and a player's laptop do not pause the session") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_test_decision_moment_auto";
    fs::remove_all(dir);
    auto sc = bench(0);
    std::string error;
    auto session =
        Session::start(sc, SessionSetup::defaultFor(*sc, true, 4), (dir / "s.log").string(), error);
    REQUIRE_MESSAGE(session, error);
    std::shared_ptr<TableLink> link = makeLocalLink(std::move(session));
    MomentHold hold;
    CHECK_FALSE(hold.begin(*link, true)); // autoplay: the director holds its frames instead
    CHECK_FALSE(link->game().state().paused);
    CHECK_FALSE(hold.end(*link));
}

TEST_CASE("decision moment: every text it shows is in both catalogs, with the same placeholders") {
    const std::string root = SAMENSPEL_SOURCE_DIR;
    std::ifstream source(root + "/game/screens/decision_moment.cpp");
    std::stringstream text;
    text << source.rdbuf();
    const std::string code = text.str();
    std::map<std::string, std::map<std::string, std::string>> catalogs;
    for (const char* lang : {"nl", "en"})
        for (const auto& kv : YAML::LoadFile(root + "/assets/i18n/" + lang + "/moment.yaml"))
            catalogs[lang][kv.first.as<std::string>()] = kv.second.as<std::string>();
    const std::regex key(R"re("(moment\.[a-z0-9_.]*[a-z0-9])")re");
    const std::regex placeholder(R"(\{\d\})");
    const auto placeholders = [&](const std::string& s) {
        std::set<std::string> found;
        for (std::sregex_iterator it(s.begin(), s.end(), placeholder), end; it != end; ++it)
            found.insert(it->str());
        return found;
    };
    int used = 0;
    for (std::sregex_iterator it(code.begin(), code.end(), key), end; it != end; ++it) {
        const std::string k = (*it)[1];
        ++used;
        REQUIRE_MESSAGE(catalogs["nl"].count(k) == 1, "nl misses " << k);
        REQUIRE_MESSAGE(catalogs["en"].count(k) == 1, "en misses " << k);
        CHECK_MESSAGE(placeholders(catalogs["nl"][k]) == placeholders(catalogs["en"][k]),
                      k << " has other placeholders in nl and en");
    }
    CHECK(used > 30);
    CHECK(catalogs["nl"].size() == catalogs["en"].size());
}
