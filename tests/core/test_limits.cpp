// The limits of core/limits.hpp in the rules engine: for each, the last
// action within the limit is accepted and the next one is refused with its
// key, and a text from outside reaches the state (and so the log) only as
// valid UTF-8 without control or bidi characters. The tiny scenario seats one
// player per role: seat 0 skaters, 1 buren, 2 ambtenaar, 3 raad_a, 4 raad_b.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/game.hpp"
#include "core/limits.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum Seat { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };

const Package kPlekJongeren = {tiny::huidige_plek, tiny::jongeren};

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
