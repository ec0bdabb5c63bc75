#include "core/session_driver.hpp"

#include <algorithm>

namespace samenspel {

std::uint64_t botSeed(std::uint64_t sessionSeed, int seat) {
    return splitmix64(sessionSeed ^ splitmix64(0xb07ull + static_cast<std::uint64_t>(seat)));
}

SessionDriver::SessionDriver(Game& game, DriverOptions options)
    : game_(game), options_(options), nowMs_(game.state().nowMs) {
    const auto& seats = game.setup().seats;
    if (!options_.tables)
        options_.tables = std::make_shared<PackageTableCache>();
    bots_.resize(seats.size());
    for (std::size_t s = 0; s < seats.size(); ++s) {
        if (!seats[s].bot)
            continue;
        bots_[s] = std::make_unique<Bot>(game.scenarioPtr(), static_cast<int>(s), seats[s].role,
                                         seats[s].character,
                                         botSeed(game.setup().seed, static_cast<int>(s)));
        bots_[s]->shareTables(options_.tables);
    }
    result_.finished = game.state().finished;
}

const Bot* SessionDriver::bot(int seat) const {
    if (seat < 0 || seat >= static_cast<int>(bots_.size()))
        return nullptr;
    return bots_[static_cast<std::size_t>(seat)].get();
}

bool SessionDriver::applyOne(const Action& action, const ActionCallback& onAccepted) {
    const bool decidedBefore = game_.state().decision.taken;
    const int phaseBefore = game_.state().phase;
    ApplyResult r = game_.apply(action);
    if (!r.accepted) {
        result_.refusals.push_back({action, r.refusal});
        return false;
    }
    ++result_.actions;
    if (!decidedBefore && game_.state().decision.taken)
        result_.decisionPhase = phaseBefore;
    result_.finished = game_.state().finished;
    if (onAccepted)
        onAccepted(action, game_);
    return true;
}

int SessionDriver::botTurns(const ActionCallback& onAccepted) {
    int applied = 0;
    for (std::size_t s = 0; s < bots_.size(); ++s) {
        Bot* b = bots_[s].get();
        if (!b)
            continue;
        for (int k = 0; k < options_.maxActionsPerTurn; ++k) {
            if (game_.state().finished)
                return applied;
            const int phase = game_.state().phase;
            std::optional<Action> a = b->nextAction(game_, nowMs_);
            if (!a)
                break;
            if (!applyOne(*a, onAccepted))
                break; // a refused bot action ends its turn; the refusal is reported
            ++applied;
            if (game_.state().phase != phase)
                break; // a new phase: everyone starts it in seat order
        }
    }
    return applied;
}

int SessionDriver::advanceClock(std::int64_t nowMs, const ActionCallback& onAccepted) {
    nowMs_ = std::max(nowMs_, nowMs);
    int applied = 0;
    // One due action can make the next one due (a phase ends, the next has no
    // time): ask again until nothing is due.
    for (int guard = 0; guard < 64 && !game_.state().finished; ++guard) {
        std::vector<Action> due = game_.dueActions(nowMs_);
        if (due.empty())
            break;
        bool any = false;
        for (const Action& a : due)
            if (applyOne(a, onAccepted)) {
                any = true;
                ++applied;
            }
        if (!any)
            break;
    }
    return applied;
}

bool SessionDriver::step(const ActionCallback& onAccepted) {
    if (game_.state().finished)
        return false;
    const int phase = game_.state().phase;
    const int acted = botTurns(onAccepted);
    ++result_.rounds;
    // The clock only moves when the round changed nothing about the phase:
    // a round that ended a phase is followed by the next phase's first round.
    if (!game_.state().finished && (acted == 0 || game_.state().phase == phase))
        advanceClock(nowMs_ + options_.stepMs, onAccepted);
    return !game_.state().finished;
}

DriverResult SessionDriver::run(const ActionCallback& onAccepted) {
    while (!game_.state().finished && result_.rounds < options_.maxRounds)
        step(onAccepted);
    result_.finished = game_.state().finished;
    return result_;
}

} // namespace samenspel
