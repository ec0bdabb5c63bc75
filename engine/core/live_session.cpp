#include "core/live_session.hpp"

#include <algorithm>
#include <filesystem>

#include "core/session_files.hpp"

namespace samenspel {

namespace {

// One call of advance() applies at most this many lists of due actions: one
// due action can make the next one due (an event moves a deadline), but a
// scenario can never need more, and a bug must not hang the table.
constexpr int kMaxDueListsPerAdvance = 32;
// The same bound for one simulated round.
constexpr int kMaxDueListsPerRound = 64;
// Real time with no pause between bot actions: the bots may go round the
// table this many times per advance() before the driver gets control back.
constexpr int kMaxBotPassesPerAdvance = 8;
// A bot whose action was refused waits at least this long (session ms)
// before it is asked again, so a bug in a bot cannot spin the loop.
constexpr std::int64_t kRefusedBotPauseMs = 500;

} // namespace

SessionPace SessionPace::humanPace(std::int64_t botPauseMs) {
    SessionPace pace;
    pace.clock = Clock::RealTime;
    pace.botPauseMs = std::max<std::int64_t>(0, botPauseMs);
    return pace;
}

SessionPace SessionPace::asFastAsPossible() {
    SessionPace pace;
    pace.clock = Clock::Simulated;
    pace.botPauseMs = 0;
    pace.botKindGapMs = 0; // nobody to wait for
    return pace;
}

std::uint64_t botSeed(std::uint64_t sessionSeed, int seat) {
    return splitmix64(sessionSeed ^ splitmix64(0xb07ull + static_cast<std::uint64_t>(seat)));
}

// [SECTION] making and resuming -------------------------------------------------

LiveSession::LiveSession(Game game, LiveSessionOptions options)
    : game_(std::move(game)), logPath_(std::move(options.logPath)), pace_(options.pace),
      checkpoint_(logPath_) {
    if (!options.tables)
        options.tables = std::make_shared<PackageTableCache>();
    const auto& seats = game_.setup().seats;
    bots_.resize(seats.size());
    botNextMs_.assign(seats.size(), 0);
    for (std::size_t s = 0; s < seats.size(); ++s) {
        if (!seats[s].bot)
            continue;
        const int seat = static_cast<int>(s);
        bots_[s] = std::make_unique<Bot>(game_.scenarioPtr(), seat, seats[s].role,
                                         seats[s].character, botSeed(game_.setup().seed, seat));
        bots_[s]->shareTables(options.tables);
    }
}

std::unique_ptr<LiveSession> LiveSession::start(std::shared_ptr<const Scenario> scenario,
                                                SessionSetup setup, LiveSessionOptions options,
                                                std::string& error) {
    std::unique_ptr<SessionLogWriter> log;
    if (!options.logPath.empty()) {
        namespace fs = std::filesystem;
        std::error_code ec;
        if (fs::path(options.logPath).has_parent_path())
            fs::create_directories(fs::path(options.logPath).parent_path(), ec);
        LogHeader header;
        header.scenarioPath = scenario->sourcePath;
        header.scenarioId = scenario->id;
        header.scenarioHash = scenario->contentHash;
        header.setup = setup;
        log = SessionLogWriter::create(options.logPath, header, error);
        if (!log)
            return nullptr;
    }
    Game game(std::move(scenario), std::move(setup));
    std::unique_ptr<LiveSession> session(new LiveSession(std::move(game), std::move(options)));
    session->log_ = std::move(log);
    // At once: a checkpoint or marker left by an earlier session in this
    // log's place must not move a resume of this one.
    if (session->log_) {
        std::error_code ec;
        std::filesystem::remove(SessionFiles::finishedMarker(session->logPath_), ec);
        session->checkpointClock();
    }
    return session;
}

std::unique_ptr<LiveSession> LiveSession::resume(LiveSessionOptions options, std::string& error) {
    const std::string logPath = options.logPath;
    // All or nothing: a session that went on from the readable part of a
    // damaged log would append to it, and no replay could reach those lines.
    // The one exception is a last line cut off by a crash (a note, dropped).
    Replay replay = replaySessionLog(logPath);
    if (!replay.game || !replay.errors.empty()) {
        error =
            (replay.errors.empty() ? "cannot read " + logPath : replay.errors.front().format()) +
            "\nThe session cannot continue from a damaged log. 'samenspel replay " + logPath +
            "' shows every problem; start a new session or repair the log.";
        return nullptr;
    }
    auto log = SessionLogWriter::append(logPath, error);
    if (!log)
        return nullptr;
    std::unique_ptr<LiveSession> session(
        new LiveSession(std::move(*replay.game), std::move(options)));
    session->log_ = std::move(log);
    session->resumeNotes_ = std::move(replay.notes);
    // The log holds the time of the last action; the checkpoint the clock up
    // to a second before the process stopped. A paused session stays paused
    // (the pause is in the log), so its clock does not run from here either.
    session->clockMs_ = session->checkpoint_.restore(session->game_.state().nowMs);
    return session;
}

LiveSession::~LiveSession() {
    if (log_)
        checkpointClock();
}

// [SECTION] applying --------------------------------------------------------------

void LiveSession::addSink(SessionSink* sink) {
    if (sink && std::find(sinks_.begin(), sinks_.end(), sink) == sinks_.end())
        sinks_.push_back(sink);
}

void LiveSession::removeSink(SessionSink* sink) {
    std::erase(sinks_, sink);
}

ApplyResult LiveSession::refusedBecauseStopped() const {
    ApplyResult r;
    r.accepted = false;
    r.refusal.key = "refuse.session_stopped";
    r.refusal.english = diskError_;
    return r;
}

ApplyResult LiveSession::check(const Action& action) const {
    if (!diskError_.empty())
        return refusedBecauseStopped();
    Action stamped = action;
    stamped.timeMs = clockMs_;
    return game_.check(stamped);
}

ApplyResult LiveSession::submit(Action action) {
    action.timeMs = clockMs_;
    return record(action);
}

ApplyResult LiveSession::record(const Action& action) {
    if (!diskError_.empty())
        return refusedBecauseStopped();
    const int phaseBefore = game_.state().phase;
    const bool decidedBefore = game_.state().decision.taken;
    const bool finishedBefore = game_.state().finished;
    // Checked, written, then applied: an action that is not on disk never
    // happened, so a crash or a full disk cannot leave a log that lacks what
    // the players saw.
    if (log_) {
        ApplyResult verdict = game_.check(action);
        if (!verdict.accepted)
            return verdict;
        if (!log_->write(action, phaseBefore)) {
            diskErrorCode_ = log_->lastError();
            diskError_ = "The session log could not be written (" +
                         (diskErrorCode_ ? diskErrorCode_.message() : "is the disk full?") +
                         "): " + logPath_;
            return refusedBecauseStopped();
        }
    }
    ApplyResult result = game_.apply(action);
    if (!result.accepted)
        return result;
    ++stats_.actions;
    if (!decidedBefore && game_.state().decision.taken)
        stats_.decisionPhase = phaseBefore;
    if (!finishedBefore && game_.state().finished && log_) {
        checkpointClock(); // the clock stops here
        if (!markSessionFinished(logPath_))
            noteCheckpoint(false);
    }
    for (SessionSink* sink : sinks_)
        sink->applied(action, phaseBefore, game_);
    return result;
}

// A bot's or the clock's action: a refusal is a bug, and is kept for the report.
bool LiveSession::applyOne(const Action& action) {
    ApplyResult r = record(action);
    if (!r.accepted && diskError_.empty())
        stats_.refusals.push_back({action, r.refusal});
    return r.accepted;
}

// [SECTION] real time -------------------------------------------------------------

void LiveSession::advance(std::int64_t sessionMs) {
    if (!game_.state().paused && !game_.state().finished && diskError_.empty())
        clockMs_ += std::max<std::int64_t>(0, sessionMs);
    const int phase = game_.state().phase;
    applyDueOnePhase();
    if (game_.state().phase == phase)
        letBotsAct();
    noteCheckpoint(checkpoint_.update(clockMs_));
}

void LiveSession::skipAhead(std::int64_t sessionMs) {
    if (!game_.state().paused && !game_.state().finished)
        clockMs_ += std::max<std::int64_t>(0, sessionMs);
}

// Several things can be due at once (a phase times out and an event of the
// same minute fires). One call never moves more than one phase, so every
// phase is on screen for at least a frame; the rest waits for the next call.
void LiveSession::applyDueOnePhase() {
    const int phase = game_.state().phase;
    for (int list = 0; list < kMaxDueListsPerAdvance; ++list) {
        if (game_.state().finished || game_.state().phase != phase || !diskError_.empty())
            return;
        const std::vector<Action> due = game_.dueActions(clockMs_);
        bool applied = false;
        for (const Action& a : due) {
            applied = applyOne(a) || applied;
            if (game_.state().phase != phase)
                return;
        }
        if (!applied)
            return;
    }
}

// Each bot is asked for an action once its pause since it was last asked has
// passed; seats take turns in going first. With no pause the bots go round
// until none acts (bounded), as fast as the driver calls.
void LiveSession::letBotsAct() {
    const std::size_t seats = bots_.size();
    if (seats == 0)
        return;
    const int phase = game_.state().phase;
    // Human pace only where people sit (SessionPace::botKindGapMs).
    const auto& setupSeats = game_.setup().seats;
    const bool people = std::any_of(setupSeats.begin(), setupSeats.end(),
                                    [](const Seat& seat) { return !seat.bot; });
    for (auto& bot : bots_)
        if (bot)
            bot->setPacing(people ? pace_.botKindGapMs : 0);
    for (int pass = 0; pass < kMaxBotPassesPerAdvance; ++pass) {
        bool acted = false;
        for (std::size_t k = 0; k < seats; ++k) {
            const GameState& st = game_.state();
            if (st.finished || st.paused || st.phase != phase || !diskError_.empty())
                return;
            const std::size_t i = (firstBot_ + k) % seats;
            Bot* bot = bots_[i].get();
            if (!bot || clockMs_ < botNextMs_[i])
                continue;
            std::optional<Action> next = bot->nextAction(game_, clockMs_);
            botNextMs_[i] = clockMs_ + pace_.botPauseMs;
            if (!next)
                continue;
            next->seat = static_cast<int>(i);
            if (applyOne(*next)) {
                acted = true;
                bot->acted(*next);
            } else
                botNextMs_[i] = clockMs_ + std::max(pace_.botPauseMs, kRefusedBotPauseMs);
        }
        if (!acted)
            break;
    }
    firstBot_ = (firstBot_ + 1) % seats;
}

// [SECTION] simulated -------------------------------------------------------------

bool LiveSession::step() {
    if (game_.state().finished || !diskError_.empty())
        return false;
    if (!round_.open) {
        round_ = Round{};
        round_.open = true;
        round_.phaseAtStart = game_.state().phase;
    }
    if (!round_.clockStage && !stepBots())
        return !game_.state().finished; // stopped at a new phase, or the end
    stepClock();
    return !game_.state().finished && diskError_.empty();
}

// Every bot seat, in seat order, acts until it has nothing more to do now (at
// most botActionsPerTurn). False when it stopped early: a phase began (the
// next seat goes on next time) or the session ended.
bool LiveSession::stepBots() {
    for (; round_.seat < bots_.size(); ++round_.seat, round_.turnActions = 0) {
        Bot* bot = bots_[round_.seat].get();
        if (!bot)
            continue;
        while (round_.turnActions < pace_.botActionsPerTurn) {
            if (game_.state().finished || !diskError_.empty()) {
                endRound();
                return false;
            }
            const int phase = game_.state().phase;
            std::optional<Action> next = bot->nextAction(game_, clockMs_);
            if (!next)
                break;
            if (!applyOne(*next))
                break; // a refused bot action ends its turn; the refusal is kept
            ++round_.acted;
            ++round_.turnActions;
            if (game_.state().phase != phase) {
                // A new phase: everyone starts it in seat order, from the next seat.
                ++round_.seat;
                round_.turnActions = 0;
                return false;
            }
        }
    }
    ++stats_.rounds;
    round_.clockStage = true;
    // The clock only moves when the round changed nothing about the phase: a
    // round that opened a phase is followed by that phase's first round.
    if (game_.state().finished ||
        (round_.acted > 0 && game_.state().phase != round_.phaseAtStart)) {
        endRound();
        return false;
    }
    clockMs_ += pace_.roundMs;
    return true;
}

// Applies what the clock made due, list by list (one due action can make the
// next one due). Stops at a phase change; the next step() goes on from there.
bool LiveSession::stepClock() {
    while (true) {
        if (round_.due.empty()) {
            const bool enough = (round_.dueLists > 0 && !round_.lastListApplied) ||
                                round_.dueLists >= kMaxDueListsPerRound || game_.state().finished ||
                                !diskError_.empty();
            if (enough) {
                endRound();
                return true;
            }
            const std::vector<Action> due = game_.dueActions(clockMs_);
            round_.due.assign(due.begin(), due.end());
            ++round_.dueLists;
            round_.lastListApplied = false;
            if (round_.due.empty()) {
                endRound();
                return true;
            }
        }
        const Action action = round_.due.front();
        round_.due.pop_front();
        const int phase = game_.state().phase;
        if (applyOne(action))
            round_.lastListApplied = true;
        if (game_.state().phase != phase)
            return false;
    }
}

void LiveSession::endRound() {
    round_.open = false;
}

bool LiveSession::runToEnd(std::int64_t maxRounds) {
    while (!game_.state().finished && diskError_.empty() && stats_.rounds < maxRounds)
        step();
    return game_.state().finished;
}

// [SECTION] clock and seats -------------------------------------------------------

std::int64_t LiveSession::phaseRemainingMs() const {
    const GameState& st = game_.state();
    if (st.finished)
        return 0;
    return std::max<std::int64_t>(0, st.phaseStartMs + st.phaseDurationMs - clockMs_);
}

bool LiveSession::isBot(int seat) const {
    return bot(seat) != nullptr;
}

const Bot* LiveSession::bot(int seat) const {
    if (seat < 0 || seat >= static_cast<int>(bots_.size()))
        return nullptr;
    return bots_[static_cast<std::size_t>(seat)].get();
}

void LiveSession::checkpointClock() {
    noteCheckpoint(checkpoint_.write(clockMs_));
}

void LiveSession::noteCheckpoint(bool ok) {
    if (!ok)
        checkpointFailed_ = true;
}

} // namespace samenspel
