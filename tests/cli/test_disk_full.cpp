// A session whose log can no longer be written stops cleanly and says so,
// with its log valid up to there (issue 10, finding 6): here through a file
// size limit (ulimit -f), which used to kill the host with SIGXFSZ.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include "core/log.hpp"

namespace fs = std::filesystem;

TEST_CASE("a host that hits the file size limit stops with a message, and its log replays") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_disk_full";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string log = (dir / "s.log").string();
    const std::string err = (dir / "err.txt").string();
    // 16 KiB: the header and a few dozen actions, far from a whole session.
    const std::string command = "ulimit -f 16; '" + std::string(SAMENSPEL_BINARY) + "' host '" +
                                std::string(SAMENSPEL_SOURCE_DIR) +
                                "/scenarios/skatebaan.yaml' --headless --bots-fill --seed 4 "
                                "--bind 127.0.0.1 --port 0 --max-seconds 60 --log '" +
                                log + "' >/dev/null 2>'" + err + "'";
    const int status = std::system(("bash -c \"" + command + "\"").c_str());
    REQUIRE(WIFEXITED(status)); // not killed by a signal
    CHECK(WEXITSTATUS(status) == 1);
    std::ifstream in(err);
    const std::string message((std::istreambuf_iterator<char>(in)), {});
    CHECK(message.find("could not be written") != std::string::npos);

    samenspel::Replay replay = samenspel::replaySessionLog(log);
    REQUIRE_MESSAGE(replay.game, (replay.errors.empty() ? "" : replay.errors.front().format()));
    CHECK(replay.game->state().actionCount > 10);
    CHECK_FALSE(replay.game->state().finished);
    CHECK(fs::file_size(log) <= 16 * 1024);
}
