// Reading and replaying a session log (writing: log.cpp), with the one JSON
// reader (core/json_read.hpp). Reading is strict, because a log that
// replays to a different state than the one played is worse than a clear
// error; the one exception is a last line cut off by a crash, which is
// expected damage.
#include "core/log.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <type_traits>

#include "core/json.hpp"
#include "core/json_read.hpp"
#include "core/scenario.hpp"

namespace samenspel {

// [SECTION] Reading --------------------------------------------------------------------

namespace {

// A decoding problem and the value (or its member name) it was found at; the
// column is worked out from that only when a log line is reported.
struct DecodeError {
    std::string message;
    const Json* at = nullptr; // nullptr: the start of the line
    bool atName = false;
};

bool fail(DecodeError& err, std::string message, const Json* at, bool atName = false) {
    err = {std::move(message), at, atName};
    return false;
}

template <class T> bool read(const Json& v, const char* key, T& out, DecodeError& err) {
    bool ok = false;
    if constexpr (std::is_same_v<T, bool>) {
        if ((ok = v.is_boolean()))
            out = v.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
        const std::optional<T> n = toInteger<T>(v);
        if ((ok = n.has_value()))
            out = *n;
    } else if constexpr (std::is_floating_point_v<T>) {
        if ((ok = v.is_number() && std::isfinite(v.get<double>())))
            out = v.get<T>();
    } else {
        if ((ok = v.is_string()))
            out = v.get<std::string>();
    }
    return ok || fail(err, std::string("'") + key + "' has the wrong type", &v);
}

bool readInts(const Json& v, const char* key, std::vector<int>& out, DecodeError& err) {
    if (!v.is_array())
        return fail(err, std::string("'") + key + "' must be a list of numbers", &v);
    out.clear();
    for (const Json& item : v) {
        int n = 0;
        if (!read(item, key, n, err))
            return false;
        out.push_back(n);
    }
    return true;
}

bool readReason(const Json& v, const char* key, Reason& out, DecodeError& err) {
    if (!v.is_object())
        return fail(err, std::string("'") + key + "' must be an object with kind and index", &v);
    const Json* kindValue = member(v, "kind");
    if (!kindValue)
        return fail(err, "a reason needs a kind", &v);
    std::string kind;
    if (!read(*kindValue, "kind", kind, err))
        return false;
    if (!reasonKindFromId(kind, out.kind))
        return fail(err, "unknown reason kind '" + kind + "'", kindValue);
    out.index = -1;
    const Json* index = member(v, "index");
    return !index || read(*index, "index", out.index, err);
}

bool readConditions(const Json& v, std::vector<MitsCondition>& out, DecodeError& err) {
    if (!v.is_array())
        return fail(err, "'conditions' must be a list", &v);
    for (const Json& item : v) {
        const Json* expression = member(item, "expression");
        if (!expression)
            return fail(err, "a condition needs an expression", &item);
        MitsCondition c;
        if (!read(*expression, "expression", c.expression, err))
            return false;
        if (const Json* protects = member(item, "protects");
            protects && !readReason(*protects, "protects", c.protects, err))
            return false;
        out.push_back(std::move(c));
    }
    return true;
}

// The chain fields of a log line as read; nullptr where a line has none.
struct ReadChain {
    const Json* seq = nullptr;
    const Json* prev = nullptr;
    std::int64_t seqValue = 0;
    std::string prevValue;
};

// `chain` is nullptr where seq and prev are not allowed (format 1, network).
bool decodeActionValue(const Json& n, Action& a, int& phase, DecodeError& err,
                       ReadChain* chain = nullptr) {
    if (!n.is_object())
        return fail(err, "an action must be a JSON object", &n);
    bool haveType = false;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string& key = it.key();
        const Json& v = it.value();
        bool ok = true;
        std::string text;
        if (chain && key == "seq") {
            chain->seq = &v;
            ok = read(v, "seq", chain->seqValue, err);
        } else if (chain && key == "prev") {
            chain->prev = &v;
            ok = read(v, "prev", chain->prevValue, err);
        } else if (key == "type") {
            ok = read(v, "type", text, err);
            if (ok && !actionTypeFromId(text, a.type))
                ok = fail(err, "unknown action type '" + text + "'", &v);
            haveType = ok;
        } else if (key == "seat") {
            ok = read(v, "seat", a.seat, err);
        } else if (key == "person") {
            ok = read(v, "person", a.person, err);
        } else if (key == "phase") {
            ok = read(v, "phase", phase, err);
        } else if (key == "timeMs") {
            ok = read(v, "timeMs", a.timeMs, err);
        } else if (key == "targetRole") {
            ok = read(v, "targetRole", a.targetRole, err);
        } else if (key == "value") {
            ok = read(v, "value", a.value, err);
        } else if (key == "precondition") {
            ok = read(v, "precondition", a.precondition, err);
        } else if (key == "question") {
            ok = read(v, "question", a.question, err);
        } else if (key == "proposal") {
            ok = read(v, "proposal", a.proposal, err);
        } else if (key == "event") {
            ok = read(v, "event", a.event, err);
        } else if (key == "seconds") {
            ok = read(v, "seconds", a.seconds, err);
        } else if (key == "targetSeat") {
            ok = read(v, "targetSeat", a.targetSeat, err);
        } else if (key == "targetPerson") {
            ok = read(v, "targetPerson", a.targetPerson, err);
        } else if (key == "itemKind") {
            ok = read(v, "itemKind", a.itemKind, err);
        } else if (key == "choice") {
            ok = read(v, "choice", a.choice, err);
        } else if (key == "values") {
            ok = readInts(v, "values", a.values, err);
        } else if (key == "package") {
            ok = readInts(v, "package", a.package, err);
        } else if (key == "reaction") {
            ok = read(v, "reaction", text, err);
            if (ok && !reactionKindFromId(text, a.reaction))
                ok = fail(err, "unknown reaction '" + text + "'", &v);
        } else if (key == "vote") {
            ok = read(v, "vote", text, err);
            if (ok && !voteKindFromId(text, a.vote))
                ok = fail(err, "unknown vote '" + text + "'", &v);
        } else if (key == "reason") {
            ok = readReason(v, "reason", a.reason, err);
        } else if (key == "conditions") {
            ok = readConditions(v, a.conditions, err);
        } else if (key == "reasonText") {
            ok = read(v, "reasonText", a.reasonText, err);
        } else if (key == "enabled") {
            ok = read(v, "enabled", a.enabled, err);
        } else {
            ok = fail(err, "unknown field '" + key + "'", &v, true);
        }
        if (!ok)
            return false;
    }
    return haveType || fail(err, "the action has no type", &n);
}

// An optional member: absent is fine, present must read.
template <class T>
bool readOptional(const Json& object, const char* key, T& out, DecodeError& err) {
    const Json* v = member(object, key);
    return !v || read(*v, key, out, err);
}

bool decodeSetupValue(const Json& n, SessionSetup& s, DecodeError& err) {
    if (!n.is_object())
        return fail(err, "'setup' must be an object", &n);
    const Json* seats = member(n, "seats");
    if (!seats || !seats->is_array())
        return fail(err, "'setup' needs a list of seats", &n);
    for (const Json& item : *seats) {
        if (!item.is_object())
            return fail(err, "a seat must be an object", &item);
        Seat seat;
        const Json* role = member(item, "role");
        if (!role)
            return fail(err, "a seat needs a role", &item);
        if (!read(*role, "role", seat.role, err) || !readOptional(item, "name", seat.name, err) ||
            !readOptional(item, "bot", seat.bot, err) ||
            !readOptional(item, "cooperation", seat.character.cooperation, err) ||
            !readOptional(item, "openness", seat.character.openness, err))
            return false;
        if (const Json* members = member(item, "members")) {
            if (!members->is_array())
                return fail(err, "'members' must be a list of names", members);
            for (const Json& name : *members) {
                std::string text;
                if (!read(name, "members", text, err))
                    return false;
                seat.members.push_back(std::move(text));
            }
        }
        s.seats.push_back(std::move(seat));
    }
    if (!readOptional(n, "seed", s.seed, err) || !readOptional(n, "language", s.language, err))
        return false;
    if (const Json* minutes = member(n, "phaseMinutes");
        minutes && !readInts(*minutes, "phaseMinutes", s.phaseMinutes, err))
        return false;
    return readOptional(n, "endPhaseWhenAllDone", s.endPhaseWhenAllDone, err) &&
           readOptional(n, "group", s.group, err);
}

bool decodeHeaderValue(const Json& n, LogHeader& h, DecodeError& err) {
    const Json* format = member(n, "samenspel_log");
    if (!format)
        return fail(err,
                    "this is not a Samenspel session log (the first line has no \"samenspel_log\")",
                    nullptr);
    if (!read(*format, "samenspel_log", h.format, err))
        return false;
    if (h.format < 1 || h.format > kLogFormatVersion)
        return fail(err,
                    "log format version " + std::to_string(h.format) +
                        " is not supported (this build reads version " +
                        std::to_string(kLogFormatVersion) + ")",
                    format);
    const Json* sc = member(n, "scenario");
    const Json* hash = sc ? member(*sc, "hash") : nullptr;
    if (!hash)
        return fail(err, "the header does not name its scenario (path, id, hash)", &n);
    if (!readOptional(*sc, "path", h.scenarioPath, err) ||
        !readOptional(*sc, "id", h.scenarioId, err) || !read(*hash, "hash", h.scenarioHash, err))
        return false;
    const Json* setup = member(n, "setup");
    if (!setup)
        return fail(err, "the header has no setup", &n);
    return decodeSetupValue(*setup, h.setup, err);
}

constexpr std::size_t kMaxLineBytes = 1 << 20;

// A problem in one line of text, at its column.
struct LineError {
    std::string message;
    int column = 1;
};

// Parses one line as a JSON object; nothing with `err` when it is not one.
std::optional<Json> parseLine(const std::string& line, LineError& err) {
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] != '{') {
        err = {"expected a JSON object",
               static_cast<int>(start == std::string::npos ? 1 : start + 1)};
        return std::nullopt;
    }
    if (line.size() > kMaxLineBytes) {
        err = {"the line is too long (more than 1 MB)", 1};
        return std::nullopt;
    }
    JsonError error;
    std::optional<Json> value = parseJson(line, error);
    if (!value)
        err = error.tooDeep ? LineError{"the line is nested too deeply", 1}
                            : LineError{"not valid JSON: " + error.message,
                                        positionIn(line, error.offset).column};
    return value;
}

