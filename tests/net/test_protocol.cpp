// The frame format and the bounded JSON reader: what arrives from strangers;
// and the scenario text a client receives: what it must not learn from it.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "core/log.hpp"
#include "core/scenario.hpp"
#include "net/protocol.hpp"
#include "net/redact.hpp"

using namespace samenspel::net;

TEST_CASE("frames are cut out of a byte stream however it arrives") {
    std::string stream = frame("{\"v\":1,\"type\":\"a\"}") + frame("{\"v\":1,\"type\":\"b\"}");
    FrameReader reader(kMaxClientFrame);
    std::vector<std::string> bodies;
    for (char c : stream) { // one byte at a time
        reader.feed(&c, 1);
        while (auto body = reader.next())
            bodies.push_back(*body);
    }
    REQUIRE(bodies.size() == 2);
    CHECK(bodies[1] == "{\"v\":1,\"type\":\"b\"}");
    CHECK_FALSE(reader.midFrame());
}

TEST_CASE("a length beyond the limit marks the stream as oversized without buffering it") {
    FrameReader reader(16);
    const std::string header("\x00\x00\x00\x11", 4); // 17 bytes announced
    reader.feed(header.data(), header.size());
    CHECK_FALSE(reader.next());
    CHECK(reader.oversized());
    CHECK(reader.announcedSize() == 17);
}

TEST_CASE("messages need a version and a type and broken JSON is an error not a crash") {
    std::string error;
    CHECK(parseMessage("{\"v\":1,\"type\":\"hello\",\"code\":\"x\"}", error));
    CHECK_FALSE(parseMessage("{\"type\":\"hello\"}", error));
    CHECK_FALSE(parseMessage("{\"v\":1}", error));
    CHECK_FALSE(parseMessage("[1,2]", error));
    CHECK_FALSE(parseMessage("{\"v\":1,\"type\":\"x\"", error));
    CHECK_FALSE(parseMessage("{\"v\":1,\"type\":\"x\",\"s\":\"\\ud800\"}", error));
    CHECK_FALSE(parseMessage(std::string(100000, '['), error));
    CHECK(error.find("deep") != std::string::npos);
    CHECK(parseMessage("{\"v\":1,\"type\":\"x\",\"a\":" + std::string(31, '[') +
                           std::string(31, ']') + "}",
                       error));
    CHECK_FALSE(parseMessage("{\"v\":1,\"type\":\"x\",\"a\":" + std::string(32, '[') +
                                 std::string(32, ']') + "}",
                             error));
}

TEST_CASE("numbers from the network are range-checked before they become ints") {
    std::string error;
    for (const char* v : {"1e39", "-1e39", "4294967297", "1.5", "18446744073709551616"}) {
        CAPTURE(v);
        CHECK_FALSE(parseMessage(std::string("{\"v\":") + v + ",\"type\":\"hello\"}", error));
        CHECK(error == "the protocol version \"v\" must be a whole number");
    }
    const auto m = parseMessage(
        "{\"v\":1,\"type\":\"hello\",\"big\":1e39,\"huge\":18446744073709551615,\"n\":-7}", error);
    REQUIRE(m);
    CHECK(m->body.intOr("big", -1) == -1);
    CHECK(m->body.intOr("huge", -1) == -1);
    CHECK(m->body.intOr("n", 0) == -7);
    CHECK(m->body.stringOr("n", "none") == "none");
    CHECK_FALSE(samenspel::decodeAction(
        samenspel::Json::parse("{\"type\":\"done\",\"seat\":4294967296}"), error));
    CHECK(error == "'seat' has the wrong type");
}

TEST_CASE("an action inside a message is decoded from the parsed value") {
    std::string error;
    const auto m = parseMessage("{\"v\":1,\"type\":\"action\",\"action\":{\"type\":\"done\","
                                "\"seat\":2},\"n\":\"\\u00e9\"}",
                                error);
    REQUIRE(m);
    const samenspel::Json* a = m->body.find("action");
    REQUIRE(a);
    const auto action = samenspel::decodeAction(*a, error);
    REQUIRE_MESSAGE(action, error);
    CHECK(action->type == samenspel::ActionType::Done);
    CHECK(action->seat == 2);
    CHECK(m->body.stringOr("n") == "\xc3\xa9");
}

