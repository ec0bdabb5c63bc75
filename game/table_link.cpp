#include "table_link.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <utility>

#include "core/log.hpp"
#include "core/session_files.hpp"
#include "core/visibility.hpp"
#include "net/client.hpp"
#include "net/protocol.hpp"
#include "session.hpp"

namespace samenspel {

namespace fs = std::filesystem;

std::int64_t TableLink::phaseRemainingMs() const {
    const GameState& st = game().state();
    if (st.finished)
        return 0;
    return std::max<std::int64_t>(0, st.phaseStartMs + st.phaseDurationMs - clockMs());
}

bool TableLink::mayActFor(int seat) const {
    switch (view()) {
    case TableView::SharedScreen:
        return seat >= 0 && seat < game().seatCount() && !isBot(seat);
    case TableView::Player:
        return seat >= 0 && seat == ownSeat();
    case TableView::Projector:
        break;
    }
    return false;
}

std::vector<BegripItem> TableLink::begripItems(int seat) const {
    const Game& g = game();
    const PhaseKind phase = g.currentPhase();
    if (g.state().finished || seat < 0 || seat >= g.seatCount() ||
        (phase != PhaseKind::Perspectief && phase != PhaseKind::Reflectie))
        return {};
    return samenspel::begripItems(g.scenario(), g.state().world, g.roleOfSeat(seat));
}

bool TableLink::boardHidden() const {
    return samenspel::boardHidden(game());
}

std::vector<LinkEvent> TableLink::takeEvents() {
    return std::exchange(events_, {});
}

void TableLink::poll(double realSeconds) {
    advance(realSeconds);
    watch();
}

// The first sight of a session (a new link, a resumed log, a player's
// welcome) sets what was seen without a sound: nothing happened yet.
void TableLink::watch() {
    if (!ready()) {
        watching_ = false;
        return;
    }
    const GameState& st = game().state();
    if (!watching_) {
        watching_ = true;
        seenPhase_ = st.phase;
        seenAnnouncements_ = st.announcements.size();
        seenFinished_ = st.finished;
        seenStopped_ = stop().has_value();
        return;
    }
    // Every phase that ended is one cue, also when two ended between polls
    // (a player's laptop receives the host's updates in batches).
    while (seenPhase_ < st.phase)
        events_.push_back({LinkEvent::Kind::PhaseChanged, ++seenPhase_});
    if (st.announcements.size() > seenAnnouncements_) {
        for (std::size_t i = seenAnnouncements_; i < st.announcements.size(); ++i)
            events_.push_back({LinkEvent::Kind::Announcement, st.phase});
        seenAnnouncements_ = st.announcements.size();
    }
    if (st.finished && !seenFinished_) {
        seenFinished_ = true;
        events_.push_back({LinkEvent::Kind::Finished, st.phase});
    }
    // A player's laptop may see its host stop, come back and stop again.
    const bool stopped = stop().has_value();
    if (stopped && !seenStopped_)
        events_.push_back({LinkEvent::Kind::Stopped, st.phase});
    seenStopped_ = stopped;
}

namespace {

ApplyResult refusedWith(const std::string& key, const std::string& english) {
    ApplyResult r;
    r.accepted = false;
    r.refusal.key = key;
    r.refusal.english = english;
    return r;
}

SubmitOutcome outcomeOf(const ApplyResult& r) {
    SubmitOutcome out;
    out.kind = r.accepted ? SubmitOutcome::Kind::Applied : SubmitOutcome::Kind::Refused;
    out.refusal = r.refusal;
    return out;
}

// [Local] -------------------------------------------------------------------------

class LocalLink final : public TableLink {
  public:
    explicit LocalLink(std::unique_ptr<Session> session) : session_(std::move(session)) {}
    bool ready() const override { return true; }
    const Game& game() const override { return session().game(); }
    ApplyResult check(const Action& a) const override { return session().check(a); }
    SubmitOutcome submit(Action a) override { return outcomeOf(session().submit(a)); }
    bool isBot(int seat) const override { return session().isBot(seat); }
    std::int64_t clockMs() const override { return session().clockMs(); }
    TableView view() const override { return TableView::SharedScreen; }
    std::string logPath() const override { return session().logPath(); }
    std::optional<LinkStop> stop() const override {
        const LiveSession& live = session().live();
        if (live.diskError().empty())
            return std::nullopt;
        return LinkStop{false, live.diskErrorCode(), live.diskError(), live.logPath(), false};
    }
    bool checkpointFailed() const override { return session().live().checkpointFailed(); }

