#include "net/host.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <SFML/Network.hpp>

#include "core/bot.hpp"
#include "core/clock_checkpoint.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/scoring.hpp"
#include "core/session_driver.hpp"
#include "net/protocol.hpp"
#include "net/redact.hpp"

namespace samenspel::net {

namespace {
// A listener that may take its port back while the connections of a host
// that crashed a moment ago still linger in TIME_WAIT: the restarted host
// must get the same port, or the players' laptops cannot rejoin their seats.
// sf::TcpListener does not set SO_REUSEADDR, so the socket is made here and
// handed to SFML, which then accepts on it as usual.
class ReusableListener : public sf::TcpListener {
  public:
    sf::Socket::Status listenReusable(unsigned short port, const sf::IpAddress& address) {
        close();
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return sf::Socket::Error;
        const int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in where{};
        where.sin_family = AF_INET;
        where.sin_port = htons(port);
        where.sin_addr.s_addr = htonl(address.toInteger());
        if (::bind(fd, reinterpret_cast<const sockaddr*>(&where), sizeof where) != 0 ||
            ::listen(fd, SOMAXCONN) != 0) {
            ::close(fd);
            return sf::Socket::Error;
        }
        create(fd);
        return sf::Socket::Done;
    }
};

// SFML waits forever on a zero timeout; a zero wait here means "just look".
sf::Time waitTime(double seconds) {
    return seconds <= 0.0 ? sf::microseconds(1) : sf::seconds(static_cast<float>(seconds));
}
} // namespace

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t, Clock::time_point now) {
    return std::chrono::duration<double>(now - t).count();
}

std::string randomToken() {
    std::random_device rd;
    std::uint64_t a = (std::uint64_t{rd()} << 32) ^ rd();
    std::uint64_t b = (std::uint64_t{rd()} << 32) ^ rd();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return buf;
}

std::string englishFor(const std::string& key) {
    static const std::map<std::string, std::string> kEnglish = {
        {reason::kVersion, "protocol version mismatch"},
        {reason::kWrongCode, "wrong session code"},
        {reason::kTooManyAttempts, "too many wrong session codes from this address; wait a minute"},
        {reason::kNoFreeSeat, "no free seat"},
        {reason::kUnknownRole, "no such role in this scenario"},
        {reason::kBadToken, "unknown reconnect token"},
        {reason::kHelloFirst, "the first message must be hello"},
        {reason::kHelloTwice, "hello was already received"},
        {reason::kMalformed, "malformed message"},
        {reason::kFrameTooLarge, "frame larger than the limit"},
        {reason::kHandshakeTimeout, "no hello in time"},
        {reason::kStalledFrame, "a frame was begun but never finished"},
        {reason::kNotReading, "the client stopped reading"},
        {reason::kReplaced, "the seat was taken over by a new connection with its token"},
        {reason::kHostClosing, "the host is closing the session"},
        {reason::kOtherSeat, "an action for another seat than this connection's"},
        {reason::kNotStarted, "the session has not started yet"},
        {reason::kUnknownType, "unknown message type"},
        {reason::kBadAction, "the action could not be read"},
    };
    auto it = kEnglish.find(key);
    return it == kEnglish.end() ? key : it->second;
}

std::string roleIdOf(const Scenario& sc, int role) {
    return role >= 0 && role < static_cast<int>(sc.roles.size())
               ? sc.roles[static_cast<std::size_t>(role)].id
               : std::string();
}

} // namespace

std::string seatFilePathFor(const std::string& logPath) {
    return logPath + ".net";
}

SessionSetup setupForPlayers(const Scenario& scenario, int players, std::uint64_t seed) {
    SessionSetup setup = SessionSetup::defaultFor(scenario, false, seed);
    std::vector<int> count(scenario.roles.size(), 0);
    for (const Seat& s : setup.seats)
        ++count[static_cast<std::size_t>(s.role)];
    bool grew = true;
    while (static_cast<int>(setup.seats.size()) < players && grew) {
        grew = false;
        for (std::size_t r = 0; r < scenario.roles.size(); ++r) {
            if (static_cast<int>(setup.seats.size()) >= players)
                break;
            if (count[r] >= scenario.roles[r].maxPlayers)
                continue;
            Seat seat;
            seat.role = static_cast<int>(r);
            setup.seats.push_back(seat);
            ++count[r];
            grew = true;
        }
    }
    // Seats of one role sit together, as at a table.
    std::stable_sort(setup.seats.begin(), setup.seats.end(),
                     [](const Seat& a, const Seat& b) { return a.role < b.role; });
    return setup;
}

