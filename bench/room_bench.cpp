// Load benchmark of issue #12 item 6: one host, a room of TABLES tables of 7
// seats, a scripted client (a ClientBot) on every seat, all on loopback. The
// host runs in a child process (its memory and CPU are its own), the clients
// in CLIENT_PROCESSES others, each with a slice of the tables. All stamp with
// the system-wide monotonic clock: an action applied at the host, the end of
// the host turn that handed its bytes to the kernel, and its arrival at each
// client of its table, so the host's part and the clients' part of the
// latency are told apart.
//
//   bench_room [TABLES=150] [HUMAN_SECONDS=60] [FULL_SECONDS=120] [CLIENT_PROCESSES=2]
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
    int clientProcesses = 2;
};

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The host's child: hosts the room, then writes "a table index applied
// flushed" lines (the action queued for its table's clients, and the end of
// the first host turn after which none of that table's bytes waited for the
// kernel), its memory and its CPU time.
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
    struct Applied {
        int table;
        std::uint64_t index;
        std::int64_t applied;
        std::int64_t flushed;
    };
    std::vector<Applied> arrival;
    std::vector<std::vector<std::size_t>> unflushed(static_cast<std::size_t>(run.tables));
    host->onTableActionApplied = [&](int table, std::uint64_t index, const Action& a) {
        if (a.seat < 0)
            return;
        unflushed[static_cast<std::size_t>(table)].push_back(arrival.size());
        arrival.push_back({table, index, nowNs(), 0});
    };
    const unsigned short port = host->port();
    if (write(portPipe, &port, sizeof port) != sizeof port)
        return 1;
    close(portPipe);
    const auto begin = Clock::now();
    const double cpuAtStart = cpuSeconds();
    double cpuAtPlay = cpuAtStart;
    auto playBegan = begin;
    auto lastRss = begin;
    long peakRss = 0;
    const auto limit = std::chrono::duration<double>(run.seconds + 120);
    std::vector<double> turns; // ms a host turn took, with at most 5 ms of waiting for the network
    while (!host->finished() && Clock::now() - begin < limit) {
        const std::int64_t turnBegan = nowNs();
        host->poll(0.005);
        const std::int64_t now = nowNs();
        if (host->started())
            turns.push_back(static_cast<double>(now - turnBegan) / 1e6);
        for (int t = 0; t < run.tables; ++t) {
            auto& waiting = unflushed[static_cast<std::size_t>(t)];
            if (waiting.empty() || host->pendingOutgoingBytes(t) > 0)
                continue;
            for (std::size_t i : waiting)
                arrival[i].flushed = now;
            waiting.clear();
        }
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
        if (Clock::now() - lastRss > std::chrono::milliseconds(200)) {
            peakRss = std::max(peakRss, statusKb("VmRSS:"));
            lastRss = Clock::now();
        }
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
    file << "turns " << percentile(turns, 0.5) << ' ' << percentile(turns, 0.99) << ' '
         << percentile(turns, 1.0) << "\n";
    for (const Applied& a : arrival)
        file << "a " << a.table << ' ' << a.index << ' ' << a.applied << ' '
             << (a.flushed ? a.flushed : a.applied) << "\n";
    return 0;
}

