#include "net/host_internal.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "core/log.hpp"
#include "core/session_files.hpp"

namespace samenspel::net {

std::string seatFilePathFor(const std::string& logPath) {
    return SessionFiles::seats(logPath);
}

SessionSetup setupForPlayers(const Scenario& scenario, int players, std::uint64_t seed) {
    SessionSetup setup = SessionSetup::defaultFor(scenario, false, seed);
    std::vector<int> count(scenario.roles.size(), 0);
    for (const Seat& s : setup.seats)
        ++count[static_cast<std::size_t>(s.role)];
    bool grew = true;
    while (static_cast<int>(setup.seats.size()) < players && grew) {
        grew = false;
        for (std::size_t r = 0; r < scenario.roles.size(); ++r) {
            if (static_cast<int>(setup.seats.size()) >= players)
                break;
            if (count[r] >= scenario.roles[r].maxPlayers)
                continue;
            Seat seat;
            seat.role = static_cast<int>(r);
            setup.seats.push_back(seat);
            ++count[r];
            grew = true;
        }
    }
    // Seats of one role sit together, as at a table.
    std::stable_sort(setup.seats.begin(), setup.seats.end(),
                     [](const Seat& a, const Seat& b) { return a.role < b.role; });
    return setup;
}

// [Notices] -------------------------------------------------------------------

void Host::Impl::notice(const std::string& text) const {
    if (owner && owner->onNotice)
        owner->onNotice(text);
}

// A lost checkpoint only costs the timers after a crash, so unlike a lost
// log record it does not stop the session; the facilitator hears of it.
void Host::Impl::tellDiskProblems() {
    if (!session)
        return;
    if (session->checkpointFailed() && !checkpointFailureTold) {
        checkpointFailureTold = true;
        notice("The session clock could not be saved beside " + logPath +
               "; after a crash, timers would resume from the last action.");
    }
    if (!session->diskError().empty() && !diskErrorTold) {
        diskErrorTold = true;
        notice(session->diskError());
        // Every player learns at once why nothing moves any more; their
        // laptops keep trying their seats until the session is continued.
        for (auto& c : connections)
            if (!c->dead && !c->closing)
                closeWith(*c, c->helloDone ? "bye" : "refuse", reason::kHostLogFailed,
                          stopMessage());
    }
}

std::string Host::Impl::stopMessage() const {
    const std::error_code& code = session ? session->diskErrorCode() : std::error_code();
    return "The host stopped the session: its session log could not be written" +
           (code ? " (" + code.message() + ")" : std::string()) +
           ". Everything up to here is saved; the facilitator can continue the session.";
}

// [The session] ---------------------------------------------------------------

void Host::Impl::onApplied(const Action& a) {
    actions.push_back(a);
    encoded.push_back(encodeAction(a));
    lastActionAt = Clock::now();
    broadcastAction(actions.size() - 1);
    broadcastSupport();
    if (owner && owner->onActionApplied)
        owner->onActionApplied(actions.size() - 1, a);
}

ApplyResult Host::Impl::submit(const Action& a) {
    if (!session) {
        ApplyResult r;
        r.refusal.key = reason::kNotStarted;
        r.refusal.english = englishFor(reason::kNotStarted);
        return r;
    }
    ApplyResult result = session->submit(a);
    tellDiskProblems();
    return result;
}

bool Host::Impl::allSeatsTaken() const {
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (!seats[i].taken && !setup.seats[i].bot)
            return false;
    return true;
}

bool Host::Impl::startSession(bool fillWithBots) {
    if (game)
        return true;
    // The seats get their bots only once the session is on: a start that
    // fails (no room for the log) leaves them free for people.
    SessionSetup filled = setup;
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (seats[i].taken || filled.seats[i].bot)
            continue;
        if (!fillWithBots)
            return false;
        filled.seats[i].bot = true; // unnamed: screens show the role's name
    }
    LiveSessionOptions options;
    options.logPath = logPath;
    std::string error;
    session = LiveSession::start(scenario, filled, options, error);
    if (!session) {
        startError = error.empty() ? "The session log could not be created: " + logPath : error;
        notice(startError);
        return false;
    }
    setup = std::move(filled);
    startError.clear(); // a start that failed before (a full disk) worked now
    attachSession();
    writeSeatFile();
    lastTick = Clock::now();
    notice("session started with " + std::to_string(seats.size()) + " seats");
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("start");
    w.key("setup").raw(encodeSetup(setup)).endObject();
    const std::string message = w.str();
    for (auto& c : connections)
        if (c->helloDone && !c->closing && !c->web)
            send(*c, message);
    broadcastPresence();
    return true;
}

