// The session log: JSON lines written with JsonWriter, read back with
// yaml-cpp (JSON is YAML). Reading is strict, because a log that replays to a
// different state than the one played is worse than a clear error; the one
// exception is a last line cut off by a crash, which is expected damage.
#include "core/log.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/json.hpp"

namespace samenspel {

// [SECTION] Ids --------------------------------------------------------------------

namespace {

template <class E> struct IdName {
    E value;
    const char* id;
};

constexpr IdName<ReactionKind> kReactionIds[] = {
    {ReactionKind::Support, "support"},
    {ReactionKind::Object, "object"},
    {ReactionKind::SupportIf, "support_if"},
};
constexpr IdName<VoteKind> kVoteIds[] = {
    {VoteKind::Yes, "yes"},
    {VoteKind::No, "no"},
    {VoteKind::JaMits, "ja_mits"},
};
constexpr IdName<Reason::Kind> kReasonIds[] = {
    {Reason::Kind::None, "none"},
    {Reason::Kind::Value, "value"},
    {Reason::Kind::Precondition, "precondition"},
};

template <class E, std::size_t N> const char* idOf(const IdName<E> (&table)[N], E value) {
    for (const auto& e : table)
        if (e.value == value)
            return e.id;
    return "unknown";
}

template <class E, std::size_t N>
bool fromId(const IdName<E> (&table)[N], const std::string& id, E& out) {
    for (const auto& e : table) {
        if (id == e.id) {
            out = e.value;
            return true;
        }
    }
    return false;
}

} // namespace

const char* reactionKindId(ReactionKind kind) {
    return idOf(kReactionIds, kind);
}
const char* voteKindId(VoteKind kind) {
    return idOf(kVoteIds, kind);
}
const char* reasonKindId(Reason::Kind kind) {
    return idOf(kReasonIds, kind);
}
bool reactionKindFromId(const std::string& id, ReactionKind& out) {
    return fromId(kReactionIds, id, out);
}
bool voteKindFromId(const std::string& id, VoteKind& out) {
    return fromId(kVoteIds, id, out);
}
bool reasonKindFromId(const std::string& id, Reason::Kind& out) {
    return fromId(kReasonIds, id, out);
}

// [SECTION] Writing ------------------------------------------------------------------

namespace {

// Shortest decimal text that reads back as exactly the same double, so a
// bot's character survives the round trip through the log.
std::string exactNumber(double d) {
    char buf[40];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d)
            break;
    }
    return buf;
}

void writeReason(JsonWriter& w, const Reason& r) {
    w.beginObject().key("kind").value(reasonKindId(r.kind)).key("index").value(r.index).endObject();
}

void writeInts(JsonWriter& w, const std::vector<int>& v) {
    w.beginArray();
    for (int i : v)
        w.value(i);
    w.endArray();
}

// Always type, seat and time; every other field only when it differs from its
// default, which keeps lines short and still loses nothing.
void writeAction(JsonWriter& w, const Action& a, const int* phase) {
    const Action d;
    w.beginObject();
    w.key("type").value(actionTypeId(a.type));
    w.key("seat").value(a.seat);
    if (phase)
        w.key("phase").value(*phase);
    w.key("timeMs").value(static_cast<std::int64_t>(a.timeMs));
    auto intField = [&](const char* key, int v, int def) {
        if (v != def)
            w.key(key).value(v);
    };
    intField("targetRole", a.targetRole, d.targetRole);
    intField("value", a.value, d.value);
    intField("precondition", a.precondition, d.precondition);
    intField("question", a.question, d.question);
    intField("proposal", a.proposal, d.proposal);
    intField("event", a.event, d.event);
    intField("seconds", a.seconds, d.seconds);
    if (!a.values.empty())
        writeInts(w.key("values"), a.values);
    if (!a.package.empty())
        writeInts(w.key("package"), a.package);
    if (a.type == ActionType::React || a.reaction != d.reaction)
        w.key("reaction").value(reactionKindId(a.reaction));
    if (a.type == ActionType::Vote || a.vote != d.vote)
        w.key("vote").value(voteKindId(a.vote));
    if (a.reason.kind != Reason::Kind::None || a.reason.index != -1)
        writeReason(w.key("reason"), a.reason);
    if (!a.conditions.empty()) {
        w.key("conditions").beginArray();
        for (const MitsCondition& c : a.conditions) {
            w.beginObject().key("expression").value(c.expression);
            if (c.protects.kind != Reason::Kind::None || c.protects.index != -1)
                writeReason(w.key("protects"), c.protects);
            w.endObject();
        }
        w.endArray();
    }
    if (!a.reasonText.empty())
        w.key("reasonText").value(a.reasonText);
    // Always for the switch, so "off" is written out and not left to a default.
    if (a.type == ActionType::SetEndWhenAllDone || a.enabled != d.enabled)
        w.key("enabled").value(a.enabled);
    w.endObject();
}

