// The rules engine: who may do what in which phase, what each action changes,
// the vote with its ja-mits round, events, timing and the measurements. The
// tiny scenario seats one player per role: seat 0 skaters, 1 buren,
// 2 ambtenaar, 3 raad_a, 4 raad_b (see test_helpers.hpp).
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>

#include "core/game.hpp"
#include "core/log.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum Seat { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };

Game newGame(std::shared_ptr<const Scenario> sc = tinyScenario()) {
    return Game(sc, SessionSetup::defaultFor(*sc, false));
}

// "ok" when accepted, else the refusal key.
std::string play(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    return r.accepted ? "ok" : r.refusal.key;
}

const Package kPlekJongeren = {tiny::huidige_plek, tiny::jongeren};
const Package kPlekGemeente = {tiny::huidige_plek, tiny::gemeente};
const Package kParkGemeente = {tiny::sportpark, tiny::gemeente};

MitsCondition mits(const std::string& expression) {
    return {expression, {}};
}

// An action of each seat type that is valid whenever its phase allows it, in
// a game prepared so that questions and proposals exist.
std::vector<Action> oneOfEach() {
    return {
        act::shareValue(kSkaters, tiny::ontmoeting),
        act::ask(kSkaters, tiny::buren),
        act::answer(kBuren, 0, tiny::rust),
        act::decline(kBuren, 0, "liever niet"),
        act::sharePrecondition(kSkaters, 0),
        act::predict(kSkaters, tiny::buren, {tiny::rust}),
        act::propose(kSkaters, kPlekGemeente),
        act::amend(kSkaters, 0, kPlekJongeren),
        act::react(kBuren, 0, ReactionKind::Object, act::valueReason(tiny::rust)),
        act::vote(kRaadA, 0, VoteKind::Yes),
    };
}

} // namespace

TEST_CASE("a new game starts in the first phase with every seat of the default setup") {
    Game g = newGame();
    CHECK(g.seatCount() == 5);
    CHECK(g.roleOfSeat(kRaadB) == tiny::raad_b);
    CHECK(g.currentPhase() == PhaseKind::Kennismaken);
    CHECK(g.state().phaseDurationMs == 5 * 60000);
    CHECK_FALSE(g.state().finished);
}

TEST_CASE("each phase allows exactly its own actions") {
    const std::map<PhaseKind, std::set<ActionType>> allowed = {
        {PhaseKind::Kennismaken, {}},
        {PhaseKind::Perspectief, {ActionType::Predict}},
        {PhaseKind::Waarden,
         {ActionType::ShareValue, ActionType::Ask, ActionType::Answer, ActionType::Decline}},
        {PhaseKind::Randvoorwaarden,
         {ActionType::ShareValue, ActionType::Ask, ActionType::Answer, ActionType::Decline,
          ActionType::SharePrecondition}},
        {PhaseKind::Voorstel, {ActionType::Propose, ActionType::Amend, ActionType::React}},
        {PhaseKind::Besluit,
         {ActionType::Vote, ActionType::React, ActionType::Propose, ActionType::Amend}},
        {PhaseKind::Reflectie, {ActionType::Predict}},
    };
    // Not a structured binding: CAPTURE's lambda cannot capture one in clang++ 14.
    for (const auto& entry : allowed) {
        const PhaseKind phase = entry.first;
        const std::set<ActionType>& types = entry.second;
        CAPTURE(phaseId(phase));
        // Prepare a question and an open proposal 0 on the way, where allowed.
        Game g = newGame();
        if (phase >= PhaseKind::Waarden) {
            advanceTo(g, PhaseKind::Waarden);
            REQUIRE(play(g, act::ask(kSkaters, tiny::buren)) == "ok");
        }
        if (phase >= PhaseKind::Besluit) {
            advanceTo(g, PhaseKind::Voorstel);
            REQUIRE(play(g, act::propose(kAmbtenaar, kPlekGemeente)) == "ok");
        }
        advanceTo(g, phase);
        REQUIRE(g.currentPhase() == phase);
        for (const Action& a : oneOfEach()) {
            CAPTURE(actionTypeId(a.type));
            const std::string key = g.check(a).accepted ? "ok" : g.check(a).refusal.key;
            if (types.count(a.type) > 0)
                CHECK(key != "refuse.wrong_phase");
            else
                CHECK(key == "refuse.wrong_phase");
        }
        CHECK(g.check(act::done(kBuren)).accepted);
    }
}

TEST_CASE("seats and the facilitator each have their own actions") {
    Game g = newGame();
    CHECK(play(g, act::advance(kSkaters)) == "refuse.facilitator_only");
    CHECK(play(g, act::pause()) == "ok");
    CHECK(play(g, act::done(kFacilitator)) == "refuse.seat_only");
    CHECK(play(g, act::done(17)) == "refuse.unknown_seat");
    CHECK(play(g, act::done(-5)) == "refuse.unknown_seat");
}

TEST_CASE("a refused action changes nothing") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Waarden);
    const std::uint64_t before = g.state().actionCount;
    const ApplyResult r =
        applyAction(g, act::at(act::shareValue(kBuren, tiny::eigen_regie), 99999));
    CHECK_FALSE(r.accepted);
    CHECK(r.refusal.key == "refuse.value_not_held");
    CHECK(r.refusal.args == std::vector<std::string>{"eigen_regie"});
    CHECK(r.refusal.english == "Your role does not hold the value eigen_regie.");
    CHECK(g.state().actionCount == before);
    CHECK(g.state().nowMs == 0);
    CHECK(g.state().sharedValues.empty());
}

