#pragma once
// The archive of finished sessions: an SQLite database in WAL mode in the
// user's data folder, so a trainer can list, show and compare a year's
// sessions. The logs stay the source of truth: the database is what a replay
// of every log would say, kept so listing takes no replay. A missing or
// damaged database is rebuilt from the logs (archive_logs.hpp), never trusted
// over them. Several processes may record at once (a room's tables, a host
// beside the game window): every change is one transaction, and a writer
// waits for another for up to kBusyTimeoutMs (a rebuild replays every log
// while it holds the lock).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/session_record.hpp"

struct sqlite3;

namespace samenspel {

// The schema this build writes and reads (PRAGMA user_version). A database
// of a newer schema is refused, untouched; an older one is upgraded in place
// on open, in one transaction. 2: begrip version, gedragen aan tafel and the
// inclusie basis per session (NULL where a schema-1 row's log is gone).
inline constexpr int kArchiveSchemaVersion = 2;
inline constexpr int kBusyTimeoutMs = 30000;

class Archive {
  public:
    // How opening went, beside the archive itself.
    enum class State {
        Opened,  // a database of this schema, checked
        Created, // no database was there (first use, or deleted): empty, to be filled
        Damaged, // the file was no database or failed its check: moved aside, empty
    };
    struct Opened {
        std::unique_ptr<Archive> archive; // null on failure
        State state = State::Opened;
        std::string movedTo; // Damaged: where the damaged file went
        std::string error;   // why it could not be opened
    };
    // Opens `databasePath`, creating it (and its folder) when missing.
    static Opened open(const std::string& databasePath);
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    // Stores the session, replacing the one of the same log (its number
    // stays). Returns its number, 0 with `error` when the database refused.
    std::int64_t record(const SessionRecord& session, std::string& error);
    // Replaces everything with what `gather` returns, numbered 1, 2, ... in
    // its order; all or nothing. `gather` runs holding the write lock, so a
    // session another process records meanwhile waits and comes in after,
    // instead of being wiped by sessions gathered before it was recorded.
    // False with `error` when the database refused.
    bool replaceAll(const std::function<std::vector<SessionRecord>()>& gather, std::string& error);

    // Every session, oldest number first; without roles and people when
    // `details` is false (a listing needs neither).
    std::vector<SessionRecord> sessions(bool details = true) const;
    std::optional<SessionRecord> session(std::int64_t number) const;
    // The session whose log is `logPath` (absolute), if recorded.
    std::optional<SessionRecord> sessionOfLog(const std::string& logPath) const;

    const std::string& path() const { return path_; }

  private:
    Archive(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_ = nullptr;
    std::string path_;
};

} // namespace samenspel
