#pragma once
// The authoritative session host. It owns the one real Game and its log;
// clients (people's laptops, or `join --bot`) send the same Action values as
// local play, the host checks each against the sending connection's seat and
// the rules, applies and logs it, and sends every client what it may see
// (redact.hpp). Single-threaded: the owner calls poll() in its loop.
//
// Nothing a client sends can crash or stall the host: frames are bounded,
// JSON is parsed by a bounded reader, sends are non-blocking with a
// per-client outgoing buffer (a client that stops reading is dropped once its
// buffer passes a limit), silent and half-sent connections time out, and
// wrong session codes are limited per address.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "core/game.hpp"

namespace samenspel::net {

// The most tables a facilitator can ask for (the game's host screen, `host
// --tables`, `join --table`) and the most a room of people who joined gets
// (tablesForPeople): a room is a class or a workshop, and its dashboard and
// plenary are laid out for at most this many.
inline constexpr int kMaxTables = 50;
// The most tables one host process holds (Host::create): room for several
// rooms' worth of tables, as bench_room runs (150 tables of 7, issue #12).
// Nothing in the host grows with the room; each table sends only to its own
// connections. The phone lobby lists free places per table, so it grows with
// this bound, not with the people who join.
inline constexpr int kMaxTablesPerHost = 200;

// A room: one or more tables, each a complete session of the same scenario
// with its own seed (the setup's seed + the table's index) and its own log.
struct RoomConfig {
    // 1..kMaxTablesPerHost (a facilitator chooses 1..kMaxTables); 0 = decided
    // at the start from the people who joined
    int tables = 1;
    int teamSize = 1;             // people per seat, 1..limits::kMaxTeamSize
    bool emptySeatsToBots = true; // at the start; false: empty seats stay out of the game (a role
                                  // nobody took keeps one seat, played by a bot)
    bool inStep = false;          // the room's clock: all tables move to the next phase together
};

struct HostConfig {
    unsigned short port = 0;                 // 0: any free port (read it back with port())
    std::string bindAddress = "0.0.0.0";     // "127.0.0.1" in tests and benchmarks
    std::string code;                        // session code; empty = from the seed
    bool botsFill = false;                   // start at once, bots in every empty seat
    bool startWhenFull = true;               // start as soon as every seat is taken
    double handshakeTimeoutSeconds = 5;      // hello must arrive within this
    double stalledFrameSeconds = 20;         // a begun frame must end within this
    std::size_t maxOutgoingBytes = 8u << 20; // per client; beyond = not reading, dropped
    int codeAttempts = 5;                    // wrong codes per address ...
    double codeAttemptWindowSeconds = 60;    // ... within this window
    int socketSendBuffer = 0;                // SO_SNDBUF of client sockets (0 = system's)
    double clockSpeed = 1.0;                 // session ms per real ms
    std::int64_t botPaceMs = 0;              // session ms between two actions of one bot
    int maxConnections = 400;                // beyond: refused at once
    // From one address: a room's phones each have their own, so one machine
    // that opens hundreds of idle connections cannot lock the room out.
    int maxConnectionsPerAddress = 32;
    // When every seat is played by a bot (here, or a client that said it is
    // one) and nothing happened for `botIdleMs` real ms, the session clock
    // jumps `botFastForwardMs` ahead: bots wait for time to concede, and a
    // session of bots should take seconds. 0 switches this off.
    std::int64_t botFastForwardMs = 30'000;
    double botIdleMs = 60;
    // The folder with web/ (the phone page) and i18n/ (the catalogs); empty:
    // the assets/ beside the source, as the game finds them.
    std::string assetsDir;
    RoomConfig room;
    // Phones get the scenario's plain-language texts (Host::setPlainLanguage
    // changes it during the session).
    bool plainLanguage = false;
};

// One person as the facilitator's screen shows them.
struct PersonStatus {
    std::uint64_t id = 0;
    std::string name;
    bool connected = false;
};

// One seat as the facilitator's screen shows it.
struct SeatStatus {
    int seat = -1;
    int role = -1;
    std::string name;
    bool taken = false; // a person holds it (connected or away)
    bool connected = false;
    bool bot = false;
    std::vector<PersonStatus>
        people; // the one person, or a team's members, in Action::person order
};

struct TableStatus {
    int table = 0; // 0-based; screens say "Tafel 1" / "Table 1"
    bool started = false;
    bool finished = false;
    const Game* game = nullptr; // null before the start
    std::int64_t clockMs = 0;
    std::int64_t phaseRemainingMs = 0;
    std::vector<SeatStatus> seats;
    std::string logPath;
};

// Someone who joined without a place and waits to be dealt one.
struct WaitingPerson {
    std::uint64_t id = 0;
    std::string name;
    std::string cameWith;
    std::string roleWish; // a role id, or empty
};

// How deal() treats people who came together (the same `cameWith`).
enum class DealMode { KeepTogether, KeepApart };

struct HostStats {
    int connectionsAccepted = 0;
    int connectionsRefusedAtOnce = 0; // over a connection cap: closed unread
    int handshakesRefused = 0;
    int connectionsDropped = 0; // by the host, for a reason
    // How often each reason (catalog key) ended a connection: a count per
    // key, so a host that turns away a scan of millions keeps a few entries.
    std::map<std::string, int> dropReasons;
    int connectionsOpen = 0; // now, with a seat or not
    int actionsRefused = 0;
    std::uint64_t bytesSent = 0;
    std::size_t addressesWithWrongCodes = 0; // remembered for the rate limit, now
    int catchUpSlicesSent = 0;               // slices of actions after welcomes and the reveal
    int httpRequests = 0;                    // files and WebSocket upgrades browsers asked for
};

class Host {
  public:
    // A new session of `scenario` with the seats of `setup` (names and bot
    // flags are filled in as people join). The log is created at `logPath`
    // when the session starts. nullptr with `error` when the port cannot be
    // opened.
    static std::unique_ptr<Host> create(std::shared_ptr<const Scenario> scenario,
                                        SessionSetup setup, const std::string& logPath,
                                        HostConfig config, std::string& error);
    // Resumes the session in an existing log (and its "<log>.net" seat file,
    // so people get their seats back with their tokens); already started.
    static std::unique_ptr<Host> resume(const std::string& logPath, HostConfig config,
                                        std::string& error);
    ~Host();

