// Connection slots: one machine that opens many idle connections must not
// lock the room out (issue 10, finding 3). The flood comes from 127.0.0.2,
// the player from 127.0.0.1: both are this machine's loopback.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/json.hpp"
#include "net/protocol.hpp"
#include "net_test_util.hpp"

using namespace samenspel;
using namespace nettest;

namespace {

// A TCP connection from `source` (a loopback address) that never says a word.
struct IdleConnection {
    int fd = -1;
    IdleConnection(const char* source, unsigned short port) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in from{};
        from.sin_family = AF_INET;
        ::inet_pton(AF_INET, source, &from.sin_addr);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
            ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    void send(const std::string& bytes) const {
        if (fd >= 0)
            (void)::write(fd, bytes.data(), bytes.size());
    }
    ~IdleConnection() {
        if (fd >= 0)
            ::close(fd);
    }
    IdleConnection(const IdleConnection&) = delete;
    IdleConnection& operator=(const IdleConnection&) = delete;
};

} // namespace

TEST_CASE("idle connections from one address cannot use up the slots a player needs") {
    auto scenario = loadShipped("skatebaan");
    net::HostConfig config = loopbackConfig();
    config.maxConnections = 40;          // the whole room
    config.maxConnectionsPerAddress = 8; // one machine
    config.handshakeTimeoutSeconds = 30; // the flood stays for the whole test
    std::string error;
    auto host = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 3),
                                  (tempDir("caps") / "s.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);

    std::vector<std::unique_ptr<IdleConnection>> flood;
    for (int i = 0; i < 60; ++i) { // more than the whole room's slots
        flood.push_back(std::make_unique<IdleConnection>("127.0.0.2", host->port()));
        host->poll(0.0);
    }
    REQUIRE(flood.front()->fd >= 0);
    for (int i = 0; i < 20; ++i)
        host->poll(0.005);
    CHECK(host->stats().connectionsAccepted == 8);
    CHECK(host->stats().connectionsRefusedAtOnce >= 50);

    // A player on another address still gets in.
    auto player = join(*host, "skaters");
    net::Client& p = *player;
    CHECK(runUntil(
        *host, {&p}, [&] { return p.status() == net::Client::Status::Lobby; }, 5));
}

TEST_CASE("a connection that never says hello is closed after a few seconds by default") {
    CHECK(net::HostConfig{}.handshakeTimeoutSeconds <= 5);
    CHECK(net::HostConfig{}.maxConnectionsPerAddress < net::HostConfig{}.maxConnections / 4);
}

TEST_CASE("wrong session codes are remembered per address only for their window") {
    auto scenario = loadShipped("skatebaan");
    net::HostConfig config = loopbackConfig();
    config.codeAttemptWindowSeconds = 0.3;
    std::string error;
    auto host = net::Host::create(scenario, SessionSetup::defaultFor(*scenario, false, 3),
                                  (tempDir("wrongcodes") / "s.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);
    JsonWriter w;
    w.beginObject().key("v").value(net::kProtocolVersion).key("type").value("hello");
    w.key("version").value(net::kProtocolVersion);
    w.key("code").value("wrong-code-here").endObject();
    const std::string wrongHello = net::frame(w.str());

    // A scan from 300 addresses, one wrong code each.
    constexpr int kAddresses = 300;
    for (int i = 0; i < kAddresses; ++i) {
        const std::string source = "127.0.1." + std::to_string(i % 250 + 1);
        const std::string sourceB = "127.0.2." + std::to_string(i % 250 + 1);
        IdleConnection guess((i < 250 ? source : sourceB).c_str(), host->port());
        REQUIRE(guess.fd >= 0);
        guess.send(wrongHello);
        // No waiting: the whole scan must fit in the window.
        for (int k = 0; k < 3; ++k)
            host->poll(0.0);
    }
    for (int k = 0; k < 20; ++k)
        host->poll(0.002);
    CHECK(host->stats().addressesWithWrongCodes == kAddresses);
    // One count per reason, not one entry per connection turned away.
    CHECK(host->stats().dropReasons.size() == 1);
    CHECK(host->stats().dropReasons.at(net::reason::kWrongCode) == kAddresses);

    // Past the window, the host forgets them all: nothing grows per address.
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (host->stats().addressesWithWrongCodes > 0 && std::chrono::steady_clock::now() < end)
        host->poll(0.01);
    CHECK(host->stats().addressesWithWrongCodes == 0);

    // A right code from a new address creates no entry.
    auto player = join(*host, "skaters");
    net::Client& p = *player;
    CHECK(runUntil(
        *host, {&p}, [&] { return p.status() == net::Client::Status::Lobby; }, 5));
    CHECK(host->stats().addressesWithWrongCodes == 0);
}