TEST_CASE("perspectief: predictions of other roles, one to three distinct values") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Perspectief);
    CHECK(play(g, act::predict(kSkaters, tiny::skaters, {0})) == "refuse.own_role");
    CHECK(play(g, act::predict(kSkaters, 9, {0})) == "refuse.unknown_role");
    CHECK(play(g, act::predict(kSkaters, tiny::buren, {})) == "refuse.prediction_size");
    CHECK(play(g, act::predict(kSkaters, tiny::buren, {0, 1, 2, 3})) == "refuse.prediction_size");
    CHECK(play(g, act::predict(kSkaters, tiny::buren, {1, 1})) == "refuse.prediction_duplicate");
    CHECK(play(g, act::predict(kSkaters, tiny::buren, {1, 8})) == "refuse.unknown_value");
    // buren weigh rust 3 and ontmoeting 1: both are in top(buren), out of min(3, 2) = 2.
    CHECK(play(g, act::predict(kSkaters, tiny::buren, {tiny::rust})) == "ok");
    REQUIRE(g.state().predictions.size() == 1);
    CHECK(g.state().predictions[0].accuracy == doctest::Approx(0.5));
    // A second prediction of the same role in the same phase replaces the first.
    CHECK(play(g, act::predict(kSkaters, tiny::buren, {tiny::rust, tiny::ontmoeting})) == "ok");
    REQUIRE(g.state().predictions.size() == 1);
    CHECK(g.state().predictions[0].accuracy == doctest::Approx(1.0));
    CHECK(play(g, act::predict(kSkaters, tiny::ambtenaar, {tiny::ontmoeting})) == "ok");
    CHECK(g.state().predictions.size() == 2);
}

TEST_CASE("waarden: sharing values, asking, answering and declining") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Waarden);
    SUBCASE("sharing") {
        CHECK(play(g, act::shareValue(kSkaters, tiny::rust)) == "refuse.value_not_held");
        CHECK(play(g, act::shareValue(kSkaters, 42)) == "refuse.unknown_value");
        CHECK(play(g, act::shareValue(kSkaters, tiny::ontmoeting)) == "ok");
        CHECK(play(g, act::shareValue(kSkaters, tiny::ontmoeting)) ==
              "refuse.value_already_shared");
        REQUIRE(g.state().sharedValues.size() == 1);
        CHECK(g.state().sharedValues[0].role == tiny::skaters);
        CHECK(g.state().sharedValues[0].phase == 2);
    }
    SUBCASE("an open question answered by the asked role") {
        CHECK(play(g, act::ask(kSkaters, tiny::skaters)) == "refuse.own_role");
        CHECK(play(g, act::ask(kSkaters, tiny::buren)) == "ok");
        CHECK(play(g, act::ask(kSkaters, tiny::buren)) == "refuse.question_already_open");
        CHECK(play(g, act::answer(kAmbtenaar, 0, tiny::rust)) == "refuse.not_asked");
        CHECK(play(g, act::answer(kBuren, 0, tiny::eigen_regie)) == "refuse.value_not_held");
        CHECK(play(g, act::answer(kBuren, 3, tiny::rust)) == "refuse.unknown_question");
        CHECK(play(g, act::answer(kBuren, 0, tiny::rust)) == "ok");
        CHECK(play(g, act::decline(kBuren, 0, "nee")) == "refuse.question_closed");
        const Question& q = g.state().questions[0];
        CHECK(q.status == Question::Status::Answered);
        CHECK(q.answerValue == tiny::rust);
        // Answering puts the card on the table.
        REQUIRE(g.state().sharedValues.size() == 1);
        CHECK(g.state().sharedValues[0].value == tiny::rust);
    }
    SUBCASE("a question about one value, declined with a reason") {
        CHECK(play(g, act::ask(kRaadA, tiny::ambtenaar, tiny::rechtmatigheid)) == "ok");
        CHECK(play(g, act::answer(kAmbtenaar, 0, tiny::rust)) == "refuse.answer_other_value");
        CHECK(play(g, act::decline(kAmbtenaar, 0, "   ")) == "refuse.reason_text_required");
        CHECK(play(g, act::decline(kAmbtenaar, 0, "Dat mag ik niet zeggen")) == "ok");
        CHECK(g.state().questions[0].status == Question::Status::Declined);
        CHECK(g.state().questions[0].declineReason == "Dat mag ik niet zeggen");
    }
}

TEST_CASE("randvoorwaarden: preconditions on the table and the phase event") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Randvoorwaarden);
    // klacht fires as the phase starts: raad_a cares more about rust, budget cut to 18000.
    REQUIRE(g.state().announcements.size() == 1);
    CHECK(g.state().announcements[0].event == tiny::klacht);
    CHECK(g.state().world.weights[tiny::raad_a][tiny::rust] == 3);
    CHECK(g.state().world.resources[0] == 18000);

    CHECK(play(g, act::sharePrecondition(kBuren, 0)) == "refuse.unknown_precondition");
    CHECK(play(g, act::sharePrecondition(kAmbtenaar, 0)) == "ok");
    CHECK(play(g, act::sharePrecondition(kAmbtenaar, 0)) == "refuse.precondition_already_shared");
    CHECK(play(g, act::shareValue(kAmbtenaar, tiny::rechtmatigheid)) == "ok");
    CHECK(play(g, act::ask(kBuren, tiny::ambtenaar)) == "ok");
    CHECK(g.state().sharedPreconditions.size() == 1);
}