// SFML keeps the native handle protected; the host needs it for SO_SNDBUF.
class HostSocket : public sf::TcpSocket {
  public:
    void setSendBuffer(int bytes) {
        setsockopt(getHandle(), SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
    }
};

struct Connection {
    std::uint64_t id = 0;
    std::unique_ptr<HostSocket> socket;
    std::string address;
    FrameReader reader{kMaxClientFrame};
    std::string out;
    std::size_t outPos = 0;
    Clock::time_point openedAt;
    Clock::time_point frameStartedAt;
    bool helloDone = false;
    int seat = -1;
    bool closing = false; // send what is queued, then close
    Clock::time_point closingSince;
    bool dead = false;
    std::string viewFingerprint; // of the scenario text this client has
    bool revealed = false;       // got the full scenario and every action

    std::size_t pending() const { return out.size() - outPos; }
};

struct SeatSlot {
    bool taken = false; // a person holds it (has a token)
    std::string token;
    std::uint64_t connection = 0; // 0: away / nobody
    std::unique_ptr<Bot> bot;
    std::int64_t nextBotMs = 0;
    bool remoteBot = false; // the client said a bot plays it
};

struct RoleView {
    std::string fingerprint;
    std::string yaml;
};

struct Host::Impl {
    HostConfig config;
    std::shared_ptr<const Scenario> scenario;
    SessionSetup setup;
    std::string logPath;
    std::string code;
    std::unique_ptr<Game> game;
    std::unique_ptr<SessionLogWriter> log;
    std::string diskError;
    std::string sentSupport = "[]"; // the public support clients have (JSON list)

    ReusableListener listener;
    sf::SocketSelector selector;
    std::vector<std::unique_ptr<Connection>> connections;
    std::uint64_t nextConnectionId = 1;
    std::vector<SeatSlot> seats;
    std::vector<Action> actions;      // every applied action, in order
    std::vector<std::string> encoded; // encodeAction of each
    std::map<int, RoleView> views;    // per role (and -1)
    std::map<std::string, std::deque<Clock::time_point>> wrongCodes; // per address
    HostStats stats;
    Host* owner = nullptr;

    std::int64_t clockMs = 0;
    // "<log>.clock", as in local play: a quiet stretch logs nothing, and a
    // host restarted after a crash must not give a phase back the time that
    // passed since the last action.
    ClockCheckpoint checkpoint;
    bool checkpointFailed = false; // told once; the session goes on
    double carryMs = 0.0;
    Clock::time_point lastTick = Clock::now();
    Clock::time_point lastActionAt = Clock::now();
    bool finishedAnnounced = false;

    // [Notices] -------------------------------------------------------------
    void notice(const std::string& text) const {
        if (owner && owner->onNotice)
            owner->onNotice(text);
    }

    // A lost checkpoint only costs the timers after a crash, so unlike a lost
    // log record it does not stop the session; the facilitator hears of it.
    void checkpointWritten(bool ok) {
        if (ok || checkpointFailed)
            return;
        checkpointFailed = true;
        notice("The session clock could not be saved beside " + logPath +
               "; after a crash, timers would resume from the last action.");
    }

    // [Sending] -------------------------------------------------------------
    void queue(Connection& c, const std::string& framed) {
        if (c.dead)
            return;
        c.out += framed;
        if (c.pending() > config.maxOutgoingBytes)
            drop(c, reason::kNotReading);
    }
    void send(Connection& c, const std::string& body) { queue(c, frame(body)); }

    // Refuses (handshake) or ends (later) a connection with a reason, after
    // which only the queued bytes still go out.
    void closeWith(Connection& c, const std::string& type, const std::string& key,
                   const std::string& detail = "") {
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value(type);
        w.key("reason").value(key).key("message").value(detail.empty() ? englishFor(key) : detail);
        w.key("version").value(kProtocolVersion).endObject();
        send(c, w.str());
        if (!c.closing) {
            c.closing = true;
            c.closingSince = Clock::now();
        }
        if (type == "refuse")
            ++stats.handshakesRefused;
        else
            ++stats.connectionsDropped;
        stats.dropReasons.push_back(key);
        notice("connection " + std::to_string(c.id) + " from " + c.address + ": " + type + " (" +
               (detail.empty() ? englishFor(key) : detail) + ")");
    }

    // Ends a connection at once (it is beyond talking to).
    void drop(Connection& c, const std::string& key) {
        if (c.dead)
            return;
        c.dead = true;
        ++stats.connectionsDropped;
        stats.dropReasons.push_back(key);
        notice("connection " + std::to_string(c.id) + " from " + c.address +
               " dropped: " + englishFor(key));
    }

