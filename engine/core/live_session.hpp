#pragma once
// LiveSession: the one loop that runs a session, whoever drives it.
//
// It owns the Game, the session log (every accepted action is written before
// it is applied), the session clock with its checkpoint, the finished marker,
// what the clock makes due (phase time-outs, minute events) and the bots in
// their seats. The local table, the network host, `simulate`, `bench`,
// autoplay and the tests all run a session through it, so one scenario, seed
// and pace give the same action log whichever of them plays it.
//
// Two ways to move it on, chosen by its SessionPace:
//  - real time (a table people play): the driver calls advance(ms) with the
//    session time that passed; due actions are applied (at most one phase
//    change per call, so every phase is on screen), then each bot may act
//    once its pause since its last action has passed;
//  - simulated (nobody waits for it): the driver calls step() until it
//    returns false. A round lets every bot seat, in seat order, act until it
//    has nothing more to do now; when the round did not open a new phase, the
//    clock moves on by a fixed stretch of talking time and what is due is
//    applied. step() returns at every phase change, so a screen can show each
//    phase, and the next call goes on exactly where it stopped: how often a
//    driver calls it never changes the log.
//
// Everything applied (a person's action, a bot's, the clock's) is reported
// to the sinks with the phase it was taken in.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "core/bot.hpp"
#include "core/clock_checkpoint.hpp"
#include "core/game.hpp"
#include "core/log.hpp"

namespace samenspel {

// How the clock moves and how fast bots act: the one named choice between a
// table that people watch and a run that nobody waits for.
struct SessionPace {
    enum class Clock {
        RealTime,  // advance(ms) moves the clock; bots pause between actions
        Simulated, // step() moves the clock; bots act as fast as they can
    };
    Clock clock = Clock::RealTime;
    // Real time: session ms a bot waits after it was asked for an action, so
    // the people at the table can follow what the bots do.
    std::int64_t botPauseMs = 1500;
    // Bots at human pace (Bot::setPacing): with people at the table, a bot
    // waits this long between two public actions of one kind, never buries
    // or amends a person's proposal, and leaves the floor to a person's new
    // proposal for this long. 0 = off; it is also off at a table of bots
    // only, so `simulate` figures stay comparable with earlier runs.
    std::int64_t botKindGapMs = 60'000;
    // Simulated: a bot that keeps acting longer in one turn is cut off ...
    int botActionsPerTurn = 64;
    // ... and a round that did not open a new phase takes this much talking time.
    std::int64_t roundMs = 60'000;

    // A table with people: bots act about once per `botPauseMs` each, and
    // once a minute per kind of public action.
    static SessionPace humanPace(std::int64_t botPauseMs = 1500);
    // Only bots (simulate, bench, autoplay, a host whose every seat is a bot).
    static SessionPace asFastAsPossible();
};

// Told of every applied action, after it was logged and applied; `game`
// already shows its effect.
class SessionSink {
  public:
    virtual ~SessionSink() = default;
    virtual void applied(const Action& action, int phaseBefore, const Game& game) = 0;
};

struct SessionRefusal {
    Action action;
    Refusal refusal;
};

// What a session did so far (simulate and bench count with it).
struct SessionStats {
    std::uint64_t actions = 0; // actions this LiveSession applied (not those replayed)
    std::int64_t rounds = 0;   // simulated rounds completed
    int decisionPhase = -1;    // scenario phase in which the decision was taken, -1 if none
    std::vector<SessionRefusal> refusals; // refused bot or clock actions: always a bug
};

struct LiveSessionOptions {
    std::string logPath; // "" = no log, no checkpoint, no marker (simulate, bench)
    SessionPace pace;
    // Package tables shared by the bots; null = one cache for this session.
    // Pass one cache to many sessions of a scenario to build the tables once.
    std::shared_ptr<PackageTableCache> tables;
};

class LiveSession {
  public:
    // A new session. With a log path, the log is created first (folders made
    // as needed); nullptr with `error` when it cannot be.
    static std::unique_ptr<LiveSession> start(std::shared_ptr<const Scenario> scenario,
                                              SessionSetup setup, LiveSessionOptions options,
                                              std::string& error);
    // Rebuilds the session in `options.logPath` from its log and clock
    // checkpoint, and appends to it. nullptr with `error` when it cannot.
    // Refuses a log with any error (a cut-off last line is dropped, with a
    // note); `error` then names the first bad line and what to do.
    static std::unique_ptr<LiveSession> resume(LiveSessionOptions options, std::string& error);
    // What resuming noticed without refusing: a dropped last line, a format 1 log.
    const Diagnostics& resumeNotes() const { return resumeNotes_; }
    // Checkpoints the clock, so a clean stop resumes to the millisecond.
    ~LiveSession();
    LiveSession(const LiveSession&) = delete;
    LiveSession& operator=(const LiveSession&) = delete;

