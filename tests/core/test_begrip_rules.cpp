// Begrip v2 in play: the answer_item action, its place in the measurements,
// the log, and the board that hides what was shared while people answer.
// The tiny scenario seats one player per role: seat 0 skaters, 1 buren,
// 2 ambtenaar, 3 raad_a, 4 raad_b (see test_helpers.hpp).
#include <doctest/doctest.h>

#include "core/begrip.hpp"
#include "core/game.hpp"
#include "core/log.hpp"
#include "core/visibility.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum Seat { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };
constexpr int kRedLine = static_cast<int>(BegripItemKind::RedLine);
constexpr int kInterest = static_cast<int>(BegripItemKind::Interest);

std::string play(Game& g, const Action& a) {
    const ApplyResult r = applyAction(g, a);
    return r.accepted ? "ok" : r.refusal.key;
}

BegripItem itemFor(const Game& g, int seat, int target, int kind) {
    const auto item = begripItem(g.scenario(), g.state().world, g.roleOfSeat(seat), target,
                                 static_cast<BegripItemKind>(kind));
    REQUIRE(item);
    return *item;
}

int wrongChoice(const BegripItem& item) {
    return item.correct == 0 ? 1 : 0;
}

} // namespace

TEST_CASE("answer_item: a red line or an interest of another role, at perspectief and reflectie") {
    auto sc = tinyScenario();
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, 0)) == "refuse.wrong_phase");
    advanceTo(g, PhaseKind::Perspectief);

    // About skaters' red line, asked of buren: "snel", and ambtenaar's
    // "binnen_budget" as the distractor (buren have none of their own).
    const BegripItem red = itemFor(g, kBuren, tiny::skaters, kRedLine);
    REQUIRE(red.options.size() == 2);
    CHECK(red.options[static_cast<std::size_t>(red.correct)].role == tiny::skaters);
    CHECK(red.options[static_cast<std::size_t>(wrongChoice(red))].role == tiny::ambtenaar);
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, wrongChoice(red))) == "ok");
    REQUIRE(g.state().itemAnswers.size() == 1);
    CHECK_FALSE(g.state().itemAnswers[0].right);
    CHECK(g.state().itemAnswers[0].optionCount == 2);
    CHECK(g.state().itemAnswers[0].phase == 1);
    // A new answer to the same question in the same phase replaces the old one.
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, red.correct)) == "ok");
    REQUIRE(g.state().itemAnswers.size() == 1);
    CHECK(g.state().itemAnswers[0].right);

    // Skaters' interest: beheer differs most for them (jongeren 3*0 + 2*3 = 6
    // against gemeente -2; locatie only 4 against 3), and jongeren is best.
    const BegripItem interest = itemFor(g, kBuren, tiny::skaters, kInterest);
    CHECK(interest.issue == 1);
    CHECK(interest.options[static_cast<std::size_t>(interest.correct)].option == tiny::jongeren);

    CHECK(play(g, act::answerItem(kBuren, tiny::buren, kRedLine, 0)) == "refuse.own_role");
    CHECK(play(g, act::answerItem(kBuren, 9, kRedLine, 0)) == "refuse.unknown_role");
    // The values item is a prediction, not an answer_item.
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, 0, 0)) == "refuse.unknown_item");
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, 7, 0)) == "refuse.unknown_item");
    // Buren have no red line to ask about.
    CHECK(play(g, act::answerItem(kSkaters, tiny::buren, kRedLine, 0)) == "refuse.unknown_item");
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kInterest, 2)) == "refuse.unknown_choice");
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kInterest, -1)) ==
          "refuse.unknown_choice");
    CHECK(g.state().itemAnswers.size() == 1);
    // Answering is private: it is no public action for inclusie.
    CHECK(g.measure().actionsPerSeat[kBuren] == 0);

    advanceTo(g, PhaseKind::Waarden);
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kInterest, 0)) == "refuse.wrong_phase");
}

TEST_CASE("begrip v2 of a person: the mean over every item answered in the phase") {
    auto sc = tinyScenario();
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(g, PhaseKind::Perspectief);
    const BegripItem red = itemFor(g, kBuren, tiny::skaters, kRedLine);
    // skaters weigh ontmoeting and eigen_regie of four values: c_r = 1/2.
    REQUIRE(play(g, act::predict(kBuren, tiny::skaters, {tiny::ontmoeting, tiny::eigen_regie})) ==
            "ok"); // acc 1: 1
    REQUIRE(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, wrongChoice(red))) ==
            "ok"); // wrong of 2: -1
    advanceTo(g, PhaseKind::Reflectie);
    const BegripItem interest = itemFor(g, kBuren, tiny::skaters, kInterest);
    REQUIRE(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, red.correct)) == "ok"); // 1
    REQUIRE(play(g, act::answerItem(kBuren, tiny::skaters, kInterest, interest.correct)) ==
            "ok");                                                                      // 1
    REQUIRE(play(g, act::predict(kSkaters, tiny::buren, {tiny::eigen_regie})) == "ok"); // -1

    const Measurements m = g.measure();
    CHECK(m.begripVersion == 2);
    CHECK(*m.begrip[kBuren].before == doctest::Approx(0.0));
    CHECK(*m.begrip[kBuren].after == doctest::Approx(1.0));
    CHECK(*m.begrip[kSkaters].after == doctest::Approx(-1.0));
    CHECK_FALSE(m.begrip[kSkaters].before.has_value());
    CHECK_FALSE(m.begrip[kAmbtenaar].before.has_value());
    CHECK(*m.begripBefore == doctest::Approx(0.0));
    CHECK(*m.begripAfter == doctest::Approx(0.0)); // (1 + -1) / 2
    // Only buren's player answered in both phases: the gain is theirs, 1.
    CHECK(*m.begripGain == doctest::Approx(1.0));
    const PersonMeasure& buren = m.people[kBuren];
    CHECK(buren.itemsBefore == 2);
    CHECK(buren.itemsAfter == 2);

    // The same session measured as begrip v1: the acc of the predictions only.
    g.setBegripVersion(1);
    const Measurements v1 = g.measure();
    CHECK(v1.begripVersion == 1);
    CHECK(*v1.begrip[kBuren].before == doctest::Approx(1.0));
    CHECK_FALSE(v1.begrip[kBuren].after.has_value());
    CHECK(*v1.begrip[kSkaters].after == doctest::Approx(0.0));
    CHECK_FALSE(v1.begripGain.has_value());
}

