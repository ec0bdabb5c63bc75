// The handshake, seats and tokens, the seat file, and what a seated
// connection may send.
#include "net/host_internal.hpp"

#include <fstream>
#include <sstream>

#include "core/json.hpp"
#include "core/limits.hpp"
#include "core/log.hpp"
#include "core/safe_text.hpp"
#include "core/session_files.hpp"

namespace samenspel::net {

// [Seat file] -----------------------------------------------------------------

void Host::Impl::writeSeatFile() {
    if (logPath.empty())
        return;
    std::string text = "samenspel-host 1\ncode " + code + "\n";
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (seats[i].taken)
            text += "seat " + std::to_string(i) + ' ' + seats[i].token + "\n";
    writeFileAtomically(seatFilePathFor(logPath), text);
}

void Host::Impl::readSeatFile() {
    std::ifstream in(seatFilePathFor(logPath));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string kind;
        words >> kind;
        if (kind == "code") {
            std::string c;
            words >> c;
            if (config.code.empty())
                code = normalizeSessionCode(c);
        } else if (kind == "seat") {
            std::size_t seat = 0;
            std::string token;
            if (words >> seat >> token && seat < seats.size() && token.size() >= 16) {
                seats[seat].taken = true;
                seats[seat].token = token;
            }
        }
    }
}

// [Handshake] -----------------------------------------------------------------

// Wrong codes are remembered per address for the window only: a table of
// every address ever seen would grow with each one a scan comes from.
bool Host::Impl::tooManyWrongCodes(const std::string& address, Clock::time_point now) {
    auto it = wrongCodes.find(address);
    if (it == wrongCodes.end())
        return false;
    auto& attempts = it->second;
    while (!attempts.empty() &&
           secondsSince(attempts.front(), now) > config.codeAttemptWindowSeconds)
        attempts.pop_front();
    if (attempts.empty()) {
        wrongCodes.erase(it);
        return false;
    }
    return static_cast<int>(attempts.size()) >= config.codeAttempts;
}

void Host::Impl::noteWrongCode(const std::string& address, Clock::time_point now) {
    if (wrongCodes.size() >= kMaxAddressesWithWrongCodes && !wrongCodes.count(address)) {
        forgetOldWrongCodes(now);
        // Still full: more addresses than any room guessing at once; the
        // oldest-keyed entry makes room (the limit is per address anyway).
        if (wrongCodes.size() >= kMaxAddressesWithWrongCodes)
            wrongCodes.erase(wrongCodes.begin());
    }
    wrongCodes[address].push_back(now);
}

void Host::Impl::forgetOldWrongCodes(Clock::time_point now) {
    for (auto it = wrongCodes.begin(); it != wrongCodes.end();) {
        auto& attempts = it->second;
        while (!attempts.empty() &&
               secondsSince(attempts.front(), now) > config.codeAttemptWindowSeconds)
            attempts.pop_front();
        it = attempts.empty() ? wrongCodes.erase(it) : std::next(it);
    }
    lastWrongCodeSweep = now;
}

int Host::Impl::freeSeatFor(int role) const {
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (seats[i].taken || setupSeat(static_cast<int>(i)).bot)
            continue;
        if (role < 0 || setupSeat(static_cast<int>(i)).role == role)
            return static_cast<int>(i);
    }
    return -1;
}

Connection* Host::Impl::connectionById(std::uint64_t id) {
    for (auto& c : connections)
        if (c->id == id)
            return c.get();
    return nullptr;
}