    void flush(Connection& c) {
        while (!c.dead && c.pending() > 0) {
            std::size_t sent = 0;
            const std::size_t chunk = std::min<std::size_t>(c.pending(), 256 * 1024);
            sf::Socket::Status status = c.socket->send(c.out.data() + c.outPos, chunk, sent);
            c.outPos += sent;
            stats.bytesSent += sent;
            if (status == sf::Socket::Done)
                continue;
            if (status == sf::Socket::Partial || status == sf::Socket::NotReady)
                break;
            c.dead = true; // Disconnected / Error: the other side is gone
        }
        if (c.outPos == c.out.size()) {
            c.out.clear();
            c.outPos = 0;
        } else if (c.outPos > (1u << 20)) {
            c.out.erase(0, c.outPos);
            c.outPos = 0;
        }
    }

    // [Messages] ------------------------------------------------------------
    std::string presenceJson() const {
        JsonWriter w;
        w.beginArray();
        for (const SeatStatus& s : seatStatus()) {
            w.beginObject().key("seat").value(s.seat).key("role").value(
                roleIdOf(*scenario, s.role));
            w.key("name").value(s.name).key("taken").value(s.taken);
            w.key("connected").value(s.connected).key("bot").value(s.bot).endObject();
        }
        w.endArray();
        return w.str();
    }

    std::vector<SeatStatus> seatStatus() const {
        std::vector<SeatStatus> out;
        for (std::size_t i = 0; i < seats.size(); ++i) {
            const Seat& seat = setupSeat(static_cast<int>(i));
            SeatStatus s;
            s.seat = static_cast<int>(i);
            s.role = seat.role;
            s.name = seat.name;
            s.bot = seat.bot;
            s.taken = seats[i].taken;
            s.connected = seats[i].connection != 0;
            out.push_back(s);
        }
        return out;
    }

    const Seat& setupSeat(int seat) const {
        return game ? game->setup().seats.at(static_cast<std::size_t>(seat))
                    : setup.seats.at(static_cast<std::size_t>(seat));
    }
    // For the facilitator's terminal: the role id, and the player's name if given.
    std::string seatLabel(int seat) const {
        const std::string& name = setupSeat(seat).name;
        const std::string role = roleIdOf(*scenario, roleOfSeat(seat));
        return name.empty() ? role : role + ", " + name;
    }

    void broadcastPresence() {
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("presence");
        w.key("seats").raw(presenceJson()).endObject();
        const std::string framed = frame(w.str());
        for (auto& c : connections)
            if (c->helloDone && !c->closing)
                queue(*c, framed);
    }

    const RoleView& viewFor(int role) {
        RedactionView view =
            game ? RedactionView::of(*game, role) : RedactionView::initial(*scenario, role);
        RoleView& cached = views[role];
        std::string fp = view.fingerprint();
        if (fp != cached.fingerprint) {
            cached.fingerprint = std::move(fp);
            cached.yaml = redactedScenarioYaml(*scenario, view);
        }
        return cached;
    }

    int roleOfSeat(int seat) const { return seat >= 0 ? setupSeat(seat).role : -1; }
    bool ended() const { return game && game->state().finished; }

    std::string actionMessage(std::size_t index) const {
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("action");
        w.key("index").value(static_cast<std::uint64_t>(index)).key("action").raw(encoded[index]);
        w.endObject();
        return w.str();
    }

    // Every action `seat` may see so far, as [{index, action}].
    std::string visibleActionsJson(int seat) const {
        JsonWriter w;
        w.beginArray();
        const bool all = ended();
        for (std::size_t i = 0; i < actions.size(); ++i) {
            if (!actionVisibleTo(actions[i], seat, all))
                continue;
            w.beginObject().key("index").value(static_cast<std::uint64_t>(i));
            w.key("action").raw(encoded[i]).endObject();
        }
        w.endArray();
        return w.str();
    }

    void sendWelcome(Connection& c) {
        const int role = roleOfSeat(c.seat);
        const RoleView& view = viewFor(role);
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("welcome");
        w.key("seat").value(c.seat).key("role").value(roleIdOf(*scenario, role));
        w.key("token").value(seats[static_cast<std::size_t>(c.seat)].token);
        w.key("started").value(game != nullptr);
        // The session clock now: the actions only tell the time of the last
        // one, which after a quiet stretch (or a host restarted from its log)
        // is well behind, and the player's countdown would run from there.
        if (game)
            w.key("clock").value(clockMs);
        w.key("setup").raw(encodeSetup(game ? game->setup() : setup));
        w.key("scenario").value(view.yaml).key("revealed").value(ended());
        w.key("actions").raw(visibleActionsJson(c.seat));
        w.key("presence").raw(presenceJson());
        w.endObject();
        send(c, w.str());
        c.viewFingerprint = view.fingerprint;
        c.revealed = ended();
        if (game && sentSupport != "[]")
            send(c, supportMessage());
    }