TEST_CASE("session codes are three words and typing them loosely still matches") {
    const std::string code = sessionCodeFromSeed(42);
    CHECK(std::count(code.begin(), code.end(), '-') == 2);
    CHECK(code == sessionCodeFromSeed(42));
    CHECK(normalizeSessionCode("  Piano Zebra_TANGO ") == "piano-zebra-tango");
    std::string host;
    unsigned short port = 0;
    CHECK(splitHostPort("192.168.1.20:7531", host, port));
    CHECK(host == "192.168.1.20");
    CHECK(port == 7531);
    CHECK_FALSE(splitHostPort("192.168.1.20", host, port));
    CHECK_FALSE(splitHostPort("host:99999", host, port));
    // What the projector shows for phones works on a laptop too.
    CHECK(splitHostPort("http://10.0.0.7:7600", host, port));
    CHECK(host == "10.0.0.7");
    CHECK(port == 7600);
    CHECK(splitHostPort("HTTP://10.0.0.8:7601/?code=piano-zebra-tango", host, port));
    CHECK(host == "10.0.0.8");
    CHECK(port == 7601);
    CHECK_FALSE(splitHostPort("http://10.0.0.7/", host, port));
    CHECK_FALSE(splitHostPort("http://", host, port));
}

namespace {

using samenspel::Action;
using samenspel::ActionType;
using samenspel::Game;
using samenspel::PhaseKind;
using samenspel::Reason;
using samenspel::Scenario;

std::shared_ptr<const Scenario> loadSkatebaan() {
    samenspel::LoadResult r = samenspel::loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) +
                                                          "/scenarios/skatebaan.yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

int seatOf(const Game& g, int role) {
    for (int seat = 0; seat < g.seatCount(); ++seat)
        if (g.roleOfSeat(seat) == role)
            return seat;
    return -1;
}

// A session on `sc` that puts one of the ambtenaar's preconditions on the
// table and cites the other one as a reason, then replaces that reaction.
struct Played {
    std::unique_ptr<Game> game;
    std::vector<Action> actions;
    // The text each role's client holds after each action.
    std::vector<std::vector<std::string>> texts; // [action][role]
};

Played play(const std::shared_ptr<const Scenario>& sc) {
    Played out;
    out.game = std::make_unique<Game>(sc, samenspel::SessionSetup::defaultFor(*sc, false));
    Game& g = *out.game;
    const int official = seatOf(g, sc->roleIndex("ambtenaar_buitenruimte"));
    const int skaters = seatOf(g, sc->roleIndex("skaters"));
    auto apply = [&](Action a) {
        REQUIRE_MESSAGE(g.apply(a).accepted, samenspel::actionTypeId(a.type));
        out.actions.push_back(a);
        std::vector<std::string> perRole;
        for (std::size_t r = 0; r < sc->roles.size(); ++r)
            perRole.push_back(redactedScenarioYaml(*sc, RedactionView::of(g, static_cast<int>(r))));
        out.texts.push_back(std::move(perRole));
    };
    auto advanceTo = [&](PhaseKind phase) {
        while (g.currentPhase() != phase) {
            Action a;
            a.type = ActionType::Advance;
            apply(a);
        }
    };
    advanceTo(PhaseKind::Randvoorwaarden);
    Action share;
    share.type = ActionType::SharePrecondition;
    share.seat = official;
    share.precondition = 0; // binnen_budget
    apply(share);
    advanceTo(PhaseKind::Voorstel);
    Action propose;
    propose.type = ActionType::Propose;
    propose.seat = skaters;
    for (const auto& issue : sc->issues) {
        (void)issue;
        propose.package.push_back(0);
    }
    apply(propose);
    Action react;
    react.type = ActionType::React;
    react.seat = official;
    react.proposal = 0;
    react.reaction = samenspel::ReactionKind::Object;
    react.reason = {Reason::Kind::Precondition, 1}; // beheer_betaalbaar, never shared
    apply(react);
    react.reason = {Reason::Kind::Precondition, 0}; // replaces the reaction above
    apply(react);
    return out;
}

} // namespace