// Every seat played by a bot, here or on a client that said it is one.
bool Host::Impl::onlyBots() const {
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (!setupSeat(static_cast<int>(i)).bot && !seats[i].remoteBot)
            return false;
    return true;
}

// Nobody plays and nobody can join (every seat is this host's bot): the
// session runs as `simulate` runs it, so a seed gives the same log here.
bool Host::Impl::onlyOwnBots() const {
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (!setupSeat(static_cast<int>(i)).bot)
            return false;
    return true;
}

void Host::Impl::attachSession() {
    game = &session->game();
    session->addSink(&broadcaster);
    session->setPace(onlyOwnBots() ? SessionPace::asFastAsPossible()
                                   : SessionPace::humanPace(config.botPaceMs));
    lastTick = Clock::now();
}

void Host::Impl::runClock() {
    const auto now = Clock::now();
    const double realMs = std::chrono::duration<double, std::milli>(now - lastTick).count();
    lastTick = now;
    if (!session || session->state().finished || !session->diskError().empty())
        return;
    if (session->pace().clock == SessionPace::Clock::Simulated) {
        const int phase = session->state().phase;
        for (int k = 0; k < kSimulatedStepsPerPoll && session->state().phase == phase; ++k)
            if (!session->step())
                break;
        tellDiskProblems();
        return;
    }
    // Bots at human pace only while a person plays: a client that said it is
    // a bot is no person to wait for (docs/DESIGN.md, "One session loop").
    SessionPace pace = session->pace();
    pace.botKindGapMs = onlyBots() ? 0 : SessionPace::humanPace().botKindGapMs;
    session->setPace(pace);
    carryMs += realMs * config.clockSpeed;
    const auto whole = static_cast<std::int64_t>(carryMs);
    carryMs -= static_cast<double>(whole);
    // Bots on clients wait for time to concede, and a session of bots
    // should take seconds: when nobody but bots plays and nothing
    // happened for a moment, the clock jumps ahead.
    if (onlyBots() && config.botFastForwardMs > 0 &&
        std::chrono::duration<double, std::milli>(now - lastActionAt).count() > config.botIdleMs) {
        session->skipAhead(config.botFastForwardMs);
        lastActionAt = now;
    }
    // A player's action may have opened a phase during this poll: the
    // clock and the bots wait for the next one, so every phase is on the
    // projector for at least a frame.
    if (session->state().phase != phaseAtPollStart)
        session->skipAhead(whole);
    else
        session->advance(whole);
    tellDiskProblems();
}

// [Host] ----------------------------------------------------------------------

Host::Host(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
    impl_->owner = this;
}

Host::~Host() {
    if (impl_)
        shutdown(0.0);
}

std::unique_ptr<Host> Host::create(std::shared_ptr<const Scenario> scenario, SessionSetup setup,
                                   const std::string& logPath, HostConfig config,
                                   std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->scenario = std::move(scenario);
    impl->setup = std::move(setup);
    impl->logPath = logPath;
    impl->code = config.code.empty() ? sessionCodeFromSeed(impl->setup.seed)
                                     : normalizeSessionCode(config.code);
    impl->seats.resize(impl->setup.seats.size());
    if (!impl->listen(error))
        return nullptr;
    std::unique_ptr<Host> host(new Host(std::move(impl)));
    if (config.botsFill)
        host->impl_->startSession(true);
    return host;
}