// Parses and decodes one line; false with `err` at its column.
template <class Decode> bool decodeLine(const std::string& line, LineError& err, Decode&& decode) {
    const std::optional<Json> value = parseLine(line, err);
    if (!value)
        return false;
    DecodeError problem;
    if (decode(*value, problem))
        return true;
    err.message = problem.message;
    err.column = problem.at
                     ? positionIn(line, offsetIn(line, *value, problem.at, problem.atName)).column
                     : 1;
    return false;
}

// Parses `json` and decodes it; the error message without a place.
template <class T, class Decode>
std::optional<T> decodeText(const std::string& json, std::string& error, Decode&& decode) {
    LineError err;
    T out;
    if (decodeLine(json, err, [&](const Json& v, DecodeError& e) { return decode(v, out, e); }))
        return out;
    error = err.message;
    return std::nullopt;
}

Diagnostic diag(const std::string& file, int line, int column, std::string message) {
    Diagnostic d;
    d.file = file;
    d.pos = {line, column};
    d.message = std::move(message);
    return d;
}

Diagnostic note(const std::string& file, int line, std::string message) {
    Diagnostic d = diag(file, line, 1, std::move(message));
    d.note = true;
    return d;
}

} // namespace

std::optional<Action> decodeAction(const Json& value, std::string& error) {
    Action a;
    int phase = -1;
    DecodeError err;
    if (decodeActionValue(value, a, phase, err))
        return a;
    error = err.message;
    return std::nullopt;
}