    Session& session() const { return *session_; }

  protected:
    void advance(double realSeconds) override { session_->update(realSeconds); }

  private:
    std::unique_ptr<Session> session_;
};

// [Host] --------------------------------------------------------------------------

class HostLink final : public TableLink {
  public:
    explicit HostLink(std::unique_ptr<net::Host> host) : host_(std::move(host)) {}
    // Players get a farewell and the last updates before the host closes.
    ~HostLink() override { host_->shutdown(1.0); }

    bool ready() const override { return host_->game() != nullptr; }
    const Game& game() const override { return *host_->game(); }
    ApplyResult check(const Action& a) const override {
        if (a.seat != kFacilitator)
            return refusedWith(net::reason::kOtherSeat, "The projector acts for no seat.");
        if (const std::optional<LinkStop> stopped = stop())
            return refusedWith("refuse.session_stopped", stopped->message);
        Action stamped = a;
        stamped.timeMs = host_->clockMs();
        return host_->game()->check(stamped);
    }
    SubmitOutcome submit(Action a) override {
        const ApplyResult checked = check(a);
        if (!checked.accepted)
            return outcomeOf(checked);
        return outcomeOf(host_->submitFacilitator(a));
    }
    bool isBot(int seat) const override {
        const auto& seats = game().setup().seats;
        return seat >= 0 && seat < static_cast<int>(seats.size()) &&
               seats[static_cast<std::size_t>(seat)].bot;
    }
    std::int64_t clockMs() const override { return host_->clockMs(); }
    TableView view() const override { return TableView::Projector; }
    std::vector<net::SeatStatus> presence() const override { return host_->seats(); }
    std::string logPath() const override { return host_->logPath(); }
    // Only a started session can stop; a log that could not be created at
    // the start is the host screen's to show.
    std::optional<LinkStop> stop() const override {
        if (!host_->started() || host_->diskError().empty())
            return std::nullopt;
        return LinkStop{false, host_->diskErrorCode(), host_->diskError(), host_->logPath(), false};
    }
    bool checkpointFailed() const override { return host_->checkpointFailed(); }

  protected:
    void advance(double) override { host_->poll(0.0); }

  public:
    net::Host& host() { return *host_; }

  private:
    std::unique_ptr<net::Host> host_;
};

// One table of a hosted room: the same as HostLink, for table `table_`.
class HostTableLink final : public TableLink {
  public:
    HostTableLink(std::shared_ptr<TableLink> hostLink, int table)
        : hostLink_(std::move(hostLink)), host_(*hostOf(*hostLink_)), table_(table) {}

    bool ready() const override { return host_.table(table_).game != nullptr; }
    const Game& game() const override { return *host_.table(table_).game; }
    ApplyResult check(const Action& a) const override {
        if (a.seat != kFacilitator)
            return refusedWith(net::reason::kOtherSeat, "The projector acts for no seat.");
        Action stamped = a;
        stamped.timeMs = host_.clockMs(table_);
        return game().check(stamped);
    }
    SubmitOutcome submit(Action a) override {
        const ApplyResult checked = check(a);
        if (!checked.accepted)
            return outcomeOf(checked);
        return outcomeOf(host_.submitFacilitator(table_, a));
    }
    bool isBot(int seat) const override {
        const auto& seats = game().setup().seats;
        return seat >= 0 && seat < static_cast<int>(seats.size()) &&
               seats[static_cast<std::size_t>(seat)].bot;
    }
    std::int64_t clockMs() const override { return host_.clockMs(table_); }
    TableView view() const override { return TableView::Projector; }
    std::vector<net::SeatStatus> presence() const override { return host_.table(table_).seats; }
    std::string logPath() const override { return host_.table(table_).logPath; }

  protected:
    void advance(double) override {} // the shell polls the host through its own link