    // [Public support] ---------------------------------------------------------
    // A role's support for a proposal is public once a seat of that role
    // reacted to it or voted on it (the table's rule: game/screens/
    // table_common.cpp). A player's copy of the game cannot compute it (it
    // lacks the other roles' weights), so the host sends the public values,
    // as [{proposal, role, support, accepts}], whenever they change.
    std::string publicSupportJson() const {
        const GameState& st = game->state();
        JsonWriter w;
        w.beginArray();
        for (const Proposal& p : st.proposals) {
            std::vector<bool> heard(scenario->roles.size(), false);
            const auto hear = [&](int seat) {
                const int role = roleOfSeat(seat);
                if (role >= 0 && role < static_cast<int>(heard.size()))
                    heard[static_cast<std::size_t>(role)] = true;
            };
            for (const Reaction& r : p.reactions)
                hear(r.seat);
            for (const CastVote& v : p.votes)
                hear(v.seat);
            for (int r = 0; r < static_cast<int>(heard.size()); ++r) {
                if (!heard[static_cast<std::size_t>(r)])
                    continue;
                w.beginObject()
                    .key("proposal")
                    .value(p.id)
                    .key("role")
                    .value(roleIdOf(*scenario, r));
                w.key("support").value(supportOf(*scenario, st.world, r, p.package), 2);
                w.key("accepts").value(canAccept(*scenario, st.world, r, p.package)).endObject();
            }
        }
        w.endArray();
        return w.str();
    }

    std::string supportMessage() const {
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("support");
        w.key("support").raw(sentSupport).endObject();
        return w.str();
    }

    // After an action: only when a value changed (a reaction, a vote, an event
    // that moved weights or options).
    void broadcastSupport() {
        std::string list = publicSupportJson();
        if (list == sentSupport)
            return;
        sentSupport = std::move(list);
        const std::string framed = frame(supportMessage());
        for (auto& c : connections)
            if (c->helloDone && !c->closing && !c->dead && c->seat >= 0)
                queue(*c, framed);
    }

    // After an action: new scenario texts first (so the client's copy of the
    // rules accepts what follows), then the action itself.
    void broadcastAction(std::size_t index) {
        const Action& a = actions[index];
        const bool all = ended();
        const std::string framed = frame(actionMessage(index));
        std::map<int, const RoleView*> byRole; // each role's view once per action
        for (auto& cp : connections) {
            Connection& c = *cp;
            if (!c.helloDone || c.closing || c.dead || c.seat < 0)
                continue;
            const int role = roleOfSeat(c.seat);
            auto known = byRole.find(role);
            if (known == byRole.end())
                known = byRole.emplace(role, &viewFor(role)).first;
            const RoleView& view = *known->second;
            if (all && !c.revealed) {
                JsonWriter w;
                w.beginObject().key("v").value(kProtocolVersion).key("type").value("scenario");
                w.key("scenario").value(view.yaml).key("revealed").value(true);
                w.key("actions").raw(visibleActionsJson(c.seat));
                w.endObject();
                send(c, w.str());
                c.viewFingerprint = view.fingerprint;
                c.revealed = true;
                continue; // the action is among them
            }
            if (view.fingerprint != c.viewFingerprint) {
                JsonWriter w;
                w.beginObject().key("v").value(kProtocolVersion).key("type").value("scenario");
                w.key("scenario").value(view.yaml).endObject();
                send(c, w.str());
                c.viewFingerprint = view.fingerprint;
            }
            if (actionVisibleTo(a, c.seat, all))
                queue(c, framed);
        }
    }

    // [The session] ---------------------------------------------------------
    ApplyResult applyAndBroadcast(Action a) {
        if (!game || !diskError.empty()) {
            ApplyResult r;
            r.refusal.key = "refuse.session_stopped";
            r.refusal.english = diskError.empty() ? "The session has not started." : diskError;
            return r;
        }
        const int phaseBefore = game->state().phase;
        const bool wasFinished = game->state().finished;
        ApplyResult result = game->apply(a);
        if (!result)
            return result;
        if (log && !log->write(a, phaseBefore)) {
            diskError = "The session log could not be written: " + logPath;
            notice(diskError);
        }
        if (!wasFinished && game->state().finished)
            checkpointWritten(checkpoint.write(clockMs)); // the clock stops here
        actions.push_back(a);
        encoded.push_back(encodeAction(a));
        lastActionAt = Clock::now();
        broadcastAction(actions.size() - 1);
        broadcastSupport();
        if (owner && owner->onActionApplied)
            owner->onActionApplied(actions.size() - 1, a);
        return result;
    }

