// Load benchmark of issue #12 item 6: one host, a room of TABLES tables of 7
// seats, a scripted client (a ClientBot) on every seat, all on loopback. The
// host runs in a child process (its memory and CPU are its own); the parent
// runs the clients. Both stamp with the system-wide monotonic clock: an
// action's arrival at the host, and its arrival at each client of its table.
//
//   bench_room [TABLES] [HUMAN_SECONDS] [FULL_SECONDS]
//
// Two runs: at human pace (each client acts at most once every 3 to 8 s,
// the session clock at real time) for HUMAN_SECONDS, then at full speed
// (clients act as soon as their bot wants to, the clock jumps while only
// bots play) until every table finished or FULL_SECONDS passed.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "net/client.hpp"
#include "net/host.hpp"

#include "bench_util.hpp"

using namespace samenspel;
using Clock = std::chrono::steady_clock;
using bench::nowNs;
using bench::percentile;
using bench::statusKb;

namespace {

const std::string kCode = "bench-room-test";
constexpr int kSeatsPerTable = 7;

struct Run {
    int tables = 150;
    bool fullSpeed = false;
    double seconds = 60;
};

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The child: hosts the room, then writes "a table index arrivalNs" lines,
// its memory and its CPU time.
int runHost(std::shared_ptr<const Scenario> sc, const Run& run, int portPipe,
            const std::string& out) {
    net::HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.code = kCode;
    config.handshakeTimeoutSeconds = 60;
    config.maxConnections = run.tables * kSeatsPerTable + 100;
    config.maxConnectionsPerAddress = config.maxConnections; // every client is on 127.0.0.1
    config.room.tables = run.tables;
    if (!run.fullSpeed)
        config.botFastForwardMs = 0; // people's pace: the clock runs at real time
    // A turn of the clients' loop reads every client: the clock jumps only
    // when the bots had a few turns to act.
    config.botIdleMs = 500;
    std::string error;
    auto host = net::Host::create(sc, net::setupForPlayers(*sc, kSeatsPerTable, 7), out + ".log",
                                  config, error);
    if (!host) {
        std::fprintf(stderr, "bench_room: %s\n", error.c_str());
        return 1;
    }
    std::vector<std::tuple<int, std::uint64_t, std::int64_t>> arrival;
    host->onTableActionApplied = [&](int table, std::uint64_t index, const Action& a) {
        if (a.seat >= 0)
            arrival.emplace_back(table, index, nowNs());
    };
    const unsigned short port = host->port();
    if (write(portPipe, &port, sizeof port) != sizeof port)
        return 1;
    close(portPipe);
    const auto begin = Clock::now();
    const double cpuAtStart = cpuSeconds();
    double cpuAtPlay = cpuAtStart;
    auto playBegan = begin;
    long peakRss = 0;
    const auto limit = std::chrono::duration<double>(run.seconds + 120);
    while (!host->finished() && Clock::now() - begin < limit) {
        host->poll(0.005);
        if (!host->started() && host->waiting().empty()) {
            bool full = true;
            for (int t = 0; t < host->tableCount() && full; ++t)
                for (const net::SeatStatus& s : host->table(t).seats)
                    full = full && s.taken;
            if (full) {
                host->start(false);
                playBegan = Clock::now();
                cpuAtPlay = cpuSeconds();
            }
        }
        peakRss = std::max(peakRss, statusKb("VmRSS:"));
        if (host->started() &&
            Clock::now() - playBegan > std::chrono::duration<double>(run.seconds))
            break;
    }
    const double played = std::chrono::duration<double>(Clock::now() - playBegan).count();
    const double cpuPlay = cpuSeconds() - cpuAtPlay;
    const double cpuJoin = cpuAtPlay - cpuAtStart;
    int finished = 0;
    for (int t = 0; t < host->tableCount(); ++t) {
        finished += host->table(t).finished ? 1 : 0;
        std::remove(host->table(t).logPath.c_str());
        std::remove((host->table(t).logPath + ".net").c_str());
        std::remove((host->table(t).logPath + ".clock").c_str());
        std::remove((host->table(t).logPath + ".finished").c_str());
    }
    host->shutdown(2.0);
    std::ofstream file(out);
    file << "rss " << peakRss << "\nhwm " << statusKb("VmHWM:") << "\n";
    file << "finished " << finished << "\nplayed " << played << "\n";
    file << "cpuplay " << cpuPlay << "\ncpujoin " << cpuJoin << "\n";
    for (const auto& [table, index, t] : arrival)
        file << "a " << table << ' ' << index << ' ' << t << "\n";
    return 0;
}

void runRoom(std::shared_ptr<const Scenario> sc, const Run& run) {
    const std::string out = "/tmp/samenspel-bench-room-" + std::to_string(getpid());
    int fds[2];
    if (pipe(fds) != 0)
        return;
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        std::_Exit(runHost(sc, run, fds[1], out));
    }
    close(fds[1]);
    unsigned short port = 0;
    if (read(fds[0], &port, sizeof port) != sizeof port) {
        std::fprintf(stderr, "bench_room: the host did not start\n");
        return;
    }
    const int clients = run.tables * kSeatsPerTable;
    std::vector<std::unique_ptr<net::Client>> conns;
    std::vector<std::unique_ptr<net::ClientBot>> bots;
    // (table, index) -> (clients that got it, the last one's time)
    std::map<std::pair<int, std::uint64_t>, std::pair<int, std::int64_t>> received;
    for (int i = 0; i < clients; ++i) {
        net::ClientConfig c;
        c.port = port;
        c.code = kCode;
        c.name = "p" + std::to_string(i + 1);
        c.table = i / kSeatsPerTable;
        c.bot = run.fullSpeed; // at human pace the host waits for people
        std::string error;
        auto client = net::Client::connect(c, error);
        if (!client) {
            std::fprintf(stderr, "bench_room: client %d: %s\n", i, error.c_str());
            break;
        }
        const int table = c.table;
        // At the end every client gets all actions again (the reveal): only
        // an action's first delivery counts.
        auto newest = std::make_shared<std::int64_t>(-1);
        client->onAction = [&received, table, newest](std::uint64_t index, const Action&) {
            if (static_cast<std::int64_t>(index) <= *newest)
                return;
            *newest = static_cast<std::int64_t>(index);
            auto& r = received[{table, index}];
            ++r.first;
            r.second = nowNs();
        };
        bots.push_back(std::make_unique<net::ClientBot>(*client));
        conns.push_back(std::move(client));
        if (i % 50 == 49)
            for (auto& cl : conns)
                cl->poll(0.0); // read the welcomes as they come
    }
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> pause(3.0, 8.0);
    std::vector<Clock::time_point> nextAct(conns.size(), Clock::now());
    const auto begin = Clock::now();
    std::size_t turn = 0;
    std::vector<double> botSteps; // ms one client's bot took to decide (it reads nothing meanwhile)
    while (Clock::now() - begin < std::chrono::duration<double>(run.seconds + 120)) {
        bool allDone = true;
        bool anyOpen = false;
        for (auto& c : conns) {
            c->poll(0.0);
            const bool gone = c->status() == net::Client::Status::Disconnected ||
                              c->status() == net::Client::Status::Refused;
            allDone = allDone && (c->finished() || gone);
            anyOpen = anyOpen || !gone;
        }
        if (allDone || !anyOpen)
            break;
        // A few bots think per turn, so reading stays prompt.
        for (int k = 0; k < 8 && !bots.empty(); ++k) {
            const std::size_t i = turn++ % bots.size();
            if (!run.fullSpeed && Clock::now() < nextAct[i])
                continue;
            const std::int64_t before = nowNs();
            const bool acted = bots[i]->step();
            botSteps.push_back(static_cast<double>(nowNs() - before) / 1e6);
            if (acted && !run.fullSpeed)
                nextAct[i] = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(pause(rng)));
        }
    }
    int status = 0;
    waitpid(child, &status, 0);

    std::ifstream in(out);
    std::string kind;
    long rss = -1, hwm = -1, finished = 0;
    double played = 0, cpuPlay = 0, cpuJoin = 0;
    std::vector<double> latencies;
    std::size_t arrivals = 0;
    while (in >> kind) {
        if (kind == "rss")
            in >> rss;
        else if (kind == "hwm")
            in >> hwm;
        else if (kind == "finished")
            in >> finished;
        else if (kind == "played")
            in >> played;
        else if (kind == "cpuplay")
            in >> cpuPlay;
        else if (kind == "cpujoin")
            in >> cpuJoin;
        else if (kind == "a") {
            int table = 0;
            std::uint64_t index = 0;
            std::int64_t t = 0;
            in >> table >> index >> t;
            ++arrivals;
            auto it = received.find({table, index});
            if (it == received.end() || it->second.first < kSeatsPerTable)
                continue; // a prediction (only its own seat sees it) or not everyone got it
            latencies.push_back(static_cast<double>(it->second.second - t) / 1e6);
        }
    }
    std::remove(out.c_str());
    std::printf("bench_room, %s: %d tables x %d seats = %zu scripted clients on loopback\n",
                run.fullSpeed ? "full speed" : "human pace (3-8 s between a client's actions)",
                run.tables, kSeatsPerTable, conns.size());
    std::printf("  played %.1f s; tables finished: %ld of %d\n", played, finished, run.tables);
    std::printf("  actions measured: %zu of %zu (predictions go to one seat only)\n",
                latencies.size(), arrivals);
    std::printf("  arrival at host -> every client of its table: p50 %.2f ms, p99 %.2f ms, max "
                "%.2f ms (target p99 < 100 ms)\n",
                percentile(latencies, 0.5), percentile(latencies, 0.99),
                percentile(latencies, 1.0));
    std::printf("  host memory: VmRSS peak %.1f MB, VmHWM %.1f MB (target < 300 MB)\n",
                static_cast<double>(rss) / 1024.0, static_cast<double>(hwm) / 1024.0);
    std::printf("  host CPU: %.1f s while %zu people joined, %.1f s in %.1f s of play (%.0f%% of "
                "one core)\n",
                cpuJoin, conns.size(), cpuPlay, played,
                played > 0 ? 100.0 * cpuPlay / played : 0.0);
    std::printf("  a client's bot deciding (no client reads meanwhile): p50 %.2f ms, p99 %.2f ms, "
                "max %.2f ms\n",
                percentile(botSteps, 0.5), percentile(botSteps, 0.99), percentile(botSteps, 1.0));
    std::printf("  clients' process: VmHWM %.1f MB (all %zu mirrors and bots in one process, on "
                "the same cores as the host)\n",
                static_cast<double>(statusKb("VmHWM:")) / 1024.0, conns.size());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    Run run;
    run.tables = argc > 1 ? std::clamp(std::atoi(argv[1]), 1, net::kMaxTables) : net::kMaxTables;
    const double human = argc > 2 ? std::atof(argv[2]) : 60.0;
    const double full = argc > 3 ? std::atof(argv[3]) : 120.0;
    // 1,050 sockets here and as many in the host.
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    const std::string file = std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    LoadResult loaded = loadScenarioFile(file);
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench_room: cannot load %s\n", file.c_str());
        return 1;
    }
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    if (human > 0) {
        run.seconds = human;
        runRoom(sc, run);
    }
    if (full > 0) {
        run.fullSpeed = true;
        run.seconds = full;
        runRoom(sc, run);
    }
    return 0;
}
