// Support as stated (DESIGN.md "Support as stated"): what each role said
// about the decided proposal, gedragen aan tafel beside gedragen volgens de
// kaarten, and where the two differ. The tiny scenario seats one player per
// role: seat 0 skaters, 1 buren, 2 ambtenaar, 3 raad_a, 4 raad_b. The suite
// runs a second time through the log (tests/core_through_log.cmake).
//
// The decided package in these cases is {huidige_plek, gemeente}, after the
// klacht event (raad_a weighs rust 3, budget 18000), with n = 2 issues:
//   E = ontmoeting +1, rust -1, eigen_regie -1, rechtmatigheid +2
//   skaters   (3*1 + 2*-1) / 30 * 100 =  3.3  accepts (months 3 <= 6)
//   buren     (3*-1 + 1*1) / 24 * 100 = -8.3  does not accept
//   ambtenaar (3*2 + 1*-1) / 24 * 100 = 20.8  accepts (cost 15000 <= 18000)
//   raad_a    (2*1 + 3*-1) / 30 * 100 = -3.3  does not accept
//   raad_b    (2*2 + 1*-1) / 18 * 100 = 16.7  accepts
#include <doctest/doctest.h>

#include "core/game.hpp"
#include "core/stance.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum SeatIndex { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB, kRaadA2 };

const Package kPlekJongeren = {tiny::huidige_plek, tiny::jongeren};
const Package kPlekGemeente = {tiny::huidige_plek, tiny::gemeente};

void play(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    INFO(actionTypeId(a.type), " seat ", a.seat, ": ", r.refusal.english);
    REQUIRE(r.accepted);
}

// Voorstel: the skaters propose {plek, jongeren} (proposal 0, version 1), and
// the ambtenaar amends it into {plek, gemeente} (proposal 1, version 2).
Game amendedGame(SessionSetup setup = SessionSetup::defaultFor(*tinyScenario(), false)) {
    Game g(tinyScenario(), std::move(setup));
    advanceTo(g, PhaseKind::Voorstel);
    play(g, act::propose(kSkaters, kPlekJongeren));
    return g;
}

void amendAndDecide(Game& g) {
    play(g, act::amend(kAmbtenaar, 0, kPlekGemeente));
    advanceTo(g, PhaseKind::Besluit);
    play(g, act::vote(kRaadA, 1, VoteKind::Yes));
    play(g, act::vote(kRaadB, 1, VoteKind::Yes));
    REQUIRE(g.state().decision.taken);
    REQUIRE(g.state().decision.proposal == 1);
}

} // namespace

TEST_CASE("an objection to version 1 that nobody answered stands against the decided version 2") {
    Game g = amendedGame();
    play(g, act::react(kBuren, 0, ReactionKind::Object, act::valueReason(tiny::rust)));
    amendAndDecide(g);
    const Decision& d = g.state().decision;
    REQUIRE(d.stances.size() == 5);
    CHECK(d.stances[tiny::buren].stance == Stance::Object);
    CHECK(d.stances[tiny::buren].proposal == 0); // said about version 1
    CHECK(d.stances[tiny::buren].seat == kBuren);
    CHECK(d.stances[tiny::buren].reason.index == tiny::rust);
    CHECK(d.stances[tiny::raad_a].stance == Stance::Yes);
    CHECK(d.stances[tiny::raad_b].stance == Stance::Yes);
    CHECK(d.stances[tiny::skaters].stance == Stance::None); // proposing is not a reaction
    CHECK(d.stances[tiny::ambtenaar].stance == Stance::None);
    CHECK_FALSE(d.gedragenAanTafel);
    // By the cards: buren at -8.3 < 0, so not gedragen that way either.
    CHECK_FALSE(d.gedragen);
    REQUIRE(d.accepts.size() == 5);
    CHECK(d.accepts == std::vector<bool>{true, false, true, false, true});
}