    bool allSeatsTaken() const {
        for (std::size_t i = 0; i < seats.size(); ++i)
            if (!seats[i].taken && !setup.seats[i].bot)
                return false;
        return true;
    }

    bool startSession(bool fillWithBots) {
        if (game)
            return true;
        for (std::size_t i = 0; i < seats.size(); ++i) {
            if (seats[i].taken || setup.seats[i].bot)
                continue;
            if (!fillWithBots)
                return false;
            setup.seats[i].bot = true; // unnamed: screens show the role's name
        }
        LogHeader header;
        header.scenarioPath = scenario->sourcePath;
        header.scenarioId = scenario->id;
        header.scenarioHash = scenario->contentHash;
        header.setup = setup;
        std::string error;
        log = SessionLogWriter::create(logPath, header, error);
        if (!log) {
            diskError = error.empty() ? "The session log could not be created: " + logPath : error;
            notice(diskError);
            return false;
        }
        game = std::make_unique<Game>(scenario, setup);
        // At once: a checkpoint left by an earlier session in this log's
        // place must not move a resume of this one ahead.
        checkpoint = ClockCheckpoint(logPath);
        checkpointWritten(checkpoint.write(clockMs));
        makeBots();
        writeSeatFile();
        lastTick = Clock::now();
        notice("session started with " + std::to_string(seats.size()) + " seats");
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("start");
        w.key("setup").raw(encodeSetup(setup)).endObject();
        const std::string framed = frame(w.str());
        for (auto& c : connections)
            if (c->helloDone && !c->closing)
                queue(*c, framed);
        broadcastPresence();
        return true;
    }

    bool onlyBots() const {
        for (std::size_t i = 0; i < seats.size(); ++i)
            if (!seats[i].bot && !seats[i].remoteBot)
                return false;
        return true;
    }

    void makeBots() {
        for (std::size_t i = 0; i < seats.size(); ++i) {
            const Seat& seat = game->setup().seats[i];
            if (seat.bot && !seats[i].bot)
                seats[i].bot =
                    std::make_unique<Bot>(scenario, static_cast<int>(i), seat.role, seat.character,
                                          botSeed(game->setup().seed, static_cast<int>(i)));
        }
    }

    void runClock() {
        const auto now = Clock::now();
        const double realMs = std::chrono::duration<double, std::milli>(now - lastTick).count();
        lastTick = now;
        if (!game || game->state().finished || !diskError.empty())
            return;
        if (!game->state().paused) {
            carryMs += realMs * config.clockSpeed;
            const auto whole = static_cast<std::int64_t>(carryMs);
            clockMs += whole;
            carryMs -= static_cast<double>(whole);
            if (onlyBots() && config.botFastForwardMs > 0 &&
                std::chrono::duration<double, std::milli>(now - lastActionAt).count() >
                    config.botIdleMs) {
                clockMs += config.botFastForwardMs;
                lastActionAt = now;
            }
        }
        for (int round = 0; round < 16 && !game->state().finished; ++round) {
            std::vector<Action> due = game->dueActions(clockMs);
            if (due.empty())
                break;
            for (Action& a : due)
                applyAndBroadcast(a);
        }
        runBots();
        checkpointWritten(checkpoint.update(clockMs));
    }

    void runBots() {
        for (int round = 0; round < 8; ++round) {
            bool acted = false;
            for (std::size_t i = 0; i < seats.size() && !game->state().finished; ++i) {
                SeatSlot& slot = seats[i];
                if (!slot.bot || clockMs < slot.nextBotMs)
                    continue;
                std::optional<Action> next = slot.bot->nextAction(*game, clockMs);
                if (!next)
                    continue;
                next->seat = static_cast<int>(i);
                next->timeMs = clockMs;
                ApplyResult r = applyAndBroadcast(*next);
                slot.nextBotMs = clockMs + config.botPaceMs;
                if (!r) // a bot that keeps being refused must not spin the host
                    slot.nextBotMs = clockMs + std::max<std::int64_t>(config.botPaceMs, 500);
                else
                    acted = true;
            }
            if (!acted)
                break;
        }
    }

