#pragma once
// SessionDriver: plays the bot seats of a game, headless.
//
// One round = every bot seat, in seat order, takes its turn (it is asked for
// actions until it has nothing more to do right now, at most
// `maxActionsPerTurn`); then the simulated clock moves on by `stepMs` and the
// clock's due actions (phase time-outs, minute events) are applied. Every
// action goes through Game::apply, exactly as a person's would. Seats that
// are not bots are left alone, so the same driver serves the GUI's autoplay
// (call botTurns() and advanceClock() from the frame loop) and the network
// host (pass a callback that logs and broadcasts each accepted action).
//
//   Game game(scenario, SessionSetup::defaultFor(*scenario, true, seed));
//   SessionDriver driver(game);
//   DriverResult r = driver.run([&](const Action& a) { log->write(a, phase); });
//
// Deterministic: the same game and options give the same action sequence.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/bot.hpp"
#include "core/game.hpp"

namespace samenspel {

struct DriverOptions {
    std::int64_t stepMs = 60'000;     // simulated talking time per round
    int maxActionsPerTurn = 64;       // a bot that keeps acting longer is cut off
    std::int64_t maxRounds = 100'000; // safety net; a session normally ends far earlier
    // Package tables shared by the bots; null = one cache for this driver's bots.
    // Pass the same cache to many drivers of one scenario to build them once.
    std::shared_ptr<PackageTableCache> tables;
};

// Called after each accepted action, bot or clock; `game` already shows its effect.
using ActionCallback = std::function<void(const Action& action, const Game& game)>;

struct DriverRefusal {
    Action action;
    Refusal refusal;
};

struct DriverResult {
    bool finished = false;
    std::uint64_t actions = 0; // accepted actions the driver applied
    std::int64_t rounds = 0;
    int decisionPhase = -1; // scenario phase in which the decision was taken, -1 if none
    std::vector<DriverRefusal> refusals; // refused bot actions: always a bug
};

class SessionDriver {
  public:
    // Creates a Bot for every seat with `bot` set; `game` must outlive the driver.
    explicit SessionDriver(Game& game, DriverOptions options = {});

    // Plays rounds until the session is finished (or maxRounds).
    DriverResult run(const ActionCallback& onAccepted = {});
    // One round: botTurns(), then advanceClock(now + stepMs). False once finished.
    bool step(const ActionCallback& onAccepted = {});
    // Every bot seat takes its turn at the current clock; returns actions applied.
    int botTurns(const ActionCallback& onAccepted = {});
    // Moves the clock to `nowMs` and applies the due system actions.
    int advanceClock(std::int64_t nowMs, const ActionCallback& onAccepted = {});

    std::int64_t nowMs() const { return nowMs_; }
    const DriverResult& result() const { return result_; }
    // The bot at `seat`, or nullptr for a person's seat.
    const Bot* bot(int seat) const;

  private:
    bool applyOne(const Action& action, const ActionCallback& onAccepted);

    Game& game_;
    DriverOptions options_;
    std::vector<std::unique_ptr<Bot>> bots_; // per seat; null for people
    std::int64_t nowMs_ = 0;
    DriverResult result_;
};

// A bot's RNG seed for a seat: mixes the session seed with the seat, so two
// seats never share a stream (documented for the network host, which builds
// its own Bot objects).
std::uint64_t botSeed(std::uint64_t sessionSeed, int seat);

} // namespace samenspel
