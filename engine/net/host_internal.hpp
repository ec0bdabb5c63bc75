#pragma once
// The host's insides, shared by its files (not part of the net library's
// interface):
//   host.cpp            the Host's interface, creating and resuming, the
//                       session part (a LiveSession and its clock)
//   host_transport.cpp  sockets: accepting, reading frames, sending, timeouts
//   host_seats.cpp      the handshake, seats and tokens, the seat file, and
//                       what a seated connection may send
//   host_broadcast.cpp  what each seat may see: welcome, actions, presence,
//                       public support, the redacted scenario
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <SFML/Network.hpp>

#include "core/live_session.hpp"
#include "core/safe_text.hpp"
#include "net/host.hpp"
#include "net/protocol.hpp"

namespace samenspel::net {

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
inline sf::Time waitTime(double seconds) {
    return seconds <= 0.0 ? sf::microseconds(1) : sf::seconds(static_cast<float>(seconds));
}

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
        {reason::kOtherSeat, "an action for another seat than this connection's"},
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
    bool remoteBot = false;       // the client said a bot plays it
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
    // The session, once started: its game, log, clock and bots.
    std::unique_ptr<LiveSession> session;
    const Game* game = nullptr;     // session's game, or null before the start
    std::string startError;         // the log could not be created at the start
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
    Clock::time_point lastWrongCodeSweep = Clock::now();
    static constexpr std::size_t kMaxAddressesWithWrongCodes = 4096;
    HostStats stats;
    Host* owner = nullptr;

    bool checkpointFailureTold = false; // told once; the session goes on
    bool diskErrorTold = false;
    double carryMs = 0.0; // real time below a whole session ms
    int phaseAtPollStart = -1;
    Clock::time_point lastTick = Clock::now();
    Clock::time_point lastActionAt = Clock::now();

    std::int64_t clockMs() const { return session ? session->clockMs() : 0; }

    void send(Connection& c, const std::string& body) { queue(c, frame(body)); }

    int roleOfSeat(int seat) const { return seat >= 0 ? setupSeat(seat).role : -1; }
    bool ended() const { return game && game->state().finished; }

    // Every applied action (a player's, a bot's, the clock's, the
    // facilitator's) comes here from the LiveSession, after it was logged.
    struct Broadcaster final : SessionSink {
        Impl& impl;
        explicit Broadcaster(Impl& i) : impl(i) {}
        void applied(const Action& action, int, const Game&) override { impl.onApplied(action); }
    };
    Broadcaster broadcaster{*this};

    // Simulated: a poll takes steps until a phase changes (so a projector
    // shows each phase) or this many were taken.
    static constexpr int kSimulatedStepsPerPoll = 64;

    // [Notices] host.cpp
    void notice(const std::string& text) const;
    void tellDiskProblems();
    // [Sending] host_transport.cpp
    void queue(Connection& c, const std::string& framed);
    void closeWith(Connection& c, const std::string& type, const std::string& key,
                   const std::string& detail = "");
    void drop(Connection& c, const std::string& key);
    void flush(Connection& c);
    // [Messages] host_broadcast.cpp
    std::string presenceJson() const;
    std::vector<SeatStatus> seatStatus() const;
    const Seat& setupSeat(int seat) const;
    std::string seatLabel(int seat) const;
    void broadcastPresence();
    const RoleView& viewFor(int role);
    std::string actionMessage(std::size_t index) const;
    std::string visibleActionsJson(int seat) const;
    void sendWelcome(Connection& c);
    // [Public support] host_broadcast.cpp
    std::string publicSupportJson() const;
    std::string supportMessage() const;
    void broadcastSupport();
    void broadcastAction(std::size_t index);
    // [The session] host.cpp
    void onApplied(const Action& a);
    ApplyResult submit(const Action& a);
    bool allSeatsTaken() const;
    bool startSession(bool fillWithBots);
    bool onlyBots() const;
    bool onlyOwnBots() const;
    void attachSession();
    void runClock();
    // [Seat file] host_seats.cpp
    void writeSeatFile();
    void readSeatFile();
    // [Handshake] host_seats.cpp
    bool tooManyWrongCodes(const std::string& address, Clock::time_point now);
    void noteWrongCode(const std::string& address, Clock::time_point now);
    void forgetOldWrongCodes(Clock::time_point now);
    int freeSeatFor(int role) const;
    Connection* connectionById(std::uint64_t id);
    void handleHello(Connection& c, const Message& m);
    void refuseAction(Connection& c, const std::string& key, const std::vector<std::string>& args,
                      const std::string& english);
    void handleAction(Connection& c, const Message& m);
    void handleMessage(Connection& c, const std::string& body);
    // [The loop] host_transport.cpp
    int connectionsFrom(const std::string& address) const;
    void acceptAll();
    void readFrom(Connection& c, Clock::time_point now);
    void checkTimeouts(Connection& c, Clock::time_point now);
    void removeDead();
    void poll(double maxWaitSeconds);
};

} // namespace samenspel::net
