#include "net/host_internal.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "core/limits.hpp"
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
    RoomConfig& room = config.room;
    if (room.tables < 0 || room.tables > kMaxTablesPerHost) {
        error = "A host holds 1 to " + std::to_string(kMaxTablesPerHost) + " tables, not " +
                std::to_string(room.tables) + ".";
        return nullptr;
    }
    if (room.teamSize < 1 || room.teamSize > limits::kMaxTeamSize) {
        error = "A team has 1 to " + std::to_string(limits::kMaxTeamSize) + " people, not " +
                std::to_string(room.teamSize) + ".";
        return nullptr;
    }
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->scenario = std::move(scenario);
    impl->setup = std::move(setup);
    impl->logPath = logPath;
    impl->code = config.code.empty() ? sessionCodeFromSeed(impl->setup.seed)
                                     : normalizeSessionCode(config.code);
    impl->addTables(room.tables);
    if (!impl->listen(error))
        return nullptr;
    std::unique_ptr<Host> host(new Host(std::move(impl)));
    if (config.botsFill)
        host->impl_->startRoom(true);
    return host;
}

// One table's log: its seat file names the people (tokens; a team's
// members in order), the log's setup their names.
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
    impl->config.room = RoomConfig{};
    impl->scenario = session->game().scenarioPtr();
    impl->setup = session->game().setup();
    impl->logPath = logPath;
    impl->roomStarted = true;
    impl->addTables(1);
    Table& t = *impl->tables.front();
    t.session = std::move(session);
    t.setup = impl->setup;
    impl->code = normalizeSessionCode(config.code);
    t.readSeatFile();
    if (impl->code.empty())
        impl->code = sessionCodeFromSeed(impl->setup.seed);
    t.actions = read.actions;
    for (const Action& a : t.actions)
        t.encoded.push_back(encodeAction(a));
    t.attachSession();
    t.finishTold = t.ended();
    if (!impl->listen(error))
        return nullptr;
    t.writeSeatFile();
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
    return impl_->startRoom(fillWithBots);
}
bool Host::started() const {
    return impl_->roomStarted;
}
bool Host::finished() const {
    for (const auto& t : impl_->tables)
        if (!t->ended())
            return false;
    return !impl_->tables.empty();
}
const std::string& Host::diskError() const {
    for (const auto& t : impl_->tables)
        if (t->session && !t->session->diskError().empty())
            return t->session->diskError();
    for (const auto& t : impl_->tables)
        if (!t->startError.empty())
            return t->startError;
    static const std::string kNone;
    return kNone;
}
std::error_code Host::diskErrorCode() const {
    for (const auto& t : impl_->tables)
        if (t->session && t->session->diskErrorCode())
            return t->session->diskErrorCode();
    return {};
}
bool Host::checkpointFailed() const {
    for (const auto& t : impl_->tables)
        if (t->session && t->session->checkpointFailed())
            return true;
    return false;
}
Diagnostics Host::resumeNotes() const {
    const Table* t = impl_->tables.empty() ? nullptr : impl_->tables.front().get();
    return t && t->session ? t->session->resumeNotes() : Diagnostics{};
}
const Game* Host::game() const {
    return impl_->tables.empty() ? nullptr : impl_->tables.front()->game;
}
void Host::setPlainLanguage(bool on) {
    if (impl_->config.plainLanguage == on)
        return;
    impl_->config.plainLanguage = on;
    for (const auto& t : impl_->tables)
        t->markViewsChanged();
}
bool Host::plainLanguage() const {
    return impl_->config.plainLanguage;
}

const Scenario& Host::scenario() const {
    return *impl_->scenario;
}
std::vector<SeatStatus> Host::seats() const {
    return impl_->tables.empty() ? std::vector<SeatStatus>{} : impl_->tables.front()->seatStatus();
}
const HostStats& Host::stats() const {
    impl_->stats.addressesWithWrongCodes = impl_->wrongCodes.size();
    impl_->stats.connectionsOpen =
        static_cast<int>(std::count_if(impl_->connections.begin(), impl_->connections.end(),
                                       [](const auto& c) { return !c->dead; }));
    return impl_->stats;
}
std::int64_t Host::clockMs() const {
    return clockMs(0);
}
std::int64_t Host::clockMs(int table) const {
    if (table < 0 || table >= tableCount())
        return 0;
    return impl_->tables[static_cast<std::size_t>(table)]->clockMs();
}
std::size_t Host::pendingOutgoingBytes() const {
    std::size_t total = 0;
    for (const auto& c : impl_->connections)
        total += c->pending();
    return total;
}

