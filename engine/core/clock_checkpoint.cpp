#include "core/clock_checkpoint.hpp"

#include "core/session_files.hpp"

#include <algorithm>
#include <fstream>

namespace samenspel {

namespace {

// Once the clock moved this much since the last write, write again: a crash
// then costs at most this much session time.
constexpr std::int64_t kCheckpointEveryMs = 1000;

std::int64_t readCheckpoint(const std::string& path) {
    std::ifstream in(path);
    long long ms = -1;
    if (in >> ms && ms >= 0)
        return ms;
    return -1;
}

} // namespace

// No log, no checkpoint: the clock is still tracked, nothing is written.
ClockCheckpoint::ClockCheckpoint(std::string logPath)
    : path_(logPath.empty() ? std::string() : SessionFiles::clock(logPath)) {}

std::int64_t ClockCheckpoint::restore(std::int64_t lastActionMs) {
    const std::int64_t clockMs = std::max(lastActionMs, readCheckpoint(path_));
    // What is on disk (or in the log) needs no write until the clock moves on.
    lastWrittenMs_ = clockMs;
    return clockMs;
}

bool ClockCheckpoint::update(std::int64_t clockMs) {
    if (lastWrittenMs_ >= 0 && clockMs - lastWrittenMs_ < kCheckpointEveryMs)
        return true;
    return write(clockMs);
}

bool ClockCheckpoint::write(std::int64_t clockMs) {
    lastWrittenMs_ = clockMs;
    if (path_.empty())
        return true;
    return writeFileAtomically(path_, std::to_string(clockMs) + "\n");
}

} // namespace samenspel
