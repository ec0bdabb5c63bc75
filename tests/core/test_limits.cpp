// The limits of core/limits.hpp in the rules engine: for each, the last
// action within the limit is accepted and the next one is refused with its
// key, and a text from outside reaches the state (and so the log) only as
// valid UTF-8 without control or bidi characters. The tiny scenario seats one
// player per role: seat 0 skaters, 1 buren, 2 ambtenaar, 3 raad_a, 4 raad_b.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "core/limits.hpp"
#include "core/log.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum Seat { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };

const Package kPlekJongeren = {tiny::huidige_plek, tiny::jongeren};
const Package kPlekGemeente = {tiny::huidige_plek, tiny::gemeente};

Game newGame() {
    auto sc = tinyScenario();
    return Game(sc, SessionSetup::defaultFor(*sc, false));
}

std::string play(Game& g, const Action& a) {
    const ApplyResult r = g.apply(a);
    return r.accepted ? "ok" : r.refusal.key;
}

// `n` characters of two bytes each ("é"), so a limit in bytes would show.
std::string eAcute(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += "\xC3\xA9";
    return s;
}

// A valid condition of exactly `n` characters: "cost <= budget" and spaces.
MitsCondition conditionOfLength(std::size_t n) {
    std::string e = "cost <= budget";
    e.resize(n, ' ');
    return {e, {}};
}

Action supportIf(int seat, int proposal, std::vector<MitsCondition> conditions) {
    return act::react(seat, proposal, ReactionKind::SupportIf, act::valueReason(tiny::rust),
                      std::move(conditions));
}

} // namespace

TEST_CASE("the limits are far above what a session needs, and below a flood") {
    // docs/rules.md "Limits" lists the same numbers.
    CHECK(limits::kReasonTextChars == 500);
    CHECK(limits::kConditionChars == 200);
    CHECK(limits::kSeatNameChars == 60);
    CHECK(limits::kConditionsPerAction == 5);
    CHECK(limits::kProposalsPerPhase == 30);
    CHECK(limits::kReactionsPerPhase == 100);
    CHECK(limits::kDoneTogglesPerPhase == 20);
}

TEST_CASE("a reason text is counted in characters, not bytes") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Waarden);
    REQUIRE(play(g, act::ask(kSkaters, tiny::buren)) == "ok");
    REQUIRE(play(g, act::ask(kSkaters, tiny::buren, tiny::rust)) == "ok");
    const ApplyResult over = g.apply(act::decline(kBuren, 0, eAcute(limits::kReasonTextChars + 1)));
    CHECK(over.refusal.key == "refuse.text_too_long");
    CHECK(over.refusal.args == std::vector<std::string>{"500", "501"});
    CHECK(over.refusal.english == "The text is too long: 501 characters, at most 500 are allowed.");
    CHECK(play(g, act::decline(kBuren, 0, eAcute(limits::kReasonTextChars))) == "ok");
    CHECK(g.state().questions[0].declineReason.size() == 2 * limits::kReasonTextChars);

    // The same limit for a proposal's note.
    advanceTo(g, PhaseKind::Voorstel);
    CHECK(play(g, act::propose(kSkaters, kPlekJongeren, eAcute(501))) == "refuse.text_too_long");
    CHECK(play(g, act::propose(kSkaters, kPlekJongeren, eAcute(500))) == "ok");
}