void writeSetup(JsonWriter& w, const SessionSetup& s) {
    w.beginObject();
    w.key("seats").beginArray();
    for (const Seat& seat : s.seats) {
        w.beginObject();
        w.key("role").value(seat.role);
        w.key("name").value(seat.name);
        w.key("bot").value(seat.bot);
        w.key("cooperation").raw(exactNumber(seat.character.cooperation));
        w.key("openness").raw(exactNumber(seat.character.openness));
        w.endObject();
    }
    w.endArray();
    w.key("seed").value(static_cast<std::uint64_t>(s.seed));
    w.key("language").value(s.language);
    writeInts(w.key("phaseMinutes"), s.phaseMinutes);
    w.key("endPhaseWhenAllDone").value(s.endPhaseWhenAllDone);
    w.endObject();
}

} // namespace

std::string encodeAction(const Action& action) {
    JsonWriter w;
    writeAction(w, action, nullptr);
    return w.str();
}

std::string encodeSetup(const SessionSetup& setup) {
    JsonWriter w;
    writeSetup(w, setup);
    return w.str();
}

std::string encodeHeader(const LogHeader& h) {
    JsonWriter w;
    w.beginObject();
    w.key("samenspel_log").value(h.format);
    w.key("scenario").beginObject();
    w.key("path").value(h.scenarioPath);
    w.key("id").value(h.scenarioId);
    w.key("hash").value(h.scenarioHash);
    w.endObject();
    writeSetup(w.key("setup"), h.setup);
    w.endObject();
    return w.str();
}

std::unique_ptr<SessionLogWriter>
SessionLogWriter::create(const std::string& path, const LogHeader& header, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        error = "cannot write session log '" + path + "': " + std::strerror(errno);
        return nullptr;
    }
    // A path relative to the working directory of the moment means nothing to
    // a later replay from elsewhere: name the file absolutely when it exists.
    LogHeader h = header;
    std::error_code ec;
    if (!h.scenarioPath.empty() && std::filesystem::path(h.scenarioPath).is_relative() &&
        std::filesystem::is_regular_file(h.scenarioPath, ec))
        h.scenarioPath = std::filesystem::absolute(h.scenarioPath, ec).lexically_normal().string();
    const std::string line = encodeHeader(h) + "\n";
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size() || std::fflush(f) != 0) {
        error = "cannot write session log '" + path + "': " + std::strerror(errno);
        std::fclose(f);
        return nullptr;
    }
    std::unique_ptr<SessionLogWriter> w(new SessionLogWriter());
    w->file_ = f;
    w->path_ = path;
    return w;
}

namespace {

// Where the last complete line of `path` ends: a record cut off by a crash is
// dropped before appending, or the next record would be glued onto it.
std::uintmax_t completeLength(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t lastNewline = content.rfind('\n');
    return lastNewline == std::string::npos ? 0 : lastNewline + 1;
}

} // namespace

std::unique_ptr<SessionLogWriter> SessionLogWriter::append(const std::string& path,
                                                           std::string& error) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec) {
        const std::uintmax_t complete = completeLength(path);
        if (complete > 0 && complete < size)
            std::filesystem::resize_file(path, complete, ec);
        if (ec) {
            error = "cannot repair the cut-off last line of '" + path + "': " + ec.message();
            return nullptr;
        }
    }
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (!f) {
        error = "cannot append to session log '" + path + "': " + std::strerror(errno);
        return nullptr;
    }
    std::unique_ptr<SessionLogWriter> w(new SessionLogWriter());
    w->file_ = f;
    w->path_ = path;
    return w;
}

SessionLogWriter::~SessionLogWriter() {
    if (file_)
        std::fclose(file_);
}

bool SessionLogWriter::write(const Action& action, int phase) {
    if (!file_)
        return false;
    JsonWriter w;
    writeAction(w, action, &phase);
    std::string line = w.str();
    line += '\n';
    // One fwrite per line, then flush: a crash can cut off at most this line.
    return std::fwrite(line.data(), 1, line.size(), file_) == line.size() &&
           std::fflush(file_) == 0;
}

// [SECTION] Reading --------------------------------------------------------------------

