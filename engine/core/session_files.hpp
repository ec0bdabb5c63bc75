#pragma once
// Every file that lives beside a session log, named in one place, and the
// one way to replace a small file so that a crash never leaves half of it.
//
//   <name>.log            the session log (core/log.hpp)
//   <name>.log.clock      the session clock's checkpoint (core/clock_checkpoint.hpp)
//   <name>.log.finished   the session reached its end; Continue skips it
//   <name>.log.net        a host's seat file: session code and seat tokens
//   <name>.log.scenario.yaml  the scenario a player's laptop got from the host
//   <name>.report.html    the session report (the log's extension replaced)
#include <string>

namespace samenspel {

struct SessionFiles {
    static std::string clock(const std::string& logPath);
    static std::string finishedMarker(const std::string& logPath);
    static std::string seats(const std::string& logPath);
    static std::string scenarioCopy(const std::string& logPath);
    static std::string report(const std::string& logPath);
};

// Replaces `path` with `text` through a temporary file and a rename, so a
// reader (or a crash) sees the old content or the new, never a mix. False
// with `error` (when given) when the disk refused; the old file stays.
bool writeFileAtomically(const std::string& path, const std::string& text,
                         std::string* error = nullptr);

// Whether the session in `logPath` reached its end (its marker exists).
bool sessionFinished(const std::string& logPath);
// Leaves the marker that says so. False when the disk refused.
bool markSessionFinished(const std::string& logPath);

// A fresh log path in `folder`: "<yyyymmdd-hhmmss>-<name>.log" in UTC, with
// "-2", "-3", ... when a log of that second exists already.
std::string newLogPath(const std::string& folder, const std::string& name);
// The newest *.log in `folder` whose session has not finished ("" when none).
std::string lastResumableLog(const std::string& folder);

} // namespace samenspel
