// `samenspel join` keeps trying while the host is not there yet (a laptop
// that starts before the facilitator's, a host restarting), with growing
// pauses, and says so; then it plays its seat to the end (issue 10,
// finding 3: it used to give up at once).
#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/scenario.hpp"
#include "net/host.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

unsigned short freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

} // namespace

TEST_CASE("join waits for a host that is not there yet, then plays its seat to the end") {
    // A folder of its own, so two runs at once (two build trees) do not meet.
    char pattern[] = "/tmp/samenspel_join_retry_XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    const fs::path dir = pattern;
    const unsigned short port = freeLoopbackPort();
    const std::string out = (dir / "join.txt").string();
    int status = -1;
    std::thread joiner([&] {
        const std::string command = "'" + std::string(SAMENSPEL_BINARY) +
                                    "' join 127.0.0.1:" + std::to_string(port) +
                                    " --code piano-zebra-tango --bot --seat skaters "
                                    "--max-seconds 60 >'" +
                                    out + "' 2>&1";
        status = std::system(command.c_str());
    });
    // The facilitator is late: nothing listens for a while.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));

    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(r.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*r.scenario));
    SessionSetup setup = SessionSetup::defaultFor(*sc, true, 9);
    setup.seats[0].bot = false; // the skaters' seat waits for the joiner
    net::HostConfig config;
    config.bindAddress = "127.0.0.1";
    config.port = port;
    config.code = "piano-zebra-tango";
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "s.log").string(), config, error);
    REQUIRE_MESSAGE(host, error);
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!host->finished() && std::chrono::steady_clock::now() < end)
        host->poll(0.01);
    for (int i = 0; i < 100; ++i) // the last updates and the farewell
        host->poll(0.01);
    host->shutdown(1.0);
    joiner.join();

    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(host->finished());
    REQUIRE(WIFEXITED(status));
    CHECK_MESSAGE(WEXITSTATUS(status) == 0, text);
    CHECK(text.find("trying again in") != std::string::npos);
    CHECK(text.find("Session ended") != std::string::npos);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}