TEST_CASE("voorstel: proposals, amendments and reactions") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    CHECK(play(g, act::propose(kSkaters, {tiny::huidige_plek})) == "refuse.invalid_package");
    CHECK(play(g, act::propose(kSkaters, {5, 0})) == "refuse.invalid_package");
    CHECK(play(g, act::propose(kSkaters, {tiny::buurtplein, tiny::gemeente})) ==
          "refuse.option_unavailable");
    CHECK(play(g, act::propose(kSkaters, kPlekJongeren, "eigen beheer")) == "ok");
    const Proposal& p0 = g.state().proposals[0];
    CHECK(p0.note == "eigen beheer");
    CHECK(p0.supportAtCreation.size() == 5);
    CHECK(p0.supportAtCreation[tiny::skaters] == doctest::Approx(30.0));
    REQUIRE(g.state().supportHistory.size() == 1);
    CHECK(g.state().supportHistory[0].proposal == 0);

    CHECK(play(g, act::amend(kAmbtenaar, 0, kPlekJongeren)) == "refuse.amend_unchanged");
    CHECK(play(g, act::amend(kAmbtenaar, 4, kPlekGemeente)) == "refuse.unknown_proposal");
    CHECK(play(g, act::amend(kAmbtenaar, 0, kPlekGemeente)) == "ok");
    CHECK(g.state().proposals[0].status == Proposal::Status::Superseded);
    CHECK(g.state().proposals[1].parent == 0);
    CHECK(g.state().proposals[1].version == 2);
    CHECK(play(g, act::amend(kBuren, 0, kParkGemeente)) == "refuse.proposal_not_open");
    CHECK(g.proposalOnTable() == 1);
    CHECK(g.state().supportHistory.size() == 2);

    CHECK(play(g, act::react(kBuren, 1, ReactionKind::Support, {})) == "refuse.reason_required");
    CHECK(play(g, act::react(kBuren, 1, ReactionKind::Support,
                             act::valueReason(tiny::eigen_regie))) == "refuse.invalid_reason");
    CHECK(play(g, act::react(kBuren, 1, ReactionKind::Object, act::preconditionReason(0))) ==
          "refuse.invalid_reason");
    CHECK(play(g, act::react(kBuren, 0, ReactionKind::Object, act::valueReason(tiny::rust))) ==
          "refuse.proposal_not_open");
    CHECK(play(g, act::react(kBuren, 1, ReactionKind::SupportIf, act::valueReason(tiny::rust))) ==
          "refuse.conditions_required");
    CHECK(play(g, act::react(kBuren, 1, ReactionKind::Support, act::valueReason(tiny::rust),
                             {mits("months <= 3")})) == "refuse.conditions_not_allowed");
    const ApplyResult bad =
        applyAction(g, act::react(kBuren, 1, ReactionKind::SupportIf, act::valueReason(tiny::rust),
                                  {mits("lawaai < 3")}));
    CHECK(bad.refusal.key == "refuse.bad_condition");
    REQUIRE(bad.refusal.args.size() == 2);
    CHECK(bad.refusal.args[0] == "lawaai < 3");
    CHECK(play(g, act::react(kBuren, 1, ReactionKind::SupportIf, act::valueReason(tiny::rust),
                             {mits("locatie != sportpark")})) == "ok");
    CHECK(play(g, act::react(kSkaters, 1, ReactionKind::Object, act::preconditionReason(0))) ==
          "ok");
    // Reacting again replaces the seat's earlier reaction.
    CHECK(play(g, act::react(kBuren, 1, ReactionKind::Support,
                             act::valueReason(tiny::ontmoeting))) == "ok");
    const auto& reactions = g.state().proposals[1].reactions;
    REQUIRE(reactions.size() == 2);
    CHECK(reactions[0].seat == kBuren);
    CHECK(reactions[0].kind == ReactionKind::Support);
    CHECK(g.state().publicActions[kBuren][4] == 2);
}

TEST_CASE("besluit: a council majority takes a decision and ends the phase") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    REQUIRE(play(g, act::propose(kAmbtenaar, kPlekGemeente)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    CHECK(play(g, act::vote(kSkaters, 1, VoteKind::Yes)) == "refuse.not_a_voter");
    CHECK(play(g, act::vote(kRaadA, 0, VoteKind::Yes)) == "refuse.not_on_vote");
    CHECK(play(g, act::vote(kRaadA, 9, VoteKind::Yes)) == "refuse.unknown_proposal");
    CHECK(play(g, act::vote(kRaadA, 1, VoteKind::Yes, {mits("cost < 1")})) ==
          "refuse.conditions_not_allowed");
    CHECK(play(g, act::vote(kRaadA, 1, VoteKind::Yes)) == "ok");
    CHECK(play(g, act::vote(kRaadA, 1, VoteKind::No)) == "refuse.already_voted");
    CHECK_FALSE(g.state().decision.taken);
    // The proposal on the vote cannot be pulled away by a new one.
    CHECK(play(g, act::propose(kBuren, kParkGemeente)) == "refuse.proposal_on_table");
    CHECK(play(g, act::vote(kRaadB, 1, VoteKind::Yes, {},
                            act::valueReason(tiny::rechtmatigheid))) == "ok");

    const Decision& d = g.state().decision;
    REQUIRE(d.taken);
    CHECK(d.proposal == 1);
    CHECK(g.state().proposals[1].status == Proposal::Status::Accepted);
    // {plek, gemeente} after klacht (raad_a rust 3, budget 18000): feasible (cost 15000,
    // months 3) but buren at 100*(3*-1 + 1*1)/24 = -8.3 < min_support 0: not gedragen.
    CHECK_FALSE(d.gedragen);
    CHECK(d.draagvlak.minimum == doctest::Approx(-25.0 / 3.0));
    REQUIRE(d.support.size() == 5);
    CHECK(d.support[tiny::ambtenaar] == doctest::Approx(500.0 / 24.0));
    // pv: 2*1 + 1*-1 + 1*2 = 3 -> 300/24 = 12.5
    CHECK(d.publicValue == doctest::Approx(12.5));
    // A decision ends besluit; at reflectie every secret is revealed.
    CHECK(g.currentPhase() == PhaseKind::Reflectie);
    CHECK(std::all_of(g.state().secretRevealed.begin(), g.state().secretRevealed.end(),
                      [](bool b) { return b; }));
}

TEST_CASE("a decision with enough support for everyone is gedragen") {
    auto sc = tinyScenarioBuilder().rule(DecisionRule::CouncilMajority, -10).build();
    Game g = newGame(sc);
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekGemeente)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    REQUIRE(play(g, act::vote(kRaadA, 0, VoteKind::Yes)) == "ok");
    REQUIRE(play(g, act::vote(kRaadB, 0, VoteKind::Yes)) == "ok");
    // min support -8.3 >= -10 and feasible.
    CHECK(g.state().decision.gedragen);
}