    const Game& game() const { return game_; }
    const GameState& state() const { return game_.state(); }
    const Scenario& scenario() const { return game_.scenario(); }
    const std::string& logPath() const { return logPath_; }
    const SessionPace& pace() const { return pace_; }
    void setPace(const SessionPace& pace) { pace_ = pace; }
    const SessionStats& stats() const { return stats_; }

    void addSink(SessionSink* sink);
    void removeSink(SessionSink* sink);

    // Would the action be accepted now (stamped with the session clock)?
    ApplyResult check(const Action& action) const;
    // Stamps the action with the session clock, logs and applies it when the
    // rules accept it. A refused action changes nothing and is not logged.
    ApplyResult submit(Action action);

    // Real time: `sessionMs` of session time passed (ignored while paused or
    // finished). Applies what is due, then lets bots act at the pace.
    void advance(std::int64_t sessionMs);
    // Simulated: the next piece of a round (see the top of this file). False
    // once the session is finished.
    bool step();
    // Simulated: steps until the session is finished or `maxRounds` rounds
    // were played. True when it finished.
    bool runToEnd(std::int64_t maxRounds = 100'000);

    // The session clock, pauses excluded. GameState::nowMs only moves when an
    // action happens; countdowns use this.
    std::int64_t clockMs() const { return clockMs_; }
    std::int64_t phaseRemainingMs() const;
    // Jumps the clock ahead (a host whose seats are all played by bots on
    // other machines does not wait for real time to pass).
    void skipAhead(std::int64_t sessionMs);

    bool isBot(int seat) const;
    const Bot* bot(int seat) const;

    // Set when the log could not be written; the session then takes no more
    // actions. The log up to there stays valid and resumes.
    const std::string& diskError() const { return diskError_; }
    // What the system said when the log could not be written (ENOSPC: the
    // disk is full, EFBIG: a file size limit), so a screen can say it in the
    // room's language; empty until then.
    const std::error_code& diskErrorCode() const { return diskErrorCode_; }
    // Set when the clock checkpoint could not be written: the session goes
    // on, but after a crash its timers resume from the last action.
    bool checkpointFailed() const { return checkpointFailed_; }
    void checkpointClock();

  private:
    LiveSession(Game game, LiveSessionOptions options);
    ApplyResult refusedBecauseStopped() const;
    // Logs and applies an action as it is (its time already set).
    ApplyResult record(const Action& action);
    bool applyOne(const Action& action);
    void applyDueOnePhase();
    void letBotsAct();
    bool stepBots();
    bool stepClock();
    void endRound();
    void noteCheckpoint(bool ok);

    Game game_;
    std::string logPath_;
    std::unique_ptr<SessionLogWriter> log_;
    Diagnostics resumeNotes_;
    SessionPace pace_;
    std::vector<std::unique_ptr<Bot>> bots_; // per seat; null for people
    std::vector<std::int64_t> botNextMs_;    // real time: when each bot may act again
    std::size_t firstBot_ = 0;               // real time: who goes first, in turn
    std::vector<SessionSink*> sinks_;
    std::int64_t clockMs_ = 0;
    ClockCheckpoint checkpoint_;
    bool checkpointFailed_ = false;
    std::string diskError_;
    std::error_code diskErrorCode_;
    SessionStats stats_;

    // Simulated: where the current round is, so step() can stop at a phase
    // change and go on from there.
    struct Round {
        bool open = false;
        bool clockStage = false; // the bots had their turns; the clock moves
        std::size_t seat = 0;    // the seat whose turn it is
        int turnActions = 0;     // actions in that seat's turn so far
        int phaseAtStart = 0;
        int acted = 0;
        std::deque<Action> due; // the clock's due actions not applied yet
        int dueLists = 0;       // due lists fetched this round
        bool lastListApplied = false;
    } round_;
};

// A bot's RNG seed for a seat: mixes the session seed with the seat, so two
// seats never share a stream.
std::uint64_t botSeed(std::uint64_t sessionSeed, int seat);

} // namespace samenspel
