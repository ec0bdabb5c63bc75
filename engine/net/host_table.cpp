// One table of the room: its session (a LiveSession and its clock), its
// seats and the log problems its players are told about.
#include <algorithm>

#include "core/json.hpp"
#include "core/log.hpp"
#include "net/host_internal.hpp"

namespace samenspel::net {

const Scenario& Table::scenario() const {
    return *room.scenario;
}

// A lost checkpoint only costs the timers after a crash, so unlike a lost
// log record it does not stop the session; the facilitator hears of it.
void Table::tellDiskProblems() {
    if (!session)
        return;
    if (session->checkpointFailed() && !checkpointFailureTold) {
        checkpointFailureTold = true;
        room.notice("The session clock could not be saved beside " + logPath +
                    "; after a crash, timers would resume from the last action.");
    }
    if (!session->diskError().empty() && !diskErrorTold) {
        diskErrorTold = true;
        room.notice(session->diskError());
        // Every player learns at once why nothing moves any more; their
        // laptops keep trying their seats until the session is continued.
        for (auto& c : connections)
            if (!c->dead && !c->closing)
                room.closeWith(*c, c->helloDone ? "bye" : "refuse", reason::kHostLogFailed,
                               stopMessage());
    }
}

std::string Table::stopMessage() const {
    const std::error_code& code = session ? session->diskErrorCode() : std::error_code();
    return "The host stopped the session: its session log could not be written" +
           (code ? " (" + code.message() + ")" : std::string()) +
           ". Everything up to here is saved; the facilitator can continue the session.";
}

void Table::onApplied(const Action& a) {
    actions.push_back(a);
    encoded.push_back(encodeAction(a));
    lastActionAt = Clock::now();
    broadcastAction(actions.size() - 1);
    broadcastSupport();
    broadcastQuestions();
    if (room.owner && room.owner->onActionApplied)
        room.owner->onActionApplied(actions.size() - 1, a);
    if (room.owner && room.owner->onTableActionApplied)
        room.owner->onTableActionApplied(index, actions.size() - 1, a);
}

ApplyResult Table::submit(const Action& a) {
    if (!session) {
        ApplyResult r;
        r.refusal.key = reason::kNotStarted;
        r.refusal.english = englishFor(reason::kNotStarted);
        return r;
    }
    ApplyResult result = session->submit(a);
    tellDiskProblems();
    checkFinished();
    return result;
}

void Table::checkFinished() {
    if (finishTold || !ended())
        return;
    finishTold = true;
    if (room.owner && room.owner->onTableFinished)
        room.owner->onTableFinished(index);
}

bool Table::allSeatsTaken() const {
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (!seats[i].taken() && !setup.seats[i].bot)
            return false;
    return true;
}

// A seat's places: the room's team size for a seat people may take.
int Table::freePlacesFor(int role) const {
    int free = 0;
    for (std::size_t i = 0; i < seats.size(); ++i) {
        const Seat& s = setupSeat(static_cast<int>(i));
        if (s.bot || (role >= 0 && s.role != role))
            continue;
        free += std::max(0, room.teamSize() - static_cast<int>(seats[i].people.size()));
    }
    return free;
}

// The seat of `role` (any role: -1) with the fewest people and room for one
// more: a team grows only once every seat of its role has somebody.
int Table::freeSeatFor(int role) const {
    int best = -1;
    for (std::size_t i = 0; i < seats.size(); ++i) {
        const Seat& s = setupSeat(static_cast<int>(i));
        const int n = static_cast<int>(seats[i].people.size());
        if (s.bot || n >= room.teamSize() || (role >= 0 && s.role != role))
            continue;
        if (best < 0 || n < static_cast<int>(seats[static_cast<std::size_t>(best)].people.size()))
            best = static_cast<int>(i);
    }
    return best;
}

bool Table::startSession(bool fillWithBots) {
    if (game)
        return true;
    // The seats get their bots only once the session is on: a start that
    // fails (no room for the log) leaves them free for people.
    SessionSetup filled = setup;
    for (std::size_t i = 0; i < seats.size(); ++i) {
        Seat& seat = filled.seats[i];
        if (seats[i].taken()) {
            // A team's seat is named after its people, and the log keeps
            // each member's name for the per-person measurements.
            std::vector<std::string> names;
            for (std::uint64_t id : seats[i].people)
                if (const Person* p = room.personById(id))
                    names.push_back(p->name);
            if (names.size() > 1) {
                seat.members = names;
                std::string joined;
                for (const std::string& n : names)
                    joined += (joined.empty() ? "" : ", ") + n;
                seat.name = joined;
            } else if (!names.empty() && !names.front().empty()) {
                seat.name = names.front();
            }
            continue;
        }
        if (seat.bot)
            continue;
        if (!fillWithBots)
            return false;
        seat.bot = true; // unnamed: screens show the role's name
    }
    LiveSessionOptions options;
    options.logPath = logPath;
    std::string error;
    session = LiveSession::start(room.scenario, filled, options, error);
    if (!session) {
        startError = error.empty() ? "The session log could not be created: " + logPath : error;
        room.notice(startError);
        return false;
    }
    setup = std::move(filled);
    startError.clear(); // a start that failed before (a full disk) worked now
    attachSession();
    writeSeatFile();
    lastTick = Clock::now();
    room.notice((room.tables.size() > 1 ? "table " + std::to_string(index + 1) + ": " : "") +
                "session started with " + std::to_string(seats.size()) + " seats");
    JsonWriter w;
    w.beginObject().key("v").value(kProtocolVersion).key("type").value("start");
    w.key("setup").raw(encodeSetup(setup)).endObject();
    const std::string message = w.str();
    for (auto& c : connections)
        if (c->helloDone && !c->closing && !c->web)
            room.send(*c, message);
    broadcastPresence();
    return true;
}

// Every seat played by a bot, here or on a client whose people all said
// they are bots.
bool Table::onlyBots() const {
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (setupSeat(static_cast<int>(i)).bot)
            continue;
        if (seats[i].people.empty())
            return false;
        for (std::uint64_t id : seats[i].people) {
            const Person* p = room.personById(id);
            if (!p || !p->remoteBot)
                return false;
        }
    }
    return true;
}

