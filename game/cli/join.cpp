// `samenspel join HOST:PORT --code C ...`: joins a hosted session. With --bot
// a bot plays the seat on this machine, seeing only what the seat may see;
// without it the game window opens on the join screen's result.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.hpp"
#include "net/client.hpp"
#include "net/host.hpp"
#include "net/protocol.hpp"

namespace samenspel::cli {

namespace {

volatile std::sig_atomic_t gStop = 0;
void onSignal(int) {
    gStop = 1;
}

const char* kUsage =
    "usage: samenspel join HOST:PORT --code C [--name N] [--seat ROLE] [--bot]\n"
    "                      [--table N | --wait [--came-with LABEL]] [--max-seconds T]\n"
    "Joins the session hosted at HOST:PORT with its session code.\n"
    "  --name N        your name at the table\n"
    "  --seat ROLE     the role you want (its id), else any free seat\n"
    "  --bot           a bot plays the seat (it sees only what the seat may see)\n"
    "  --table N       in a room of tables: sit at table N (counted from 1)\n"
    "  --wait          in a room: wait for the facilitator to deal you a seat\n"
    "  --came-with L   with --wait: a label shared with the people you came with\n"
    "  --max-seconds T give up after T seconds (exit code 3)\n"
    "A host that does not answer (yet), or a dropped connection, is tried again for\n"
    "30 seconds, waiting 0.5, 1, 2, 4, then 5 seconds between tries; a dropped seat\n"
    "comes back with its token.\n"
    "Exit codes: 0 session ended, 1 refused or lost, 2 bad input, 3 --max-seconds ran out.\n";

struct JoinArgs {
    net::ClientConfig config;
    bool bot = false;
    double maxSeconds = 0;
};

int parseArgs(const Args& args, JoinArgs& j) {
    std::string address;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&](std::string& out) { return takeValue(args, i, out); };
        std::string v;
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        } else if (a == "--bot") {
            j.bot = true;
        } else if (a == "--code" && next(v)) {
            j.config.code = v;
        } else if (a == "--name" && next(v)) {
            j.config.name = v;
        } else if (a == "--seat" && next(v)) {
            j.config.seatWish = v;
        } else if (a == "--table" && next(v) && std::atoi(v.c_str()) >= 1 &&
                   std::atoi(v.c_str()) <= net::kMaxTables) {
            j.config.table = std::atoi(v.c_str()) - 1;
        } else if (a == "--wait") {
            j.config.waitToBeSeated = true;
        } else if (a == "--came-with" && next(v)) {
            j.config.cameWith = v;
        } else if (a == "--max-seconds" && next(v)) {
            j.maxSeconds = std::atof(v.c_str());
            if (j.maxSeconds <= 0) {
                std::fprintf(stderr, "samenspel join: --max-seconds needs a positive number\n");
                return kExitBadInput;
            }
        } else if (!a.empty() && a[0] != '-' && address.empty()) {
            address = a;
        } else {
            std::fprintf(stderr, "samenspel join: bad or incomplete option '%s'\n\n%s", a.c_str(),
                         kUsage);
            return kExitBadInput;
        }
    }
    if (address.empty() || !net::splitHostPort(address, j.config.host, j.config.port)) {
        std::fprintf(stderr,
                     "samenspel join: give the host as ADDRESS:PORT, like 192.168.1.20:7531\n\n%s",
                     kUsage);
        return kExitBadInput;
    }
    if (j.config.code.empty()) {
        std::fprintf(stderr,
                     "samenspel join: --code is required (the three words the host shows)\n");
        return kExitBadInput;
    }
    j.config.bot = j.bot;
    return -1;
}

// Waits between tries that double, from half a second up to five, for at
// most half a minute in all: a host that is restarting, or full for a moment,
// is not hammered, and a person is told what happens.
class Backoff {
  public:
    // False once the half minute since the first failure is over.
    bool wait(const std::string& what) {
        const auto now = std::chrono::steady_clock::now();
        if (tries_ == 0)
            firstFailure_ = now;
        if (now - firstFailure_ > std::chrono::seconds(30))
            return false;
        const double seconds = std::min(5.0, 0.5 * static_cast<double>(1 << std::min(tries_, 4)));
        ++tries_;
        std::fprintf(stderr, "samenspel join: %s; trying again in %.1f s\n", what.c_str(), seconds);
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        return !gStop;
    }
    void reset() { tries_ = 0; }