    unsigned short port() const;
    const std::string& code() const;
    const std::string& logPath() const;

    // One turn of the loop: accepts, reads and handles messages, runs the
    // clock and the bots, and sends. Waits at most `maxWaitSeconds` for
    // network activity.
    void poll(double maxWaitSeconds);

    // Starts now (the facilitator's button); empty seats get bots when
    // `fillWithBots`, else the start waits. False when seats are still empty.
    bool start(bool fillWithBots);
    bool started() const;
    bool finished() const;
    // Set when the log could not be written; the session stops taking actions
    // and every client is told (reason::kHostLogFailed). Also set when the
    // log could not be created at the start (which then did not happen).
    const std::string& diskError() const;
    // What the system said about the failed write (LiveSession::diskErrorCode).
    std::error_code diskErrorCode() const;
    // The clock checkpoint could not be written: the session goes on, but
    // after a crash its timers would resume from the last action.
    bool checkpointFailed() const;
    // What resuming noticed without refusing (a dropped last line, a format 1 log).
    Diagnostics resumeNotes() const;

    // The game as the host sees it (everything); null before the start.
    const Game* game() const;
    const Scenario& scenario() const;
    std::vector<SeatStatus> seats() const;
    const HostStats& stats() const;
    std::int64_t clockMs() const;
    // The facilitator turned plain language on or off: every phone's view
    // is sent again with the scenario's texts in plain language (or not).
    void setPlainLanguage(bool on);
    bool plainLanguage() const;
    // Bytes queued for clients that the kernel has not taken yet.
    std::size_t pendingOutgoingBytes() const;
    // The same for one table's connections (the room benchmark's host part).
    std::size_t pendingOutgoingBytes(int table) const;

    // A facilitator action from the host's own screen (seat kFacilitator),
    // at table 0.
    ApplyResult submitFacilitator(Action action);

    // [The room] Tables are 0-based. Before the start of a room with
    // RoomConfig::tables = 0 there are none yet.
    int tableCount() const;
    TableStatus table(int t) const;
    std::vector<WaitingPerson> waiting() const;
    // Before the start: seats everyone waiting (roles filled evenly over the
    // tables); returns how many were seated.
    int deal(DealMode mode);
    // Before the start: moves a person to a seat with room at `table`.
    bool movePerson(std::uint64_t person, int table, int seat);
    ApplyResult submitFacilitator(int table, Action action);
    std::vector<ApplyResult> submitFacilitatorToAll(const Action& action);
    std::int64_t clockMs(int table) const;
    // Called once per table when its session finishes.
    std::function<void(int table)> onTableFinished;

    // Sends every client a farewell, flushes for up to `graceSeconds` and
    // closes. Also done by the destructor (without grace).
    void shutdown(double graceSeconds);

    // Called with a one-line English notice for the host's console (joins,
    // leaves, refusals). May be empty.
    std::function<void(const std::string&)> onNotice;

    // Called when an action has been applied and queued for every client,
    // with its index in the session (the benchmark's latency probe).
    std::function<void(std::uint64_t actionIndex, const Action& action)> onActionApplied;
    // The same, with the table it was applied at (the room benchmark).
    std::function<void(int table, std::uint64_t actionIndex, const Action& action)>
        onTableActionApplied;

    struct Impl;

  private:
    explicit Host(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Seats for `players` people spread over the roles: every role its minimum
// first, then one more per role in turn up to each role's maximum.
SessionSetup setupForPlayers(const Scenario& scenario, int players, std::uint64_t seed);

// Table `table`'s log in a room of `tables` tables whose log is `roomLog`:
// the room's log itself for one table, else "<stem>-tafel-<n><ext>" beside
// it (n counted from 1, as screens count tables).
std::string tableLogPath(const std::string& roomLog, int table, int tables);

// How many tables `people` need with `seatsPerTable` seats of `teamSize`
// people: at least 1, at most kMaxTables.
int tablesForPeople(int people, int seatsPerTable, int teamSize);

// "<log>.net": the host's seat file beside its log (code and seat tokens).
std::string seatFilePathFor(const std::string& logPath);

} // namespace samenspel::net