TEST_CASE("a rejected proposal leaves besluit open for a new one") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    REQUIRE(play(g, act::vote(kRaadA, 0, VoteKind::No)) == "ok");
    CHECK(g.state().proposals[0].status == Proposal::Status::Open); // raad_b may still ja-mits
    REQUIRE(play(g, act::vote(kRaadB, 0, VoteKind::Yes)) == "ok");
    // 1 of 2 votes is not more than half.
    CHECK(g.state().proposals[0].status == Proposal::Status::Rejected);
    CHECK_FALSE(g.state().decision.taken);
    CHECK(g.currentPhase() == PhaseKind::Besluit);
    CHECK(play(g, act::vote(kRaadB, 0, VoteKind::Yes)) == "refuse.no_proposal");
    CHECK(play(g, act::amend(kSkaters, 0, kPlekGemeente)) == "refuse.amend_not_allowed");
    CHECK(play(g, act::propose(kBuren, kPlekGemeente)) == "ok");
    CHECK(play(g, act::vote(kRaadB, 1, VoteKind::Yes)) == "ok");
    CHECK(play(g, act::vote(kRaadA, 1, VoteKind::Yes)) == "ok");
    CHECK(g.state().decision.proposal == 1);
}

TEST_CASE("ja-mits sends the proposal back once and every voter votes on the new version") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    CHECK(play(g, act::vote(kRaadB, 0, VoteKind::JaMits)) == "refuse.conditions_required");
    CHECK(play(g, act::vote(kRaadB, 0, VoteKind::JaMits, {mits("cost + 1")})) ==
          "refuse.bad_condition");
    CHECK(play(g, act::vote(kRaadB, 0, VoteKind::JaMits, {mits("beheer == stichting")})) ==
          "refuse.bad_condition");
    const MitsCondition gemeente{"beheer == gemeente", act::valueReason(tiny::rechtmatigheid)};
    CHECK(play(g, act::vote(kRaadB, 0, VoteKind::JaMits, {gemeente})) == "ok");
    CHECK(play(g, act::vote(kRaadA, 0, VoteKind::Yes)) == "ok");
    REQUIRE(g.state().proposals[0].status == Proposal::Status::BackForAmendment);

    CHECK(play(g, act::vote(kRaadA, 0, VoteKind::Yes)) == "refuse.amendment_pending");
    CHECK(play(g, act::propose(kBuren, kPlekGemeente)) == "refuse.proposal_on_table");
    CHECK(play(g, act::react(kBuren, 0, ReactionKind::Support, act::valueReason(tiny::rust))) ==
          "ok");

    SUBCASE("the amendment meets the condition") {
        CHECK(play(g, act::amend(kAmbtenaar, 0, kPlekGemeente)) == "ok");
        const Proposal& v2 = g.state().proposals[1];
        CHECK(v2.amendmentRoundUsed);
        CHECK(g.state().proposals[0].status == Proposal::Status::Superseded);
        REQUIRE(v2.conditions.size() == 1);
        CHECK(v2.conditions[0].met);
        CHECK(v2.conditions[0].fromSeat == kRaadB);
        // Nobody has voted on the new version yet, raad_b neither: its met
        // condition is shown, but the version is not adopted unseen.
        CHECK(v2.votes.empty());
        CHECK(play(g, act::amend(kAmbtenaar, 1, kParkGemeente)) == "refuse.amend_not_allowed");
        CHECK(play(g, act::vote(kRaadA, 1, VoteKind::Yes)) == "ok");
        CHECK_FALSE(g.state().decision.taken); // 1 of 2 votes: raad_b still to vote
        CHECK(g.currentPhase() == PhaseKind::Besluit);
        CHECK(play(g, act::vote(kRaadB, 1, VoteKind::Yes)) == "ok");
        CHECK(g.state().decision.taken);
        CHECK(g.state().decision.proposal == 1);
    }
    SUBCASE("the amendment leaves the condition unmet") {
        CHECK(play(g, act::amend(kAmbtenaar, 0, kPlekJongeren)) == "ok");
        const Proposal& v2 = g.state().proposals[1];
        REQUIRE(v2.conditions.size() == 1);
        CHECK_FALSE(v2.conditions[0].met);
        CHECK(v2.votes.empty());
        // No second round: a ja-mits now counts as yes only when it already holds.
        // raad_b's unmet ja-mits is a no: 1 of 2 votes can no longer be a majority.
        CHECK(play(g, act::vote(kRaadB, 1, VoteKind::JaMits, {gemeente})) == "ok");
        CHECK(g.state().proposals[1].status == Proposal::Status::Rejected);
        CHECK_FALSE(g.state().decision.taken);
    }
}

