// A host that crashed or was closed is started again on the same port at
// once, while the connections it had still linger in the kernel (TIME_WAIT):
// the players' laptops only know that port, so it must be free to take. And
// it comes back with the session clock it had (below).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "net_test_util.hpp"

using namespace nettest;

TEST_CASE("a restarted host gets its port back while its old connections linger") {
    auto scenario = loadShipped("skatebaan");
    const auto dir = tempDir("restart");
    std::string error;
    auto first = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 2),
                                   (dir / "one.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(first, error);
    const unsigned short port = first->port();
    auto client = join(*first, "skaters");
    net::Host& host = *first;
    net::Client& c = *client;
    REQUIRE(runUntil(
        host, {&c}, [&] { return c.status() == net::Client::Status::Lobby; }, 5));
    // The host closes first, so its side of the connection waits in TIME_WAIT.
    first->shutdown(0.5);
    first.reset();
    client->poll(0.1);

    net::HostConfig again = loopbackConfig();
    again.port = port;
    auto second = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 2),
                                    (dir / "two.log").string(), again, error);
    REQUIRE_MESSAGE(second, error);
    CHECK(second->port() == port);

    // Two live hosts still cannot share a port.
    auto third = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 2),
                                   (dir / "three.log").string(), again, error);
    CHECK_FALSE(third);
}

// [The clock after a crash] ------------------------------------------------------
// The log holds the time of every action, but a quiet stretch logs nothing. A
// host restarted from its log must come back with the session clock it had
// (within the second between two checkpoints), not with the last action's
// time, and a player who rejoins must count down from that clock too.

namespace {

// People in every seat and no bots (a bot acting after the restart would
// tell the players the clock by itself); the first phase lasts 30 minutes,
// and the clock runs 300 times real time, so minutes pass in a fraction of a
// second.
struct QuietTable {
    std::shared_ptr<const Scenario> sc = loadShipped("skatebaan");
    std::filesystem::path dir = tempDir("clock");
    std::string log = (dir / "s.log").string();

    static net::HostConfig config(double clockSpeed) {
        net::HostConfig c = loopbackConfig();
        c.clockSpeed = clockSpeed;
        return c;
    }

    SessionSetup setup() const {
        SessionSetup s = SessionSetup::defaultFor(*sc, false, 7);
        s.phaseMinutes.assign(sc->phases.size(), -1);
        s.phaseMinutes[0] = 30;
        return s;
    }

    struct Played {
        std::unique_ptr<net::Host> host;
        std::vector<std::unique_ptr<net::Client>> people; // seat by seat
    };