// A clients' child: a scripted client on every seat of tables [first, end),
// then writes "r table index clients lastNs" per action (how many of the
// table's clients got it, and when the last did) and its own figures.
int runClients(const Run& run, unsigned short port, int first, int end, const std::string& out) {
    std::vector<std::unique_ptr<net::Client>> conns;
    std::vector<std::unique_ptr<net::ClientBot>> bots;
    // (table, index) -> (clients that got it, the last one's time)
    std::map<std::pair<int, std::uint64_t>, std::pair<int, std::int64_t>> received;
    for (int i = first * kSeatsPerTable; i < end * kSeatsPerTable; ++i) {
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
    std::mt19937 rng(11 + static_cast<unsigned>(first));
    std::uniform_real_distribution<double> pause(3.0, 8.0);
    std::vector<Clock::time_point> nextAct(conns.size(), Clock::now());
    const auto begin = Clock::now();
    const double cpuAtStart = cpuSeconds();
    std::size_t turn = 0;
    std::vector<double> botSteps; // ms one client's bot took to decide (it reads nothing meanwhile)
    std::vector<double> turns;    // ms one turn of this loop took (read all, a few bots act)
    while (Clock::now() - begin < std::chrono::duration<double>(run.seconds + 120)) {
        const std::int64_t turnBegan = nowNs();
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
        turns.push_back(static_cast<double>(nowNs() - turnBegan) / 1e6);
    }
    const double wall = std::chrono::duration<double>(Clock::now() - begin).count();
    std::ofstream file(out);
    file << "clients " << conns.size() << "\ncpu " << cpuSeconds() - cpuAtStart << "\nwall " << wall
         << "\nhwm " << statusKb("VmHWM:") << "\n";
    file << "turns " << percentile(turns, 0.5) << ' ' << percentile(turns, 0.99) << ' '
         << percentile(turns, 1.0) << "\n";
    file << "bots " << percentile(botSteps, 0.5) << ' ' << percentile(botSteps, 0.99) << ' '
         << percentile(botSteps, 1.0) << "\n";
    for (const auto& [key, r] : received)
        file << "r " << key.first << ' ' << key.second << ' ' << r.first << ' ' << r.second << "\n";
    return 0;
}

// Microseconds that runnable tasks of this machine waited for a CPU (Linux
// pressure stall information, "some"), or -1: on a shared machine, how much
// of a latency is other people's work.
long long cpuWaitedUs() {
    std::ifstream in("/proc/pressure/cpu");
    std::string word;
    while (in >> word)
        if (word.rfind("total=", 0) == 0)
            return std::atoll(word.c_str() + 6);
    return -1;
}

struct Spread {
    std::vector<double> v;
    void add(double ms) { v.push_back(ms); }
    std::string text() const {
        char buf[96];
        std::snprintf(buf, sizeof buf, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(v, 0.5),
                      percentile(v, 0.99), percentile(v, 1.0));
        return buf;
    }
};

void runRoom(std::shared_ptr<const Scenario> sc, const Run& run) {
    // The tables' logs and clock checkpoints go here: BENCH_ROOM_DIR (e.g. a
    // tmpfs such as /dev/shm) tells the disk's part in the host's turns.
    const char* dir = std::getenv("BENCH_ROOM_DIR");
    const std::string out = std::string(dir && *dir ? dir : "/tmp") + "/samenspel-bench-room-" +
                            std::to_string(getpid());
    int fds[2];
    if (pipe(fds) != 0)
        return;
    const long long waitedAtStart = cpuWaitedUs();
    const auto runBegan = Clock::now();
    const pid_t host = fork();
    if (host == 0) {
        close(fds[0]);
        std::_Exit(runHost(sc, run, fds[1], out));
    }
    close(fds[1]);
    unsigned short port = 0;
    if (read(fds[0], &port, sizeof port) != sizeof port) {
        std::fprintf(stderr, "bench_room: the host did not start\n");
        return;
    }
    close(fds[0]);
    // The clients, a slice of the tables per process (each table's clients
    // in one), so that one slow loop does not hold every table's reading.
    const int procs = std::clamp(run.clientProcesses, 1, run.tables);
    std::vector<pid_t> children;
    for (int p = 0; p < procs; ++p) {
        const int first = run.tables * p / procs;
        const int end = run.tables * (p + 1) / procs;
        const pid_t child = fork();
        if (child == 0)
            std::_Exit(runClients(run, port, first, end, out + ".c" + std::to_string(p)));
        children.push_back(child);
    }
    int status = 0;
    for (pid_t child : children)
        waitpid(child, &status, 0);
    waitpid(host, &status, 0);
    const double runSeconds = std::chrono::duration<double>(Clock::now() - runBegan).count();
    const long long waited = cpuWaitedUs() - waitedAtStart;

    std::map<std::pair<int, std::uint64_t>, std::pair<int, std::int64_t>> received;
    std::vector<std::string> clientLines;
    std::size_t clients = 0;
    for (int p = 0; p < procs; ++p) {
        const std::string name = out + ".c" + std::to_string(p);
        std::ifstream in(name);
        std::string kind;
        long n = 0, hwm = 0;
        double cpu = 0, wall = 0, t50 = 0, t99 = 0, tmax = 0, b50 = 0, b99 = 0, bmax = 0;
        while (in >> kind) {
            if (kind == "clients")
                in >> n;
            else if (kind == "cpu")
                in >> cpu;
            else if (kind == "wall")
                in >> wall;
            else if (kind == "hwm")
                in >> hwm;
            else if (kind == "turns")
                in >> t50 >> t99 >> tmax;
            else if (kind == "bots")
                in >> b50 >> b99 >> bmax;
            else if (kind == "r") {
                int table = 0, count = 0;
                std::uint64_t index = 0;
                std::int64_t t = 0;
                in >> table >> index >> count >> t;
                received[{table, index}] = {count, t};
            }
        }
        std::remove(name.c_str());
        clients += static_cast<std::size_t>(n);
        char buf[400];
        std::snprintf(buf, sizeof buf,
                      "  clients' process %d: %ld clients, CPU %.1f s in %.1f s (%.0f%% of a "
                      "core), VmHWM %.1f MB; one turn of its loop (read all, <= 8 bots decide) "
                      "p50 %.1f ms, p99 %.1f ms, max %.1f ms; a bot deciding p99 %.1f ms, max "
                      "%.1f ms\n",
                      p + 1, n, cpu, wall, wall > 0 ? 100.0 * cpu / wall : 0.0,
                      static_cast<double>(hwm) / 1024.0, t50, t99, tmax, b99, bmax);
        clientLines.push_back(buf);
    }

    std::ifstream in(out);
    std::string kind;
    long rss = -1, hwm = -1, finished = 0;
    double played = 0, cpuPlay = 0, cpuJoin = 0, t50 = 0, t99 = 0, tmax = 0;
    Spread hostPart, clientPart, endToEnd;
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
        else if (kind == "turns")
            in >> t50 >> t99 >> tmax;
        else if (kind == "a") {
            int table = 0;
            std::uint64_t index = 0;
            std::int64_t applied = 0, flushed = 0;
            in >> table >> index >> applied >> flushed;
            ++arrivals;
            auto it = received.find({table, index});
            if (it == received.end() || it->second.first < kSeatsPerTable)
                continue; // a prediction (only its own seat sees it) or not everyone got it
            const std::int64_t last = it->second.second;
            hostPart.add(static_cast<double>(flushed - applied) / 1e6);
            // A client may read before the host's turn ends (the stamp is
            // taken after it): that counts as no client time.
            clientPart.add(static_cast<double>(std::max<std::int64_t>(0, last - flushed)) / 1e6);
            endToEnd.add(static_cast<double>(last - applied) / 1e6);
        }
    }
    std::remove(out.c_str());
    std::printf("bench_room, %s: %d tables x %d seats = %zu scripted clients on loopback, in %d "
                "client process(es)\n",
                run.fullSpeed ? "full speed" : "human pace (3-8 s between a client's actions)",
                run.tables, kSeatsPerTable, clients, procs);
    std::printf("  played %.1f s; tables finished: %ld of %d\n", played, finished, run.tables);
    std::printf("  actions measured: %zu of %zu (predictions go to one seat only)\n",
                endToEnd.v.size(), arrivals);
    std::printf("  applied at the host -> every client of its table has it (target p99 < 100 "
                "ms):\n    end to end: %s\n",
                endToEnd.text().c_str());
    std::printf("    host part (applied -> the host's turn ends with none of the table's bytes "
                "waiting for the kernel): %s\n",
                hostPart.text().c_str());
    std::printf("    client part (-> the last of the table's clients read it): %s\n",
                clientPart.text().c_str());
    std::printf("  host memory: VmRSS peak %.1f MB, VmHWM %.1f MB (target < 300 MB)\n",
                static_cast<double>(rss) / 1024.0, static_cast<double>(hwm) / 1024.0);
    std::printf("  host CPU: %.1f s while %zu people joined, %.1f s in %.1f s of play (%.0f%% of "
                "one core)\n",
                cpuJoin, clients, cpuPlay, played, played > 0 ? 100.0 * cpuPlay / played : 0.0);
    std::printf("  one host turn (Host::poll, waiting at most 5 ms for the network): p50 %.1f ms, "
                "p99 %.1f ms, max %.1f ms\n",
                t50, t99, tmax);
    for (const std::string& line : clientLines)
        std::fputs(line.c_str(), stdout);
    if (waitedAtStart >= 0)
        std::printf("  machine: %ld cores; some task waited for a CPU %.0f%% of the run's %.0f s "
                    "(/proc/pressure/cpu, other work included)\n",
                    sysconf(_SC_NPROCESSORS_ONLN),
                    runSeconds > 0 ? 100.0 * static_cast<double>(waited) / 1e6 / runSeconds : 0.0,
                    runSeconds);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    Run run;
    run.tables = argc > 1 ? std::clamp(std::atoi(argv[1]), 1, net::kMaxTablesPerHost) : 150;
    const double human = argc > 2 ? std::atof(argv[2]) : 60.0;
    const double full = argc > 3 ? std::atof(argv[3]) : 120.0;
    if (argc > 4)
        run.clientProcesses = std::max(1, std::atoi(argv[4]));
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
