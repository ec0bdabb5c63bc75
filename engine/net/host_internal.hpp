#pragma once
// The host's insides, shared by its files (not part of the net library's
// interface):
//   host.cpp            the Host's interface, creating and resuming
//   host_table.cpp      one table's session (a LiveSession and its clock)
//   host_room.cpp       the room: tables, people, dealing, moving, the start
//   host_transport.cpp  sockets: accepting, reading frames, sending, timeouts
//   host_seats.cpp      the handshake, seats and tokens, the seat file, and
//                       what a seated connection may send
//   host_broadcast.cpp  what each seat may see: welcome, actions, presence,
//                       public support, the redacted scenario
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/live_session.hpp"
#include "core/safe_text.hpp"
#include "net/host.hpp"
#include "net/protocol.hpp"
#include "net/web_catalog.hpp"
#include "net/web_files.hpp"

namespace samenspel::net {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point t, Clock::time_point now) {
    return std::chrono::duration<double>(now - t).count();
}

inline std::string randomToken() {
    std::random_device rd;
    std::uint64_t a = (std::uint64_t{rd()} << 32) ^ rd();
    std::uint64_t b = (std::uint64_t{rd()} << 32) ^ rd();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return buf;
}

inline std::string englishFor(const std::string& key) {
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
        {reason::kHostLogFailed,
         "the host could not write its session log and stopped the session"},
        {reason::kOtherSeat, "an action for another seat than this connection's"},
        {reason::kOtherPerson, "an action for another member of the team than this connection's"},
        {reason::kUnknownTable, "no such table in this room"},
        {reason::kNotStarted, "the session has not started yet"},
        {reason::kUnknownType, "unknown message type"},
        {reason::kBadAction, "the action could not be read"},
    };
    auto it = kEnglish.find(key);
    return it == kEnglish.end() ? key : it->second;
}

// A refusal may quote what the client sent (a role it asked for, a
// message type, the JSON parser's "last read" bytes): the quote goes back to
// the client and to the facilitator's terminal, so it is made safe first
// (valid UTF-8, no escape sequences or bidi overrides) and kept short.
inline std::string echoSafe(const std::string& text) {
    constexpr std::size_t kMaxEchoChars = 200;
    return cleanText(text, kMaxEchoChars);
}

inline std::string roleIdOf(const Scenario& sc, int role) {
    return role >= 0 && role < static_cast<int>(sc.roles.size())
               ? sc.roles[static_cast<std::size_t>(role)].id
               : std::string();
}

// The sockets and the buffers of a connection on Boost.Asio (host_transport.cpp,
// host_http.cpp): the rest of the host sees only Connection.
struct Wire;
// The io_context and the listening socket.
struct Reactor;

struct Table;

struct Connection {
    std::uint64_t id = 0;
    std::shared_ptr<Wire> wire;
    std::string address;
    FrameReader reader{kMaxClientFrame}; // a native client's frames
    bool web = false;                    // a browser, over WebSocket
    std::string lang = "nl";             // a browser's language for its views
    bool viewDirty = false;              // a browser's view changed since it was sent
    bool http = false;                   // a browser asking for a file, not a player
    Clock::time_point openedAt;
    Clock::time_point frameStartedAt;
    bool helloDone = false;
    std::uint64_t person = 0; // Person::id once the hello was taken
    int table = -1;           // -1: not seated (waiting to be dealt, or no hello yet)
    int seat = -1;
    bool seatMoved = false; // renumbered at the start (empty seats left out)
    bool closing = false;   // send what is queued, then close
    Clock::time_point closingSince;
    bool dead = false;
    std::string viewFingerprint; // of the scenario text this client has
    std::string sentQuestions;   // the last `questions` message this client got
    bool revealed = false;       // got the full scenario and every action
    // After a welcome (and again after the reveal at the end) the client gets
    // the session's actions in slices, each sent when it has read most of the
    // one before: however long the session, no message and no send buffer
    // grows past the limit. Live actions wait in the same queue until it has
    // caught up, so they arrive in order.
    bool catchingUp = false;
    std::size_t catchUpNext = 0; // index of the next action to look at

    // Bytes queued for this client and not yet taken by the network.
    std::size_t pending() const;
};

// A person in the room: seated at a table's seat, or waiting to be dealt.
// The token gets the same person back after a dropped connection.
struct Person {
    std::uint64_t id = 0;
    std::string token;
    std::string name;
    std::string cameWith; // a label people who came together share (deal())
    int roleWish = -1;    // a role the person would like when dealt
    int table = -1;       // -1: waiting
    int seat = -1;
    std::uint64_t connection = 0; // 0: away
    bool remoteBot = false;       // the client said a bot plays for this person
};

