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

// "seat <i> <token>" per person; a team's members in Action::person order.
int Table::personOf(const Connection& c) const {
    if (c.seat < 0 || c.seat >= static_cast<int>(seats.size()) || setupSeat(c.seat).members.empty())
        return -1;
    const SeatSlot& slot = seats[static_cast<std::size_t>(c.seat)];
    for (std::size_t k = 0; k < slot.people.size(); ++k)
        if (slot.people[k] == c.person)
            return static_cast<int>(k);
    return -1;
}

void Table::writeSeatFile() {
    if (logPath.empty())
        return;
    std::string text = "samenspel-host 1\ncode " + room.code + "\n";
    for (std::size_t i = 0; i < seats.size(); ++i)
        for (std::uint64_t id : seats[i].people)
            if (const Person* p = room.personById(id))
                text += "seat " + std::to_string(i) + ' ' + p->token + "\n";
    writeFileAtomically(seatFilePathFor(logPath), text);
}

void Table::readSeatFile() {
    std::ifstream in(seatFilePathFor(logPath));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string kind;
        words >> kind;
        if (kind == "code") {
            std::string c;
            words >> c;
            if (room.config.code.empty())
                room.code = normalizeSessionCode(c);
        } else if (kind == "seat") {
            std::size_t seat = 0;
            std::string token;
            if (words >> seat >> token && seat < seats.size() && token.size() >= 16) {
                const Seat& s = setupSeat(static_cast<int>(seat));
                const std::size_t k = seats[seat].people.size();
                Person p;
                p.id = room.nextPersonId++;
                p.token = token;
                p.name = k < s.members.size() ? s.members[k] : s.name;
                p.table = index;
                p.seat = static_cast<int>(seat);
                seats[seat].people.push_back(p.id);
                room.people.push_back(std::move(p));
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
    if (anyStoppedForDisk()) { // nothing to play until the session is continued
        for (const auto& t : tables)
            if (t->stoppedForDisk()) {
                closeWith(c, "refuse", reason::kHostLogFailed, t->stopMessage());
                return;
            }
    }
    const std::string token = b.stringOr("token");
    Person* person = nullptr;
    if (!token.empty()) {
        person = personByToken(token);
        if (!person) {
            closeWith(c, "refuse", reason::kBadToken);
            return;
        }
        if (Connection* old = connectionById(person->connection); old && old != &c) {
            closeWith(*old, "bye", reason::kReplaced);
            if (Table* t = tableOf(*old))
                std::erase_if(t->connections, [old](const auto& cp) { return cp.get() == old; });
            old->table = -1;
            old->seat = -1;
        }
    } else if (!(person = newPerson(c, b)))
        return;
    if (person->table < 0 && roomStarted) { // the room started full without them
        closeWith(c, "refuse", reason::kNoFreeSeat);
        return;
    }
    c.helloDone = true;
    c.person = person->id;
    if (c.web)
        c.lang = languageOf(b);
    person->remoteBot = b.boolOr("bot", false);
    person->connection = c.id;
    if (person->table < 0) {
        sendWaiting(c);
        notice((person->name.empty() ? "a person" : person->name) + " waits to be seated, from " +
               c.address);
        return;
    }
    Table& t = *tables[static_cast<std::size_t>(person->table)];
    c.table = person->table;
    c.seat = person->seat;
    for (auto& cp : connections)
        if (cp.get() == &c)
            t.connections.push_back(cp);
    t.sendWelcome(c);
    notice((tables.size() > 1 ? "table " + std::to_string(t.index + 1) + ", " : "") + "seat " +
           std::to_string(c.seat) + " (" + t.seatLabel(c.seat) + ") " +
           (token.empty() ? "joined" : "is back") + " from " + c.address);
    t.broadcastPresence();
    if (!roomStarted && config.startWhenFull && !tables.empty() &&
        std::all_of(tables.begin(), tables.end(), [](const auto& x) { return x->allSeatsTaken(); }))
        startRoom(false);
}

// A hello without a token: a new person, at the table and role asked for,
// at the table with the most room for the role, or waiting to be dealt.
// Null (and the connection refused) when there is no place.
Person* Host::Impl::newPerson(Connection& c, const JsonValue& b) {
    const std::string wish = b.stringOr("seat");
    int role = -1;
    if (!wish.empty()) {
        role = scenario->roleIndex(wish);
        if (role < 0) {
            closeWith(c, "refuse", reason::kUnknownRole,
                      "This scenario has no role '" + wish + "'.");
            return nullptr;
        }
    }
    const std::int64_t tableWish = b.intOr("table", -1);
    // Waiting is for a room before its start: after it, only a seat will do.
    const bool wait = !roomStarted && (b.boolOr("wait", false) || tables.empty());
    int table = -1;
    int seat = -1;
    if (!wait) {
        if (tableWish >= static_cast<std::int64_t>(tables.size()) || tableWish < -1) {
            closeWith(c, "refuse", reason::kUnknownTable,
                      "This room has " + std::to_string(tables.size()) + " tables.");
            return nullptr;
        }
        table = tableWish >= 0 ? static_cast<int>(tableWish) : pickTable(role);
        if (table >= 0 && !tables[static_cast<std::size_t>(table)]->game)
            seat = tables[static_cast<std::size_t>(table)]->freeSeatFor(role);
        if (seat < 0) {
            closeWith(c, "refuse", reason::kNoFreeSeat);
            return nullptr;
        }
    }
    Person p;
    p.id = nextPersonId++;
    p.token = randomToken();
    p.name = cleanText(b.stringOr("name"), limits::kSeatNameChars);
    p.cameWith = cleanText(b.stringOr("cameWith"), limits::kSeatNameChars);
    p.roleWish = role;
    people.push_back(std::move(p));
    Person& added = people.back();
    if (!wait)
        seatPerson(added, table, seat);
    return &added;
}

// Before a seat: the person waits for the facilitator to deal the room.
void Host::Impl::sendWaiting(Connection& c) {
    const Person* p = personById(c.person);
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("waiting");
    w.key("token").value(p ? p->token : std::string());
    w.key("tables").value(static_cast<int>(tables.size()));
    if (c.web)
        w.key("lang").value(c.lang).key("sessionLang").value(sessionLanguage());
    w.endObject();
    send(c, w.str());
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
    Table* table = tableOf(c);
    if (!table || !table->game) {
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
    // The host knows which of a team's people sent it: a client that names
    // another member is refused, as one that names another seat is.
    const int person = table->personOf(c);
    if (member(*body, "person") && action->person != person) {
        refuseAction(c, reason::kOtherPerson, {std::to_string(action->person)},
                     "This connection plays for person " + std::to_string(person) +
                         " of its seat, not person " + std::to_string(action->person) + ".");
        return;
    }
    action->person = person;
    ApplyResult r = table->submit(*action);
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
    else if (m->type == "sync") {
        if (Table* t = tableOf(c))
            t->sendWelcome(c);
        else
            sendWaiting(c);
    } else if (m->type == "lang" && c.web) {
        c.lang = languageOf(m->body);
        c.viewDirty = true;
    } else if (m->type == "preview" && c.web) {
        if (Table* t = tableOf(c))
            t->handlePreview(c, *m);
    } else if (m->type == "bye")
        c.closing = true, c.closingSince = Clock::now();
    else
        refuseAction(c, reason::kUnknownType, {m->type}, englishFor(reason::kUnknownType));
}

} // namespace samenspel::net