std::optional<Action> decodeAction(const std::string& json, std::string& error) {
    return decodeText<Action>(json, error, [](const Json& v, Action& a, DecodeError& err) {
        int phase = -1;
        return decodeActionValue(v, a, phase, err);
    });
}

std::optional<SessionSetup> decodeSetup(const Json& value, std::string& error) {
    SessionSetup s;
    DecodeError err;
    if (decodeSetupValue(value, s, err))
        return s;
    error = err.message;
    return std::nullopt;
}

std::optional<SessionSetup> decodeSetup(const std::string& json, std::string& error) {
    return decodeText<SessionSetup>(json, error, decodeSetupValue);
}

namespace {

// Follows the chain of a format 2 log from line to line. After a broken link
// it takes up the chain again from the line where it broke, so one removed,
// swapped or repeated line is one error, not one for every line after it.
class ChainCheck {
  public:
    ChainCheck(const std::string& path, ReadLog& out) : path_(path), out_(out) {}

    void header(const std::string& line, int lineNo) {
        prevLine_ = line;
        prevLineNo_ = lineNo;
        headerLineNo_ = lineNo;
    }
    // A line that could not be read: the next line starts the chain afresh.
    void unreadable() { lost_ = true; }
    // Checks an action line that decoded; false when the chain is broken there.
    bool action(const std::string& line, int lineNo, const ReadChain& c, int seqColumn) {
        const std::string before = prevLineNo_ == headerLineNo_
                                       ? "the header"
                                       : "action " + std::to_string(prevSeq_) + " (line " +
                                             std::to_string(prevLineNo_) + ")";
        bool ok = true;
        if (!c.seq || !c.prev) {
            ok = error(lineNo, 1,
                       std::string("the line has no ") + (!c.seq ? "\"seq\"" : "\"prev\"") +
                           ", which every action of a format 2 log carries");
        } else if (lost_) {
            // Where an unreadable line was, the chain cannot be followed.
        } else if (c.seqValue == prevSeq_ && line == prevLine_) {
            ok = error(lineNo, seqColumn,
                       "this line repeats the line before it: remove one of the two");
        } else if (c.seqValue > prevSeq_ + 1) {
            const std::int64_t missing = c.seqValue - prevSeq_ - 1;
            ok = error(lineNo, seqColumn,
                       "this is action " + std::to_string(c.seqValue) + ", but it follows " +
                           before + ": " +
                           (missing == 1 ? std::string("an action is")
                                         : std::to_string(missing) + " actions are") +
                           " missing before it, or lines are out of order");
        } else if (c.seqValue <= prevSeq_) {
            ok = error(lineNo, seqColumn,
                       "this is action " + std::to_string(c.seqValue) + ", but it follows " +
                           before + ": the line is repeated or out of order");
        } else if (!brokenBefore_ && c.prevValue != logLineHash(prevLine_)) {
            // The line before no longer has the text this one was chained to.
            ok = error(prevLineNo_, 1,
                       std::string(prevLineNo_ == headerLineNo_ ? "the header" : "this line") +
                           " was edited after it was written: line " + std::to_string(lineNo) +
                           " was chained to a different text");
        }
        brokenBefore_ = !ok;
        lost_ = !c.seq; // a line without a number: take up the chain from the next one
        if (c.seq && c.seqValue > prevSeq_)
            prevSeq_ = c.seqValue;
        prevLine_ = line;
        prevLineNo_ = lineNo;
        return ok;
    }