  private:
    int tries_ = 0;
    std::chrono::steady_clock::time_point firstFailure_;
};

// Connects, trying again with backoff while the host does not answer or
// closes at once (not when it refuses: a wrong code stays wrong).
std::unique_ptr<net::Client> connectWithRetries(const net::ClientConfig& config, Backoff& backoff) {
    while (!gStop) {
        std::string error;
        if (auto client = net::Client::connect(config, error))
            return client;
        if (!backoff.wait(error)) {
            std::fprintf(stderr, "samenspel join: the host at %s:%u did not answer: %s\n",
                         config.host.c_str(), config.port, error.c_str());
            return nullptr;
        }
    }
    return nullptr;
}

void printOutcome(const net::Client& client) {
    const Game* g = client.game();
    if (!g)
        return;
    const Decision& d = g->state().decision;
    std::printf("Session ended: %s (seat %d, %llu actions)\n",
                d.taken ? (d.gedragen ? "a gedragen decision" : "a decision") : "no decision",
                client.seat(), static_cast<unsigned long long>(g->state().actionCount));
    std::fflush(stdout);
}

} // namespace

int runJoin(const Args& args) {
    JoinArgs j;
    if (int code = parseArgs(args, j); code >= 0)
        return code;
    if (!j.bot) {
        std::fprintf(stderr, "samenspel join: to play yourself, start the game and choose "
                             "'Join a session'; in a terminal, add --bot to let a bot play\n");
        return kExitBadInput;
    }
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    Backoff backoff;
    std::unique_ptr<net::Client> client = connectWithRetries(j.config, backoff);
    if (!client)
        return kExitFailure;
    auto bot = std::make_unique<net::ClientBot>(*client);
    const auto begin = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    };
    net::Client::Status shown = net::Client::Status::Connecting;
    while (!gStop) {
        client->poll(0.01);
        const auto status = client->status();
        if (status != shown) {
            shown = status;
            if (status == net::Client::Status::Waiting)
                std::printf("Waiting for the facilitator to deal a seat\n");
            else if (status == net::Client::Status::Lobby)
                std::printf("Seated at table %d, seat %d; waiting for the session to start\n",
                            client->table() + 1, client->seat());
            else if (status == net::Client::Status::Playing)
                std::printf("Playing seat %d\n", client->seat());
            std::fflush(stdout);
        }
        if (client->finished()) {
            printOutcome(*client);
            return kExitOk;
        }
        if (status == net::Client::Status::Refused) {
            std::fprintf(stderr, "samenspel join: refused by the host: %s\n",
                         client->refusalMessage().c_str());
            return kExitFailure;
        }
        if (status == net::Client::Status::Disconnected) {
            if (client->refusalKey() == net::reason::kReplaced) {
                std::fprintf(stderr, "samenspel join: disconnected: %s\n",
                             client->refusalMessage().c_str());
                return kExitFailure;
            }
            const std::string why = "the connection was lost (" + client->refusalMessage() + ")";
            if (!backoff.wait(why)) {
                std::fprintf(stderr, "samenspel join: could not reconnect\n");
                return kExitFailure;
            }
            std::string ignored;
            if (!client->token().empty()) {
                client->reconnect(ignored); // the seat stays ours: back with its token
            } else {
                // Closed before we had a seat (the host was full for a
                // moment): join again from the start.
                bot.reset();
                client = connectWithRetries(j.config, backoff);
                if (!client)
                    return kExitFailure;
                bot = std::make_unique<net::ClientBot>(*client);
            }
        } else {
            if (status == net::Client::Status::Playing || status == net::Client::Status::Lobby)
                backoff.reset();
            bot->step();
        }
        if (j.maxSeconds > 0 && elapsed() > j.maxSeconds) {
            std::fprintf(stderr, "samenspel join: --max-seconds ran out\n");
            return kExitTimeout;
        }
    }
    client->disconnect();
    return kExitFailure;
}

} // namespace samenspel::cli
