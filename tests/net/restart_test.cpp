// A host that crashed or was closed is started again on the same port at
// once, while the connections it had still linger in the kernel (TIME_WAIT):
// the players' laptops only know that port, so it must be free to take.
#include <doctest/doctest.h>

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