  private:
    bool error(int lineNo, int column, std::string message) {
        out_.errors.push_back(diag(path_, lineNo, column, std::move(message)));
        return false;
    }

    const std::string& path_;
    ReadLog& out_;
    std::string prevLine_;
    int prevLineNo_ = 0;
    int headerLineNo_ = 0;
    std::int64_t prevSeq_ = 0;
    bool brokenBefore_ = false; // the link before this line is already reported
    bool lost_ = false;         // the line before could not be read at all
};

} // namespace

ReadLog readSessionLog(const std::string& path) {
    ReadLog out;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.errors.push_back(
            diag(path, 0, 0, "cannot open the session log: " + std::string(std::strerror(errno))));
        return out;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string content = buffer.str();
    if (content.empty()) {
        out.errors.push_back(diag(path, 1, 1, "the session log is empty"));
        return out;
    }

    ChainCheck chain(path, out);
    std::size_t pos = 0;
    int lineNo = 0;
    while (pos < content.size()) {
        const std::size_t end = content.find('\n', pos);
        const bool terminated = end != std::string::npos;
        const std::string line = content.substr(pos, terminated ? end - pos : std::string::npos);
        pos = terminated ? end + 1 : content.size();
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        LineError err;
        const bool headerLine = !out.header;
        bool ok = false;
        if (headerLine) {
            LogHeader h;
            ok = decodeLine(line, err, [&](const Json& v, DecodeError& e) {
                return decodeHeaderValue(v, h, e);
            });
            if (ok) {
                out.header = std::move(h);
                chain.header(line, lineNo);
                if (out.header->format < 2)
                    out.notes.push_back(note(path, lineNo,
                                             "format 1 log: lines are not chained, a removed "
                                             "line cannot be detected"));
            }
        } else {
            Action action;
            int phase = -1;
            ReadChain links;
            int seqColumn = 1;
            const bool chained = out.header->format >= 2;
            ok = decodeLine(line, err, [&](const Json& v, DecodeError& e) {
                if (!decodeActionValue(v, action, phase, e, chained ? &links : nullptr))
                    return false;
                if (links.seq)
                    seqColumn = positionIn(line, offsetIn(line, v, links.seq, false)).column;
                return true;
            });
            if (ok && chained && !chain.action(line, lineNo, links, seqColumn)) {
                out.lastLine.clear();
                continue; // reported by the chain
            }
            if (ok) {
                out.actions.push_back(std::move(action));
                out.actionLines.push_back(lineNo);
                out.actionPhases.push_back(phase);
            } else if (chained) {
                chain.unreadable();
            }
        }
        if (ok) {
            out.lastLine = line;
            out.keptBytes = pos;
            continue;
        }
        // A last line without its newline is where a crash cut a write short.
        if (!terminated && out.header) {
            out.truncatedTail = true;
            out.notes.push_back(note(path, lineNo,
                                     "the last line was cut off (the session ended "
                                     "abruptly); it is dropped"));
            break;
        }
        out.errors.push_back(diag(path, lineNo, err.column, err.message));
        if (!out.header)
            break; // without a header nothing else can be read
    }
    if (!out.header && out.errors.empty())
        out.errors.push_back(diag(path, 1, 1, "the session log has no header line"));
    return out;
}