namespace {

// A decoding problem with the place in the line where it was found.
struct DecodeError {
    std::string message;
    int column = 1; // 1-based, within the line
};

int columnOf(const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    return m.column >= 0 ? m.column + 1 : 1;
}

template <class T> bool read(const YAML::Node& n, const char* key, T& out, DecodeError& err) {
    try {
        out = n.as<T>();
        return true;
    } catch (const std::exception&) {
        err = {std::string("'") + key + "' has the wrong type", columnOf(n)};
        return false;
    }
}

bool readInts(const YAML::Node& n, const char* key, std::vector<int>& out, DecodeError& err) {
    if (!n.IsSequence()) {
        err = {std::string("'") + key + "' must be a list of numbers", columnOf(n)};
        return false;
    }
    out.clear();
    for (const YAML::Node& item : n) {
        int v = 0;
        if (!read(item, key, v, err))
            return false;
        out.push_back(v);
    }
    return true;
}

bool readReason(const YAML::Node& n, const char* key, Reason& out, DecodeError& err) {
    if (!n.IsMap()) {
        err = {std::string("'") + key + "' must be an object with kind and index", columnOf(n)};
        return false;
    }
    std::string kind;
    if (!n["kind"]) {
        err = {"a reason needs a kind", columnOf(n)};
        return false;
    }
    if (!read(n["kind"], "kind", kind, err))
        return false;
    if (!reasonKindFromId(kind, out.kind)) {
        err = {"unknown reason kind '" + kind + "'", columnOf(n["kind"])};
        return false;
    }
    out.index = -1;
    return !n["index"] || read(n["index"], "index", out.index, err);
}

bool readConditions(const YAML::Node& n, std::vector<MitsCondition>& out, DecodeError& err) {
    if (!n.IsSequence()) {
        err = {"'conditions' must be a list", columnOf(n)};
        return false;
    }
    for (const YAML::Node& item : n) {
        if (!item.IsMap() || !item["expression"]) {
            err = {"a condition needs an expression", columnOf(item)};
            return false;
        }
        MitsCondition c;
        if (!read(item["expression"], "expression", c.expression, err))
            return false;
        if (item["protects"] && !readReason(item["protects"], "protects", c.protects, err))
            return false;
        out.push_back(std::move(c));
    }
    return true;
}

bool decodeActionNode(const YAML::Node& n, Action& a, int& phase, DecodeError& err) {
    if (!n.IsMap()) {
        err = {"an action must be a JSON object", columnOf(n)};
        return false;
    }
    bool haveType = false;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = it->first.Scalar();
        const YAML::Node v = it->second;
        bool ok = true;
        std::string text;
        if (key == "type") {
            ok = read(v, "type", text, err);
            if (ok && !actionTypeFromId(text, a.type)) {
                err = {"unknown action type '" + text + "'", columnOf(v)};
                ok = false;
            }
            haveType = ok;
        } else if (key == "seat") {
            ok = read(v, "seat", a.seat, err);
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
        } else if (key == "values") {
            ok = readInts(v, "values", a.values, err);
        } else if (key == "package") {
            ok = readInts(v, "package", a.package, err);
        } else if (key == "reaction") {
            ok = read(v, "reaction", text, err);
            if (ok && !reactionKindFromId(text, a.reaction)) {
                err = {"unknown reaction '" + text + "'", columnOf(v)};
                ok = false;
            }
        } else if (key == "vote") {
            ok = read(v, "vote", text, err);
            if (ok && !voteKindFromId(text, a.vote)) {
                err = {"unknown vote '" + text + "'", columnOf(v)};
                ok = false;
            }
        } else if (key == "reason") {
            ok = readReason(v, "reason", a.reason, err);
        } else if (key == "conditions") {
            ok = readConditions(v, a.conditions, err);
        } else if (key == "reasonText") {
            ok = read(v, "reasonText", a.reasonText, err);
        } else if (key == "enabled") {
            ok = read(v, "enabled", a.enabled, err);
        } else {
            err = {"unknown field '" + key + "'", columnOf(it->first)};
            ok = false;
        }
        if (!ok)
            return false;
    }
    if (!haveType) {
        err = {"the action has no type", columnOf(n)};
        return false;
    }
    return true;
}

bool decodeSetupNode(const YAML::Node& n, SessionSetup& s, DecodeError& err) {
    if (!n.IsMap()) {
        err = {"'setup' must be an object", columnOf(n)};
        return false;
    }
    const YAML::Node seats = n["seats"];
    if (!seats || !seats.IsSequence()) {
        err = {"'setup' needs a list of seats", columnOf(n)};
        return false;
    }
    for (const YAML::Node& item : seats) {
        if (!item.IsMap()) {
            err = {"a seat must be an object", columnOf(item)};
            return false;
        }
        Seat seat;
        if (!item["role"]) {
            err = {"a seat needs a role", columnOf(item)};
            return false;
        }
        if (!read(item["role"], "role", seat.role, err))
            return false;
        if (item["name"] && !read(item["name"], "name", seat.name, err))
            return false;
        if (item["bot"] && !read(item["bot"], "bot", seat.bot, err))
            return false;
        if (item["cooperation"] &&
            !read(item["cooperation"], "cooperation", seat.character.cooperation, err))
            return false;
        if (item["openness"] && !read(item["openness"], "openness", seat.character.openness, err))
            return false;
        s.seats.push_back(std::move(seat));
    }
    if (n["seed"] && !read(n["seed"], "seed", s.seed, err))
        return false;
    if (n["language"] && !read(n["language"], "language", s.language, err))
        return false;
    if (n["phaseMinutes"] && !readInts(n["phaseMinutes"], "phaseMinutes", s.phaseMinutes, err))
        return false;
    if (n["endPhaseWhenAllDone"] &&
        !read(n["endPhaseWhenAllDone"], "endPhaseWhenAllDone", s.endPhaseWhenAllDone, err))
        return false;
    return true;
}

