// Load benchmark of issue #11: TABLES hosts of one table each (SEATS seats,
// net::setupForPlayers) in one child process, polled in turn by one thread
// as a room host will; the parent plays every seat as the phone page does,
// over a WebSocket to ws://127.0.0.1:PORT/ws (Boost.Beast, all on one
// io_context): lobby, hello with "client":"web", then actions from view.can.
//
//   bench_web [TABLES] [THINK_MS] [SEATS] [SCENARIO]
//
// The host stamps an action's arrival (Host::onActionApplied) and when the
// views it changed are with the kernel; each phone stamps the first view
// that shows the action (checked on its content, so an older view still on
// its way does not count), on the system-wide monotonic clock. Prints
// p50/p99 of arrival -> last phone of the table updated, the host's memory
// and CPU time, bytes and views. Not a test: never fails on speed; exit 1
// only when it could not run at all.
#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include "core/scenario.hpp"
#include "net/host.hpp"
#include "net/protocol.hpp"
#include "web_phone.hpp"

using namespace samenspel;
using Clock = std::chrono::steady_clock;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using namespace benchweb;
using bench::percentile;
using bench::statusKb;

namespace {

// A session ends in seconds because a phase ends once every seat said done
// (endPhaseWhenAllDone, on by default), as the phones do after one action;
// the bots' fast-forward is only for tables of bots. So the clock runs at
// room speed: a faster one only adds clock checkpoints (one per session
// second per table, written to disk) and could end a phase while a done is
// on its way. A table that got stuck shows as not finished.
constexpr double kClockSpeed = 1.0;
constexpr int kMaxSeconds = 120; // the whole run, at most
// The child polls every host in turn, then sleeps out the rest of this.
constexpr auto kRound = std::chrono::microseconds(1000);

double secondsOf(const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

// This process's CPU time so far, user and system.
double ownCpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return secondsOf(ru.ru_utime) + secondsOf(ru.ru_stime);
}

// [The hosts: the child process] ----------------------------------------------

struct Applied {
    int seat = -1;
    ActionType type = ActionType::Done;
    std::int64_t arrival = 0;
    std::int64_t flushed = 0; // when every view after it was with the kernel
};

// What the hosts' process measured, in memory shared with the parent.
struct HostResults {
    static constexpr std::size_t kMaxApplied = 1 << 18;
    long rss = -1, hwm = -1, refused = 0;
    double playCpu = 0, playWall = 0; // until every session was over
    double idleCpu = 0, idleWall = 0; // the second after
    int finished = 0;
    std::uint64_t bytes = 0;
    char drops[1024] = {};             // "reason xN, ..."
    std::size_t tableStart[1001] = {}; // table t's actions: applied[tableStart[t] .. [t + 1])
    Applied applied[kMaxApplied];
};

// Hosts `tables` sessions and polls them in turn until every one is over
// (and a second more for the last views), the parent says stop (closes
// `stopFd`) or the time is up; then fills in `out`.
int runHosts(const std::shared_ptr<const Scenario>& sc, const SessionSetup& setup, int tables,
             int portFd, int stopFd, const std::string& dir, HostResults& out) {
    const auto begin = Clock::now();
    net::HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.code = kCode;
    config.handshakeTimeoutSeconds = 30;
    config.clockSpeed = kClockSpeed;
    std::vector<std::unique_ptr<net::Host>> hosts;
    std::vector<std::vector<Applied>> applied(static_cast<std::size_t>(tables));
    for (int t = 0; t < tables; ++t) {
        std::string error;
        SessionSetup s = setup;
        s.seed = 7 + static_cast<std::uint64_t>(t);
        auto host =
            net::Host::create(sc, s, dir + "/table" + std::to_string(t) + ".log", config, error);
        if (!host) {
            std::fprintf(stderr, "bench_web: table %d: %s\n", t, error.c_str());
            return 1;
        }
        std::vector<Applied>& log = applied[static_cast<std::size_t>(t)];
        host->onActionApplied = [&log](std::uint64_t, const Action& a) {
            if (a.seat >= 0) // the clock's and the facilitator's are not a phone's
                log.push_back({a.seat, a.type, nowNs(), 0});
        };
        const unsigned short port = host->port();
        if (write(portFd, &port, sizeof port) != sizeof port)
            return 1;
        hosts.push_back(std::move(host));
    }
    close(portFd);
    fcntl(stopFd, F_SETFL, O_NONBLOCK);

    std::vector<std::size_t> unflushed(hosts.size(), 0);
    long peakRss = 0;
    auto nextSample = begin;
    std::optional<Clock::time_point> allOverAt;
    double cpuAtOver = 0;
    while (Clock::now() - begin < std::chrono::seconds(kMaxSeconds + 5)) {
        const auto round = Clock::now();
        std::size_t over = 0;
        for (std::size_t t = 0; t < hosts.size(); ++t) {
            hosts[t]->poll(0.0);
            // Every view so far is with the kernel: the actions before now are out.
            if (unflushed[t] < applied[t].size() && hosts[t]->pendingOutgoingBytes() == 0) {
                const std::int64_t at = nowNs();
                for (; unflushed[t] < applied[t].size(); ++unflushed[t])
                    applied[t][unflushed[t]].flushed = at;
            }
            over += hosts[t]->finished() ? 1 : 0;
        }
        const auto now = Clock::now();
        if (now >= nextSample) {
            peakRss = std::max(peakRss, statusKb("VmRSS:"));
            nextSample = now + std::chrono::milliseconds(100);
        }
        if (over == hosts.size() && !allOverAt) {
            allOverAt = now;
            cpuAtOver = ownCpuSeconds();
        }
        // A second more with every session over: the last views go out, and
        // what polling idle hosts costs is measured.
        if (allOverAt && now - *allOverAt > std::chrono::seconds(1))
            break;
        char byte = 0;
        if (!allOverAt && read(stopFd, &byte, 1) >= 0)
            break; // the parent closed its end: it gave up waiting
        std::this_thread::sleep_until(round + kRound);
    }
    const auto end = Clock::now();
    const double cpu = ownCpuSeconds();
    auto seconds = [](auto d) { return std::chrono::duration<double>(d).count(); };
    out.rss = std::max(peakRss, statusKb("VmRSS:"));
    out.hwm = statusKb("VmHWM:");
    out.playCpu = allOverAt ? cpuAtOver : cpu;
    out.playWall = seconds((allOverAt ? *allOverAt : end) - begin);
    out.idleCpu = allOverAt ? cpu - cpuAtOver : 0;
    out.idleWall = allOverAt ? seconds(end - *allOverAt) : 0;
    std::string drops;
    std::size_t n = 0;
    for (std::size_t t = 0; t < hosts.size(); ++t) {
        const net::HostStats& st = hosts[t]->stats();
        out.bytes += st.bytesSent;
        out.finished += hosts[t]->finished() ? 1 : 0;
        out.refused += st.actionsRefused;
        for (const auto& [key, count] : st.dropReasons)
            drops += key + " x" + std::to_string(count) + " ";
        out.tableStart[t] = n;
        for (const Applied& a : applied[t])
            if (n < HostResults::kMaxApplied)
                out.applied[n++] = a;
    }
    out.tableStart[hosts.size()] = n;
    std::snprintf(out.drops, sizeof out.drops, "%s", drops.c_str());
    return 0;
}

// [Putting it together] -------------------------------------------------------

// One line of the table: a label, then the figures.
__attribute__((format(printf, 2, 3))) void row(const char* label, const char* format, ...) {
    std::printf("  %-36s ", label);
    va_list args;
    va_start(args, format);
    std::vprintf(format, args);
    va_end(args);
}

int usage(const char* why) {
    std::fprintf(stderr,
                 "bench_web: %s\nusage: bench_web [TABLES=50] [THINK_MS=1000] [SEATS=6] "
                 "[SCENARIO]\n",
                 why);
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    struct {
        int tables = 50, thinkMs = 1000, seats = 6;
        std::string scenario = std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    } o;
    int* numbers[] = {&o.tables, &o.thinkMs, &o.seats};
    for (int i = 1; i < argc && i <= 3; ++i)
        *numbers[i - 1] = std::atoi(argv[i]);
    if (argc > 4)
        o.scenario = argv[4];
    if (o.tables < 1 || o.tables > 1000 || o.thinkMs < 0 || o.seats < 1)
        return usage("TABLES must be 1 to 1000, THINK_MS 0 or more, SEATS 1 or more");
    // Every phone is a socket here and in the hosts' process.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    LoadResult loaded = loadScenarioFile(o.scenario);
    if (!loaded.ok())
        return usage(("cannot load the scenario " + o.scenario).c_str());
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    const SessionSetup setup = net::setupForPlayers(*sc, o.seats, 7);
    const int seats = static_cast<int>(setup.seats.size());
    const int phones = o.tables * seats;

    char dirTemplate[] = "/tmp/samenspel-bench-web-XXXXXX";
    if (!mkdtemp(dirTemplate))
        return usage("cannot make a folder in /tmp for the session logs");
    const std::string dir = dirTemplate;
    // Filled in by the hosts' process.
    void* shared = mmap(nullptr, sizeof(HostResults), PROT_READ | PROT_WRITE,
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED)
        return usage("cannot map memory to share with the hosts' process");
    HostResults& host = *new (shared) HostResults;
    int portPipe[2], stopPipe[2];
    if (pipe(portPipe) != 0 || pipe(stopPipe) != 0)
        return usage("cannot make a pipe");
    const pid_t child = fork();
    if (child < 0)
        return usage("cannot start the host process");
    if (child == 0) {
        close(portPipe[0]);
        close(stopPipe[1]);
        std::_Exit(runHosts(sc, setup, o.tables, portPipe[1], stopPipe[0], dir, host));
    }
    close(portPipe[1]);
    close(stopPipe[0]);

    std::vector<Table> tables(static_cast<std::size_t>(o.tables));
    for (Table& t : tables) {
        if (read(portPipe[0], &t.port, sizeof t.port) != sizeof t.port) {
            waitpid(child, nullptr, 0);
            std::filesystem::remove_all(dir);
            return usage("the hosts did not start (see above)");
        }
    }
    close(portPipe[0]);

    // The phones: every one on this io_context, in this thread.
    asio::io_context io(1);
    Totals totals;
    std::vector<std::unique_ptr<Phone>> all;
    for (int t = 0; t < o.tables; ++t)
        for (int i = 0; i < seats; ++i) {
            const int role = setup.seats[static_cast<std::size_t>(i)].role;
            all.push_back(
                std::make_unique<Phone>(io, tables[static_cast<std::size_t>(t)], i, seats,
                                        sc->roles[static_cast<std::size_t>(role)].id, o.thinkMs,
                                        static_cast<unsigned>(t * seats + i + 1), totals));
            all.back()->start();
        }
    const auto begin = Clock::now();
    while (Clock::now() - begin < std::chrono::seconds(kMaxSeconds)) {
        io.run_for(std::chrono::milliseconds(50));
        if (io.stopped())
            io.restart();
        if (std::all_of(all.begin(), all.end(), [](const auto& p) { return p->over(); }))
            break;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    const auto phonesFinished =
        std::count_if(all.begin(), all.end(), [](const auto& p) { return p->finished(); });
    for (auto& p : all)
        p->close();
    io.restart();
    io.poll();
    const double phonesCpu = ownCpuSeconds();

    close(stopPipe[1]); // the hosts stop
    int status = 0;
    rusage hostUsage{};
    wait4(child, &status, 0, &hostUsage);
    std::filesystem::remove_all(dir);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || host.rss < 0)
        return usage("the host process failed (see above)");
    if (totals.views == 0) {
        for (const auto& [what, n] : totals.failures)
            std::fprintf(stderr, "bench_web: %d phones: %s\n", n, what.c_str());
        return usage("no phone got a view from its host");
    }

    // Each table's actions, seat by seat in the order sent, against the host's.
    std::vector<double> endToEnd, hostSide, afterHost;
    long applied = 0, mismatched = 0, notEveryone = 0, predictions = 0;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        std::map<int, std::vector<const Applied*>> bySeat;
        for (std::size_t i = host.tableStart[t]; i < host.tableStart[t + 1]; ++i) {
            bySeat[host.applied[i].seat].push_back(&host.applied[i]);
            ++applied;
            hostSide.push_back(
                static_cast<double>(host.applied[i].flushed - host.applied[i].arrival) / 1e6);
        }
        std::map<int, std::size_t> next; // per seat: the host's next applied action
        for (const Tracked& tr : tables[t].tracked) {
            if (tr.refused)
                continue;
            const std::vector<const Applied*>& list = bySeat[tr.seat];
            std::size_t& k = next[tr.seat];
            if (k >= list.size() || actionTypeId(list[k]->type) != tr.type) {
                ++mismatched;
                continue;
            }
            const Applied& a = *list[k++];
            if (tr.type == "predict") {
                ++predictions; // only its own seat sees it
            } else if (tr.seen < seats) {
                ++notEveryone;
            } else {
                endToEnd.push_back(static_cast<double>(tr.last - a.arrival) / 1e6);
                afterHost.push_back(static_cast<double>(tr.last - a.flushed) / 1e6);
            }
        }
    }