TEST_CASE("support for version 2 answers the objection to version 1") {
    Game g = amendedGame();
    play(g, act::react(kBuren, 0, ReactionKind::Object, act::valueReason(tiny::rust)));
    play(g, act::amend(kAmbtenaar, 0, kPlekGemeente));
    play(g, act::react(kBuren, 1, ReactionKind::Support, act::valueReason(tiny::ontmoeting)));
    advanceTo(g, PhaseKind::Besluit);
    play(g, act::vote(kRaadA, 1, VoteKind::Yes));
    play(g, act::vote(kRaadB, 1, VoteKind::Yes));
    const Decision& d = g.state().decision;
    REQUIRE(d.taken);
    CHECK(d.stances[tiny::buren].stance == Stance::Support);
    CHECK(d.stances[tiny::buren].proposal == 1);
    CHECK(d.gedragenAanTafel);
    CHECK_FALSE(d.gedragen); // the cards still say buren cannot carry it
}

TEST_CASE("a changed reaction replaces the one before, and a vote on the decided version counts "
          "over anything said before") {
    Game g = amendedGame();
    play(g, act::react(kBuren, 0, ReactionKind::Object, act::valueReason(tiny::rust)));
    play(g, act::react(kBuren, 0, ReactionKind::Support, act::valueReason(tiny::ontmoeting)));
    play(g, act::react(kRaadB, 0, ReactionKind::Object, act::valueReason(tiny::rechtmatigheid)));
    amendAndDecide(g);
    const Decision& d = g.state().decision;
    CHECK(d.stances[tiny::buren].stance == Stance::Support);
    CHECK(d.stances[tiny::raad_b].stance == Stance::Yes);
    CHECK(d.gedragenAanTafel);
}

TEST_CASE("one seat's no vote is its role's stance though another seat of the role voted yes") {
    SessionSetup setup = SessionSetup::defaultFor(*tinyScenario(), false);
    Seat second;
    second.role = tiny::raad_a;
    setup.seats.push_back(second); // seat 5: raad_a again
    Game g = amendedGame(setup);
    play(g, act::amend(kAmbtenaar, 0, kPlekGemeente));
    advanceTo(g, PhaseKind::Besluit);
    play(g, act::vote(kRaadA, 1, VoteKind::Yes));
    play(g, act::vote(kRaadB, 1, VoteKind::Yes));
    play(g, act::vote(kRaadA2, 1, VoteKind::No, {}, act::valueReason(tiny::rust)));
    const Decision& d = g.state().decision;
    REQUIRE(d.taken); // 2 of 3 votes is a majority
    CHECK(d.stances[tiny::raad_a].stance == Stance::No);
    CHECK(d.stances[tiny::raad_a].seat == kRaadA2);
    CHECK_FALSE(d.gedragenAanTafel);
}

TEST_CASE("where stated and card differ: agreed, objected or silent against the card") {
    Game g = amendedGame();
    play(g, act::react(kSkaters, 0, ReactionKind::Object, act::valueReason(tiny::eigen_regie)));
    amendAndDecide(g);
    const Decision& d = g.state().decision;
    // The skaters' card accepts v2 (3.3) but they objected to v1 and left it there.
    CHECK(stanceGap(d.stances[tiny::skaters], d.accepts[tiny::skaters]) ==
          StanceGap::ObjectedAgainstCard);
    // raad_a voted yes at -3.3.
    CHECK(stanceGap(d.stances[tiny::raad_a], d.accepts[tiny::raad_a]) ==
          StanceGap::AgreedAgainstCard);
    // buren said nothing at -8.3.
    CHECK(stanceGap(d.stances[tiny::buren], d.accepts[tiny::buren]) ==
          StanceGap::SilentAgainstCard);
    // The ambtenaar said nothing and the card accepts: nothing to point at.
    CHECK(stanceGap(d.stances[tiny::ambtenaar], d.accepts[tiny::ambtenaar]) == StanceGap::None);
    CHECK(stanceGap(d.stances[tiny::raad_b], d.accepts[tiny::raad_b]) == StanceGap::None);
}

TEST_CASE("stance ids are the ones replay --json prints") {
    CHECK(std::string(stanceId(Stance::None)) == "none");
    CHECK(std::string(stanceId(Stance::SupportIf)) == "support_if");
    CHECK(std::string(stanceId(Stance::JaMits)) == "ja_mits");
    CHECK(std::string(stanceId(Stance::No)) == "no");
    CHECK(isObjection(Stance::Object));
    CHECK(isObjection(Stance::No));
    CHECK_FALSE(isObjection(Stance::JaMits));
}