    // [Seat file] -------------------------------------------------------------
    void writeSeatFile() {
        if (logPath.empty())
            return;
        std::string text = "samenspel-host 1\ncode " + code + "\n";
        for (std::size_t i = 0; i < seats.size(); ++i)
            if (seats[i].taken)
                text += "seat " + std::to_string(i) + ' ' + seats[i].token + "\n";
        writeFileAtomically(seatFilePathFor(logPath), text);
    }

    void readSeatFile() {
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

    // [Handshake] -------------------------------------------------------------
    bool tooManyWrongCodes(const std::string& address, Clock::time_point now) {
        auto& attempts = wrongCodes[address];
        while (!attempts.empty() &&
               secondsSince(attempts.front(), now) > config.codeAttemptWindowSeconds)
            attempts.pop_front();
        return static_cast<int>(attempts.size()) >= config.codeAttempts;
    }

    int freeSeatFor(int role) const {
        for (std::size_t i = 0; i < seats.size(); ++i) {
            if (seats[i].taken || setupSeat(static_cast<int>(i)).bot)
                continue;
            if (role < 0 || setupSeat(static_cast<int>(i)).role == role)
                return static_cast<int>(i);
        }
        return -1;
    }

    Connection* connectionById(std::uint64_t id) {
        for (auto& c : connections)
            if (c->id == id)
                return c.get();
        return nullptr;
    }

    void handleHello(Connection& c, const Message& m) {
        const auto now = Clock::now();
        const JsonValue& b = m.body;
        const std::int64_t version = b.intOr("version", m.version);
        if (m.version != kProtocolVersion || version != kProtocolVersion) {
            closeWith(c, "refuse", reason::kVersion,
                      "This host speaks Samenspel network protocol version " +
                          std::to_string(kProtocolVersion) + "; the client speaks version " +
                          std::to_string(version) +
                          ". Use the same Samenspel version as the host.");
            return;
        }
        if (tooManyWrongCodes(c.address, now)) {
            closeWith(c, "refuse", reason::kTooManyAttempts);
            return;
        }
        if (normalizeSessionCode(b.stringOr("code")) != code) {
            wrongCodes[c.address].push_back(now);
            closeWith(c, "refuse", reason::kWrongCode);
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
            std::string name = b.stringOr("name");
            if (name.size() > 80)
                name.resize(80);
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
        seats[static_cast<std::size_t>(seat)].remoteBot = b.boolOr("bot", false);
        seats[static_cast<std::size_t>(seat)].connection = c.id;
        sendWelcome(c);
        notice("seat " + std::to_string(seat) + " (" + seatLabel(seat) + ") " +
               (token.empty() ? "joined" : "is back") + " from " + c.address);
        broadcastPresence();
        if (!game && config.startWhenFull && allSeatsTaken())
            startSession(false);
    }

    void refuseAction(Connection& c, const std::string& key, const std::vector<std::string>& args,
                      const std::string& english) {
        ++stats.actionsRefused;
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("refused");
        w.key("reason").value(key).key("args").beginArray();
        for (const std::string& a : args)
            w.value(a);
        w.endArray().key("message").value(english).endObject();
        send(c, w.str());
    }

    void handleAction(Connection& c, const Message& m) {
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
        if (action->seat != c.seat) {
            refuseAction(c, reason::kOtherSeat, {std::to_string(action->seat)},
                         "This connection plays seat " + std::to_string(c.seat) + ", not seat " +
                             std::to_string(action->seat) + ".");
            return;
        }
        action->timeMs = clockMs;
        ApplyResult r = applyAndBroadcast(*action);
        if (!r)
            refuseAction(c, r.refusal.key, r.refusal.args, r.refusal.english);
    }

    void handleMessage(Connection& c, const std::string& body) {
        std::string error;
        std::optional<Message> m = parseMessage(body, error);
        if (!m) {
            closeWith(c, c.helloDone ? "bye" : "refuse", reason::kMalformed, error);
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
        else if (m->type == "bye")
            c.closing = true, c.closingSince = Clock::now();
        else
            refuseAction(c, reason::kUnknownType, {m->type}, englishFor(reason::kUnknownType));
    }

    // [The loop] --------------------------------------------------------------
    void acceptAll() {
        while (true) {
            auto socket = std::make_unique<HostSocket>();
            if (listener.accept(*socket) != sf::Socket::Done)
                return;
            socket->setBlocking(false);
            if (config.socketSendBuffer > 0)
                socket->setSendBuffer(config.socketSendBuffer);
            if (static_cast<int>(connections.size()) >= config.maxConnections) {
                socket->disconnect();
                continue;
            }
            auto c = std::make_unique<Connection>();
            c->id = nextConnectionId++;
            c->address = socket->getRemoteAddress().toString();
            c->openedAt = Clock::now();
            c->socket = std::move(socket);
            selector.add(*c->socket);
            ++stats.connectionsAccepted;
            connections.push_back(std::move(c));
        }
    }

    void readFrom(Connection& c, Clock::time_point now) {
        char buffer[16384];
        std::size_t total = 0;
        while (!c.dead && !c.closing && total < 256 * 1024) {
            std::size_t received = 0;
            sf::Socket::Status status = c.socket->receive(buffer, sizeof buffer, received);
            if (status == sf::Socket::NotReady)
                break;
            if (status != sf::Socket::Done && status != sf::Socket::Partial) {
                c.dead = true; // closed by the other side
                return;
            }
            const bool wasMid = c.reader.midFrame();
            c.reader.feed(buffer, received);
            total += received;
            if (!wasMid)
                c.frameStartedAt = now;
            while (!c.dead && !c.closing) {
                std::optional<std::string> body = c.reader.next();
                if (!body)
                    break;
                handleMessage(c, *body);
                c.frameStartedAt = now;
            }
            if (c.reader.oversized()) {
                closeWith(c, c.helloDone ? "bye" : "refuse", reason::kFrameTooLarge,
                          "A frame of " + std::to_string(c.reader.announcedSize()) +
                              " bytes is larger than the limit of " +
                              std::to_string(kMaxClientFrame) + " bytes.");
                return;
            }
        }
    }

    void checkTimeouts(Connection& c, Clock::time_point now) {
        if (c.dead)
            return;
        if (c.closing) {
            if (c.pending() == 0 || secondsSince(c.closingSince, now) > 2.0)
                c.dead = true;
            return;
        }
        if (!c.helloDone && secondsSince(c.openedAt, now) > config.handshakeTimeoutSeconds)
            closeWith(c, "refuse", reason::kHandshakeTimeout);
        else if (c.reader.midFrame() &&
                 secondsSince(c.frameStartedAt, now) > config.stalledFrameSeconds)
            closeWith(c, "bye", reason::kStalledFrame);
    }

    void removeDead() {
        bool presenceChanged = false;
        for (auto& c : connections) {
            if (!c->dead)
                continue;
            selector.remove(*c->socket);
            c->socket->disconnect();
            if (c->seat >= 0 && seats[static_cast<std::size_t>(c->seat)].connection == c->id) {
                seats[static_cast<std::size_t>(c->seat)].connection = 0;
                presenceChanged = true;
                notice("seat " + std::to_string(c->seat) + " (" + seatLabel(c->seat) + ") is away");
            }
        }
        std::erase_if(connections, [](const auto& c) { return c->dead; });
        if (presenceChanged)
            broadcastPresence();
    }

    void poll(double maxWaitSeconds) {
        bool pendingOut = false;
        for (auto& c : connections)
            pendingOut = pendingOut || c->pending() > 0;
        const double wait = pendingOut ? std::min(maxWaitSeconds, 0.002) : maxWaitSeconds;
        if (selector.wait(waitTime(wait))) {
            if (selector.isReady(listener))
                acceptAll();
            const auto now = Clock::now();
            for (std::size_t i = 0; i < connections.size(); ++i) {
                Connection& c = *connections[i];
                if (!c.dead && selector.isReady(*c.socket))
                    readFrom(c, now);
            }
        }
        const auto now = Clock::now();
        for (auto& c : connections)
            checkTimeouts(*c, now);
        runClock();
        for (auto& c : connections)
            flush(*c);
        removeDead();
    }
};

// [Host] ----------------------------------------------------------------------

Host::Host(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
    impl_->owner = this;
}

Host::~Host() {
    if (impl_)
        shutdown(0.0);
}

namespace {

bool openListener(Host::Impl& impl, std::string& error) {
    sf::IpAddress address(impl.config.bindAddress);
    if (address == sf::IpAddress::None ||
        impl.listener.listenReusable(impl.config.port, address) != sf::Socket::Done) {
        error = "Cannot listen on " + impl.config.bindAddress + ":" +
                std::to_string(impl.config.port) +
                " (is the port in use? pick another with --port)";
        return false;
    }
    impl.listener.setBlocking(false);
    impl.selector.add(impl.listener);
    return true;
}

} // namespace

std::unique_ptr<Host> Host::create(std::shared_ptr<const Scenario> scenario, SessionSetup setup,
                                   const std::string& logPath, HostConfig config,
                                   std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->scenario = std::move(scenario);
    impl->setup = std::move(setup);
    impl->logPath = logPath;
    impl->code = config.code.empty() ? sessionCodeFromSeed(impl->setup.seed)
                                     : normalizeSessionCode(config.code);
    impl->seats.resize(impl->setup.seats.size());
    if (!openListener(*impl, error))
        return nullptr;
    std::unique_ptr<Host> host(new Host(std::move(impl)));
    if (config.botsFill)
        host->impl_->startSession(true);
    return host;
}

std::unique_ptr<Host> Host::resume(const std::string& logPath, HostConfig config,
                                   std::string& error) {
    Replay replay = replaySessionLog(logPath);
    if (!replay.game) {
        error = replay.errors.empty() ? "The log could not be replayed: " + logPath
                                      : replay.errors.front().format();
        return nullptr;
    }
    ReadLog read = readSessionLog(logPath);
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->game = std::make_unique<Game>(std::move(*replay.game));
    impl->scenario = impl->game->scenarioPtr();
    impl->setup = impl->game->setup();
    impl->logPath = logPath;
    impl->seats.resize(impl->setup.seats.size());
    impl->code = normalizeSessionCode(config.code);
    impl->readSeatFile();
    if (impl->code.empty())
        impl->code = sessionCodeFromSeed(impl->setup.seed);
    impl->actions = read.actions;
    for (const Action& a : impl->actions)
        impl->encoded.push_back(encodeAction(a));
    // The log holds the last action's time; the checkpoint the clock up to a
    // second before the old host stopped. A paused session stays paused (the
    // pause is in the log), so its clock does not run from here either.
    impl->checkpoint = ClockCheckpoint(logPath);
    impl->clockMs = impl->checkpoint.restore(impl->game->state().nowMs);
    impl->log = SessionLogWriter::append(logPath, error);
    if (!impl->log)
        return nullptr;
    impl->makeBots();
    if (!openListener(*impl, error))
        return nullptr;
    impl->writeSeatFile();
    return std::unique_ptr<Host>(new Host(std::move(impl)));
}

unsigned short Host::port() const {
    return impl_->listener.getLocalPort();
}
const std::string& Host::code() const {
    return impl_->code;
}
const std::string& Host::logPath() const {
    return impl_->logPath;
}
void Host::poll(double maxWaitSeconds) {
    impl_->poll(maxWaitSeconds);
}
bool Host::start(bool fillWithBots) {
    return impl_->startSession(fillWithBots);
}
bool Host::started() const {
    return impl_->game != nullptr;
}
bool Host::finished() const {
    return impl_->ended();
}
const std::string& Host::diskError() const {
    return impl_->diskError;
}
const Game* Host::game() const {
    return impl_->game.get();
}
const Scenario& Host::scenario() const {
    return *impl_->scenario;
}
std::vector<SeatStatus> Host::seats() const {
    return impl_->seatStatus();
}
const HostStats& Host::stats() const {
    return impl_->stats;
}
std::int64_t Host::clockMs() const {
    return impl_->clockMs;
}
std::size_t Host::pendingOutgoingBytes() const {
    std::size_t total = 0;
    for (const auto& c : impl_->connections)
        total += c->pending();
    return total;
}

ApplyResult Host::submitFacilitator(Action action) {
    action.seat = kFacilitator;
    action.timeMs = impl_->clockMs;
    return impl_->applyAndBroadcast(action);
}

void Host::shutdown(double graceSeconds) {
    Impl& im = *impl_;
    if (im.game && im.log) // a clean stop resumes to the millisecond
        im.checkpointWritten(im.checkpoint.write(im.clockMs));
    for (auto& c : im.connections) {
        if (c->dead || c->closing)
            continue;
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("bye");
        w.key("reason").value(reason::kHostClosing);
        w.key("message").value(englishFor(reason::kHostClosing)).endObject();
        im.send(*c, w.str());
        c->closing = true;
        c->closingSince = Clock::now();
    }
    const auto begin = Clock::now();
    while (true) {
        bool pending = false;
        for (auto& c : im.connections) {
            im.flush(*c);
            pending = pending || (!c->dead && c->pending() > 0);
        }
        if (!pending || secondsSince(begin, Clock::now()) >= graceSeconds)
            break;
        sf::sleep(sf::milliseconds(2));
    }
    for (auto& c : im.connections)
        c->dead = true;
    im.removeDead();
    im.listener.close();
}

} // namespace samenspel::net