void Host::Impl::handleHello(Connection& c, const Message& m) {
    const auto now = Clock::now();
    const JsonValue& b = m.body;
    const std::int64_t version = b.intOr("version", m.version);
    if (m.version != kProtocolVersion || version != kProtocolVersion) {
        closeWith(c, "refuse", reason::kVersion,
                  "This host speaks Samenspel network protocol version " +
                      std::to_string(kProtocolVersion) + "; the client speaks version " +
                      std::to_string(version) + ". Use the same Samenspel version as the host.");
        return;
    }
    if (tooManyWrongCodes(c.address, now)) {
        closeWith(c, "refuse", reason::kTooManyAttempts);
        return;
    }
    if (normalizeSessionCode(b.stringOr("code")) != code) {
        noteWrongCode(c.address, now);
        closeWith(c, "refuse", reason::kWrongCode);
        return;
    }
    if (stoppedForDisk()) { // nothing to play until the session is continued
        closeWith(c, "refuse", reason::kHostLogFailed, stopMessage());
        return;
    }
    const std::string token = b.stringOr("token");
    int seat = -1;
    if (!token.empty()) {
        for (std::size_t i = 0; i < seats.size(); ++i)
            if (seats[i].taken && seats[i].token == token)
                seat = static_cast<int>(i);
        if (seat < 0) {
            closeWith(c, "refuse", reason::kBadToken);
            return;
        }
        if (Connection* old = connectionById(seats[static_cast<std::size_t>(seat)].connection);
            old && old != &c)
            closeWith(*old, "bye", reason::kReplaced);
    } else {
        const std::string wish = b.stringOr("seat");
        int role = -1;
        if (!wish.empty()) {
            role = scenario->roleIndex(wish);
            if (role < 0) {
                closeWith(c, "refuse", reason::kUnknownRole,
                          "This scenario has no role '" + wish + "'.");
                return;
            }
        }
        seat = freeSeatFor(role);
        if (seat < 0) {
            closeWith(c, "refuse", reason::kNoFreeSeat);
            return;
        }
        SeatSlot& slot = seats[static_cast<std::size_t>(seat)];
        slot.taken = true;
        slot.token = randomToken();
        std::string name = cleanText(b.stringOr("name"), limits::kSeatNameChars);
        // No name given: the seat keeps the one the setup gave it, or none,
        // and every screen shows the role's name in its own language.
        if (name.empty())
            name = setup.seats[static_cast<std::size_t>(seat)].name;
        if (!game)
            setup.seats[static_cast<std::size_t>(seat)].name = name;
        writeSeatFile();
    }
    c.helloDone = true;
    c.seat = seat;
    if (c.web)
        c.lang = languageOf(b);
    seats[static_cast<std::size_t>(seat)].remoteBot = b.boolOr("bot", false);
    seats[static_cast<std::size_t>(seat)].connection = c.id;
    sendWelcome(c);
    notice("seat " + std::to_string(seat) + " (" + seatLabel(seat) + ") " +
           (token.empty() ? "joined" : "is back") + " from " + c.address);
    broadcastPresence();
    if (!game && config.startWhenFull && allSeatsTaken())
        startSession(false);
}

void Host::Impl::refuseAction(Connection& c, const std::string& key,
                              const std::vector<std::string>& args, const std::string& english) {
    ++stats.actionsRefused;
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("refused");
    w.key("reason").value(key).key("args").beginArray();
    for (const std::string& a : args)
        w.value(echoSafe(a));
    w.endArray().key("message").value(echoSafe(english)).endObject();
    send(c, w.str());
}

void Host::Impl::handleAction(Connection& c, const Message& m) {
    const Json* body = m.body.find("action");
    if (!body || !body->is_object()) {
        refuseAction(c, reason::kBadAction, {}, "an action message needs an \"action\" object");
        return;
    }
    std::string error;
    std::optional<Action> action = decodeAction(*body, error);
    if (!action) {
        refuseAction(c, reason::kBadAction, {}, error);
        return;
    }
    if (!game) {
        refuseAction(c, reason::kNotStarted, {}, englishFor(reason::kNotStarted));
        return;
    }
    // The phone page does not name its seat (docs/web_client.md): the host
    // sets it from the connection. A seat it does name must still be its own.
    if (c.web && !member(*body, "seat"))
        action->seat = c.seat;
    if (action->seat != c.seat) {
        refuseAction(c, reason::kOtherSeat, {std::to_string(action->seat)},
                     "This connection plays seat " + std::to_string(c.seat) + ", not seat " +
                         std::to_string(action->seat) + ".");
        return;
    }
    ApplyResult r = submit(*action);
    if (!r)
        refuseAction(c, r.refusal.key, r.refusal.args, r.refusal.english);
}

void Host::Impl::handleMessage(Connection& c, const std::string& body) {
    std::string error;
    std::optional<Message> m = parseMessage(body, error);
    if (!m) {
        closeWith(c, c.helloDone ? "bye" : "refuse", reason::kMalformed, error);
        return;
    }
    if (m->type == "lobby" && !c.helloDone) {
        handleLobby(c, *m);
        return;
    }
    if (m->type == "hello") {
        if (c.helloDone)
            closeWith(c, "bye", reason::kHelloTwice);
        else
            handleHello(c, *m);
        return;
    }
    if (!c.helloDone) {
        closeWith(c, "refuse", reason::kHelloFirst);
        return;
    }
    if (m->version != kProtocolVersion) {
        closeWith(c, "bye", reason::kVersion);
        return;
    }
    if (m->type == "action")
        handleAction(c, *m);
    else if (m->type == "sync")
        sendWelcome(c);
    else if (m->type == "lang" && c.web) {
        c.lang = languageOf(m->body);
        c.viewDirty = true;
    } else if (m->type == "preview" && c.web)
        handlePreview(c, *m);
    else if (m->type == "bye")
        c.closing = true, c.closingSince = Clock::now();
    else
        refuseAction(c, reason::kUnknownType, {m->type}, englishFor(reason::kUnknownType));
}

} // namespace samenspel::net