    // A host of this table: people take every seat (which starts the
    // session), the facilitator keeps the phase from ending early, the first
    // seat says it is done; then `quietMinutes` go by with no action.
    Played playThenWait(int quietMinutes) const {
        Played p;
        std::string error;
        p.host = net::Host::create(sc, setup(), log, config(300), error);
        REQUIRE_MESSAGE(p.host, error);
        net::Host& host = *p.host;
        std::vector<net::Client*> all;
        for (std::size_t i = 0; i < host.seats().size(); ++i) {
            p.people.push_back(join(host, "", "piano-zebra-tango", false));
            all.push_back(p.people.back().get());
        }
        REQUIRE(runUntil(
            host, all,
            [&] {
                return host.game() && std::all_of(all.begin(), all.end(), [](net::Client* c) {
                           return c->status() == net::Client::Status::Playing;
                       });
            },
            5));
        Action keep;
        keep.type = ActionType::SetEndWhenAllDone;
        keep.enabled = false;
        REQUIRE(host.submitFacilitator(keep));
        net::Client& first = *p.people[0];
        Action done;
        done.type = ActionType::Done;
        REQUIRE(first.sendAction(done));
        REQUIRE(runUntil(
            host, all, [&] { return !first.awaitingReply(); }, 5));
        REQUIRE_FALSE(first.lastActionRefusal().has_value());
        const std::int64_t quietFrom = host.game()->state().nowMs;
        REQUIRE(runUntil(
            host, all, [&] { return host.clockMs() >= quietFrom + quietMinutes * 60'000; }, 5));
        return p;
    }
};

std::int64_t remainingMs(const GameState& st, std::int64_t clockMs) {
    return st.phaseStartMs + st.phaseDurationMs - clockMs;
}

// Runs `play` in a child process, which then dies by SIGKILL: no destructor,
// no farewell, no last checkpoint; only what the host wrote as it went stays,
// as when the facilitator's laptop crashes. `play` writes "key value" lines
// for the parent to compare with; they come back as a map.
std::map<std::string, std::string> crashAfter(const std::function<void(std::ostream&)>& play) {
    const auto result = tempDir("crash") / "result";
    std::fflush(nullptr);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            std::ostringstream out;
            play(out);
            std::ofstream(result) << out.str();
        } catch (...) {
            ::_exit(2); // a failed REQUIRE in the child: the parent sees no result
        }
        ::kill(::getpid(), SIGKILL);
        ::_exit(3);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE_MESSAGE(WIFSIGNALED(status), "the child exited with " << WEXITSTATUS(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
    std::map<std::string, std::string> values;
    std::ifstream in(result);
    std::string key, value;
    while (in >> key >> value)
        values[key] = value;
    REQUIRE_MESSAGE(!values.empty(), "the child wrote no result");
    return values;
}

// A client that rejoins `host` with the seat's token.
std::unique_ptr<net::Client> rejoin(net::Host& host, const std::string& token) {
    auto client = rejoinWithToken(host, token);
    REQUIRE(runUntil(
        host, {client.get()}, [&] { return client->status() == net::Client::Status::Playing; }, 5));
    return client;
}

} // namespace

TEST_CASE("a host restarted after a crash resumes its timers where they were, for its players "
          "too") {
    QuietTable table;
    const auto before = crashAfter([&](std::ostream& out) {
        auto [host, people] = table.playThenWait(5);
        const GameState& st = host->game()->state();
        out << "clock " << host->clockMs() << "\nlast_action " << st.nowMs << "\nphase " << st.phase
            << "\nactions " << st.actionCount << "\nremaining " << remainingMs(st, host->clockMs())
            << "\ntoken " << people[0]->token() << "\n";
    });
    const std::int64_t clockBefore = std::stoll(before.at("clock"));
    // Only then does the last action's time tell the wrong story.
    REQUIRE(clockBefore - std::stoll(before.at("last_action")) >= 5 * 60'000);

    std::string error;
    auto host = net::Host::resume(table.log, QuietTable::config(1), error);
    REQUIRE_MESSAGE(host, error);
    const GameState& st = host->game()->state();
    CHECK(st.phase == std::stoi(before.at("phase")));
    CHECK(st.actionCount == std::stoull(before.at("actions")));
    // The checkpoint is at most a second behind, never ahead.
    CHECK(host->clockMs() <= clockBefore);
    CHECK(host->clockMs() > clockBefore - 1000);
    const std::int64_t remaining = remainingMs(st, host->clockMs());
    CHECK(remaining >= std::stoll(before.at("remaining")));
    CHECK(remaining < std::stoll(before.at("remaining")) + 1000);

    // The player's laptop rejoins and counts down from the host's clock.
    auto person = rejoin(*host, before.at("token"));
    CHECK(person->seat() == 0);
    CHECK(std::llabs(person->estimatedClockMs() - host->clockMs()) < 1000);
}

TEST_CASE("a paused session restarted after a crash stays paused and its clock stands still") {
    QuietTable table;
    const auto before = crashAfter([&](std::ostream& out) {
        auto [host, people] = table.playThenWait(2);
        Action pause;
        pause.type = ActionType::Pause;
        REQUIRE(host->submitFacilitator(pause));
        runUntil(
            *host, {}, [] { return false; }, 0.3); // the clock must not run
        out << "clock " << host->clockMs() << "\ntoken " << people[0]->token() << "\n";
    });
    const std::int64_t clockBefore = std::stoll(before.at("clock"));

    std::string error;
    auto host = net::Host::resume(table.log, QuietTable::config(300), error);
    REQUIRE_MESSAGE(host, error);
    CHECK(host->game()->state().paused);
    CHECK(host->clockMs() == clockBefore);
    auto person = rejoin(*host, before.at("token"));
    // Running, 0.3 s would be 90 session seconds at this speed.
    runUntil(
        *host, {person.get()}, [] { return false; }, 0.3);
    CHECK(host->game()->state().paused);
    CHECK(host->clockMs() == clockBefore);
    CHECK(person->estimatedClockMs() == clockBefore);

    // And it runs again once the facilitator resumes (so the test could see it run).
    Action resume;
    resume.type = ActionType::Resume;
    REQUIRE(host->submitFacilitator(resume));
    runUntil(
        *host, {person.get()}, [] { return false; }, 0.3);
    CHECK(host->clockMs() > clockBefore + 30'000);
}