TEST_CASE("nobody answered in both phases: no gain, not zero") {
    auto sc = tinyScenario();
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(g, PhaseKind::Perspectief);
    REQUIRE(play(g, act::predict(kBuren, tiny::skaters, {tiny::ontmoeting})) == "ok");
    advanceTo(g, PhaseKind::Reflectie);
    REQUIRE(play(g, act::predict(kSkaters, tiny::buren, {tiny::rust})) == "ok");
    const Measurements m = g.measure();
    CHECK(m.begripBefore.has_value());
    CHECK(m.begripAfter.has_value());
    CHECK_FALSE(m.begripGain.has_value());
}

TEST_CASE("the board hides what was shared while a person at the table still answers") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, true);
    setup.seats[kBuren].bot = false; // one person, four bots
    Game g(sc, setup);
    CHECK_FALSE(boardHidden(g));
    REQUIRE(play(g, act::endWhenAllDone(false)) == "ok");
    advanceTo(g, PhaseKind::Perspectief);
    CHECK(boardHidden(g));
    const std::vector<BegripItem> items = begripItems(*sc, g.state().world, tiny::buren);
    CHECK(unansweredBegripItems(g, kBuren, -1) == static_cast<int>(items.size()));
    // The person answers everything: the board shows again.
    for (const BegripItem& item : items) {
        if (item.kind == BegripItemKind::Values)
            REQUIRE(play(g, act::predict(kBuren, item.targetRole, {tiny::rust})) == "ok");
        else
            REQUIRE(play(g, act::answerItem(kBuren, item.targetRole, static_cast<int>(item.kind),
                                            0)) == "ok");
    }
    CHECK(unansweredBegripItems(g, kBuren, -1) == 0);
    CHECK_FALSE(boardHidden(g));
    // The next phases show it; reflectie asks again, with fresh answers.
    advanceTo(g, PhaseKind::Waarden);
    CHECK_FALSE(boardHidden(g));
    advanceTo(g, PhaseKind::Reflectie);
    CHECK(boardHidden(g));
    // A person who says they are done sees the board, answered or not.
    REQUIRE(play(g, act::done(kBuren)) == "ok");
    CHECK_FALSE(boardHidden(g));
}

TEST_CASE("a team: each member answers, and the board waits for all of them") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, true);
    setup.seats[kBuren].bot = false;
    setup.seats[kBuren].members = {"Anouk", "Bram"};
    Game g(sc, setup);
    advanceTo(g, PhaseKind::Perspectief);
    const std::vector<BegripItem> items = begripItems(*sc, g.state().world, tiny::buren);
    for (const BegripItem& item : items) {
        Action a = item.kind == BegripItemKind::Values
                       ? act::predict(kBuren, item.targetRole, {tiny::rust})
                       : act::answerItem(kBuren, item.targetRole, static_cast<int>(item.kind),
                                         item.correct);
        a.person = 0;
        REQUIRE(play(g, a) == "ok");
    }
    CHECK(unansweredBegripItems(g, kBuren, 0) == 0);
    CHECK(unansweredBegripItems(g, kBuren, 1) == static_cast<int>(items.size()));
    CHECK(boardHidden(g));
}

TEST_CASE("an answer_item action survives the log") {
    Action a = act::answerItem(kBuren, tiny::skaters, kInterest, 1);
    a.person = 2;
    const std::string line = encodeAction(a);
    CHECK(line.find("\"type\":\"answer_item\"") != std::string::npos);
    CHECK(line.find("\"itemKind\":2") != std::string::npos);
    CHECK(line.find("\"choice\":1") != std::string::npos);
    std::string error;
    const std::optional<Action> back = decodeAction(line, error);
    REQUIRE_MESSAGE(back, error);
    CHECK(back->type == ActionType::AnswerItem);
    CHECK(back->targetRole == tiny::skaters);
    CHECK(back->itemKind == kInterest);
    CHECK(back->choice == 1);
    CHECK(back->person == 2);
    CHECK(begripVersionOfLogFormat(kLogFormatVersion) == 2);
    CHECK(begripVersionOfLogFormat(2) == 1);
    CHECK(begripVersionOfLogFormat(1) == 1);
}

TEST_CASE("a client's copy takes an answer as the host accepted it, and scores it not") {
    auto sc = tinyScenario();
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    g.setPartialView(true);
    advanceTo(g, PhaseKind::Perspectief);
    // The red line about skaters has two options on the host; the copy cannot
    // tell, so it takes any of the four places an item can have.
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, 3)) == "ok");
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, kRedLine, 4)) == "refuse.unknown_choice");
    CHECK(play(g, act::answerItem(kBuren, tiny::skaters, 0, 0)) == "refuse.unknown_item");
    REQUIRE(g.state().itemAnswers.size() == 1);
    CHECK(g.state().itemAnswers[0].optionCount == 0);
    CHECK_FALSE(g.measure().begrip[kBuren].before.has_value());
}
