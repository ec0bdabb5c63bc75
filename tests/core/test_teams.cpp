// Teams: a seat that several people share (Seat::members). What each member
// does is theirs in the measurements: inclusie over the people, begrip per
// person and a seat's begrip as the mean over its members who answered
// (DESIGN.md "Teams"). The tiny scenario seats one player per role: seat 0
// skaters, 1 buren, 2 ambtenaar, 3 raad_a, 4 raad_b.
#include <doctest/doctest.h>

#include "core/game.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum SeatIndex { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };
enum Member { kAnouk, kBram };

Game teamGame() {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[kSkaters].members = {"Anouk", "Bram"};
    return Game(sc, setup);
}

Action by(Action a, int person) {
    a.person = person;
    return a;
}

void play(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    REQUIRE_MESSAGE(r.accepted, r.refusal.key);
}

const PersonMeasure* personOf(const Measurements& m, int seat, int person) {
    for (const PersonMeasure& p : m.people)
        if (p.seat == seat && p.person == person)
            return &p;
    return nullptr;
}

} // namespace

TEST_CASE("a team's members are counted one by one, and inclusie is over the people") {
    Game g = teamGame();
    advanceTo(g, PhaseKind::Waarden);
    play(g, by(act::shareValue(kSkaters, tiny::ontmoeting), kAnouk));
    play(g, by(act::shareValue(kSkaters, tiny::eigen_regie), kAnouk));
    play(g, by(act::ask(kSkaters, tiny::buren), kBram));
    play(g, act::shareValue(kBuren, tiny::rust));
    const Measurements m = g.measure();

    CHECK(m.hasTeams);
    CHECK(m.actionsPerSeat == std::vector<int>{3, 1, 0, 0, 0});
    CHECK(m.actionsPerRole[tiny::skaters] == 3);
    REQUIRE(m.people.size() == 6); // Anouk, Bram and the four single players
    const PersonMeasure* anouk = personOf(m, kSkaters, kAnouk);
    const PersonMeasure* bram = personOf(m, kSkaters, kBram);
    REQUIRE(anouk);
    REQUIRE(bram);
    CHECK(anouk->name == "Anouk");
    CHECK(anouk->actions == 2);
    CHECK(bram->actions == 1);
    CHECK(personOf(m, kBuren, -1)->actions == 1);
    // Over the six people, 0,0,0,1,1,2: sum i*x = 4 + 5 + 12 = 21,
    // G = 2*21/(6*4) - 7/6 = 0.5833. Over the seats (3,1,0,0,0) it would be 0.3.
    CHECK(m.inclusie == doctest::Approx(1.0 - (42.0 / 24.0 - 7.0 / 6.0)));
    CHECK_FALSE(m.inclusieOverPeople); // no bots were left out
}

TEST_CASE("a team's begrip is the mean over its members who answered") {
    Game g = teamGame();
    advanceTo(g, PhaseKind::Perspectief);
    // buren: top {rust, ontmoeting}; ambtenaar: top {rechtmatigheid, rust};
    // skaters: top {ontmoeting, eigen_regie}. Each weighs two of four values,
    // so c_r = 2/4 and a prediction scores (acc - 1/2) / (1/2) = 2 acc - 1.
    play(g, by(act::predict(kSkaters, tiny::buren, {tiny::eigen_regie}), kAnouk)); // acc 0: -1
    play(g, by(act::predict(kSkaters, tiny::ambtenaar, {tiny::rust}), kAnouk));    // 0.5: 0
    play(g, by(act::predict(kSkaters, tiny::buren, {tiny::rust, tiny::ontmoeting}),
               kBram));                                               // 1: 1
    play(g, act::predict(kBuren, tiny::skaters, {tiny::ontmoeting})); // 0.5: 0
    advanceTo(g, PhaseKind::Reflectie);
    play(g, by(act::predict(kSkaters, tiny::ambtenaar, {tiny::rechtmatigheid, tiny::rust}),
               kBram));                                                                  // 1: 1
    play(g, act::predict(kBuren, tiny::skaters, {tiny::ontmoeting, tiny::eigen_regie})); // 1
    const Measurements m = g.measure();
    CHECK(m.begripVersion == 2);

    const PersonMeasure* anouk = personOf(m, kSkaters, kAnouk);
    const PersonMeasure* bram = personOf(m, kSkaters, kBram);
    REQUIRE(anouk);
    REQUIRE(bram);
    CHECK(*anouk->begripBefore == doctest::Approx(-0.5));
    CHECK(anouk->itemsBefore == 2);
    CHECK_FALSE(anouk->begripAfter.has_value());
    CHECK(anouk->itemsAfter == 0);
    CHECK(*bram->begripBefore == doctest::Approx(1.0));
    CHECK(*bram->begripAfter == doctest::Approx(1.0));
    // The role's: (-0.5 + 1) / 2, not the mean of its three predictions (0).
    CHECK(*m.begrip[kSkaters].before == doctest::Approx(0.25));
    CHECK(*m.begrip[kSkaters].after == doctest::Approx(1.0));
    // The group's: the mean over the seats that answered, each seat once.
    CHECK(*m.begripBefore == doctest::Approx((0.25 + 0.0) / 2));
    CHECK(*m.begripAfter == doctest::Approx(1.0));
    // The gain: over the people who answered in both phases only (Bram 0,
    // buren's player +1), never Anouk's missing "after" counted as 0.
    CHECK(*m.begripGain == doctest::Approx(0.5));
    // The skaters' seat: Bram's 0 (Anouk answered only before).
    CHECK(*m.begrip[kSkaters].gain == doctest::Approx(0.0));
    CHECK(*m.begrip[kBuren].gain == doctest::Approx(1.0));
    CHECK_FALSE(m.begrip[kAmbtenaar].gain.has_value());

    // Replayed from a log written before begrip v2: the acc of the
    // predictions, as they were measured then.
    g.setBegripVersion(1);
    const Measurements v1 = g.measure();
    CHECK(v1.begripVersion == 1);
    CHECK(*personOf(v1, kSkaters, kAnouk)->begripBefore == doctest::Approx(0.25));
    CHECK(*v1.begrip[kSkaters].before == doctest::Approx(0.625));
    CHECK(*v1.begripBefore == doctest::Approx((0.625 + 0.5) / 2));
    CHECK(*v1.begripAfter == doctest::Approx(1.0));
}

TEST_CASE("an action of a member the seat does not have is refused and counts for nobody") {
    Game g = teamGame();
    advanceTo(g, PhaseKind::Voorstel);
    play(g, by(act::propose(kSkaters, {tiny::huidige_plek, tiny::jongeren}), kBram));
    CHECK(applyAction(g, by(act::shareValue(kSkaters, tiny::ontmoeting), 2)).refusal.key ==
          "refuse.unknown_person");
    CHECK(applyAction(g, by(act::shareValue(kBuren, tiny::rust), 0)).refusal.key ==
          "refuse.unknown_person");
    const Measurements m = g.measure();
    CHECK(personOf(m, kSkaters, kBram)->actions == 1);
    CHECK(personOf(m, kSkaters, kAnouk)->actions == 0);
}
