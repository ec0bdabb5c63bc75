// `samenspel host --tables N --headless --bots-fill`: a room of bots plays
// every table to the end, one log per table, each its own seed; and a crowd
// bigger than one table is told how it is seated.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include "core/log.hpp"

namespace fs = std::filesystem;

namespace {
std::string runHost(const fs::path& dir, const std::string& options, int& exitCode) {
    const std::string out = (dir / "out.txt").string();
    const std::string command = "XDG_DATA_HOME='" + (dir / "data").string() + "' '" +
                                std::string(SAMENSPEL_BINARY) + "' host '" +
                                std::string(SAMENSPEL_SOURCE_DIR) +
                                "/scenarios/skatebaan.yaml' --headless --mute --no-qr "
                                "--bind 127.0.0.1 --port 0 --max-seconds 60 " +
                                options + " >'" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(out);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}
} // namespace

TEST_CASE("a headless room of bots plays every table to the end, each in its own log") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_host_room";
    fs::remove_all(dir);
    fs::create_directories(dir);
    int code = -1;
    const std::string text = runHost(
        dir, "--tables 3 --bots-fill --seed 9 --log '" + (dir / "room.log").string() + "'", code);
    REQUIRE_MESSAGE(code == 0, text);
    for (int t = 1; t <= 3; ++t) {
        const std::string log = (dir / ("room-tafel-" + std::to_string(t) + ".log")).string();
        samenspel::Replay replay = samenspel::replaySessionLog(log);
        REQUIRE_MESSAGE(replay.game, log);
        CHECK(replay.game->state().finished);
        CHECK(replay.game->setup().seed == 9u + static_cast<std::uint64_t>(t - 1));
        CHECK(text.find("Table " + std::to_string(t) + ": session ended") != std::string::npos);
        CHECK(text.find("Archived table " + std::to_string(t) + " as session") !=
              std::string::npos);
        CHECK(text.find(log) != std::string::npos); // the facilitator is told where it is
    }
    CHECK_FALSE(fs::exists(dir / "room.log"));

    // The same room again does not write over the tables' logs.
    const auto before = fs::file_size(dir / "room-tafel-2.log");
    const std::string again = runHost(
        dir, "--tables 3 --bots-fill --seed 9 --log '" + (dir / "room.log").string() + "'", code);
    CHECK(code == 2);
    CHECK(again.find("resume a table of a room with --log") != std::string::npos);
    CHECK(fs::file_size(dir / "room-tafel-2.log") == before);
}

TEST_CASE("more people than one table holds get tables enough, and are told so") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_host_crowd";
    fs::remove_all(dir);
    fs::create_directories(dir);
    int code = -1;
    std::string text = runHost(dir,
                               "--players 30 --bots-fill --clock-speed 1000 --seed 2 --log '" +
                                   (dir / "crowd.log").string() + "'",
                               code);
    REQUIRE_MESSAGE(code == 0, text);
    CHECK_MESSAGE(text.find("30 people: 3 tables of 10 seats (30 places)") != std::string::npos,
                  text);
    // With the tables fixed too low, the people left without a place are counted.
    text = runHost(dir,
                   "--players 30 --tables 2 --bots-fill --seed 2 --log '" +
                       (dir / "two.log").string() + "'",
                   code);
    CHECK_MESSAGE(text.find("30 people: 2 tables of 11 seats (22 places)") != std::string::npos,
                  text);
    CHECK(text.find("8 people will not have a place") != std::string::npos);
}