TEST_CASE("an amendment made a moment after the votes is not adopted before the voters vote "
          "again") {
    // Issue 13: both council members voted, a bot amended 0.4 s later, and the
    // new version was adopted without either of them seeing it.
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    const MitsCondition gemeente{"beheer == gemeente", {}};
    REQUIRE(play(g, act::vote(kRaadA, 0, VoteKind::JaMits, {gemeente})) == "ok");
    REQUIRE(play(g, act::vote(kRaadB, 0, VoteKind::JaMits, {gemeente})) == "ok");
    REQUIRE(play(g, act::amend(kAmbtenaar, 0, kPlekGemeente)) == "ok"); // meets both
    const Proposal& v2 = g.state().proposals[1];
    CHECK(v2.status == Proposal::Status::Open);
    CHECK(v2.votes.empty());
    CHECK_FALSE(g.state().decision.taken);
    CHECK(g.currentPhase() == PhaseKind::Besluit);
    // The earlier voters vote again; only then is the new version adopted.
    REQUIRE(play(g, act::vote(kRaadA, 1, VoteKind::Yes)) == "ok");
    CHECK_FALSE(g.state().decision.taken);
    REQUIRE(play(g, act::vote(kRaadB, 1, VoteKind::Yes)) == "ok");
    CHECK(g.state().decision.taken);
    CHECK(g.state().decision.proposal == 1);
}

TEST_CASE("council votes are weighted, and an outcome that cannot change ends the vote early") {
    auto sc = tinyScenarioBuilder().build();
    auto weighted = std::make_shared<Scenario>(*sc);
    weighted->roles[tiny::raad_a].votes = 2; // 3 votes in all
    Game g = newGame(weighted);
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    REQUIRE(play(g, act::vote(kRaadB, 0, VoteKind::JaMits, {mits("months <= 2")})) == "ok");
    REQUIRE(play(g, act::vote(kRaadA, 0, VoteKind::No)) == "ok");
    REQUIRE(play(g, act::amend(kSkaters, 0, kPlekGemeente)) == "ok"); // months 3: still unmet
    // raad_a alone holds 2 of 3 votes: its yes decides before raad_b votes.
    REQUIRE(play(g, act::vote(kRaadA, 1, VoteKind::Yes)) == "ok");
    CHECK(g.state().decision.taken);
    CHECK(g.state().proposals[1].votes.size() == 1);
}

TEST_CASE("unanimous council and consensus need every voter") {
    SUBCASE("unanimous council: one no rejects") {
        Game g = newGame(tinyScenarioBuilder().rule(DecisionRule::UnanimousCouncil).build());
        advanceTo(g, PhaseKind::Voorstel);
        REQUIRE(play(g, act::propose(kSkaters, kPlekGemeente)) == "ok");
        advanceTo(g, PhaseKind::Besluit);
        CHECK(play(g, act::vote(kRaadA, 0, VoteKind::Yes)) == "ok");
        CHECK(play(g, act::vote(kRaadB, 0, VoteKind::No)) == "ok");
        CHECK(g.state().proposals[0].status == Proposal::Status::Rejected);
    }
    SUBCASE("consensus: every seat votes, and all must say yes") {
        Game g = newGame(tinyScenarioBuilder().rule(DecisionRule::Consensus).build());
        advanceTo(g, PhaseKind::Voorstel);
        REQUIRE(play(g, act::propose(kSkaters, kPlekGemeente)) == "ok");
        advanceTo(g, PhaseKind::Besluit);
        for (int seat = 0; seat < 4; ++seat)
            CHECK(play(g, act::vote(seat, 0, VoteKind::Yes)) == "ok");
        CHECK_FALSE(g.state().decision.taken);
        CHECK(play(g, act::vote(kRaadB, 0, VoteKind::Yes)) == "ok");
        CHECK(g.state().decision.taken);
    }
}

TEST_CASE("minute and condition events fire once and change the world") {
    Game g = newGame();
    // Nothing is due before minute 20 except the end of kennismaken at minute 5.
    auto due = g.dueActions(4 * 60000);
    CHECK(due.empty());
    due = g.dueActions(20 * 60000);
    REQUIRE(due.size() == 2);
    CHECK(due[0].type == ActionType::InjectEvent);
    CHECK(due[0].seat == kSystem);
    CHECK(due[0].event == tiny::plein_vrij);
    CHECK(due[1].type == ActionType::Advance);
    for (const Action& a : due)
        CHECK(play(g, a) == "ok");
    CHECK(g.state().world.optionEnabled[0][tiny::buurtplein]);
    CHECK(g.currentPhase() == PhaseKind::Perspectief);
    CHECK(play(g, act::inject(tiny::plein_vrij)) == "refuse.event_already_fired");
    CHECK(play(g, act::inject(12)) == "refuse.unknown_event");

    // duur_plan fires when the proposal on the table costs more than 25000.
    advanceTo(g, PhaseKind::Voorstel);
    CHECK_FALSE(g.state().secretRevealed[tiny::ambtenaar]);
    REQUIRE(play(g, act::propose(kBuren, kPlekGemeente)) == "ok");
    CHECK_FALSE(g.state().eventFired[tiny::duur_plan]);
    const std::size_t samples = g.state().supportHistory.size();
    REQUIRE(play(g, act::propose(kBuren, kParkGemeente)) == "ok");
    CHECK(g.state().eventFired[tiny::duur_plan]);
    CHECK(g.state().secretRevealed[tiny::ambtenaar]);
    CHECK(g.state().announcements.back().event == tiny::duur_plan);
    // One sample for the proposal, one for the event.
    CHECK(g.state().supportHistory.size() == samples + 2);
}

