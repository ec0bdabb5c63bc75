// The facilitator's alerts over a room of tables (core/room_alerts.hpp), on
// tables brought where they are by applying actions. The tiny scenario seats
// one player per role: seat 0 skaters, 1 buren, 2 ambtenaar, 3 raad_a,
// 4 raad_b (see test_helpers.hpp).
#include <doctest/doctest.h>

#include "core/room_alerts.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum SeatIndex { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };
constexpr std::int64_t kMinute = 60'000;

Game peopleGame(bool burenIsBot = false) {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[kBuren].bot = burenIsBot;
    return Game(sc, setup);
}

void play(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    REQUIRE_MESSAGE(r.accepted, r.refusal.key);
}

std::vector<std::string> keysOf(const std::vector<RoomAlert>& alerts) {
    std::vector<std::string> keys;
    for (const RoomAlert& a : alerts)
        keys.push_back(a.key);
    return keys;
}

} // namespace

TEST_CASE("a table five minutes into the proposal phase without a proposal is named") {
    Game g = peopleGame();
    advanceTo(g, PhaseKind::Voorstel);
    const std::int64_t start = g.state().phaseStartMs;
    CHECK(roomAlerts({{&g, start + 3 * kMinute}}, "nl").empty());
    const std::vector<RoomAlert> late = roomAlerts({{&g, start + 6 * kMinute}}, "nl");
    REQUIRE(late.size() == 6); // no proposal, and not one of the five roles said anything
    CHECK(late[0].kind == RoomAlert::Kind::NoProposal);
    CHECK(late[0].key == "room.alert.no_proposal");
    CHECK(late[0].count == 6);
    CHECK(late[0].args == std::vector<std::string>{"1"});

    play(g, act::propose(kSkaters, {tiny::huidige_plek, tiny::jongeren}));
    for (const RoomAlert& a : roomAlerts({{&g, start + 6 * kMinute}}, "nl"))
        CHECK(a.kind != RoomAlert::Kind::NoProposal);
}

TEST_CASE("a role people play that said nothing this phase is named after a grace time") {
    Game g = peopleGame(/*burenIsBot=*/true);
    advanceTo(g, PhaseKind::Waarden); // ten minutes: the grace is four
    const std::int64_t start = g.state().phaseStartMs;
    play(g, act::shareValue(kSkaters, tiny::ontmoeting));
    play(g, act::ask(kRaadA, tiny::skaters));
    CHECK(roomAlerts({{&g, start + 3 * kMinute}}, "nl").empty());
    const std::vector<RoomAlert> alerts = roomAlerts({{&g, start + 4 * kMinute}}, "nl");
    // The buren are a bot: no facilitator nudges a bot.
    REQUIRE(alerts.size() == 2);
    CHECK(alerts[0].kind == RoomAlert::Kind::RoleSilent);
    CHECK(alerts[0].role == tiny::ambtenaar);
    CHECK(alerts[0].args == std::vector<std::string>{"1", "ambtenaar"});
    CHECK(alerts[0].count == 4);
    CHECK(alerts[1].role == tiny::raad_b);

    play(g, act::shareValue(kAmbtenaar, tiny::rechtmatigheid));
    play(g, act::shareValue(kRaadB, tiny::rechtmatigheid));
    CHECK(roomAlerts({{&g, start + 4 * kMinute}}, "nl").empty());
}

TEST_CASE("every open proposal failing one unshared precondition is named until it is said") {
    Game g = peopleGame();
    advanceTo(g, PhaseKind::Voorstel);
    const std::int64_t start = g.state().phaseStartMs;
    // Sportpark and municipal upkeep: 9 months (skaters want 6 at most) and
    // € 35,000 against a budget of € 18,000 after the complaint.
    play(g, act::propose(kBuren, {tiny::sportpark, tiny::gemeente}));
    std::vector<RoomAlert> alerts = roomAlerts({{&g, start + kMinute}}, "en");
    REQUIRE(keysOf(alerts) ==
            std::vector<std::string>{"room.alert.hidden_block", "room.alert.hidden_block"});
    CHECK(alerts[0].role == tiny::skaters);
    CHECK(alerts[0].args == std::vector<std::string>{"1", "skaters", "snel"});
    CHECK(alerts[0].count == 1);
    CHECK(alerts[1].role == tiny::ambtenaar);
    CHECK(alerts[1].args == std::vector<std::string>{"1", "ambtenaar", "binnen_budget"});

    // The official objects, citing the budget: it is on the table now.
    play(g, act::react(kAmbtenaar, 0, ReactionKind::Object, act::preconditionReason(0)));
    alerts = roomAlerts({{&g, start + kMinute}}, "en");
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].role == tiny::skaters);

    // A second proposal that is done in time: not every proposal is blocked.
    play(g, act::propose(kSkaters, {tiny::huidige_plek, tiny::jongeren}));
    CHECK(roomAlerts({{&g, start + kMinute}}, "en").empty());
}

TEST_CASE("a table without a decision is named when most other tables reached theirs") {
    Game a = peopleGame(), b = peopleGame(), c = peopleGame();
    for (Game* g : {&a, &b, &c})
        advanceTo(*g, PhaseKind::Besluit);
    advanceTo(a, PhaseKind::Reflectie);
    const auto behind = [&] {
        std::vector<RoomAlert> out;
        for (const RoomAlert& x : roomAlerts({{&a, 0}, {&b, 0}, {&c, 0}}, "nl"))
            if (x.kind == RoomAlert::Kind::BehindOthers)
                out.push_back(x);
        return out;
    };
    CHECK(behind().empty()); // one of two others is not most
    advanceTo(b, PhaseKind::Reflectie);
    const std::vector<RoomAlert> alerts = behind();
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].table == 2);
    CHECK(alerts[0].count == 2);
    CHECK(alerts[0].args == std::vector<std::string>{"3", "2"});
}
