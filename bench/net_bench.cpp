// Load benchmark of issue #6: one host, 100 bot clients on loopback, one
// session. The host runs in a child process (so its memory is its own); the
// parent runs the clients. Both stamp times with the system-wide monotonic
// clock: arrival of an action at the host, and its arrival at each client.
//
//   bench_net [CLIENTS] [SCENARIO]
//
// Prints the median and 99th percentile of arrival-to-all-clients-updated
// latency, and the host's resident memory (VmRSS, peak VmHWM).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
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

const std::string kCode = "bench-load-test";

// The child: hosts the session, then writes "index arrivalNs" lines and its memory.
int runHost(std::shared_ptr<const Scenario> sc, int clients, int portPipe, const std::string& out) {
    net::HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.code = kCode;
    config.handshakeTimeoutSeconds = 30;
    config.maxConnectionsPerAddress = config.maxConnections; // every client is on 127.0.0.1
    std::string error;
    const std::string log = out + ".log";
    auto host = net::Host::create(sc, net::setupForPlayers(*sc, clients, 7), log, config, error);
    if (!host) {
        std::fprintf(stderr, "bench_net: %s\n", error.c_str());
        return 1;
    }
    std::map<std::uint64_t, std::int64_t> arrival, flushed;
    std::vector<std::uint64_t> unflushed;
    host->onActionApplied = [&](std::uint64_t index, const Action& a) {
        if (a.seat < 0)
            return;
        arrival[index] = nowNs();
        unflushed.push_back(index);
    };
    const unsigned short port = host->port();
    if (write(portPipe, &port, sizeof port) != sizeof port)
        return 1;
    close(portPipe);
    const auto begin = Clock::now();
    long peakRss = 0;
    while (!host->finished() && Clock::now() - begin < std::chrono::seconds(240)) {
        host->poll(0.005);
        if (!unflushed.empty() && host->pendingOutgoingBytes() == 0) {
            const std::int64_t t = nowNs(); // every update so far is with the kernel
            for (std::uint64_t index : unflushed)
                flushed[index] = t;
            unflushed.clear();
        }
        peakRss = std::max(peakRss, statusKb("VmRSS:"));
    }
    host->shutdown(5.0);
    std::ofstream file(out);
    file << "rss " << peakRss << "\nhwm " << statusKb("VmHWM:") << "\n";
    file << "finished " << (host->finished() ? 1 : 0) << "\n";
    file << "seats " << host->seats().size() << "\n";
    for (const auto& [index, t] : arrival)
        file << "a " << index << ' ' << t << ' ' << (flushed.count(index) ? flushed[index] : t)
             << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const int clients = argc > 1 ? std::atoi(argv[1]) : 100;
    const std::string file =
        argc > 2 ? argv[2] : std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    LoadResult loaded = loadScenarioFile(file);
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench_net: cannot load %s\n", file.c_str());
        return 1;
    }
    // Room for everyone: a workshop of a hundred spreads over the roles.
    Scenario big = *loaded.scenario;
    for (Role& r : big.roles)
        r.maxPlayers = std::max(r.maxPlayers, clients);
    auto sc = std::make_shared<const Scenario>(std::move(big));

    const std::string out = "/tmp/samenspel-bench-net-" + std::to_string(getpid());
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        std::_Exit(runHost(sc, clients, fds[1], out));
    }
    close(fds[1]);
    unsigned short port = 0;
    if (read(fds[0], &port, sizeof port) != sizeof port) {
        std::fprintf(stderr, "bench_net: the host did not start\n");
        return 1;
    }

    // The clients: all in this process, read in turn, bots acting in between.
    std::vector<std::unique_ptr<net::Client>> conns;
    std::vector<std::unique_ptr<net::ClientBot>> bots;
    std::map<std::uint64_t, std::pair<int, std::int64_t>> received; // index -> (count, last ns)
    for (int i = 0; i < clients; ++i) {
        net::ClientConfig c;
        c.host = "127.0.0.1";
        c.port = port;
        c.code = kCode;
        c.name = "bot " + std::to_string(i + 1);
        c.bot = true;
        std::string error;
        auto client = net::Client::connect(c, error);
        if (!client) {
            std::fprintf(stderr, "bench_net: client %d: %s\n", i, error.c_str());
            return 1;
        }
        client->onAction = [&received](std::uint64_t index, const Action&) {
            auto& r = received[index];
            ++r.first;
            r.second = nowNs();
        };
        bots.push_back(std::make_unique<net::ClientBot>(*client));
        conns.push_back(std::move(client));
    }
    const auto begin = Clock::now();
    std::size_t turn = 0;
    while (Clock::now() - begin < std::chrono::seconds(240)) {
        bool allDone = true;
        for (auto& c : conns) {
            c->poll(0.0);
            allDone =
                allDone && (c->finished() || c->status() == net::Client::Status::Disconnected);
        }
        if (allDone)
            break;
        // One bot thinks per turn, so reading stays prompt.
        bots[turn++ % bots.size()]->step();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
    int status = 0;
    waitpid(child, &status, 0);

    std::ifstream in(out);
    std::string kind;
    long rss = -1, hwm = -1, finished = 0, seats = 0;
    std::map<std::uint64_t, std::int64_t> arrival;
    std::vector<double> hostSide;
    while (in >> kind) {
        if (kind == "rss")
            in >> rss;
        else if (kind == "hwm")
            in >> hwm;
        else if (kind == "finished")
            in >> finished;
        else if (kind == "seats")
            in >> seats;
        else if (kind == "a") {
            std::uint64_t index = 0;
            std::int64_t t = 0, f = 0;
            in >> index >> t >> f;
            arrival[index] = t;
            hostSide.push_back(static_cast<double>(f - t) / 1e6);
        }
    }
    std::remove(out.c_str());
    std::remove((out + ".log").c_str());
    std::remove((out + ".log.net").c_str());

    std::vector<double> latencies;
    for (const auto& [index, t] : arrival) {
        auto it = received.find(index);
        if (it == received.end() || it->second.first < clients)
            continue; // a prediction (only its own seat sees it) or not everyone got it
        latencies.push_back(static_cast<double>(it->second.second - t) / 1e6);
    }
    std::printf("bench_net: %d bot clients on loopback, %ld seats, session %s in %.1f s\n", clients,
                seats, finished ? "finished" : "NOT finished", seconds);
    std::printf("  actions by seats measured: %zu (of %zu; predictions go to one seat only)\n",
                latencies.size(), arrival.size());
    std::printf(
        "  arrival at host -> all clients updated: median %.2f ms, p99 %.2f ms, max %.2f ms "
        "(target p99 < 50 ms)\n",
        percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    std::printf("  host side, arrival -> update handed to the kernel for every client: median "
                "%.2f ms, p99 %.2f ms\n",
                percentile(hostSide, 0.5), percentile(hostSide, 0.99));
    std::printf("  (end-to-end figures include the 100 clients' own work, all in one process\n"
                "   on this machine's shared cores: reading, their copies of the game, bots)\n");
    std::printf("  host memory: VmRSS peak %.1f MB, VmHWM %.1f MB (target < 200 MB)\n",
                static_cast<double>(rss) / 1024.0, static_cast<double>(hwm) / 1024.0);
    return 0;
}
