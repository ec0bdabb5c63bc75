// A session log from any bytes, read and replayed against skatebaan (the
// scenario of the seed logs), as `replay`, Continue and a resuming host do.
// The log API reads files, so each input goes through one temporary file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/log.hpp"

namespace {

const std::string& tempPath() {
    static const std::string path = [] {
        char name[] = "/tmp/samenspel-fuzz-log-XXXXXX";
        const int fd = mkstemp(name);
        if (fd < 0) {
            std::perror("fuzz_log: mkstemp");
            std::abort();
        }
        close(fd);
        std::atexit([] { std::remove(tempPath().c_str()); });
        return std::string(name);
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = tempPath();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size)
        std::abort();
    std::fclose(f);
    static const std::string scenario = std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    samenspel::Replay replay = samenspel::replaySessionLog(path, scenario);
    if (replay.game)
        (void)replay.game->state();
    return 0;
}
