#pragma once
// Shared by the network tests: a host on loopback with a free port, clients
// that join it, and a loop that turns them all in one thread.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "net/client.hpp"
#include "net/host.hpp"

namespace nettest {

using namespace samenspel;

inline std::shared_ptr<const Scenario> loadShipped(const std::string& name) {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

// A fresh folder for one test's logs.
inline std::filesystem::path tempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("samenspel-net-" + name + "-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir);
    return dir;
}

inline net::HostConfig loopbackConfig() {
    net::HostConfig c;
    c.bindAddress = "127.0.0.1";
    c.port = 0;
    c.code = "piano-zebra-tango";
    // Every client of a test comes from 127.0.0.1.
    c.maxConnectionsPerAddress = c.maxConnections;
    return c;
}

inline std::unique_ptr<net::Client> join(const net::Host& host, const std::string& seat = "",
                                         const std::string& code = "piano-zebra-tango",
                                         bool bot = true) {
    net::ClientConfig c;
    c.host = "127.0.0.1";
    c.port = host.port();
    c.code = code;
    c.name = "Tester " + seat;
    c.seatWish = seat;
    c.bot = bot;
    std::string error;
    auto client = net::Client::connect(c, error);
    REQUIRE_MESSAGE(client, error);
    return client;
}

// Turns the host and the clients until `done` or `seconds` pass; true when done.
inline bool runUntil(net::Host& host, const std::vector<net::Client*>& clients,
                     const std::function<bool()>& done, double seconds,
                     const std::vector<net::ClientBot*>& bots = {}) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        host.poll(0.001);
        for (net::Client* c : clients)
            c->poll(0.0);
        for (net::ClientBot* b : bots)
            b->step();
        if (done())
            return true;
    }
    return false;
}

// A client joining `host` again with a seat's token (after a drop or a restart).
inline std::unique_ptr<net::Client> rejoinWithToken(const net::Host& host, const std::string& token,
                                                    bool bot = false) {
    net::ClientConfig c;
    c.host = "127.0.0.1";
    c.port = host.port();
    c.code = "piano-zebra-tango";
    c.token = token;
    c.bot = bot;
    std::string error;
    auto client = net::Client::connect(c, error);
    REQUIRE_MESSAGE(client, error);
    return client;
}

// Clients whose seats bots play, with the plain pointers runUntil takes.
struct BotClients {
    std::vector<std::unique_ptr<net::Client>> clients;
    std::vector<std::unique_ptr<net::ClientBot>> bots;
    std::vector<net::Client*> raw;
    std::vector<net::ClientBot*> rawBots;

    void add(std::unique_ptr<net::Client> client) {
        raw.push_back(client.get());
        bots.push_back(std::make_unique<net::ClientBot>(*client));
        rawBots.push_back(bots.back().get());
        clients.push_back(std::move(client));
    }
    bool allFinished() const {
        for (const net::Client* c : raw)
            if (!c->finished())
                return false;
        return true;
    }
    // Plays until every client (and, with `hostToo`, the host) saw the end.
    bool playToEnd(net::Host& host, double seconds, bool hostToo = true) {
        return runUntil(
            host, raw, [&] { return allFinished() && (!hostToo || host.finished()); }, seconds,
            rawBots);
    }
};

} // namespace nettest
