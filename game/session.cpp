#include "session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "core/bot.hpp"
#include "core/clock_checkpoint.hpp"
#include "core/session_driver.hpp"

namespace samenspel {

namespace fs = std::filesystem;

struct Session::Bots {
    std::vector<std::optional<Bot>> bySeat; // engaged for bot seats
};

namespace {

std::string finishedMarker(const std::string& logPath) {
    return logPath + ".finished";
}

} // namespace

Session::~Session() {
    if (game_ && log_)
        checkpointClock();
}

std::unique_ptr<Session> Session::start(std::shared_ptr<const Scenario> scenario,
                                        SessionSetup setup, const std::string& logPath,
                                        std::string& error) {
    std::error_code ec;
    if (fs::path(logPath).has_parent_path())
        fs::create_directories(fs::path(logPath).parent_path(), ec);
    LogHeader header;
    header.scenarioPath = scenario->sourcePath;
    header.scenarioId = scenario->id;
    header.scenarioHash = scenario->contentHash;
    header.setup = setup;
    auto log = SessionLogWriter::create(logPath, header, error);
    if (!log)
        return nullptr;
    std::unique_ptr<Session> session(new Session());
    session->game_ = std::make_unique<Game>(std::move(scenario), std::move(setup));
    session->log_ = std::move(log);
    session->logPath_ = logPath;
    session->checkpoint_ = ClockCheckpoint(logPath);
    session->bots_ = std::make_unique<Bots>();
    session->makeBots();
    session->applyDue(); // events due at minute 0
    session->checkpointClock();
    return session;
}

std::unique_ptr<Session> Session::resume(const std::string& logPath, std::string& error) {
    Replay replay = replaySessionLog(logPath);
    if (!replay.game) {
        error = replay.errors.empty() ? "cannot read " + logPath : replay.errors.front().format();
        return nullptr;
    }
    auto log = SessionLogWriter::append(logPath, error);
    if (!log)
        return nullptr;
    std::unique_ptr<Session> session(new Session());
    session->game_ = std::make_unique<Game>(std::move(*replay.game));
    session->log_ = std::move(log);
    session->logPath_ = logPath;
    // The log holds the time of the last action; the checkpoint holds the
    // clock up to a second before the process stopped.
    session->checkpoint_ = ClockCheckpoint(logPath);
    session->clockMs_ = session->checkpoint_.restore(session->game_->state().nowMs);
    session->bots_ = std::make_unique<Bots>();
    session->makeBots();
    return session;
}

void Session::makeBots() {
    const SessionSetup& setup = game_->setup();
    bots_->bySeat.clear();
    bots_->bySeat.resize(setup.seats.size());
    for (std::size_t i = 0; i < setup.seats.size(); ++i) {
        const Seat& seat = setup.seats[i];
        if (seat.bot)
            bots_->bySeat[i].emplace(game_->scenarioPtr(), static_cast<int>(i), seat.role,
                                     seat.character, botSeed(setup.seed, static_cast<int>(i)));
    }
}

bool Session::isBot(int seat) const {
    return seat >= 0 && seat < static_cast<int>(bots_->bySeat.size()) &&
           bots_->bySeat[static_cast<std::size_t>(seat)].has_value();
}

std::int64_t Session::phaseRemainingMs() const {
    const GameState& st = game_->state();
    if (st.finished)
        return 0;
    return std::max<std::int64_t>(0, st.phaseStartMs + st.phaseDurationMs - clockMs_);
}

ApplyResult Session::check(const Action& action) const {
    Action stamped = action;
    stamped.timeMs = clockMs_;
    return game_->check(stamped);
}

ApplyResult Session::submit(Action action) {
    action.timeMs = clockMs_;
    return applyAndLog(action);
}

ApplyResult Session::applyAndLog(const Action& action) {
    const int phaseBefore = game_->state().phase;
    const bool wasFinished = game_->state().finished;
    ApplyResult result = game_->apply(action);
    if (!result.accepted)
        return result;
    if (!log_->write(action, phaseBefore))
        diskError_ = "cannot write to the session log " + logPath_;
    if (!wasFinished && game_->state().finished) {
        checkpointClock();
        writeFileAtomically(finishedMarker(logPath_), "finished\n");
    }
    return result;
}

void Session::applyDue() {
    // Several things can be due at once (a phase times out and an event of
    // the same minute fires). One update never moves more than one phase, so
    // every phase is on screen for at least a frame; the rest waits for the
    // next update.
    const int phase = game_->state().phase;
    for (int round = 0; round < 32 && game_->state().phase == phase; ++round) {
        const std::vector<Action> due = game_->dueActions(clockMs_);
        if (due.empty())
            return;
        bool applied = false;
        for (const Action& a : due) {
            applied = applyAndLog(a).accepted || applied;
            if (game_->state().phase != phase)
                return;
        }
        if (!applied)
            return;
    }
}

void Session::runBots() {
    if (game_->state().finished || game_->state().paused || clockMs_ < nextBotMs_)
        return;
    // Each bot may take one action per pace interval, so people can follow
    // what happens; seats take turns in order.
    const std::size_t seats = bots_->bySeat.size();
    const int phase = game_->state().phase;
    for (std::size_t k = 0; k < seats && game_->state().phase == phase; ++k) {
        const std::size_t i = (botTurn_ + k) % seats;
        auto& bot = bots_->bySeat[i];
        if (!bot)
            continue;
        std::optional<Action> next = bot->nextAction(*game_, clockMs_);
        if (!next)
            continue;
        next->timeMs = clockMs_;
        applyAndLog(*next);
        if (game_->state().finished)
            break;
    }
    botTurn_ = (botTurn_ + 1) % std::max<std::size_t>(1, seats);
    nextBotMs_ = clockMs_ + botPaceMs_;
}

void Session::update(double realSeconds) {
    if (!game_->state().paused && !game_->state().finished) {
        carryMs_ += std::max(0.0, realSeconds) * 1000.0 * speed_;
        const double whole = std::floor(carryMs_);
        clockMs_ += static_cast<std::int64_t>(whole);
        carryMs_ -= whole;
    }
    const int phase = game_->state().phase;
    applyDue();
    if (game_->state().phase == phase)
        runBots();
    if (!checkpoint_.update(clockMs_))
        diskError_ = "cannot write the clock checkpoint beside " + logPath_;
}

void Session::checkpointClock() {
    if (!checkpoint_.write(clockMs_))
        diskError_ = "cannot write the clock checkpoint beside " + logPath_;
}

std::string lastResumableLog(const std::string& sessionsDir) {
    std::error_code ec;
    std::string best;
    fs::file_time_type bestTime{};
    for (fs::directory_iterator it(sessionsDir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        if (path.extension() != ".log" || !it->is_regular_file(ec))
            continue;
        if (fs::exists(finishedMarker(path.string()), ec))
            continue;
        const auto time = it->last_write_time(ec);
        if (best.empty() || time > bestTime) {
            best = path.string();
            bestTime = time;
        }
    }
    return best;
}

std::string newLogPath(const std::string& sessionsDir, const std::string& scenarioId) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    std::string base = (fs::path(sessionsDir) / (std::string(stamp) + "-" + scenarioId)).string();
    std::string path = base + ".log";
    std::error_code ec;
    for (int n = 2; fs::exists(path, ec) && n < 1000; ++n)
        path = base + "-" + std::to_string(n) + ".log";
    return path;
}

} // namespace samenspel
