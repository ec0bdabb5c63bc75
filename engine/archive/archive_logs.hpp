#pragma once
// The archive as a folder: the database, the logs it comes from, and how a
// session gets in. The logs are the source of truth; the database can always
// be made again from them (rebuild):
//   <data>/archive.sqlite     the database (archive.hpp), with -wal and -shm
//   <data>/archive-logs.txt   every log ever recorded, one absolute path a
//                             line: a host writes its log where it runs, not
//                             in <data>/sessions, and a rebuild must find it
//                             even when the database is gone
//   <data>/sessions/*.log     the game's own logs, always scanned
// A player's copy of a hosted session (a log with the scenario it received
// beside it) is not archived: the host's machine archives that session.
#include <memory>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "core/game.hpp"

namespace samenspel {

struct ArchiveFiles {
    static std::string database(const std::string& dataDir);
    static std::string logIndex(const std::string& dataDir);
    static std::string sessionsFolder(const std::string& dataDir);
};

// What a rebuild found.
struct RebuildReport {
    struct Problem {
        std::string logPath;
        std::string message; // the first error, as `samenspel replay` prints it
    };
    int recorded = 0;              // finished sessions now in the archive
    int unfinished = 0;            // logs of sessions that did not reach their end
    std::vector<Problem> damaged;  // logs that did not replay: skipped
    std::vector<std::string> gone; // logs in the index that are no longer there
    std::string error;             // the database refused; nothing changed
    bool ok() const { return error.empty(); }
};

// Replays every log the archive knows of (the sessions folder, the index and
// `extraFolders`, whose logs join the index) with the same replay as
// `samenspel replay`, and replaces the database's content with the finished
// sessions, numbered in the order they ended (their logs' last writes), as
// they were numbered when each was recorded at its end.
RebuildReport rebuildArchive(Archive& archive, const std::string& dataDir,
                             const std::vector<std::string>& extraFolders = {});

// The archive of `dataDir`, ready to use. A database that is missing is
// rebuilt from the logs; a damaged one is moved aside first. `notes` say so
// in words for a person (stderr).
struct OpenedArchive {
    std::unique_ptr<Archive> archive; // null with `error`
    std::vector<std::string> notes;
    std::string error;
};
OpenedArchive openArchive(const std::string& dataDir);

// At the end of a session: notes its log in the index, then records it.
// Returns the session's number, or 0 with `error` (a player's copy: 0 and no
// error). The log is untouched whatever happens; a later rebuild finds it.
struct RecordOutcome {
    std::int64_t number = 0;
    std::vector<std::string> notes;
    std::string error;
};
RecordOutcome recordFinishedSession(const Game& game, const std::string& logPath,
                                    const std::string& dataDir);

// Whether `logPath` is a player's copy of a hosted session.
bool isPlayerCopy(const std::string& logPath);

} // namespace samenspel
