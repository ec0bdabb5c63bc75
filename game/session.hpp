#pragma once
// A local session at one shared screen: a LiveSession (engine/core/
// live_session.hpp) driven by the frame loop's real time. Everything about
// running the session (log, clock and its checkpoint, due actions, bots) is
// the LiveSession's; this only turns real seconds into session time (faster
// in autoplay) and keeps the screens' way of asking.
#include <cstdint>
#include <memory>
#include <string>

#include "core/live_session.hpp"

namespace samenspel {

class Session {
  public:
    // Starts a new session and creates its log at `logPath` (folders made as
    // needed). nullptr with `error` when the log cannot be written.
    static std::unique_ptr<Session> start(std::shared_ptr<const Scenario> scenario,
                                          SessionSetup setup, const std::string& logPath,
                                          std::string& error,
                                          SessionPace pace = SessionPace::humanPace());
    // Rebuilds a session from its log (and clock checkpoint) and appends to it.
    static std::unique_ptr<Session> resume(const std::string& logPath, std::string& error);

    LiveSession& live() { return *live_; }
    const LiveSession& live() const { return *live_; }
    const Game& game() const { return live_->game(); }
    const GameState& state() const { return live_->state(); }
    const Scenario& scenario() const { return live_->scenario(); }
    const std::string& logPath() const { return live_->logPath(); }

    ApplyResult submit(Action action) { return live_->submit(std::move(action)); }
    ApplyResult check(const Action& action) const { return live_->check(action); }

    // Moves the session on by `realSeconds` of real time: on a real-time
    // pace the clock runs (times speed) unless paused, what is due is applied
    // and bots act; on a simulated pace one step() is taken.
    void update(double realSeconds);
    std::int64_t clockMs() const { return live_->clockMs(); }
    std::int64_t phaseRemainingMs() const { return live_->phaseRemainingMs(); }
    // Session seconds per real second (1 normally).
    void setSpeed(double speed) { speed_ = speed; }
    double speed() const { return speed_; }

    bool isBot(int seat) const { return live_->isBot(seat); }
    // Why the session stopped: its log could not be written (LiveSession::
    // diskError); empty while it runs. The screens read it through
    // TableLink::stop().
    const std::string& diskError() const { return live_->diskError(); }
    // The clock checkpoint could not be written; the session goes on.
    bool checkpointFailed() const { return live_->checkpointFailed(); }
    void checkpointClock() { live_->checkpointClock(); }

  private:
    explicit Session(std::unique_ptr<LiveSession> live) : live_(std::move(live)) {}
    std::unique_ptr<LiveSession> live_;
    double speed_ = 1.0;
    double carryMs_ = 0.0; // real time below a whole session ms, kept for the next frame
};

} // namespace samenspel