TEST_CASE("a text with invalid UTF-8, a control or a bidi character is refused") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    auto refusal = [&](const std::string& note) {
        return g.apply(act::propose(kSkaters, kPlekJongeren, note)).refusal;
    };
    CHECK(refusal("caf\xC3").key == "refuse.text_invalid_utf8");      // cut inside "é"
    CHECK(refusal("\xC0\xAF").key == "refuse.text_invalid_utf8");     // an overlong "/"
    CHECK(refusal("\xED\xA0\x80").key == "refuse.text_invalid_utf8"); // a surrogate
    const Refusal bidi = refusal("goed \xE2\x80\xAE"
                                 "dees"); // U+202E
    CHECK(bidi.key == "refuse.text_unsafe_character");
    CHECK(bidi.args == std::vector<std::string>{"U+202E"});
    CHECK(bidi.english ==
          "The text contains an invisible control or text-direction character (U+202E); "
          "remove it.");
    CHECK(refusal("\xE2\x81\xA6x\xE2\x81\xA9").args == std::vector<std::string>{"U+2066"});
    CHECK(refusal(std::string("a\0b", 3)).args == std::vector<std::string>{"U+0000"});
    CHECK(refusal("twee\nregels").args == std::vector<std::string>{"U+000A"});
    CHECK(refusal("\x1b[31mrood").args == std::vector<std::string>{"U+001B"});
    CHECK(refusal("\xC2\x85").args == std::vector<std::string>{"U+0085"});
    CHECK(g.state().proposals.empty());
    // A right-to-left text itself is fine: only the invisible overrides are not.
    CHECK(play(g, act::propose(kSkaters, kPlekJongeren, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D")) ==
          "ok");

    // The same for a condition's text.
    CHECK(play(g, supportIf(kBuren, 0, {{"cost <= budget\xE2\x80\xAD", {}}})) ==
          "refuse.text_unsafe_character");
}

TEST_CASE("a condition's text and the number of conditions are limited") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    const ApplyResult over = g.apply(supportIf(kBuren, 0, {conditionOfLength(201)}));
    CHECK(over.refusal.key == "refuse.text_too_long");
    CHECK(over.refusal.args == std::vector<std::string>{"200", "201"});
    CHECK(play(g, supportIf(kBuren, 0, {conditionOfLength(200)})) == "ok");

    const std::vector<MitsCondition> five(limits::kConditionsPerAction, conditionOfLength(14));
    std::vector<MitsCondition> six = five;
    six.push_back(conditionOfLength(14));
    const ApplyResult many = g.apply(supportIf(kBuren, 0, six));
    CHECK(many.refusal.key == "refuse.too_many_conditions");
    CHECK(many.refusal.args == std::vector<std::string>{"5"});
    CHECK(many.refusal.english == "Give at most 5 conditions at once.");
    CHECK(play(g, supportIf(kBuren, 0, five)) == "ok");
    CHECK(g.state().proposals[0].reactions[0].conditions.size() == 5);
}

TEST_CASE("a seat makes at most 30 proposals and amendments per phase") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    for (int i = 0; i < limits::kProposalsPerPhase - 1; ++i)
        REQUIRE(play(g, act::propose(kSkaters, i % 2 ? kPlekGemeente : kPlekJongeren)) == "ok");
    // The 30th is an amendment: both count.
    const int last = g.proposalOnTable();
    REQUIRE(play(g, act::amend(kSkaters, last, kPlekGemeente)) == "ok");
    CHECK(g.state().phaseCounts[kSkaters].proposals == 30);
    const ApplyResult over = g.apply(act::propose(kSkaters, kPlekGemeente));
    CHECK(over.refusal.key == "refuse.too_many_proposals");
    CHECK(over.refusal.args == std::vector<std::string>{"30"});
    CHECK(over.refusal.english == "You have made 30 proposals and amendments in this phase, the "
                                  "most a seat can make in one phase.");
    CHECK(play(g, act::amend(kSkaters, g.proposalOnTable(), kPlekJongeren)) ==
          "refuse.too_many_proposals");
    CHECK(g.state().proposals.size() == 30);
    // Another seat is not held back, and the next phase starts from zero.
    CHECK(play(g, act::propose(kBuren, kPlekGemeente)) == "ok");
    advanceTo(g, PhaseKind::Besluit);
    CHECK(g.state().phaseCounts[kSkaters].proposals == 0);
    CHECK(play(g, act::propose(kSkaters, kPlekGemeente)) == "ok");
}

