#pragma once
// A player's end of a networked session. The client keeps a mirror Game,
// built from the redacted scenario the host sent and the actions it may see,
// so a screen or a bot reads it exactly like a local game. It never decides
// anything: actions go to the host, which applies them and sends them back.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/begrip.hpp"
#include "core/game.hpp"
#include "net/host.hpp"

namespace samenspel::net {

struct ClientConfig {
    std::string host = "127.0.0.1";
    unsigned short port = 0;
    std::string code;
    std::string name;
    std::string seatWish;        // role id, or empty for any free seat
    int table = -1;              // in a room: the table (0-based) to sit at; -1: the host picks
    bool waitToBeSeated = false; // in a room: wait for the facilitator to deal a seat
    std::string cameWith;        // with waitToBeSeated: a label shared with people who came along
    std::string token;           // reconnect token from an earlier welcome
    bool bot = false;            // a bot plays this seat (the host may then speed the clock up)
    double connectTimeoutSeconds = 5;
    int protocolVersion = 0; // 0 = this build's; tests set others to check refusals
};

// A role's public support for a proposal as the host computed it (a copy of
// the game lacks the other roles' weights until the end).
struct PublicSupport {
    int proposal = -1;
    int role = -1;
    double support = 0.0;
    bool accepts = true;
};

// The begrip questions of this client's seat as the host built them
// (core/begrip.hpp): a copy of the game lacks the other roles' cards they come
// from. The right answers are not among them.
struct HostQuestions {
    int phase = -1;  // the phase they belong to (-1: none heard yet)
    int person = -1; // which member of a team seat this client is (Action::person)
    bool boardHidden = false;
    std::vector<BegripItem> items; // `correct` is -1
};

class Client {
  public:
    enum class Status {
        Connecting, // hello sent, waiting for welcome
        Waiting,    // in a room, waiting for the facilitator to deal a seat
        Lobby,      // seated, the session has not started
        Playing,
        Refused,      // the host refused the hello (see refusal())
        Disconnected, // the connection ended (see refusal() for the host's reason)
    };

    // Connects and says hello. nullptr with `error` when no connection can be made.
    static std::unique_ptr<Client> connect(ClientConfig config, std::string& error);
    ~Client();

    // Reads and handles what arrived, sends what is queued; waits at most
    // `maxWaitSeconds` for data.
    void poll(double maxWaitSeconds);

    Status status() const;
    bool finished() const; // the mirror shows the session ended
    // Still receiving the session's earlier actions after a (re)join: the
    // mirror is behind the table until this is false.
    bool catchingUp() const;
    int seat() const;
    int role() const;
    int table() const; // 0-based; 0 in a room of one table
    const std::string& token() const;
    // The reason key and sentence of a refusal or farewell from the host.
    const std::string& refusalKey() const;
    const std::string& refusalMessage() const;

    // The mirror game (null until the session started). Other roles' hidden
    // parts are missing until the end: see redact.hpp.
    const Game* game() const;
    std::shared_ptr<const Scenario> scenario() const;
    const std::vector<SeatStatus>& presence() const;
    // Every action received so far, in session order, and the scenario text
    // the mirror was built from (the full scenario once the session ended):
    // what a player keeps as their copy of the session log.
    std::vector<Action> actions() const;
    const std::string& scenarioText() const;
    // Public support values from the host (see PublicSupport), newest list.
    const std::vector<PublicSupport>& publicSupport() const;
    // The begrip questions from the host, newest (see HostQuestions).
    const HostQuestions& hostQuestions() const;
    // Actions the mirror refused (should stay 0; counted to find bugs).
    int mirrorRefusals() const;

    // Sends an action for this client's seat (its seat field is set here).
    // Until the host echoes it or refuses it, awaitingReply() is true.
    bool sendAction(Action action);
    bool awaitingReply() const;
    // The host's refusal of this client's most recent action, if any.
    const std::optional<Refusal>& lastActionRefusal() const;
    // Asks the host for everything again (a fresh welcome).
    void requestSync();
    // Sends raw bytes as they are (tests of the host's defences).
    void sendRaw(const std::string& bytes);

    // Connects again with the token of the seat (after a dropped connection).
    bool reconnect(std::string& error);
    void disconnect();

    // Session time the host probably has now: its clock as last heard (the
    // welcome's, or the last action's time) plus the real time since, except
    // while the session is paused or over.
    std::int64_t estimatedClockMs() const;

    // Called for every action as it arrives, before the mirror applies it.
    std::function<void(std::uint64_t index, const Action& action)> onAction;
    // Called for every raw frame body that arrives (tests read the bytes).
    std::function<void(const std::string& body)> onFrame;

    struct Impl;

  private:
    explicit Client(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Plays a client's seat with a bot that sees only the mirror game. Call
// step() in the loop; it sends at most one action at a time.
class ClientBot {
  public:
    explicit ClientBot(Client& client);
    ~ClientBot();
    // The action the bot wants to take now, without sending it (a screen
    // sends it through the same path as a person's click), or nothing.
    std::optional<Action> next();
    // Sends next() itself; true when it sent an action.
    bool step();

  private:
    Client& client_;
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace samenspel::net