struct SeatSlot {
    std::vector<std::uint64_t> people; // Person ids, in Action::person order
    bool taken() const { return !people.empty(); }
};

struct RoleView {
    std::string fingerprint;
    std::string yaml;
};

// One table of the room: a complete session of the scenario with its own
// seed, log, seats and connections (host_table.cpp, host_broadcast.cpp).
// Everything it sends goes to its own connections only, so nothing grows
// with the size of the room.
struct Table {
    Table(Host::Impl& room, int index) : room(room), index(index) {}
    Host::Impl& room;
    int index = 0;
    SessionSetup setup;
    std::string logPath;
    std::unique_ptr<LiveSession> session;
    const Game* game = nullptr;     // session's game, or null before the start
    std::string startError;         // the log could not be created at the start
    std::string sentSupport = "[]"; // the public support clients have (JSON list)
    std::vector<SeatSlot> seats;
    std::vector<std::shared_ptr<Connection>> connections; // seated here
    std::vector<Action> actions;                          // every applied action, in order
    std::vector<std::string> encoded;                     // encodeAction of each
    std::map<int, RoleView> views;                        // per role (and -1)
    bool checkpointFailureTold = false;                   // told once; the session goes on
    bool diskErrorTold = false;
    bool finishTold = false; // Host::onTableFinished was called
    double carryMs = 0.0;    // real time below a whole session ms
    int phaseAtPollStart = -1;
    Clock::time_point lastTick = Clock::now();
    Clock::time_point lastActionAt = Clock::now();

    std::int64_t clockMs() const { return session ? session->clockMs() : 0; }
    int roleOfSeat(int seat) const { return seat >= 0 ? setupSeat(seat).role : -1; }
    bool ended() const { return game && game->state().finished; }
    const Scenario& scenario() const;

    // Every applied action (a player's, a bot's, the clock's, the
    // facilitator's) comes here from the LiveSession, after it was logged.
    struct Broadcaster final : SessionSink {
        Table& table;
        explicit Broadcaster(Table& t) : table(t) {}
        void applied(const Action& action, int, const Game&) override { table.onApplied(action); }
    };
    Broadcaster broadcaster{*this};

    // Simulated: a poll takes steps until a phase changes (so a projector
    // shows each phase) or this many were taken.
    static constexpr int kSimulatedStepsPerPoll = 64;

    // [The session] host_table.cpp
    void tellDiskProblems();
    bool stoppedForDisk() const { return session && !session->diskError().empty(); }
    std::string stopMessage() const;
    void onApplied(const Action& a);
    ApplyResult submit(const Action& a);
    bool allSeatsTaken() const;
    bool startSession(bool fillWithBots);
    bool onlyBots() const;
    bool onlyOwnBots() const;
    void attachSession();
    void runClock();
    void checkFinished();
    int freePlacesFor(int role) const; // -1: any role
    int freeSeatFor(int role) const;   // the seat of `role` with the fewest people, or -1
    // [Seat file] host_seats.cpp
    // Which member of its team seat the connection is (Action::person); -1
    // for a seat one person plays.
    int personOf(const Connection& c) const;
    void writeSeatFile();
    void readSeatFile();
    // [Messages] host_broadcast.cpp
    std::string presenceJson() const;
    std::vector<SeatStatus> seatStatus() const;
    const Seat& setupSeat(int seat) const;
    std::string seatLabel(int seat) const;
    void broadcastPresence();
    const RoleView& viewFor(int role);
    std::string actionMessage(std::size_t index) const;
    void sendWelcome(Connection& c);
    void startCatchUp(Connection& c);
    void continueCatchUp(Connection& c);
    std::string publicSupportJson() const;
    std::string supportMessage() const;
    void broadcastSupport();
    void broadcastAction(std::size_t index);
    std::string questionsMessage(const Connection& c) const;
    void sendQuestions(Connection& c);
    void broadcastQuestions();
    // [Phones] host_web.cpp
    void sendWebWelcome(Connection& c);
    void sendView(Connection& c);
    void markViewsChanged();
    void handlePreview(Connection& c, const Message& m);
};

struct Host::Impl {
    Impl(); // both in host_transport.cpp, where Reactor is complete
    ~Impl();
    HostConfig config;
    std::shared_ptr<const Scenario> scenario;
    SessionSetup setup;  // every table's seats before the start (its seed: table 0's)
    std::string logPath; // the room's: one table's log, or the base of the tables' names
    std::string code;
    std::vector<std::unique_ptr<Table>> tables;
    std::vector<Person> people; // everyone who joined, in join order
    std::uint64_t nextPersonId = 1;
    bool roomStarted = false;
    int stepPhase = -1; // inStep: the phase every table is in