TEST_CASE("an event at a minute or a phase start comes at whichever is first") {
    // plein_vrij: at minute 20, or when voorstel starts (minute 30 by the default plan).
    auto sc = std::make_shared<Scenario>(*tinyScenario());
    sc->events[tiny::plein_vrij].phase = sc->phaseIndex(PhaseKind::Voorstel);
    const int voorstel = sc->phaseIndex(PhaseKind::Voorstel);
    const auto at = [](Action a, int minute) {
        a.timeMs = minute * 60000;
        return a;
    };
    SUBCASE("the phases ran short: it comes when voorstel starts, at minute 4") {
        Game g = newGame(sc);
        for (int minute = 1; minute <= 3; ++minute)
            REQUIRE(play(g, at(act::advance(), minute)) == "ok"); // to randvoorwaarden
        CHECK_FALSE(g.state().eventFired[tiny::plein_vrij]);
        REQUIRE(play(g, at(act::advance(), 4)) == "ok");
        CHECK(g.state().phase == voorstel);
        CHECK(g.state().eventFired[tiny::plein_vrij]);
        CHECK(g.state().world.optionEnabled[0][tiny::buurtplein]);
        REQUIRE(g.state().announcements.size() == 2); // klacht, then plein_vrij
        CHECK(g.state().announcements[1].event == tiny::plein_vrij);
        CHECK(g.state().announcements[1].timeMs == 4 * 60000);
        CHECK(g.state().announcements[1].phase == voorstel);
        // Its minute no longer brings it a second time.
        for (const Action& a : g.dueActions(20 * 60000))
            CHECK(a.type != ActionType::InjectEvent);
    }
    SUBCASE("the clock came first: it comes at minute 20, before voorstel") {
        Game g = newGame(sc);
        for (int minute = 5; minute <= 20; minute += 5)
            for (const Action& a : g.dueActions(minute * 60000))
                REQUIRE(play(g, a) == "ok");
        CHECK(g.currentPhase() == PhaseKind::Randvoorwaarden);
        CHECK(g.state().eventFired[tiny::plein_vrij]);
        REQUIRE(g.state().announcements.size() == 2); // plein_vrij, then klacht
        CHECK(g.state().announcements[0].event == tiny::plein_vrij);
        CHECK(g.state().announcements[0].timeMs == 20 * 60000);
        advanceTo(g, PhaseKind::Voorstel);
        CHECK(g.state().announcements.size() == 2); // voorstel brings no second one
    }
}

TEST_CASE("the facilitator can inject an event early") {
    Game g = newGame();
    CHECK(play(g, act::inject(tiny::klacht)) == "ok");
    CHECK(g.state().world.resources[0] == 18000);
    advanceTo(g, PhaseKind::Randvoorwaarden);
    // Already fired: no second budget cut, no second announcement.
    CHECK(g.state().announcements.size() == 1);
    CHECK(g.state().world.weights[tiny::raad_a][tiny::rust] == 3);
}

TEST_CASE("event weight changes are clamped to 0..3") {
    using K = EventEffect::Kind;
    auto sc = tinyScenarioBuilder()
                  .phaseEvent("meer", PhaseKind::Perspectief,
                              {effect(K::AddValueWeight, tiny::skaters, tiny::ontmoeting, 2),
                               effect(K::AddValueWeight, tiny::buren, tiny::ontmoeting, -5)})
                  .build();
    Game g = newGame(sc);
    advanceTo(g, PhaseKind::Perspectief);
    CHECK(g.state().world.weights[tiny::skaters][tiny::ontmoeting] == 3);
    CHECK(g.state().world.weights[tiny::buren][tiny::ontmoeting] == 0);
}

