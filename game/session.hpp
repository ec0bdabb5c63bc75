#pragma once
// A running local session: the Game, its log (written as every action
// happens), the session clock, and the bots in their seats.
//
// The clock: session time advances with real time while not paused (faster
// in autoplay). Every accepted action carries it in timeMs. Because a quiet
// stretch produces no action, the clock is also checkpointed about once a
// second into "<log>.clock" (one number, rewritten atomically), so Continue
// after a crash restores timers to within a second: resume replays the log,
// then sets the clock to max(last action time, checkpoint). The network host
// does the same (core/clock_checkpoint.hpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/clock_checkpoint.hpp"
#include "core/game.hpp"
#include "core/log.hpp"

namespace samenspel {

class Session {
  public:
    // Starts a new session and creates its log at `logPath` (folders made as
    // needed). nullptr with `error` when the log cannot be written.
    static std::unique_ptr<Session> start(std::shared_ptr<const Scenario> scenario,
                                          SessionSetup setup, const std::string& logPath,
                                          std::string& error);
    // Rebuilds a session from its log (and clock checkpoint) and appends to it.
    static std::unique_ptr<Session> resume(const std::string& logPath, std::string& error);
    ~Session();

    const Game& game() const { return *game_; }
    const GameState& state() const { return game_->state(); }
    const Scenario& scenario() const { return game_->scenario(); }
    const std::string& logPath() const { return logPath_; }

    // Stamps the action with the session clock, applies it and, when
    // accepted, logs it. A refused action changes nothing and is not logged.
    ApplyResult submit(Action action);
    ApplyResult check(const Action& action) const; // would it be accepted now?

    // Advances the clock by `realSeconds` (times speed) unless paused, applies
    // what the clock makes due (timeouts, minute events), lets bots act, and
    // checkpoints the clock.
    void update(double realSeconds);
    std::int64_t clockMs() const { return clockMs_; }
    // Time left in the current phase by the session clock (GameState::nowMs
    // only moves when an action happens; screens show this one).
    std::int64_t phaseRemainingMs() const;
    // Session seconds per real second (1 normally; autoplay uses more).
    void setSpeed(double speed) { speed_ = speed; }
    double speed() const { return speed_; }
    // Bots act at most once per this many session ms each (pace for watching).
    void setBotPaceMs(std::int64_t ms) { botPaceMs_ = ms; }

    bool isBot(int seat) const;
    // Last disk problem (log or checkpoint), empty when all is well.
    const std::string& diskError() const { return diskError_; }
    // Writes the clock checkpoint now (also done by update() every second).
    void checkpointClock();

    static std::string clockPathFor(const std::string& logPath) {
        return clockCheckpointPathFor(logPath);
    }

  private:
    Session() = default;
    void makeBots();
    void runBots();
    void applyDue();
    ApplyResult applyAndLog(const Action& action);

    std::unique_ptr<Game> game_;
    std::unique_ptr<SessionLogWriter> log_;
    std::string logPath_;
    std::int64_t clockMs_ = 0;
    ClockCheckpoint checkpoint_;
    std::int64_t nextBotMs_ = 0;
    std::size_t botTurn_ = 0;
    std::int64_t botPaceMs_ = 1500;
    double speed_ = 1.0;
    double carryMs_ = 0.0;
    std::string diskError_;
    struct Bots;
    std::unique_ptr<Bots> bots_;
};

// Where the newest resumable session log is ("" when none): the most recent
// *.log in `sessionsDir` whose session has not finished.
std::string lastResumableLog(const std::string& sessionsDir);
// A fresh log path in `sessionsDir`: "<yyyymmdd-hhmmss>-<scenario id>.log".
std::string newLogPath(const std::string& sessionsDir, const std::string& scenarioId);

} // namespace samenspel
