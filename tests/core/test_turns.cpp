// The speaking queue (DESIGN.md "Speaking turns"): asking for the floor,
// giving it and ending it, and inclusie from speaking time once any turn was
// given. The tiny scenario seats one player per role: seat 0 skaters,
// 1 buren, 2 ambtenaar, 3 raad_a, 4 raad_b.
#include <doctest/doctest.h>

#include "core/game.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum SeatIndex { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };

Action requestTurn(int seat, int person = -1) {
    Action a = act::make(ActionType::RequestTurn, seat);
    a.person = person;
    return a;
}

Action giveTurn(int seat, int person = -1) {
    Action a = act::make(ActionType::GiveTurn, kFacilitator);
    a.targetSeat = seat;
    a.targetPerson = person;
    return a;
}

Action endTurn(int seat = kFacilitator) {
    return act::make(ActionType::EndTurn, seat);
}

void play(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    REQUIRE_MESSAGE(r.accepted, r.refusal.key);
}

std::string refusalOf(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    return r.accepted ? "accepted" : r.refusal.key;
}

const PersonMeasure& personOf(const Measurements& m, int seat, int person = -1) {
    for (const PersonMeasure& p : m.people)
        if (p.seat == seat && p.person == person)
            return p;
    FAIL("no such person");
    return m.people.front();
}

} // namespace

TEST_CASE("speaking turns: a person is in the queue once, and asking again withdraws") {
    Game g(tinyScenario(), SessionSetup::defaultFor(*tinyScenario(), false));
    play(g, act::at(requestTurn(kBuren), 1000));
    play(g, act::at(requestTurn(kSkaters), 2000));
    CHECK(g.state().queuePosition(kBuren, -1) == 1);
    CHECK(g.state().queuePosition(kSkaters, -1) == 2);
    CHECK(g.state().speakingQueue[1].requestedMs == 2000);

    play(g, requestTurn(kBuren)); // "Toch niet": out of the queue, not in it twice
    CHECK(g.state().speakingQueue.size() == 1);
    CHECK(g.state().queuePosition(kBuren, -1) == 0);
    CHECK(g.state().queuePosition(kSkaters, -1) == 1);

    play(g, requestTurn(kBuren)); // back in, now behind the skaters
    CHECK(g.state().queuePosition(kBuren, -1) == 2);
    // Talk is not a move in the game: it counts as no public action.
    CHECK(g.measure().actionsPerSeat == std::vector<int>{0, 0, 0, 0, 0});
}