std::size_t Host::pendingOutgoingBytes(int table) const {
    if (table < 0 || table >= tableCount())
        return 0;
    std::size_t total = 0;
    for (const auto& c : impl_->tables[static_cast<std::size_t>(table)]->connections)
        total += c->pending();
    return total;
}

int Host::tableCount() const {
    return static_cast<int>(impl_->tables.size());
}

TableStatus Host::table(int t) const {
    TableStatus s;
    if (t < 0 || t >= tableCount())
        return s;
    const Table& table = *impl_->tables[static_cast<std::size_t>(t)];
    s.table = t;
    s.started = table.game != nullptr;
    s.finished = table.ended();
    s.game = table.game;
    s.clockMs = table.clockMs();
    if (table.session)
        s.phaseRemainingMs = table.session->phaseRemainingMs();
    s.seats = table.seatStatus();
    s.logPath = table.logPath;
    return s;
}

std::vector<WaitingPerson> Host::waiting() const {
    std::vector<WaitingPerson> out;
    for (const Person& p : impl_->people) {
        if (p.table >= 0)
            continue;
        WaitingPerson w;
        w.id = p.id;
        w.name = p.name;
        w.cameWith = p.cameWith;
        w.roleWish = roleIdOf(*impl_->scenario, p.roleWish);
        out.push_back(w);
    }
    return out;
}

int Host::deal(DealMode mode) {
    return impl_->deal(mode);
}

bool Host::movePerson(std::uint64_t person, int table, int seat) {
    Impl& im = *impl_;
    Person* p = im.personById(person);
    if (!p || im.roomStarted || table < 0 || table >= tableCount())
        return false;
    if (p->table == table && p->seat == seat)
        return true;
    Table& to = *im.tables[static_cast<std::size_t>(table)];
    if (seat < 0 || seat >= static_cast<int>(to.seats.size()) || to.setup.seats[seat].bot ||
        static_cast<int>(to.seats[static_cast<std::size_t>(seat)].people.size()) >= im.teamSize())
        return false;
    im.unseatPerson(*p);
    im.seatPerson(*p, table, seat);
    im.tellSeated(*p);
    return true;
}

ApplyResult Host::submitFacilitator(int table, Action action) {
    if (table < 0 || table >= tableCount()) {
        ApplyResult r;
        r.refusal.key = reason::kNotStarted;
        r.refusal.english = englishFor(reason::kNotStarted);
        return r;
    }
    action.seat = kFacilitator;
    action.person = -1;
    return impl_->tables[static_cast<std::size_t>(table)]->submit(action);
}

std::vector<ApplyResult> Host::submitFacilitatorToAll(const Action& action) {
    std::vector<ApplyResult> out;
    for (int t = 0; t < tableCount(); ++t)
        out.push_back(submitFacilitator(t, action));
    return out;
}

ApplyResult Host::submitFacilitator(Action action) {
    return submitFacilitator(0, std::move(action));
}

void Host::shutdown(double graceSeconds) {
    Impl& im = *impl_;
    for (auto& t : im.tables)
        if (t->session) { // a clean stop resumes to the millisecond
            t->session->checkpointClock();
            t->tellDiskProblems();
        }
    for (auto& c : im.connections) {
        if (c->dead || c->closing)
            continue;
        // A session stopped by its log stays stopped: say that, not just "closed".
        Table* table = im.tableOf(*c);
        const bool stopped = table && table->stoppedForDisk();
        JsonWriter w;
        w.beginObject().key("v").value(kProtocolVersion).key("type").value("bye");
        w.key("reason").value(stopped ? reason::kHostLogFailed : reason::kHostClosing);
        w.key("message")
            .value(stopped ? table->stopMessage() : englishFor(reason::kHostClosing))
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
