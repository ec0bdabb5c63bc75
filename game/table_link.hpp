#pragma once
// What the table, the facilitator panel and the debrief play on. Three kinds:
//  - a local Session at one shared screen (every human seat takes turns
//    behind the privacy screen);
//  - the host's game on the facilitator's projector (the public board and the
//    facilitator panel; no private card unless the facilitator chose to see
//    everything);
//  - a player's own seat over the network (their card without a privacy
//    screen, since it is their own laptop; their actions go to the host, which
//    decides, so an outcome arrives later).
// Screens only read the game and submit actions through this, so one table
// serves all three. The shell holds the one link of the running session,
// polls it every frame and turns its events into sounds and the debrief.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "core/begrip.hpp"
#include "core/game.hpp"
#include "net/host.hpp"

namespace samenspel {

class Session;
namespace net {
class Client;
}

enum class TableView {
    SharedScreen, // local play: any human seat, behind a privacy screen
    Player,       // a networked player's laptop: their own seat only
    Projector,    // the host: the room's screen, no private card
};

// The outcome of submit(): applied or refused at once (local, host), or sent
// to the host with the verdict to come (network; see awaitingReply()).
// What happened in the session since the last poll, whoever caused it (a
// person, a bot, the clock, the host): the shell plays sounds for these and
// opens the debrief at the end, on every kind of link alike.
struct LinkEvent {
    enum class Kind {
        PhaseChanged, // a new phase began (`phase` is it)
        Announcement, // an event was announced to the table
        Finished,     // the session reached its end
        Stopped,      // the session stopped before its end (see TableLink::stop())
    };
    Kind kind = Kind::PhaseChanged;
    int phase = -1;
};

// Why a session stopped taking actions before its end: its log could not be
// written, on this machine or (a player's laptop) on the host's. Everything
// up to the stop is in the log, which Continue resumes.
struct LinkStop {
    bool atHost = false;   // a player's laptop: the host stopped and said so
    std::error_code cause; // what the system said on this machine (ENOSPC, EFBIG, ...)
    std::string message;   // the whole story in English (the host's words at a player's)
    std::string logPath;   // this machine's log; empty at a player's (it is the host's)
    bool retrying = false; // a player's laptop tries its seat again every few seconds
};

struct SubmitOutcome {
    enum class Kind { Applied, Refused, Sent, NotSent };
    Kind kind = Kind::NotSent;
    Refusal refusal; // when Refused
};

class TableLink {
  public:
    virtual ~TableLink() = default;

    // False when there is nothing to show (the local session was ended, or a
    // networked session has not started yet).
    virtual bool ready() const = 0;
    virtual const Game& game() const = 0;
    // Would the action be accepted now (by the rules on this copy of the game)?
    virtual ApplyResult check(const Action& action) const = 0;
    virtual SubmitOutcome submit(Action action) = 0;
    // Network only: the host has not answered the last submit yet.
    virtual bool awaitingReply() const { return false; }
    // Network only: the host's refusal of the last submit, once it came.
    virtual std::optional<Refusal> lastRefusal() const { return std::nullopt; }
    virtual bool isBot(int seat) const = 0;

    // The session clock (pauses excluded). GameState::nowMs only moves when an
    // action happens, so countdowns use this instead.
    virtual std::int64_t clockMs() const = 0;
    std::int64_t phaseRemainingMs() const;

    virtual TableView view() const = 0;
    // The player's seat (Player view), else -1.
    virtual int ownSeat() const { return -1; }
    // Whether this screen may act for `seat` (and so show its card).
    bool mayActFor(int seat) const;
    bool facilitatorAvailable() const { return view() != TableView::Player; }

    // Network (a player): a role's public support for a proposal as the host
    // computed it, since this copy of the game lacks the other roles' weights
    // until the end. Nothing when the host sent none (not public yet).
    struct HostSupport {
        double support = 0.0;
        bool accepts = true;
    };
    virtual std::optional<HostSupport> hostSupport(int proposal, int role) const {
        return std::nullopt;
    }

    // Begrip v2 (core/begrip.hpp): the items `seat` answers now (none outside
    // perspectief and reflectie). A player's copy of the game lacks the other
    // roles' cards they are built from: there they are the host's.
    virtual std::vector<BegripItem> begripItems(int seat) const;
    // Who of `seat` answers at this screen (Action::person): a member of a
    // team seat on a player's laptop, else -1 (a seat one person plays).
    virtual int answeringPerson(int seat) const { return -1; }
    // Whether the public board hides what the roles put on the table, so the
    // answers come from what people remember (core/visibility.hpp).
    virtual bool boardHidden() const;

    // Network only: who holds which seat and who is away; empty locally.
    virtual std::vector<net::SeatStatus> presence() const { return {}; }
    // Network only: the connection dropped and is being retried.
    virtual bool connectionLost() const { return false; }
    // Set once the session stopped before its end; actions are refused then.
    virtual std::optional<LinkStop> stop() const { return std::nullopt; }
    // The session goes on, but its clock checkpoint could not be saved: after
    // a crash its timers would resume from the last action.
    virtual bool checkpointFailed() const { return false; }
    // Where the session log is (the debrief's report goes beside it).
    virtual std::string logPath() const = 0;

    // Moves the session on by `realSeconds` (locally: the clock, due actions
    // and bots; over the network: reads and sends what is waiting, and
    // reconnects), then notes what happened as events. The shell calls it
    // every frame.
    void poll(double realSeconds = 0.0);
    // The events since the last call, oldest first.
    std::vector<LinkEvent> takeEvents();

  protected:
    virtual void advance(double realSeconds) = 0;

  public:
    // Notes what is new since the last call as events (poll() calls it; the
    // factories call it once, so a session already under way makes no news).
    void watch();

  private:
    // What the last watch saw: the events are the differences.
    bool watching_ = false;
    int seenPhase_ = -1;
    std::size_t seenAnnouncements_ = 0;
    bool seenFinished_ = false;
    bool seenStopped_ = false;
    std::vector<LinkEvent> events_;
};

// A local session at one shared screen; the link owns it.
std::shared_ptr<TableLink> makeLocalLink(std::unique_ptr<Session> session);
Session* sessionOf(TableLink& link); // the session behind a local link, else null

// The host's projector and facilitator panel. The link owns the host and
// shuts it down (telling the players) when the last screen lets go.
std::shared_ptr<TableLink> makeHostLink(std::unique_ptr<net::Host> host);
net::Host* hostOf(TableLink& link); // the host behind a host link, else null
// One table of a hosted room, seen from the projector: its board, and the
// facilitator panel acting on that table alone. Keeps `hostLink` (which owns
// the host and is polled by the shell) alive; moves nothing itself.
std::shared_ptr<TableLink> makeHostTableLink(std::shared_ptr<TableLink> hostLink, int table);

// A player's seat. The link owns the client; poll() retries a dropped
// connection with the seat's token. When the session ends it keeps a copy of
// the log at `logPath` (with the scenario beside it) for the debrief's report.
// With `botPlays` (autoplay) a net::ClientBot plays the seat, submitting
// through this link as the table's buttons do.
std::shared_ptr<TableLink> makeClientLink(std::unique_ptr<net::Client> client, std::string logPath,
                                          bool botPlays = false);
net::Client* clientOf(TableLink& link); // the client behind a client link, else null

} // namespace samenspel