TEST_CASE("speaking turns: only the facilitator gives the floor, and giving ends the turn going "
          "on") {
    Game g(tinyScenario(), SessionSetup::defaultFor(*tinyScenario(), false));
    play(g, requestTurn(kBuren));
    play(g, requestTurn(kSkaters));

    Action grab = giveTurn(kBuren);
    grab.seat = kBuren; // a player cannot take the floor for themselves
    CHECK(refusalOf(g, grab) == "refuse.facilitator_only");
    CHECK(refusalOf(g, requestTurn(kFacilitator)) == "refuse.seat_only");
    CHECK(refusalOf(g, endTurn()) == "refuse.no_turn");

    play(g, act::at(giveTurn(kBuren), 10'000));
    REQUIRE(g.state().floor);
    CHECK(g.state().hasFloor(kBuren, -1));
    CHECK(g.state().floor->startMs == 10'000);
    CHECK(g.state().queuePosition(kBuren, -1) == 0); // left the queue
    CHECK(g.state().queuePosition(kSkaters, -1) == 1);
    CHECK(refusalOf(g, requestTurn(kBuren)) == "refuse.turn_already_speaking");
    CHECK(refusalOf(g, giveTurn(kBuren)) == "refuse.turn_already_speaking");
    CHECK(refusalOf(g, endTurn(kSkaters)) == "refuse.not_your_turn");

    // The next one gets the floor: the buren's turn ends then and there.
    play(g, act::at(giveTurn(kSkaters), 25'000));
    REQUIRE(g.state().turns.size() == 1);
    CHECK(g.state().turns[0].seat == kBuren);
    CHECK(g.state().turns[0].endMs == 25'000);
    CHECK(g.state().hasFloor(kSkaters, -1));
    CHECK(g.state().speakingQueue.empty());

    // The speaker's own seat may end the turn; the floor is then free.
    play(g, act::at(endTurn(kSkaters), 40'000));
    CHECK_FALSE(g.state().floor);
    REQUIRE(g.state().turns.size() == 2);
    CHECK(g.state().turns[1].endMs - g.state().turns[1].startMs == 15'000);
    // The facilitator may give the floor to someone who did not ask.
    play(g, giveTurn(kAmbtenaar));
    CHECK(g.state().hasFloor(kAmbtenaar, -1));
}

TEST_CASE("speaking turns: bots never take the floor, and a team names who speaks") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[kRaadB].bot = true;
    setup.seats[kSkaters].members = {"Anouk", "Bram"};
    Game g(sc, setup);
    CHECK(refusalOf(g, requestTurn(kRaadB)) == "refuse.turn_bot");
    CHECK(refusalOf(g, giveTurn(kRaadB)) == "refuse.turn_bot");
    CHECK(refusalOf(g, requestTurn(kSkaters)) == "refuse.turn_person_required");
    CHECK(refusalOf(g, requestTurn(kSkaters, 2)) == "refuse.unknown_person");
    CHECK(refusalOf(g, giveTurn(7)) == "refuse.unknown_seat");
    play(g, requestTurn(kSkaters, 1));
    play(g, requestTurn(kSkaters, 0));
    CHECK(g.state().queuePosition(kSkaters, 1) == 1); // Bram first, then Anouk
    CHECK(g.state().queuePosition(kSkaters, 0) == 2);
    play(g, giveTurn(kSkaters, 1));
    CHECK(g.state().hasFloor(kSkaters, 1));
    play(g, endTurn(kSkaters)); // Anouk, beside him, may say he is done
    CHECK_FALSE(g.state().floor);
}

TEST_CASE("speaking turns: a phase change does not end a turn, the end of the session does") {
    Game g(tinyScenario(), SessionSetup::defaultFor(*tinyScenario(), false));
    play(g, act::at(giveTurn(kAmbtenaar), 5'000));
    play(g, act::at(requestTurn(kBuren), 6'000));
    play(g, act::at(act::advance(), 7'000));
    CHECK(g.state().hasFloor(kAmbtenaar, -1));
    // A pause stops the game, not the talk: the queue still works.
    play(g, act::pause());
    play(g, requestTurn(kSkaters));
    CHECK(g.state().speakingQueue.size() == 2);
    play(g, act::resume());
    while (!g.state().finished)
        play(g, act::at(act::advance(), 65'000));
    CHECK_FALSE(g.state().floor);
    CHECK(g.state().speakingQueue.empty());
    REQUIRE(g.state().turns.size() == 1);
    CHECK(g.state().turns[0].endMs == 65'000);
    CHECK(personOf(g.measure(), kAmbtenaar).speakingMs == 60'000);
    CHECK(refusalOf(g, requestTurn(kBuren)) == "refuse.finished");
}

TEST_CASE("speaking turns: inclusie is over speaking time once any turn was given") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[kRaadA].bot = true;
    setup.seats[kRaadB].bot = true;
    Game g(sc, setup);
    advanceTo(g, PhaseKind::Waarden);
    // Public actions: skaters 1, buren 0, ambtenaar 0 over the three people:
    // sorted 0,0,1, G = 2*3/(3*1) - 4/3 = 2/3, inclusie 1/3.
    play(g, act::shareValue(kSkaters, tiny::ontmoeting));
    Measurements m = g.measure();
    CHECK(m.inclusieBasis == InclusieBasis::GameActions);
    CHECK(m.inclusie == doctest::Approx(1.0 / 3.0));

    // Skaters speak 40 s and 20 s, buren 30 s, ambtenaar 30 s; the bots never.
    play(g, act::at(giveTurn(kSkaters), 100'000));
    play(g, act::at(giveTurn(kBuren), 140'000));
    play(g, act::at(giveTurn(kSkaters), 170'000));
    play(g, act::at(endTurn(), 190'000));
    play(g, act::at(giveTurn(kAmbtenaar), 200'000));
    // Measured while the ambtenaar still speaks: up to now (nowMs = 230 s).
    play(g, act::at(requestTurn(kBuren), 230'000));
    m = g.measure();
    CHECK(m.inclusieBasis == InclusieBasis::SpeakingTime);
    CHECK(personOf(m, kSkaters).speakingMs == 60'000);
    CHECK(personOf(m, kSkaters).turns == 2);
    CHECK(personOf(m, kBuren).speakingMs == 30'000);
    CHECK(personOf(m, kBuren).turns == 1);
    CHECK(personOf(m, kAmbtenaar).speakingMs == 30'000);
    CHECK(personOf(m, kRaadA).speakingMs == 0);
    // 60, 30, 30 s: sorted 30,30,60, sum i*x = 30 + 60 + 180 = 270 over a
    // total of 120: G = 2*270/(3*120) - 4/3 = 1/6, inclusie 5/6.
    CHECK(m.inclusie == doctest::Approx(5.0 / 6.0));
    CHECK(m.inclusieOverPeople); // the two bots are left out
    CHECK(std::string(inclusieBasisId(m.inclusieBasis)) == "speaking_time");
}

TEST_CASE("speaking turns: a person who never spoke counts as zero speaking time") {
    Game g(tinyScenario(), SessionSetup::defaultFor(*tinyScenario(), false));
    play(g, act::at(giveTurn(kSkaters), 0));
    play(g, act::at(giveTurn(kBuren), 60'000));
    play(g, act::at(giveTurn(kAmbtenaar), 90'000));
    play(g, act::at(endTurn(kAmbtenaar), 120'000));
    // Five people, 60, 30, 30, 0, 0 s: sorted 0,0,30,30,60, sum i*x =
    // 90 + 120 + 300 = 510: G = 2*510/(5*120) - 6/5 = 0.5, inclusie 0.5.
    CHECK(g.measure().inclusie == doctest::Approx(0.5));
    CHECK_FALSE(g.measure().inclusieOverPeople);
}

#ifndef SAMENSPEL_TEST_THROUGH_LOG
TEST_CASE("speaking turns: a turn across a pause leaves the pause out") {
    auto sc = tinyScenario();
    LiveSessionOptions options;
    options.pace = SessionPace::humanPace();
    std::string error;
    auto session = LiveSession::start(sc, SessionSetup::defaultFor(*sc, false), options, error);
    REQUIRE(session);
    REQUIRE(session->submit(giveTurn(kBuren)).accepted);
    session->advance(10'000);
    REQUIRE(session->submit(act::pause()).accepted);
    session->advance(5 * 60'000); // five minutes of coffee
    REQUIRE(session->submit(act::resume()).accepted);
    session->advance(20'000);
    REQUIRE(session->submit(endTurn(kBuren)).accepted);
    REQUIRE(session->state().turns.size() == 1);
    CHECK(session->state().turns[0].endMs - session->state().turns[0].startMs == 30'000);
    CHECK(personOf(session->game().measure(), kBuren).speakingMs == 30'000);
}

TEST_CASE("speaking turns: the log keeps who asked and who was given the floor") {
    Action give = giveTurn(kSkaters, 1);
    give.timeMs = 12'345;
    const std::string line = encodeAction(give);
    CHECK(line.find("\"type\":\"give_turn\"") != std::string::npos);
    std::string error;
    const std::optional<Action> back = decodeAction(line, error);
    REQUIRE_MESSAGE(back, error);
    CHECK(back->type == ActionType::GiveTurn);
    CHECK(back->seat == kFacilitator);
    CHECK(back->targetSeat == kSkaters);
    CHECK(back->targetPerson == 1);
    CHECK(back->timeMs == 12'345);
    for (const Action& a : {requestTurn(kSkaters, 0), endTurn(kBuren)}) {
        const std::optional<Action> again = decodeAction(encodeAction(a), error);
        REQUIRE_MESSAGE(again, error);
        CHECK(again->type == a.type);
        CHECK(again->seat == a.seat);
        CHECK(again->person == a.person);
    }
}
#endif
