// The headless host plays the room's chimes from its link's events, as the
// game window does: one for every phase that ends, one for every event.
// Muted here (CI has no speakers); the count is what would have sounded.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <sys/wait.h>

#include "core/log.hpp"

namespace fs = std::filesystem;

TEST_CASE("a headless host hears every phase change and event of its session, muted") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_host_sounds";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string log = (dir / "s.log").string();
    const std::string out = (dir / "out.txt").string();
    const std::string command = "'" + std::string(SAMENSPEL_BINARY) + "' host '" +
                                std::string(SAMENSPEL_SOURCE_DIR) +
                                "/scenarios/skatebaan.yaml' --headless --bots-fill --mute "
                                "--seed 6 --bind 127.0.0.1 --port 0 --max-seconds 60 --log '" +
                                log + "' >'" + out + "' 2>&1";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), {});

    samenspel::Replay replay = samenspel::replaySessionLog(log);
    REQUIRE(replay.game);
    const samenspel::GameState& st = replay.game->state();
    std::smatch m;
    REQUIRE_MESSAGE(
        std::regex_search(
            text, m, std::regex(R"(Heard: (\d+) phase chimes, (\d+) event signals \(muted\))")),
        text);
    CHECK(std::stoi(m[1]) == st.phase); // every phase after the first began once
    CHECK(std::stoi(m[2]) == static_cast<int>(st.announcements.size()));
    CHECK(st.announcements.size() > 0);
    // And in words for the facilitator: every phase, by name.
    CHECK(text.find("phase 2 of 7: perspectief") != std::string::npos);
    CHECK(text.find("phase 7 of 7: reflectie") != std::string::npos);
    CHECK(text.find("ALSA") == std::string::npos); // no audio was opened
}