std::unique_ptr<Host> Host::resume(const std::string& logPath, HostConfig config,
                                   std::string& error) {
    LiveSessionOptions options;
    options.logPath = logPath;
    std::unique_ptr<LiveSession> session = LiveSession::resume(options, error);
    if (!session)
        return nullptr;
    ReadLog read = readSessionLog(logPath);
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->session = std::move(session);
    impl->scenario = impl->session->game().scenarioPtr();
    impl->setup = impl->session->game().setup();
    impl->logPath = logPath;
    impl->seats.resize(impl->setup.seats.size());
    impl->code = normalizeSessionCode(config.code);
    impl->readSeatFile();
    if (impl->code.empty())
        impl->code = sessionCodeFromSeed(impl->setup.seed);
    impl->actions = read.actions;
    for (const Action& a : impl->actions)
        impl->encoded.push_back(encodeAction(a));
    impl->attachSession();
    if (!impl->listen(error))
        return nullptr;
    impl->writeSeatFile();
    return std::unique_ptr<Host>(new Host(std::move(impl)));
}

unsigned short Host::port() const {
    return impl_->port();
}
const std::string& Host::code() const {
    return impl_->code;
}
const std::string& Host::logPath() const {
    return impl_->logPath;
}
void Host::poll(double maxWaitSeconds) {
    impl_->poll(maxWaitSeconds);
}
bool Host::start(bool fillWithBots) {
    return impl_->startSession(fillWithBots);
}
bool Host::started() const {
    return impl_->game != nullptr;
}
bool Host::finished() const {
    return impl_->ended();
}
const std::string& Host::diskError() const {
    if (impl_->session && !impl_->session->diskError().empty())
        return impl_->session->diskError();
    return impl_->startError;
}
std::error_code Host::diskErrorCode() const {
    return impl_->session ? impl_->session->diskErrorCode() : std::error_code();
}
bool Host::checkpointFailed() const {
    return impl_->session && impl_->session->checkpointFailed();
}
Diagnostics Host::resumeNotes() const {
    return impl_->session ? impl_->session->resumeNotes() : Diagnostics{};
}
const Game* Host::game() const {
    return impl_->game;
}
const Scenario& Host::scenario() const {
    return *impl_->scenario;
}
std::vector<SeatStatus> Host::seats() const {
    return impl_->seatStatus();
}
const HostStats& Host::stats() const {
    impl_->stats.addressesWithWrongCodes = impl_->wrongCodes.size();
    impl_->stats.connectionsOpen =
        static_cast<int>(std::count_if(impl_->connections.begin(), impl_->connections.end(),
                                       [](const auto& c) { return !c->dead; }));
    return impl_->stats;
}
std::int64_t Host::clockMs() const {
    return impl_->clockMs();
}
std::size_t Host::pendingOutgoingBytes() const {
    std::size_t total = 0;
    for (const auto& c : impl_->connections)
        total += c->pending();
    return total;
}

ApplyResult Host::submitFacilitator(Action action) {
    action.seat = kFacilitator;
    return impl_->submit(action);
}

void Host::shutdown(double graceSeconds) {
    Impl& im = *impl_;
    if (im.session) { // a clean stop resumes to the millisecond
        im.session->checkpointClock();
        im.tellDiskProblems();
    }
    for (auto& c : im.connections) {
        if (c->dead || c->closing)
            continue;
        // A session stopped by its log stays stopped: say that, not just "closed".
        const bool stopped = im.stoppedForDisk();
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("bye");
        w.key("reason").value(stopped ? reason::kHostLogFailed : reason::kHostClosing);
        w.key("message")
            .value(stopped ? im.stopMessage() : englishFor(reason::kHostClosing))
            .endObject();
        im.send(*c, w.str());
        c->closing = true;
        c->closingSince = Clock::now();
    }
    const auto begin = Clock::now();
    while (true) {
        bool pending = false;
        for (auto& c : im.connections) {
            im.flush(c);
            pending = pending || (!c->dead && c->pending() > 0);
        }
        if (!pending || secondsSince(begin, Clock::now()) >= graceSeconds)
            break;
        im.runNetwork(0.002);
    }
    for (auto& c : im.connections)
        c->dead = true;
    im.removeDead();
    im.closeListener();
}

} // namespace samenspel::net