    auto per = [](auto a, auto b) {
        return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
    };
    std::printf("bench_web: %d tables x %d phones = %d WebSocket clients on 127.0.0.1, one host "
                "process (one thread)\n",
                o.tables, seats, phones);
    std::printf("  scenario %s, think time %d ms (+-50%%), clock x%.0f\n", sc->id.c_str(),
                o.thinkMs, kClockSpeed);
    row("sessions finished", "%d of %d tables (phones: %ld saw the end) in %.1f s\n", host.finished,
        o.tables, static_cast<long>(phonesFinished), seconds);
    row("seat actions applied",
        "%ld (%.0f/s); sent %ld, refused %ld (host: %ld), unconfirmed %ld\n", applied,
        per(applied, seconds), totals.sent, totals.refused, host.refused, totals.unconfirmed);
    for (const auto& [key, n] : totals.refusals)
        row("  refused", "%s x%d\n", key.c_str(), n);
    row("action -> every phone of its table",
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu public actions)\n", percentile(endToEnd, 0.5),
        percentile(endToEnd, 0.99), percentile(endToEnd, 1.0), endToEnd.size());
    row("  not measured", "%ld predictions (own seat only), %ld not seen by all, %ld unmatched\n",
        predictions, notEveryone, mismatched);
    row("  host: arrival -> views to kernel", "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
        percentile(hostSide, 0.5), percentile(hostSide, 0.99), percentile(hostSide, 1.0));
    row("  then kernel -> phones read it", "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
        percentile(afterHost, 0.5), percentile(afterHost, 0.99), percentile(afterHost, 1.0));
    row("views received", "%ld (%.0f/s, %.1f per action), mean %.1f KB, largest %.1f KB\n",
        totals.views, per(totals.views, seconds), per(totals.views, applied),
        per(totals.viewBytes, totals.views) / 1024.0,
        static_cast<double>(totals.largestView) / 1024.0);
    row("  unchanged but for the clock", "%ld (%.0f%%)\n", totals.sameViews,
        100.0 * per(totals.sameViews, totals.views));
    row("host bytes sent", "%.1f MB (%.2f MB/s; %.1f KB/s per phone)\n", per(host.bytes, 1 << 20),
        per(host.bytes, seconds) / (1 << 20), per(host.bytes, seconds * phones) / 1024.0);
    row("host memory", "VmRSS peak %.1f MB, VmHWM %.1f MB (%.2f MB per table)\n",
        per(host.rss, 1024), per(host.hwm, 1024), per(host.hwm, 1024 * o.tables));
    const double user = secondsOf(hostUsage.ru_utime), sys = secondsOf(hostUsage.ru_stime);
    const double wall = host.playWall + host.idleWall;
    row("host CPU (getrusage of the child)",
        "%.2f s user + %.2f s sys over %.1f s = %.0f%% of one core\n", user, sys, wall,
        100.0 * per(user + sys, wall));
    row("  while the sessions ran", "%.2f s over %.1f s = %.0f%% of one core\n", host.playCpu,
        host.playWall, 100.0 * per(host.playCpu, host.playWall));
    if (host.idleWall > 0) {
        row("  then, every session over",
            "%.0f%% of one core (polling %d idle hosts every %lld us)\n",
            100.0 * per(host.idleCpu, host.idleWall), o.tables,
            static_cast<long long>(kRound.count()));
    }
    row("phones' process CPU", "%.2f s (parsing every view as a page would)\n", phonesCpu);
    for (const auto& [what, n] : totals.failures)
        row("phone connections ended", "%s x%d\n", what.c_str(), n);
    if (host.drops[0])
        row("host dropped connections", "%s\n", host.drops);
    std::printf(
        "  (end to end includes the phones' own work: %d phones in one thread that parses\n"
        "   every view, on this machine's shared cores; the host side is the host's part)\n",
        phones);
    return 0;
}
