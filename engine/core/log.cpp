// The session log: JSON lines written with JsonWriter (this file), read back
// with the one JSON reader (core/json_read.hpp) in log_read.cpp. Reading is strict, because a log
// that replays to a different state than the one played is worse than a clear error; the one
// exception is a last line cut off by a crash, which is expected damage.
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

// Where a line stands in the chain of a format 2 log.
struct LineChain {
    std::int64_t seq = 0;
    std::string prev;
};

// The chain first (a reader sees at once where a line belongs), then always
// type, seat and time; every other field only when it differs from its
// default, which keeps lines short and still loses nothing.
void writeAction(JsonWriter& w, const Action& a, const int* phase, const LineChain* chain) {
    const Action d;
    w.beginObject();
    if (chain) {
        w.key("seq").value(chain->seq);
        w.key("prev").value(chain->prev);
    }
    w.key("type").value(actionTypeId(a.type));
    w.key("seat").value(a.seat);
    if (a.person != d.person)
        w.key("person").value(a.person);
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
    intField("targetSeat", a.targetSeat, d.targetSeat);
    intField("targetPerson", a.targetPerson, d.targetPerson);
    intField("itemKind", a.itemKind, d.itemKind);
    intField("choice", a.choice, d.choice);
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
        // Only for a team: a log without teams stays byte for byte as before.
        if (!seat.members.empty()) {
            w.key("members").beginArray();
            for (const std::string& m : seat.members)
                w.value(m);
            w.endArray();
        }
        w.key("cooperation").raw(exactNumber(seat.character.cooperation));
        w.key("openness").raw(exactNumber(seat.character.openness));
        w.endObject();
    }
    w.endArray();
    w.key("seed").value(static_cast<std::uint64_t>(s.seed));
    w.key("language").value(s.language);
    writeInts(w.key("phaseMinutes"), s.phaseMinutes);
    w.key("endPhaseWhenAllDone").value(s.endPhaseWhenAllDone);
    // Only when given: a log without a group stays byte for byte as before.
    if (!s.group.empty())
        w.key("group").value(s.group);
    w.endObject();
}

} // namespace

std::string encodeAction(const Action& action) {
    JsonWriter w;
    writeAction(w, action, nullptr, nullptr);
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

std::string logLineHash(const std::string& line) {
    return contentHashOf(line); // the same FNV-1a 64 as the scenario's content hash
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
    const std::string headerLine = encodeHeader(h);
    const std::string line = headerLine + "\n";
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size() || std::fflush(f) != 0) {
        error = "cannot write session log '" + path + "': " + std::strerror(errno);
        std::fclose(f);
        return nullptr;
    }
    std::unique_ptr<SessionLogWriter> w(new SessionLogWriter());
    w->file_ = f;
    w->path_ = path;
    w->format_ = h.format;
    w->prevHash_ = logLineHash(headerLine);
    w->bytes_ = line.size();
    return w;
}

namespace {

bool endsWithNewline(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in || in.tellg() <= 0)
        return true;
    in.seekg(-1, std::ios::end);
    return in.get() == '\n';
}

} // namespace

std::unique_ptr<SessionLogWriter> SessionLogWriter::append(const std::string& path,
                                                           std::string& error) {
    // Appending to a damaged log would bury the damage under new lines that
    // no replay can reach: all or nothing.
    const ReadLog read = readSessionLog(path);
    if (!read.errors.empty() || !read.header) {
        error = read.errors.empty() ? "cannot read session log '" + path + "'"
                                    : read.errors.front().format();
        return nullptr;
    }
    // A record cut off by a crash is dropped, or the next record would be
    // glued onto it.
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && read.keptBytes < size)
        std::filesystem::resize_file(path, read.keptBytes, ec);
    if (ec) {
        error = "cannot drop the cut-off last line of '" + path + "': " + ec.message();
        return nullptr;
    }
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (!f) {
        error = "cannot append to session log '" + path + "': " + std::strerror(errno);
        return nullptr;
    }
    // A last whole line that lost only its newline keeps its action.
    if (!endsWithNewline(path) && (std::fputc('\n', f) == EOF || std::fflush(f) != 0)) {
        error = "cannot append to session log '" + path + "': " + std::strerror(errno);
        std::fclose(f);
        return nullptr;
    }
    std::unique_ptr<SessionLogWriter> w(new SessionLogWriter());
    w->file_ = f;
    w->path_ = path;
    w->format_ = read.header->format;
    w->seq_ = static_cast<std::int64_t>(read.actions.size());
    w->prevHash_ = logLineHash(read.lastLine);
    w->bytes_ = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot append to session log '" + path + "': " + ec.message();
        return nullptr;
    }
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
    const LineChain chain{seq_ + 1, prevHash_};
    writeAction(w, action, &phase, format_ >= 2 ? &chain : nullptr);
    std::string line = w.str();
    const std::string hash = logLineHash(line);
    line += '\n';
    // One fwrite per line, then flush: a crash can cut off at most this line.
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0) {
        // A full disk or a file size limit may have taken part of the line:
        // closed first (whatever rest of it was buffered goes out or not),
        // then cut back (shrinking a file needs no space), so the log ends
        // with its last whole line and resumes without a note.
        lastError_ = std::error_code(errno != 0 ? errno : EIO, std::generic_category());
        std::fclose(file_);
        file_ = nullptr;
        std::error_code ignored;
        std::filesystem::resize_file(path_, bytes_, ignored);
        return false;
    }
    ++seq_;
    prevHash_ = hash;
    bytes_ += line.size();
    return true;
}

} // namespace samenspel
