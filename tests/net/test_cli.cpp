// `samenspel host` and `samenspel join` as processes, the way a facilitator
// (or a CI job) runs them.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "core/log.hpp"

using namespace samenspel;

namespace {

std::filesystem::path tempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("samenspel-netcli-" + name + "-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir);
    return dir;
}

struct HostProcess {
    FILE* pipe = nullptr;
    std::string output;
    int port = 0;

    explicit HostProcess(const std::string& args) {
        const std::string command = std::string(SAMENSPEL_BINARY) + " host " +
                                    std::string(SAMENSPEL_SOURCE_DIR) +
                                    "/scenarios/skatebaan.yaml --headless --bind 127.0.0.1 "
                                    "--port 0 --code piano-zebra-tango " +
                                    args + " 2>&1";
        pipe = popen(command.c_str(), "r");
        REQUIRE(pipe);
        char line[1024];
        while (port == 0 && std::fgets(line, sizeof line, pipe)) {
            output += line;
            if (const char* p = std::strstr(line, "port: "))
                port = std::atoi(p + 6);
        }
        REQUIRE_MESSAGE(port > 0, output);
    }
    // Reads the rest and returns the exit code.
    int finish() {
        char line[1024];
        while (std::fgets(line, sizeof line, pipe))
            output += line;
        const int status = pclose(pipe);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
};

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("a headless host with joined bot processes plays to the end and exits 0") {
    auto dir = tempDir("full");
    HostProcess host("--log " + (dir / "s.log").string() + " --max-seconds 60");
    const char* roles[] = {"skaters",        "omwonenden",        "ambtenaar_buitenruimte",
                           "jongerenwerker", "raadslid_coalitie", "raadslid_oppositie"};
    for (const char* role : roles) {
        const std::string out = (dir / (std::string(role) + ".out")).string();
        const std::string command =
            "(" + std::string(SAMENSPEL_BINARY) + " join 127.0.0.1:" + std::to_string(host.port) +
            " --code 'Piano Zebra Tango' --bot --max-seconds 60 --seat " + role + " > " + out +
            " 2>&1; echo \"exit $?\" >> " + out + ") &";
        REQUIRE(std::system(command.c_str()) == 0);
    }
    CHECK(host.finish() == 0);
    CHECK(host.output.find("Session ended") != std::string::npos);
    // Every player's process ends too, with exit code 0.
    for (const char* role : roles) {
        const auto out = dir / (std::string(role) + ".out");
        for (int i = 0; i < 100 && readFile(out).find("exit ") == std::string::npos; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK_MESSAGE(readFile(out).find("exit 0") != std::string::npos, readFile(out));
    }
    Replay replay = replaySessionLog((dir / "s.log").string());
    REQUIRE(replay.game);
    CHECK(replay.game->state().finished);
    // The facilitator gets the session report beside the log, as after local play.
    CHECK(std::filesystem::exists(dir / "s.report.html"));
}

TEST_CASE("a host whose seats stay empty gives up after --max-seconds with exit code 3") {
    auto dir = tempDir("timeout");
    HostProcess host("--log " + (dir / "s.log").string() + " --max-seconds 1");
    CHECK(host.finish() == 3);
}

TEST_CASE("join with a wrong code is refused with a message and exit code 1") {
    auto dir = tempDir("wrongcode");
    HostProcess host("--log " + (dir / "s.log").string() + " --max-seconds 3");
    const std::string command = std::string(SAMENSPEL_BINARY) +
                                " join 127.0.0.1:" + std::to_string(host.port) +
                                " --code wrong-words-here --bot 2>&1";
    FILE* join = popen(command.c_str(), "r");
    REQUIRE(join);
    std::string output;
    char line[1024];
    while (std::fgets(line, sizeof line, join))
        output += line;
    const int status = pclose(join);
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(output.find("wrong session code") != std::string::npos);
    host.finish();
}
