#pragma once
// The session log: one JSON line per accepted action, written and flushed as
// it happens, so a crash or a killed process loses nothing. The first line
// names the log format version, the scenario (path, id, content hash) and the
// session setup with its seed; `replay` rebuilds the identical state from it.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/action.hpp"
#include "core/diagnostics.hpp"
#include "core/game.hpp"

namespace samenspel {

inline constexpr int kLogFormatVersion = 1;

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
    // Opens an existing log to append to it (after resuming from it).
    static std::unique_ptr<SessionLogWriter> append(const std::string& path, std::string& error);
    ~SessionLogWriter();

    // Writes one record and flushes it to the OS; false when the disk refused.
    bool write(const Action& action, int phase);
    const std::string& path() const { return path_; }

  private:
    SessionLogWriter() = default;
    std::FILE* file_ = nullptr;
    std::string path_;
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

struct ReadLog {
    std::optional<LogHeader> header;
    std::vector<Action> actions;
    std::vector<int> actionLines;  // line number of each action in the file
    std::vector<int> actionPhases; // phase recorded with each action (-1 when absent)
    Diagnostics errors;            // LOG:LINE:COL: error: ...
    bool truncatedTail = false;    // last line was cut off by a crash; it is ignored
};
ReadLog readSessionLog(const std::string& path);

struct Replay {
    std::optional<Game> game;
    Diagnostics errors; // scenario missing or changed, action refused on replay, ...
};
// Loads the scenario named in the log (relative to the log's folder when not
// found as given, or `scenarioOverride`), checks its hash, and applies every action.
Replay replaySessionLog(const std::string& logPath, const std::string& scenarioOverride = "");

} // namespace samenspel