    // Declared before the connections: the io_context goes last, after every
    // socket it serves (handlers that still hold a connection go with it).
    std::unique_ptr<Reactor> reactor;
    WebFiles webFiles;                          // what a browser may fetch (host_http.cpp)
    std::map<std::string, WebCatalog> catalogs; // per language, read once (host_web.cpp)
    // The redacted scenario text by RedactionView::fingerprint (which holds
    // the role), shared by the tables: they play one scenario, and tables
    // that start together change phase together, when every role's text is
    // made again; 150 tables made it 1,050 times in one turn of the loop.
    std::map<std::string, std::string> redactedYaml;
    static constexpr std::size_t kMaxRedactedYaml = 256; // then it starts over
    std::vector<std::shared_ptr<Connection>> connections;
    std::uint64_t nextConnectionId = 1;
    std::map<std::string, std::deque<Clock::time_point>> wrongCodes; // per address
    Clock::time_point lastWrongCodeSweep = Clock::now();
    static constexpr std::size_t kMaxAddressesWithWrongCodes = 4096;
    HostStats stats;
    Host* owner = nullptr;

    // [Notices] host.cpp
    void notice(const std::string& text) const;
    // [Sending] host_transport.cpp
    // Queues one message for the client (framed for its kind of connection);
    // past the send limit the client is dropped as not reading.
    void send(Connection& c, const std::string& body);
    void closeWith(Connection& c, const std::string& type, const std::string& key,
                   const std::string& detail = "");
    void drop(Connection& c, const std::string& key);
    void flush(const std::shared_ptr<Connection>& c);
    // [The room] host_room.cpp
    Table* tableOf(const Connection& c);
    Person* personById(std::uint64_t id);
    Person* personByToken(const std::string& token);
    void addTables(int count);
    int seatsPerTable() const { return static_cast<int>(setup.seats.size()); }
    int teamSize() const;
    int pickTable(int role) const; // the table with the most free places for `role`
    bool seatPerson(Person& p, int table, int seat);
    void unseatPerson(Person& p);
    void tellSeated(Person& p);
    int deal(DealMode mode);
    bool startRoom(bool fillWithBots);
    void leaveEmptySeatsOut(Table& t);
    void keepInStep();
    bool anyStoppedForDisk() const;
    // [Handshake] host_seats.cpp
    bool tooManyWrongCodes(const std::string& address, Clock::time_point now);
    void noteWrongCode(const std::string& address, Clock::time_point now);
    void forgetOldWrongCodes(Clock::time_point now);
    Connection* connectionById(std::uint64_t id);
    void handleHello(Connection& c, const Message& m);
    Person* newPerson(Connection& c, const JsonValue& body);
    void refuseAction(Connection& c, const std::string& key, const std::vector<std::string>& args,
                      const std::string& english);
    void handleAction(Connection& c, const Message& m);
    void handleMessage(Connection& c, const std::string& body);
    void sendWaiting(Connection& c);
    // [The loop] host_transport.cpp
    bool listen(std::string& error);
    unsigned short port() const;
    void closeListener();
    int connectionsFrom(const std::string& address) const;
    void acceptNext();
    void accepted(std::shared_ptr<Wire> wire);
    void sniff(const std::shared_ptr<Connection>& c);
    void readNative(const std::shared_ptr<Connection>& c);
    void nativeBytes(Connection& c, const char* data, std::size_t size);
    void checkTimeouts(Connection& c, Clock::time_point now);
    void closeWire(Connection& c);
    void removeDead();
    void runNetwork(double maxWaitSeconds);
    void poll(double maxWaitSeconds);
    // [Browsers] host_http.cpp
    void prepareWebFiles();
    void readHttp(const std::shared_ptr<Connection>& c);
    void upgradeToWebSocket(const std::shared_ptr<Connection>& c);
    void readWebSocket(const std::shared_ptr<Connection>& c);
    void writeWebSocket(const std::shared_ptr<Connection>& c);
    std::string assetsDir() const;
    // [Phones] host_web.cpp
    const WebCatalog& catalogFor(const std::string& lang);
    std::string languageOf(const JsonValue& body);
    std::string sessionLanguage() const;
    void handleLobby(Connection& c, const Message& m);
    std::string roomLobbyJson(const std::string& lang, const Connection* c);
    void sendChangedViews();
};

} // namespace samenspel::net