bool decodeHeaderNode(const YAML::Node& n, LogHeader& h, DecodeError& err) {
    if (!n.IsMap() || !n["samenspel_log"]) {
        err = {"this is not a Samenspel session log (the first line has no \"samenspel_log\")", 1};
        return false;
    }
    if (!read(n["samenspel_log"], "samenspel_log", h.format, err))
        return false;
    if (h.format < 1 || h.format > kLogFormatVersion) {
        err = {"log format version " + std::to_string(h.format) +
                   " is not supported (this build reads version " +
                   std::to_string(kLogFormatVersion) + ")",
               columnOf(n["samenspel_log"])};
        return false;
    }
    const YAML::Node sc = n["scenario"];
    if (!sc || !sc.IsMap() || !sc["hash"]) {
        err = {"the header does not name its scenario (path, id, hash)", columnOf(n)};
        return false;
    }
    if ((sc["path"] && !read(sc["path"], "path", h.scenarioPath, err)) ||
        (sc["id"] && !read(sc["id"], "id", h.scenarioId, err)) ||
        !read(sc["hash"], "hash", h.scenarioHash, err))
        return false;
    if (!n["setup"]) {
        err = {"the header has no setup", columnOf(n)};
        return false;
    }
    return decodeSetupNode(n["setup"], h.setup, err);
}

// yaml-cpp recurses per nesting level; refuse absurd nesting before parsing.
bool nestingTooDeep(const std::string& line) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > 32)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

constexpr std::size_t kMaxLineBytes = 1 << 20;

// Parses one line as a JSON object; false with `err` when it is not one.
bool parseLine(const std::string& line, YAML::Node& out, DecodeError& err) {
    const std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos || line[start] != '{') {
        err = {"expected a JSON object",
               static_cast<int>(start == std::string::npos ? 1 : start + 1)};
        return false;
    }
    if (line.size() > kMaxLineBytes) {
        err = {"the line is too long (more than 1 MB)", 1};
        return false;
    }
    if (nestingTooDeep(line)) {
        err = {"the line is nested too deeply", 1};
        return false;
    }
    try {
        out = YAML::Load(line);
    } catch (const YAML::Exception& e) {
        err = {"not valid JSON: " + e.msg, e.mark.column >= 0 ? e.mark.column + 1 : 1};
        return false;
    } catch (const std::exception& e) {
        err = {std::string("not valid JSON: ") + e.what(), 1};
        return false;
    }
    return true;
}

Diagnostic diag(const std::string& file, int line, int column, std::string message) {
    Diagnostic d;
    d.file = file;
    d.pos = {line, column};
    d.message = std::move(message);
    return d;
}

} // namespace

std::optional<Action> decodeAction(const std::string& json, std::string& error) {
    YAML::Node n;
    DecodeError err;
    Action a;
    int phase = -1;
    try {
        if (!parseLine(json, n, err) || !decodeActionNode(n, a, phase, err)) {
            error = err.message;
            return std::nullopt;
        }
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
    return a;
}

std::optional<SessionSetup> decodeSetup(const std::string& json, std::string& error) {
    YAML::Node n;
    DecodeError err;
    SessionSetup s;
    try {
        if (!parseLine(json, n, err) || !decodeSetupNode(n, s, err)) {
            error = err.message;
            return std::nullopt;
        }
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
    return s;
}

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
        YAML::Node node;
        DecodeError err;
        bool ok = false;
        const bool headerLine = !out.header;
        Action action;
        int phase = -1;
        try {
            if (headerLine) {
                LogHeader h;
                ok = parseLine(line, node, err) && decodeHeaderNode(node, h, err);
                if (ok)
                    out.header = std::move(h);
            } else {
                ok = parseLine(line, node, err) && decodeActionNode(node, action, phase, err);
            }
        } catch (const std::exception& e) {
            err = {std::string("cannot read this line: ") + e.what(), 1};
            ok = false;
        }
        if (ok) {
            if (!headerLine) {
                out.actions.push_back(std::move(action));
                out.actionLines.push_back(lineNo);
                out.actionPhases.push_back(phase);
            }
            continue;
        }
        // A last line without its newline is where a crash cut a write short.
        if (!terminated && out.header) {
            out.truncatedTail = true;
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