TEST_CASE("the clock: time runs out, pauses, extensions") {
    Game g = newGame();
    CHECK(g.state().phaseRemainingMs() == 5 * 60000);
    CHECK(play(g, act::at(act::done(kSkaters), 60000)) == "ok");
    CHECK(g.state().nowMs == 60000);
    CHECK(g.state().phaseRemainingMs() == 4 * 60000);
    // An action stamped earlier does not turn the clock back.
    CHECK(play(g, act::at(act::done(kSkaters), 1000)) == "ok");
    CHECK(g.state().nowMs == 60000);
    CHECK(play(g, act::at(act::advance(kSystem), 120000)) == "refuse.phase_not_over");

    CHECK(play(g, act::extend(0)) == "refuse.extend_zero");
    CHECK(play(g, act::extend(120)) == "ok");
    CHECK(g.state().phaseRemainingMs() == 6 * 60000);
    CHECK(play(g, act::extend(-3600)) == "ok");
    CHECK(g.state().phaseRemainingMs() == 0);
    REQUIRE(g.dueActions(60000).size() == 1);

    CHECK(play(g, act::resume()) == "refuse.not_paused");
    CHECK(play(g, act::pause()) == "ok");
    CHECK(play(g, act::pause()) == "refuse.already_paused");
    CHECK(g.dueActions(600000).empty());
    CHECK(play(g, act::done(kBuren)) == "refuse.paused");
    CHECK(play(g, act::resume()) == "ok");
    CHECK(play(g, act::at(act::advance(kSystem), 60000)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Perspectief);
    CHECK(g.state().phaseStartMs == 60000);
}

TEST_CASE("the phase ends when every seat is done, unless switched off") {
    Game g = newGame();
    for (int seat = 0; seat < 4; ++seat)
        REQUIRE(play(g, act::done(seat)) == "ok");
    // Done again takes it back.
    REQUIRE(play(g, act::done(kSkaters)) == "ok");
    CHECK_FALSE(g.state().done[kSkaters]);
    REQUIRE(play(g, act::done(kRaadB)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Kennismaken);
    REQUIRE(play(g, act::done(kSkaters)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Perspectief);
    CHECK_FALSE(g.state().done[kSkaters]);

    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, true);
    setup.endPhaseWhenAllDone = false;
    Game manual(sc, setup);
    for (int seat = 0; seat < 5; ++seat)
        REQUIRE(play(manual, act::done(seat)) == "ok");
    CHECK(manual.currentPhase() == PhaseKind::Kennismaken);
}

TEST_CASE("the facilitator switches ending the phase when everyone is done, mid-session") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.endPhaseWhenAllDone = false;
    Game g(sc, setup);
    CHECK_FALSE(g.state().endPhaseWhenAllDone);

    // Off: every seat done and the phase goes on.
    for (int seat = 0; seat < 5; ++seat)
        REQUIRE(play(g, act::done(seat)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Kennismaken);

    // Switched on while everyone is already done: the phase ends at once.
    REQUIRE(play(g, act::endWhenAllDone(true)) == "ok");
    CHECK(g.state().endPhaseWhenAllDone);
    CHECK(g.currentPhase() == PhaseKind::Perspectief);
    CHECK(std::none_of(g.state().done.begin(), g.state().done.end(), [](bool d) { return d; }));

    // On: the phase now ends when the last seat says it is done.
    for (int seat = 0; seat < 4; ++seat)
        REQUIRE(play(g, act::done(seat)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Perspectief);
    REQUIRE(play(g, act::done(kRaadB)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Waarden);

    // Switched on with someone not yet done: nothing ends until they are.
    REQUIRE(play(g, act::endWhenAllDone(false)) == "ok");
    for (int seat = 0; seat < 4; ++seat)
        REQUIRE(play(g, act::done(seat)) == "ok");
    REQUIRE(play(g, act::endWhenAllDone(true)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Waarden);
    REQUIRE(play(g, act::done(kRaadB)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Randvoorwaarden);

    // Switched off: everyone done and the phase goes on.
    REQUIRE(play(g, act::endWhenAllDone(false)) == "ok");
    for (int seat = 0; seat < 5; ++seat)
        REQUIRE(play(g, act::done(seat)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Randvoorwaarden);
    // Setting what is already set is refused, so the log holds only real switches.
    CHECK(play(g, act::endWhenAllDone(false)) == "refuse.end_when_done_unchanged");
}

TEST_CASE("only the facilitator can switch ending the phase when everyone is done") {
    Game g = newGame();
    for (int seat = 0; seat < 5; ++seat) {
        const ApplyResult r = applyAction(g, act::endWhenAllDone(false, seat));
        CHECK_FALSE(r.accepted);
        CHECK(r.refusal.key == "refuse.end_when_done_facilitator_only");
        CHECK(r.refusal.english ==
              "Only the facilitator decides whether a phase ends once everyone is done.");
    }
    // Nor does the clock.
    CHECK(play(g, act::endWhenAllDone(false, kSystem)) == "refuse.end_when_done_facilitator_only");
    CHECK(g.state().endPhaseWhenAllDone);
    CHECK(g.state().actionCount == 0);
    // The seats' refused switch changed nothing: everyone done still ends the phase.
    for (int seat = 0; seat < 5; ++seat)
        REQUIRE(play(g, act::done(seat)) == "ok");
    CHECK(g.currentPhase() == PhaseKind::Perspectief);
    // The facilitator may, also while paused.
    REQUIRE(play(g, act::pause()) == "ok");
    CHECK(play(g, act::endWhenAllDone(false)) == "ok");
    CHECK_FALSE(g.state().endPhaseWhenAllDone);
}

TEST_CASE("the session ends after reflectie, with begrip before and after") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Perspectief);
    // buren: top {rust, ontmoeting}; ambtenaar: top {rechtmatigheid, rust}:
    // two of four values each, c_r = 1/2, so a prediction scores 2 acc - 1.
    REQUIRE(play(g, act::predict(kSkaters, tiny::buren, {tiny::eigen_regie})) == "ok"); // -1
    REQUIRE(play(g, act::predict(kSkaters, tiny::ambtenaar, {tiny::rust})) == "ok");    // 0
    advanceTo(g, PhaseKind::Reflectie);
    REQUIRE(play(g, act::predict(kSkaters, tiny::buren, {tiny::rust, tiny::ontmoeting})) == "ok");
    const Measurements m = g.measure();
    REQUIRE(m.begrip[kSkaters].before.has_value());
    CHECK(*m.begrip[kSkaters].before == doctest::Approx(-0.5));
    CHECK(*m.begrip[kSkaters].after == doctest::Approx(1.0));
    CHECK_FALSE(m.begrip[kBuren].before.has_value());
    CHECK(*m.begripBefore == doctest::Approx(-0.5));
    CHECK(*m.begripAfter == doctest::Approx(1.0));
    CHECK(*m.begripGain == doctest::Approx(1.5));

    REQUIRE(play(g, act::advance()) == "ok");
    CHECK(g.state().finished);
    CHECK(g.state().phase == 7);
    CHECK(play(g, act::done(kSkaters)) == "refuse.finished");
    CHECK(play(g, act::advance()) == "refuse.finished");
    CHECK(g.dueActions(1000000000).empty());
}

TEST_CASE("inclusie counts public actions per seat and which roles were heard") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Waarden);
    REQUIRE(play(g, act::shareValue(kSkaters, tiny::ontmoeting)) == "ok");
    REQUIRE(play(g, act::shareValue(kSkaters, tiny::eigen_regie)) == "ok");
    REQUIRE(play(g, act::ask(kBuren, tiny::skaters)) == "ok");
    REQUIRE(play(g, act::done(kAmbtenaar)) == "ok"); // not a public action
    const Measurements m = g.measure();
    CHECK(m.actionsPerSeat == std::vector<int>{2, 1, 0, 0, 0});
    CHECK(m.actionsPerRole == std::vector<int>{2, 1, 0, 0, 0});
    // counts 0,0,0,1,2: sum i*x = 4*1 + 5*2 = 14; G = 2*14/(5*3) - 6/5 = 0.6667
    CHECK(m.inclusie == doctest::Approx(1.0 - (28.0 / 15.0 - 1.2)));
    CHECK(m.rolesHeardPerPhase[2] == doctest::Approx(0.4));
    CHECK(m.rolesHeardPerPhase[0] == doctest::Approx(0.0));
    CHECK(m.rolesHeard == doctest::Approx(0.4));
}

TEST_CASE("random actions never crash, refusals change nothing, and replays agree") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, true);
    setup.endPhaseWhenAllDone = false; // random "done"s would rush through the phases
    Game g(sc, setup);
    std::mt19937 rng(12345);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const std::vector<std::string> expressions = {"cost <= budget", "beheer == gemeente",
                                                  "months + 1",
                                                  "nonsense ==", "locatie != sportpark"};
    std::vector<Action> accepted;
    std::int64_t clock = 0;
    for (int i = 0; i < 50000 && !g.state().finished; ++i) {
        Action a;
        a.type = static_cast<ActionType>(pick(0, 16));
        // Mostly seats; sometimes the facilitator, the clock or nonsense.
        a.seat = pick(0, 9) < 8 ? pick(0, 4) : pick(-3, 6);
        if (a.type == ActionType::Advance && pick(0, 20) > 0)
            continue; // let the phases last long enough to do things in them
        clock += pick(0, 300);
        a.timeMs = clock;
        a.targetRole = pick(-1, 5);
        a.value = pick(-1, 4);
        a.precondition = pick(-1, 1);
        a.question = pick(-1, 3);
        a.proposal = pick(-1, 4);
        a.event = pick(-1, 3);
        a.seconds = pick(-100, 100);
        for (int n = pick(0, 4); n > 0; --n)
            a.values.push_back(pick(-1, 4));
        a.package = {pick(-1, 2), pick(0, 1)};
        if (pick(0, 9) == 0)
            a.package.pop_back();
        a.reaction = static_cast<ReactionKind>(pick(0, 2));
        a.vote = static_cast<VoteKind>(pick(0, 2));
        a.reason = {static_cast<Reason::Kind>(pick(0, 2)), pick(-1, 3)};
        for (int n = pick(0, 2); n > 0; --n)
            a.conditions.push_back({expressions[static_cast<std::size_t>(pick(0, 4))], {}});
        a.reasonText = pick(0, 1) ? "omdat" : "";
        a.enabled = pick(0, 9) == 0; // mostly "off": random "done"s would rush the phases

        const std::uint64_t before = g.state().actionCount;
        const std::size_t proposals = g.state().proposals.size();
        const ApplyResult r = applyAction(g, a);
        if (r.accepted) {
            accepted.push_back(a);
            CHECK(g.state().actionCount == before + 1);
        } else {
            CHECK_FALSE(r.refusal.key.empty());
            CHECK_FALSE(r.refusal.english.empty());
            CHECK(g.state().actionCount == before);
            CHECK(g.state().proposals.size() == proposals);
        }
        for (const Action& due : g.dueActions(clock)) // the clock, as a driver runs it
            if (applyAction(g, due).accepted)
                accepted.push_back(due);
    }
    // The walk did reach far: proposals were made and the session ended.
    CHECK(accepted.size() > 200);
    CHECK(g.state().proposals.size() >= 3);
    CHECK(g.state().finished);
    Game again(sc, setup);
    // Through the log's encoding, as a replay would read them.
    for (const Action& a : accepted) {
        std::string error;
        const std::optional<Action> decoded = decodeAction(encodeAction(a), error);
        REQUIRE_MESSAGE(decoded, error);
        REQUIRE(again.apply(*decoded).accepted); // through the log in both runs
    }
    CHECK(again.state().phase == g.state().phase);
    CHECK(again.state().endPhaseWhenAllDone == g.state().endPhaseWhenAllDone);
    CHECK(again.state().proposals.size() == g.state().proposals.size());
    CHECK(again.state().world.weights == g.state().world.weights);
    CHECK(again.state().publicActions == g.state().publicActions);
    CHECK(again.measure().inclusie == g.measure().inclusie);
}