  private:
    std::shared_ptr<TableLink> hostLink_;
    net::Host& host_;
    int table_;
};

// [Client] ------------------------------------------------------------------------

// The player's copy of the session: the full scenario beside the log, then
// every action with the phase it was taken in, as the host's log has them, so
// `samenspel replay` and the report work on a player's laptop too.
bool writePlayerLog(const net::Client& client, const std::string& path, std::string& error) {
    const Game* game = client.game();
    if (!game || !client.scenario())
        return false;
    std::error_code ec;
    if (fs::path(path).has_parent_path())
        fs::create_directories(fs::path(path).parent_path(), ec);
    const std::string scenarioFile = SessionFiles::scenarioCopy(path);
    if (!writeFileAtomically(scenarioFile, client.scenarioText(), &error))
        return false;
    LogHeader header;
    header.scenarioPath = fs::path(scenarioFile).filename().string();
    header.scenarioId = client.scenario()->id;
    header.scenarioHash = contentHashOf(client.scenarioText());
    header.setup = game->setup();
    auto writer = SessionLogWriter::create(path, header, error);
    if (!writer)
        return false;
    Game replay(client.scenario(), game->setup());
    for (const Action& a : client.actions()) {
        const int phase = replay.state().phase;
        replay.apply(a);
        if (!writer->write(a, phase)) {
            error = "cannot write " + path;
            return false;
        }
    }
    if (!markSessionFinished(path)) {
        error = "cannot write " + SessionFiles::finishedMarker(path);
        return false;
    }
    return true;
}

class ClientLink final : public TableLink {
  public:
    ClientLink(std::unique_ptr<net::Client> client, std::string logPath, bool botPlays)
        : client_(std::move(client)), logPath_(std::move(logPath)) {
        if (botPlays)
            bot_ = std::make_unique<net::ClientBot>(*client_);
    }
    ~ClientLink() override { client_->disconnect(); }

    bool ready() const override { return client_->game() != nullptr; }
    const Game& game() const override { return *client_->game(); }
    ApplyResult check(const Action& a) const override {
        if (a.seat != client_->seat())
            return refusedWith(net::reason::kOtherSeat, "You can only act for your own seat.");
        if (hostStopped_)
            return refusedWith(net::reason::kHostLogFailed, hostStopMessage_);
        Action stamped = a;
        stamped.timeMs = clockMs();
        return game().check(stamped);
    }
    SubmitOutcome submit(Action a) override {
        if (a.seat != client_->seat())
            return outcomeOf(check(a));
        SubmitOutcome out;
        out.kind =
            client_->sendAction(a) ? SubmitOutcome::Kind::Sent : SubmitOutcome::Kind::NotSent;
        return out;
    }
    bool awaitingReply() const override { return client_->awaitingReply(); }
    std::optional<Refusal> lastRefusal() const override { return client_->lastActionRefusal(); }
    bool isBot(int seat) const override {
        const auto& seats = game().setup().seats;
        return seat >= 0 && seat < static_cast<int>(seats.size()) &&
               seats[static_cast<std::size_t>(seat)].bot;
    }
    // The host's clock, estimated from the last action; it stands still while
    // paused and at the end, and holds what it showed while the connection is
    // down (the host's clock is unknown then; the welcome corrects it).
    std::int64_t clockMs() const override {
        const GameState& st = game().state();
        if (connectionLost() || hostStopped_)
            return std::max(st.nowMs, shownClockMs_);
        if (st.paused || st.finished)
            shownClockMs_ = st.nowMs;
        else
            shownClockMs_ = std::max(st.nowMs, client_->estimatedClockMs());
        return shownClockMs_;
    }
    TableView view() const override { return TableView::Player; }
    int ownSeat() const override { return client_->seat(); }
    std::optional<HostSupport> hostSupport(int proposal, int role) const override {
        for (const net::PublicSupport& s : client_->publicSupport())
            if (s.proposal == proposal && s.role == role)
                return HostSupport{s.support, s.accepts};
        return std::nullopt;
    }
    // The host's questions, once they belong to the phase this copy is in
    // (an action arrives just before the questions it brings).
    std::vector<BegripItem> begripItems(int seat) const override {
        const net::HostQuestions& q = client_->hostQuestions();
        if (seat != client_->seat() || q.phase != game().state().phase || game().state().finished)
            return {};
        return q.items;
    }
    int answeringPerson(int seat) const override {
        return seat == client_->seat() ? client_->hostQuestions().person : -1;
    }
    bool boardHidden() const override {
        const net::HostQuestions& q = client_->hostQuestions();
        return q.boardHidden && q.phase == game().state().phase && !game().state().finished;
    }
    std::vector<net::SeatStatus> presence() const override { return client_->presence(); }
    bool connectionLost() const override {
        return client_->status() == net::Client::Status::Disconnected && !client_->finished();
    }
    std::string logPath() const override { return logPath_; }
    std::optional<LinkStop> stop() const override {
        if (!hostStopped_)
            return std::nullopt;
        LinkStop s;
        s.atHost = true;
        s.message = hostStopMessage_;
        s.retrying = mayRetry();
        return s;
    }