TEST_CASE("a client's scenario text does not tell how many preconditions another role hides") {
    auto sc = loadSkatebaan();
    const int official = sc->roleIndex("ambtenaar_buitenruimte");
    const int youth = sc->roleIndex("jongerenwerker");
    REQUIRE(official >= 0);
    REQUIRE(youth >= 0);
    REQUIRE(sc->roles[static_cast<std::size_t>(official)].preconditions.size() == 2);
    REQUIRE(sc->roles[static_cast<std::size_t>(youth)].preconditions.empty());

    // The same case, but the ambtenaar holds one precondition more (never
    // named) and the jongerenwerker three instead of none.
    auto more = std::make_shared<Scenario>(*sc);
    auto& officialPre = more->roles[static_cast<std::size_t>(official)].preconditions;
    samenspel::Precondition extra = officialPre.front();
    extra.id = "extra_geheim";
    extra.name = samenspel::LocalizedText::plain("Extra geheim");
    officialPre.push_back(extra);
    for (int i = 0; i < 3; ++i) {
        extra.id = "jeugd_" + std::to_string(i);
        more->roles[static_cast<std::size_t>(youth)].preconditions.push_back(extra);
    }

    const Played a = play(sc);
    const Played b = play(more);
    REQUIRE(a.texts.size() == b.texts.size());
    for (std::size_t i = 0; i < a.texts.size(); ++i) {
        for (std::size_t r = 0; r < sc->roles.size(); ++r) {
            if (static_cast<int>(r) == official || static_cast<int>(r) == youth)
                continue; // those know their own
            CAPTURE(i);
            CAPTURE(sc->roles[r].id);
            // Byte for byte the same: nothing in it depends on what is still hidden.
            CHECK(a.texts[i][r] == b.texts[i][r]);
        }
    }
    // The test can tell: the ambtenaar's own text does differ.
    CHECK(a.texts.back()[static_cast<std::size_t>(official)] !=
          b.texts.back()[static_cast<std::size_t>(official)]);
    const std::string& seen = a.texts.back()[static_cast<std::size_t>(sc->roleIndex("skaters"))];
    CHECK(seen.find("binnen_budget") != std::string::npos); // shared: complete
    CHECK(seen.find("beheer_betaalbaar") == std::string::npos);
    CHECK(seen.find("upkeep <= beheerbudget") == std::string::npos);
}

TEST_CASE(
    "a client's copy of the rules accepts every action it receives, cited preconditions too") {
    auto sc = loadSkatebaan();
    const Played p = play(sc);
    const samenspel::GameState& truth = p.game->state();
    for (std::size_t r = 0; r < sc->roles.size(); ++r) {
        CAPTURE(sc->roles[r].id);
        // The copy is built as a client builds it: from the last text it got,
        // with every action replayed, the replaced reaction included.
        samenspel::LoadResult loaded = samenspel::loadScenarioText(p.texts.back()[r], "client");
        REQUIRE_MESSAGE(loaded.ok(), (loaded.errors.empty() ? "" : loaded.errors.front().format()));
        auto copy = std::make_shared<const Scenario>(std::move(*loaded.scenario));
        Game mirror(copy, p.game->setup());
        for (const Action& a : p.actions) {
            std::string error;
            const auto wire = samenspel::decodeAction(samenspel::encodeAction(a), error);
            REQUIRE_MESSAGE(wire, error);
            const samenspel::ApplyResult result = mirror.apply(*wire);
            CHECK_MESSAGE(result.accepted, result.refusal.english);
        }
        CHECK(mirror.state().phase == truth.phase);
        CHECK(mirror.state().sharedPreconditions.size() == truth.sharedPreconditions.size());
        REQUIRE(mirror.state().proposals.size() == 1);
        CHECK(mirror.state().proposals[0].reactions.size() == truth.proposals[0].reactions.size());
        CHECK(mirror.state().actionCount == truth.actionCount);
    }
}
