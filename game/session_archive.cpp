#include "session_archive.hpp"

#include <cstdio>
#include <exception>
#include <filesystem>

#include "archive/archive_logs.hpp"
#include "settings.hpp"

namespace samenspel {

namespace {

std::string folderOf(const std::string& logPath) {
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(logPath, ec);
    return (ec ? std::filesystem::path(logPath) : absolute).parent_path().string();
}

} // namespace

std::int64_t archiveFinishedSession(const Game& game, const std::string& logPath,
                                    const std::string& who) {
    // Whatever goes wrong in here (the disk, the database, memory), the
    // session has ended and its log is safe: a message, not an abort.
    try {
        const RecordOutcome outcome = recordFinishedSession(game, logPath, dataDir());
        for (const std::string& note : outcome.notes)
            std::fprintf(stderr, "%s: %s\n", who.c_str(), note.c_str());
        if (!outcome.error.empty())
            std::fprintf(stderr,
                         "%s: the session was not added to the archive: %s (its log %s is "
                         "kept; samenspel archive rebuild '%s' adds it later)\n",
                         who.c_str(), outcome.error.c_str(), logPath.c_str(),
                         folderOf(logPath).c_str());
        return outcome.number;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: the session was not added to the archive: %s\n", who.c_str(),
                     e.what());
    }
    return 0;
}

} // namespace samenspel