// [SECTION] Replay -------------------------------------------------------------------

namespace {

namespace fs = std::filesystem;

bool isFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// The scenario file of a log: the override when given, else the path as
// written, else that path (or just its file name) beside the log.
std::string findScenario(const std::string& logPath, const std::string& written,
                         const std::string& override) {
    if (!override.empty())
        return override;
    if (written.empty())
        return "";
    if (isFile(written))
        return written;
    const fs::path logDir = fs::path(logPath).parent_path();
    const fs::path beside = logDir / fs::path(written);
    if (isFile(beside))
        return beside.string();
    const fs::path byName = logDir / fs::path(written).filename();
    if (isFile(byName))
        return byName.string();
    return "";
}

} // namespace

Replay replaySessionLog(const std::string& logPath, const std::string& scenarioOverride) {
    Replay out;
    ReadLog log = readSessionLog(logPath);
    out.notes = std::move(log.notes);
    if (!log.errors.empty() || !log.header) {
        out.errors = std::move(log.errors);
        return out;
    }
    const LogHeader& h = *log.header;
    const std::string scenarioPath = findScenario(logPath, h.scenarioPath, scenarioOverride);
    if (scenarioPath.empty()) {
        out.errors.push_back(diag(logPath, 1, 1,
                                  "cannot find the scenario '" + h.scenarioPath +
                                      "' of this log (give it with --scenario FILE)"));
        return out;
    }
    LoadResult loaded = loadScenarioFile(scenarioPath);
    if (!loaded.ok()) {
        out.errors.push_back(
            diag(logPath, 1, 1, "the scenario '" + scenarioPath + "' of this log does not load"));
        for (Diagnostic& d : loaded.errors)
            out.errors.push_back(std::move(d));
        return out;
    }
    if (loaded.scenario->contentHash != h.scenarioHash) {
        out.errors.push_back(diag(
            logPath, 1, 1,
            "the scenario '" + scenarioPath + "' has changed since this session was played (hash " +
                h.scenarioHash + " in the log, " + loaded.scenario->contentHash + " now)"));
        return out;
    }
    auto scenario = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    for (std::size_t i = 0; i < h.setup.seats.size(); ++i) {
        const int role = h.setup.seats[i].role;
        if (role < 0 || role >= static_cast<int>(scenario->roles.size())) {
            out.errors.push_back(diag(logPath, 1, 1,
                                      "seat " + std::to_string(i) + " has role " +
                                          std::to_string(role) + ", but the scenario has " +
                                          std::to_string(scenario->roles.size()) + " roles"));
            return out;
        }
    }
    out.game.emplace(scenario, h.setup);
    out.game->setBegripVersion(begripVersionOfLogFormat(h.format));
    for (std::size_t i = 0; i < log.actions.size(); ++i) {
        // The phase written with each action is a check on determinism: a
        // replay that has drifted is stopped where it first differs.
        const int recorded = log.actionPhases[i];
        if (recorded >= 0 && recorded != out.game->state().phase) {
            out.errors.push_back(diag(logPath, log.actionLines[i], 1,
                                      "the action was taken in phase " + std::to_string(recorded) +
                                          ", but the replay is in phase " +
                                          std::to_string(out.game->state().phase)));
            return out;
        }
        const ApplyResult r = out.game->apply(log.actions[i]);
        if (!r.accepted) {
            out.errors.push_back(diag(logPath, log.actionLines[i], 1,
                                      std::string("the ") + actionTypeId(log.actions[i].type) +
                                          " action is refused on replay: " + r.refusal.english));
            return out;
        }
    }
    return out;
}

} // namespace samenspel
