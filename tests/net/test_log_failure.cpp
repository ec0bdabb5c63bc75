// A host whose session log cannot be written stops the session and tells
// every player why (issue 10, finding 6): the farewell carries the reason, a
// player who tries again is refused with it, nobody saw an action the log
// lacks, and the host continued from its log takes the players back.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "../file_size_limit.hpp"
#include "core/log.hpp"
#include "net/protocol.hpp"
#include "net_test_util.hpp"

using namespace nettest;
namespace fs = std::filesystem;

TEST_CASE("a host that cannot write its log stops, and every player is told why") {
    auto sc = loadShipped("skatebaan");
    const auto dir = tempDir("log-fails");
    const std::string log = (dir / "s.log").string();
    SessionSetup setup = SessionSetup::defaultFor(*sc, false, 3);
    for (std::size_t i = 2; i < setup.seats.size(); ++i)
        setup.seats[i].bot = true;
    std::string error;
    auto host = net::Host::create(sc, setup, log, loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    const unsigned short port = host->port();
    auto a = join(*host, "skaters");
    auto b = join(*host, "omwonenden");
    net::ClientBot botA(*a), botB(*b);
    std::uint64_t receivedByA = 0; // session indices, counted from 1
    a->onAction = [&](std::uint64_t index, const Action&) {
        receivedByA = std::max(receivedByA, index + 1);
    };
    REQUIRE(runUntil(*host, {a.get(), b.get()},
                     [&] { return host->game() && host->game()->state().actionCount >= 10; }, 20.0,
                     {&botA, &botB}));
    const std::uintmax_t sizeBefore = fs::file_size(log);
    const std::string tokenA = a->token();
    std::uint64_t actionsAtStop = 0;
    {
        FileSizeLimit diskFull(sizeBefore + 40); // the next line does not fit
        CHECK(runUntil(*host, {a.get(), b.get()},
                       [&] {
                           return a->status() == net::Client::Status::Disconnected &&
                                  b->status() == net::Client::Status::Disconnected;
                       },
                       20.0, {&botA, &botB}));
        actionsAtStop = host->game()->state().actionCount;
    }
    CHECK(host->diskError().find("could not be written (File too large)") != std::string::npos);
    CHECK(host->diskErrorCode() == std::errc::file_too_large);
    for (net::Client* c : {a.get(), b.get()}) {
        CHECK(c->refusalKey() == net::reason::kHostLogFailed);
        CHECK(c->refusalMessage().find("its session log could not be written (File too large)") !=
              std::string::npos);
        CHECK(c->refusalMessage().find("the facilitator can continue") != std::string::npos);
    }
    // Sent only after it was written: the log holds every action applied and
    // every action a player saw, and ends with a whole line.
    CHECK(fs::file_size(log) == sizeBefore);
    const Replay replay = replaySessionLog(log);
    REQUIRE(replay.game);
    CHECK(replay.errors.empty());
    CHECK(replay.game->state().actionCount == actionsAtStop);
    CHECK(receivedByA > 0);
    CHECK(receivedByA <= actionsAtStop);

    // A player who tries again, or someone new with the code, hears the same.
    auto retry = rejoinWithToken(*host, tokenA);
    auto newcomer = join(*host);
    CHECK(runUntil(
        *host, {retry.get(), newcomer.get()},
        [&] {
            return retry->status() == net::Client::Status::Refused &&
                   newcomer->status() == net::Client::Status::Refused;
        },
        5.0));
    CHECK(retry->refusalKey() == net::reason::kHostLogFailed);
    CHECK(newcomer->refusalKey() == net::reason::kHostLogFailed);
    CHECK(host->game()->state().actionCount == actionsAtStop);

    // The facilitator frees the disk and continues: the seat comes back on
    // the same port, with everything up to the stop.
    host.reset();
    net::HostConfig again = loopbackConfig();
    again.port = port;
    auto resumed = net::Host::resume(log, again, error);
    REQUIRE_MESSAGE(resumed, error);
    CHECK(resumed->diskError().empty());
    CHECK(resumed->game()->state().actionCount == actionsAtStop);
    CHECK(resumed->resumeNotes().empty()); // no cut-off line was left behind
    auto back = rejoinWithToken(*resumed, tokenA);
    CHECK(runUntil(
        *resumed, {back.get()}, [&] { return back->status() == net::Client::Status::Playing; },
        5.0));
    CHECK(back->seat() == 0);
}

TEST_CASE("a start that finds no room for the log says why, leaves the seats free, and works "
          "once there is room") {
    auto sc = loadShipped("skatebaan");
    const auto dir = tempDir("start-fails");
    std::string error;
    auto host = net::Host::create(sc, SessionSetup::defaultFor(*sc, false, 3),
                                  (dir / "s.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    {
        FileSizeLimit diskFull(16); // not even the log's first line fits
        CHECK_FALSE(host->start(true));
    }
    CHECK_FALSE(host->started());
    CHECK(host->diskError().find("File too large") != std::string::npos);
    for (const net::SeatStatus& seat : host->seats())
        CHECK_FALSE(seat.bot); // not given to bots by the start that failed
    auto player = join(*host, "skaters");
    CHECK(runUntil(
        *host, {player.get()}, [&] { return player->status() == net::Client::Status::Lobby; },
        5.0));
    CHECK(host->start(true));
    CHECK(host->started());
    CHECK(host->diskError().empty());
    CHECK(runUntil(
        *host, {player.get()}, [&] { return player->status() == net::Client::Status::Playing; },
        5.0));
}
