// A rejoining player gets the session so far in slices: however many actions
// a session holds, no message and no send buffer grows past the host's send
// limit, so a long (or flooded) session never locks a player out of their
// seat (issue 10, finding 2: a 44 MB welcome was refused as "not reading").
#include <doctest/doctest.h>

#include <string>

#include "core/limits.hpp"
#include "core/log.hpp"
#include "net/protocol.hpp"
#include "net_test_util.hpp"

using namespace samenspel;
using namespace nettest;

namespace {

// `n` characters of three bytes each ("€"), so a note uses its limit in bytes.
std::string euros(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += "\xE2\x82\xAC";
    return s;
}

// Every package of the scenario, in a fixed order (skatebaan has few).
std::vector<Package> allPackages(const Scenario& sc) {
    std::vector<Package> out{Package{}};
    for (const Issue& issue : sc.issues) {
        std::vector<Package> next;
        for (const Package& p : out)
            for (std::size_t o = 0; o < issue.options.size(); ++o) {
                Package q = p;
                q.push_back(static_cast<int>(o));
                next.push_back(std::move(q));
            }
        out = std::move(next);
    }
    return out;
}

} // namespace

TEST_CASE("a player rejoining a flooded session gets every action in slices and keeps the seat") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("catchup");
    net::HostConfig config = loopbackConfig();
    // A small send limit stands for a long session: the flood below is over
    // it, as 44 MB were over the real 8 MiB. (Not much smaller: the public
    // support list, sent whole, grows with the number of proposals too.)
    config.maxOutgoingBytes = 256 * 1024;
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false),
                                  (dir / "s.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);
    std::size_t actionBytes = 0;
    host->onActionApplied = [&](std::uint64_t, const Action& a) {
        actionBytes += encodeAction(a).size();
    };
    BotClients players;
    for (const Role& role : sc->roles)
        players.add(join(*host, role.id));
    REQUIRE(runUntil(
        *host, players.raw,
        [&] { return host->game() && host->game()->currentPhase() == PhaseKind::Voorstel; }, 40.0,
        players.rawBots));

    // Every seat floods the table with proposals with the longest notes the
    // rules allow, each until its limit for the phase.
    int accepted = 0;
    for (net::Client* flooder : players.raw) {
        int own = 0;
        for (const Package& p : allPackages(*sc)) {
            if (own == limits::kProposalsPerPhase ||
                host->game()->currentPhase() != PhaseKind::Voorstel)
                break;
            Action propose;
            propose.type = ActionType::Propose;
            propose.seat = flooder->seat();
            propose.package = p;
            propose.reasonText = euros(500);
            if (!host->game()->check(propose).accepted)
                continue;
            REQUIRE(flooder->sendAction(propose));
            REQUIRE(runUntil(
                *host, players.raw, [&] { return !flooder->awaitingReply(); }, 5.0));
            own += flooder->lastActionRefusal() ? 0 : 1;
        }
        accepted += own;
    }
    CHECK(accepted >= 120);
    REQUIRE_MESSAGE(actionBytes > config.maxOutgoingBytes,
                    "the flood must be larger than the send limit for this test to mean anything");

    // Another player's laptop drops and comes back with its token.
    net::Client& other = *players.clients[1];
    const int seat = other.seat();
    other.disconnect();
    std::string reconnectError;
    REQUIRE(other.reconnect(reconnectError));
    const int slicesBefore = host->stats().catchUpSlicesSent;
    REQUIRE(runUntil(
        *host, players.raw, [&] { return other.status() == net::Client::Status::Playing; }, 10.0));
    CHECK(other.seat() == seat);
    CHECK_FALSE(other.catchingUp());
    CHECK(host->stats().catchUpSlicesSent - slicesBefore > 1);
    CHECK(host->stats().dropReasons.count(net::reason::kNotReading) == 0);
    // The table on the laptop is the host's: every proposal, with its note.
    const GameState& hostState = host->game()->state();
    const GameState& seen = other.game()->state();
    CHECK(seen.proposals.size() == hostState.proposals.size());
    CHECK(seen.phase == hostState.phase);
    CHECK(other.mirrorRefusals() == 0);
    REQUIRE_FALSE(seen.proposals.empty());
    CHECK(seen.proposals.back().note == hostState.proposals.back().note);

    // To the end: the reveal sends every action again in slices, the hidden
    // ones too, and each laptop's copy ends where the host's game ends.
    REQUIRE(players.playToEnd(*host, 60.0));
    for (const net::Client* c : players.raw) {
        CHECK(c->game()->state().actionCount == host->game()->state().actionCount);
        CHECK(c->game()->state().decision.proposal == host->game()->state().decision.proposal);
        CHECK(c->mirrorRefusals() == 0);
    }
}