// Nobody plays and nobody can join (every seat is this host's bot): the
// session runs as `simulate` runs it, so a seed gives the same log here.
bool Table::onlyOwnBots() const {
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (!setupSeat(static_cast<int>(i)).bot)
            return false;
    return true;
}

void Table::attachSession() {
    game = &session->game();
    session->addSink(&broadcaster);
    session->setPace(onlyOwnBots() ? SessionPace::asFastAsPossible()
                                   : SessionPace::humanPace(room.config.botPaceMs));
    lastTick = Clock::now();
}

void Table::runClock() {
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
        checkFinished();
        return;
    }
    // Bots at human pace only while a person plays: a client that said it is
    // a bot is no person to wait for (docs/DESIGN.md, "One session loop").
    SessionPace pace = session->pace();
    pace.botKindGapMs = onlyBots() ? 0 : SessionPace::humanPace().botKindGapMs;
    session->setPace(pace);
    carryMs += realMs * room.config.clockSpeed;
    const auto whole = static_cast<std::int64_t>(carryMs);
    carryMs -= static_cast<double>(whole);
    // Bots on clients wait for time to concede, and a session of bots
    // should take seconds: when nobody but bots plays and nothing
    // happened for a moment, the clock jumps ahead.
    if (onlyBots() && room.config.botFastForwardMs > 0 &&
        std::chrono::duration<double, std::milli>(now - lastActionAt).count() >
            room.config.botIdleMs) {
        session->skipAhead(room.config.botFastForwardMs);
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
    checkFinished();
}

} // namespace samenspel::net