TEST_CASE("a seat reacts at most 100 times per phase, a changed reaction counted again") {
    Game g = newGame();
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(play(g, act::propose(kSkaters, kPlekJongeren)) == "ok");
    for (int i = 0; i < limits::kReactionsPerPhase; ++i) {
        const ReactionKind kind = i % 2 ? ReactionKind::Object : ReactionKind::Support;
        REQUIRE(play(g, act::react(kBuren, 0, kind, act::valueReason(tiny::rust))) == "ok");
    }
    const ApplyResult over =
        g.apply(act::react(kBuren, 0, ReactionKind::Support, act::valueReason(tiny::rust)));
    CHECK(over.refusal.key == "refuse.too_many_reactions");
    CHECK(over.refusal.args == std::vector<std::string>{"100"});
    CHECK(over.refusal.english ==
          "You have reacted 100 times in this phase, the most a seat can react in one phase.");
    CHECK(g.state().proposals[0].reactions.size() == 1);
    CHECK(g.state().proposals[0].reactions[0].kind == ReactionKind::Object);
    CHECK(play(g, act::react(kAmbtenaar, 0, ReactionKind::Support,
                             act::valueReason(tiny::rechtmatigheid))) == "ok");
}

TEST_CASE("a seat switches done at most 20 times per phase") {
    Game g = newGame();
    for (int i = 0; i < limits::kDoneTogglesPerPhase; ++i)
        REQUIRE(play(g, act::done(kSkaters)) == "ok");
    CHECK_FALSE(g.state().done[kSkaters]); // an even number of switches
    const ApplyResult over = g.apply(act::done(kSkaters));
    CHECK(over.refusal.key == "refuse.too_many_done_toggles");
    CHECK(over.refusal.args == std::vector<std::string>{"20"});
    CHECK(over.refusal.english == "You have switched 'done' on or off 20 times in this phase, the "
                                  "most a seat can in one phase.");
    CHECK(play(g, act::done(kBuren)) == "ok");
    // The phase still ends, by time or by the facilitator, and the next one
    // starts from zero.
    CHECK(play(g, act::advance()) == "ok");
    CHECK(g.state().phaseCounts[kSkaters].doneToggles == 0);
    CHECK(play(g, act::done(kSkaters)) == "ok");
}

TEST_CASE("a replayed log gives the same verdicts at the limits") {
    auto sc = tinyScenario();
    const SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    Game g(sc, setup);
    std::vector<Action> tried;
    std::vector<bool> verdicts;
    std::int64_t clock = 0;
    auto attempt = [&](Action a) {
        a.timeMs = clock += 250;
        tried.push_back(a);
        verdicts.push_back(g.apply(a).accepted);
    };
    for (int i = 0; i < 25; ++i)
        attempt(act::done(kRaadA));
    attempt(act::advance());
    for (int i = 0; i < 25; ++i)
        attempt(act::done(kRaadA));
    Game again(sc, setup);
    for (std::size_t i = 0; i < tried.size(); ++i) {
        std::string error;
        const std::optional<Action> decoded = decodeAction(encodeAction(tried[i]), error);
        REQUIRE_MESSAGE(decoded, error);
        CHECK(again.apply(*decoded).accepted == verdicts[i]);
    }
    CHECK(std::count(verdicts.begin(), verdicts.end(), true) == 41); // 20 + advance + 20
    CHECK(again.state().phaseCounts[kRaadA].doneToggles == 20);
}

TEST_CASE("seat names in the setup are made safe and cut to 60 characters") {
    auto sc = tinyScenario();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    setup.seats[0].name = eAcute(60);
    setup.seats[1].name = eAcute(61);
    setup.seats[2].name = "Mo\xE2\x80\xAE"
                          "dees\xFF";
    setup.seats[3].name = std::string("An\0na\n", 6);
    const Game g(sc, setup);
    CHECK(g.setup().seats[0].name == eAcute(60));
    CHECK(g.setup().seats[1].name == eAcute(60));
    CHECK(g.setup().seats[2].name == "Modees\xEF\xBF\xBD");
    CHECK(g.setup().seats[3].name == "Anna ");
    CHECK(g.setup().seats[4].name.empty());
}