  protected:
    void advance(double) override {
        client_->poll(0.0);
        noteHostStop();
        retryIfLost();
        if (bot_)
            if (std::optional<Action> next = bot_->next())
                submit(*next);
        if (!logWritten_ && client_->finished() && !logPath_.empty()) {
            logWritten_ = true;
            std::string error;
            if (!writePlayerLog(*client_, logPath_, error) && !error.empty())
                std::fprintf(stderr, "samenspel: the session log copy was not written: %s\n",
                             error.c_str());
        }
    }

  public:
    net::Client& client() { return *client_; }

  private:
    // The host said its log failed (a farewell, or the refusal of a retry):
    // the stop holds until the host, continued from its log, takes the seat
    // back.
    void noteHostStop() {
        if (client_->refusalKey() == net::reason::kHostLogFailed) {
            hostStopped_ = true;
            hostStopMessage_ = client_->refusalMessage();
        } else if (client_->status() == net::Client::Status::Playing) {
            hostStopped_ = false;
        }
    }

    bool mayRetry() const {
        return !client_->token().empty() && client_->refusalKey() != net::reason::kReplaced;
    }

    // The seat stays the player's: try again with its token every two
    // seconds, unless another connection took the seat over on purpose. A
    // host stopped by its log refuses until it is continued, so that is
    // retried too.
    void retryIfLost() {
        const net::Client::Status status = client_->status();
        const bool waitingForHost = hostStopped_ && (status == net::Client::Status::Disconnected ||
                                                     status == net::Client::Status::Refused);
        if (!(connectionLost() || waitingForHost) || !mayRetry())
            return;
        const auto now = std::chrono::steady_clock::now();
        if (now < nextRetry_)
            return;
        nextRetry_ = now + std::chrono::seconds(2);
        std::string ignored;
        client_->reconnect(ignored);
    }

    std::unique_ptr<net::Client> client_;
    std::unique_ptr<net::ClientBot> bot_; // declared after the client it refers to
    std::string logPath_;
    bool logWritten_ = false;
    bool hostStopped_ = false; // the host stopped for its log (see noteHostStop)
    std::string hostStopMessage_;
    std::chrono::steady_clock::time_point nextRetry_{};
    mutable std::int64_t shownClockMs_ = 0; // the last clock shown while connected
};

} // namespace

std::shared_ptr<TableLink> makeLocalLink(std::unique_ptr<Session> session) {
    auto link = std::make_shared<LocalLink>(std::move(session));
    link->watch();
    return link;
}

Session* sessionOf(TableLink& link) {
    auto* l = dynamic_cast<LocalLink*>(&link);
    return l ? &l->session() : nullptr;
}

std::shared_ptr<TableLink> makeHostLink(std::unique_ptr<net::Host> host) {
    auto link = std::make_shared<HostLink>(std::move(host));
    link->watch();
    return link;
}

net::Host* hostOf(TableLink& link) {
    auto* h = dynamic_cast<HostLink*>(&link);
    return h ? &h->host() : nullptr;
}

std::shared_ptr<TableLink> makeHostTableLink(std::shared_ptr<TableLink> hostLink, int table) {
    auto link = std::make_shared<HostTableLink>(std::move(hostLink), table);
    link->watch();
    return link;
}

std::shared_ptr<TableLink> makeClientLink(std::unique_ptr<net::Client> client, std::string logPath,
                                          bool botPlays) {
    auto link = std::make_shared<ClientLink>(std::move(client), std::move(logPath), botPlays);
    link->watch();
    return link;
}

net::Client* clientOf(TableLink& link) {
    auto* c = dynamic_cast<ClientLink*>(&link);
    return c ? &c->client() : nullptr;
}

} // namespace samenspel
