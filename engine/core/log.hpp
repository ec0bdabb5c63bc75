#pragma once
// The session log: one JSON line per accepted action, written and flushed as
// it happens, so a crash or a killed process loses nothing. The first line
// names the log format version, the scenario (path, id, content hash) and the
// session setup with its seed; `replay` rebuilds the identical state from it.
// From format 2 on, every action line carries its sequence number ("seq",
// 1-based) and the hash of the line before it ("prev"), so a removed,
// reordered, repeated or edited line is found (docs/DESIGN.md, "Session log").
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/action.hpp"
#include "core/diagnostics.hpp"
#include "core/game.hpp"

namespace samenspel {

// 3: begrip v2 (answer_item actions; predictions scored against chance).
// A log of format 1 or 2 replays with begrip v1 figures (Game::begripVersion).
inline constexpr int kLogFormatVersion = 3;
// The begrip version a log of `format` is measured with.
inline int begripVersionOfLogFormat(int format) {
    return format >= 3 ? 2 : 1;
}

struct LogHeader {
    int format = kLogFormatVersion;
    std::string scenarioPath;
    std::string scenarioId;
    std::string scenarioHash;
    SessionSetup setup;
};

class SessionLogWriter {
  public:
    // Creates (truncates) `path` and writes the header. Returns nullptr and
    // sets `error` when the file cannot be written.
    static std::unique_ptr<SessionLogWriter> create(const std::string& path,
                                                    const LogHeader& header, std::string& error);
    // Opens an existing log to append to it (after resuming from it). Refuses
    // a log with any error; a cut-off last line is dropped first. The next
    // line chains to the last whole line, and keeps the log's format.
    static std::unique_ptr<SessionLogWriter> append(const std::string& path, std::string& error);
    ~SessionLogWriter();

    // Writes one record and flushes it to the OS; false when the disk refused.
    // A refused record is taken back whole (the file ends with the last line
    // that was written) and the writer writes nothing more after it.
    bool write(const Action& action, int phase);
    const std::string& path() const { return path_; }
    // Why the last write failed, as the system said it ("No space left on
    // device", "File too large"); empty while every write succeeded.
    const std::error_code& lastError() const { return lastError_; }

  private:
    SessionLogWriter() = default;
    std::FILE* file_ = nullptr;
    std::string path_;
    int format_ = kLogFormatVersion;
    std::int64_t seq_ = 0;     // sequence number of the last line written (0: the header)
    std::string prevHash_;     // hash of the last line written
    std::uintmax_t bytes_ = 0; // length of the file up to its last whole line
    std::error_code lastError_;
};

std::string encodeAction(const Action& action); // one JSON object, no newline
std::optional<Action> decodeAction(const std::string& json, std::string& error);
std::string encodeSetup(const SessionSetup& setup); // one JSON object
std::optional<SessionSetup> decodeSetup(const std::string& json, std::string& error);
// The same from a value already parsed (core/json_read.hpp), such as the
// action inside a network message.
std::optional<Action> decodeAction(const nlohmann::ordered_json& value, std::string& error);
std::optional<SessionSetup> decodeSetup(const nlohmann::ordered_json& value, std::string& error);

// Ids used in the log (and anywhere else actions are written as text).
const char* reactionKindId(ReactionKind kind); // "support", "object", "support_if"
const char* voteKindId(VoteKind kind);         // "yes", "no", "ja_mits"
const char* reasonKindId(Reason::Kind kind);   // "none", "value", "precondition"
bool reactionKindFromId(const std::string& id, ReactionKind& out);
bool voteKindFromId(const std::string& id, VoteKind& out);
bool reasonKindFromId(const std::string& id, Reason::Kind& out);

std::string encodeHeader(const LogHeader& header); // the first line, no newline
// The hash that chains a line to the next: FNV-1a 64 of the line's bytes
// (without its newline), 16 lowercase hex digits.
std::string logLineHash(const std::string& line);

struct ReadLog {
    std::optional<LogHeader> header;
    std::vector<Action> actions;
    std::vector<int> actionLines;  // line number of each action in the file
    std::vector<int> actionPhases; // phase recorded with each action (-1 when absent)
    Diagnostics errors;            // LOG:LINE:COL: error: ...
    Diagnostics notes;             // LOG:LINE:COL: note: ... (format 1, a cut-off last line)
    bool truncatedTail = false;    // last line was cut off by a crash; it is ignored
    std::string lastLine;          // the last whole line read (header or action), no newline
    std::size_t keptBytes = 0;     // where that line ends (past its newline when it has one)
};
ReadLog readSessionLog(const std::string& path);

struct Replay {
    std::optional<Game> game; // may be partly replayed when there are errors
    Diagnostics errors;       // scenario missing or changed, action refused on replay, ...
    Diagnostics notes;        // from reading the log
};
// Loads the scenario named in the log (relative to the log's folder when not
// found as given, or `scenarioOverride`), checks its hash, and applies every action.
Replay replaySessionLog(const std::string& logPath, const std::string& scenarioOverride = "");

} // namespace samenspel
