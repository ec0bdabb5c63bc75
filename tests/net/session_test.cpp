// Whole sessions over loopback: bots joining as clients, reconnecting, and a
// host resuming from its log.
#include "net_test_util.hpp"

#include "core/log.hpp"

using namespace samenspel;
using namespace nettest;

TEST_CASE("a networked session with bot clients plays to the debrief") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("session");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false), (dir / "s.log").string(),
                                  loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);

    std::vector<std::unique_ptr<net::Client>> clients;
    std::vector<std::unique_ptr<net::ClientBot>> bots;
    for (const Role& role : sc->roles)
        clients.push_back(join(*host, role.id));
    std::vector<net::Client*> raw;
    std::vector<net::ClientBot*> rawBots;
    for (auto& c : clients) {
        raw.push_back(c.get());
        bots.push_back(std::make_unique<net::ClientBot>(*c));
        rawBots.push_back(bots.back().get());
    }
    const bool finished = runUntil(
        *host, raw,
        [&] {
            for (auto* c : raw)
                if (!c->finished())
                    return false;
            return host->finished();
        },
        40.0, rawBots);
    if (!finished) {
        const GameState& st = host->game() ? host->game()->state() : GameState{};
        MESSAGE("host phase " << st.phase << " actions " << st.actionCount << " clock "
                              << host->clockMs());
        for (auto* c : raw)
            MESSAGE("client seat " << c->seat() << " status " << static_cast<int>(c->status())
                                   << " mirror refusals " << c->mirrorRefusals() << " awaiting "
                                   << c->awaitingReply() << " refusal "
                                   << (c->lastActionRefusal() ? c->lastActionRefusal()->english
                                                              : std::string("-"))
                                   << " key " << c->refusalKey() << " " << c->refusalMessage());
    }
    REQUIRE(finished);
    // Every client ends with the host's own game: the same decision and actions.
    const GameState& truth = host->game()->state();
    for (auto* c : raw) {
        CHECK(c->mirrorRefusals() == 0);
        CHECK(c->game()->state().actionCount == truth.actionCount);
        CHECK(c->game()->state().decision.taken == truth.decision.taken);
        CHECK(c->game()->state().decision.gedragen == truth.decision.gedragen);
    }
    // The log replays to the same session.
    Replay replay = replaySessionLog((dir / "s.log").string());
    REQUIRE(replay.game);
    CHECK(replay.game->state().actionCount == truth.actionCount);
    CHECK(replay.game->state().finished);
}
