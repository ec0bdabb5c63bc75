#include "room_source.hpp"

#include <filesystem>

#include "core/scoring.hpp"
#include "session.hpp"

namespace samenspel {

std::vector<ApplyResult> RoomSource::submitFacilitatorToAll(const Action& action) {
    std::vector<ApplyResult> results;
    for (int t = 0; t < tableCount(); ++t)
        results.push_back(submitFacilitator(t, action));
    return results;
}

namespace {

// A local table as the facilitator sees it from the room: the public board
// with the facilitator panel beside it (the projector's view), no seat's
// private card. The room moves the table on, not this link.
class RoomTableLink final : public TableLink {
  public:
    explicit RoomTableLink(std::shared_ptr<TableLink> table) : table_(std::move(table)) {}
    bool ready() const override { return table_->ready(); }
    const Game& game() const override { return table_->game(); }
    ApplyResult check(const Action& a) const override { return table_->check(a); }
    SubmitOutcome submit(Action a) override { return table_->submit(std::move(a)); }
    bool isBot(int seat) const override { return table_->isBot(seat); }
    std::int64_t clockMs() const override { return table_->clockMs(); }
    TableView view() const override { return TableView::Projector; }
    std::optional<LinkStop> stop() const override { return table_->stop(); }
    bool checkpointFailed() const override { return table_->checkpointFailed(); }
    std::string logPath() const override { return table_->logPath(); }

  protected:
    void advance(double) override {}

  private:
    std::shared_ptr<TableLink> table_;
};

class LocalRoom final : public RoomSource {
  public:
    explicit LocalRoom(std::vector<std::shared_ptr<TableLink>> links) : links_(std::move(links)) {}

    int tableCount() const override { return static_cast<int>(links_.size()); }

    RoomTable table(int t) const override {
        RoomTable out;
        out.table = t;
        TableLink& link = *links_.at(static_cast<std::size_t>(t));
        const Game& game = link.game();
        out.started = true;
        out.finished = game.state().finished;
        out.game = &game;
        out.clockMs = link.clockMs();
        out.phaseRemainingMs = link.phaseRemainingMs();
        out.logPath = link.logPath();
        for (int s = 0; s < game.seatCount(); ++s) {
            const Seat& seat = game.setup().seats[static_cast<std::size_t>(s)];
            RoomSeat rs;
            rs.seat = s;
            rs.role = seat.role;
            rs.name = seat.name;
            rs.bot = link.isBot(s);
            out.seats.push_back(std::move(rs));
        }
        return out;
    }

    ApplyResult submitFacilitator(int t, Action action) override {
        action.seat = kFacilitator;
        action.person = -1;
        Session* session = sessionOf(*links_.at(static_cast<std::size_t>(t)));
        return session->submit(std::move(action));
    }

    void advance(double realSeconds) override {
        for (const auto& link : links_) {
            link->poll(realSeconds);
            link->takeEvents(); // the dashboard reads the tables, not their news
        }
    }

    std::shared_ptr<TableLink> tableLink(int t) override {
        auto link = std::make_shared<RoomTableLink>(links_.at(static_cast<std::size_t>(t)));
        link->watch();
        return link;
    }

  private:
    std::vector<std::shared_ptr<TableLink>> links_;
};

} // namespace

std::unique_ptr<RoomSource> makeLocalRoom(std::shared_ptr<const Scenario> scenario,
                                          const LocalRoomOptions& options, std::string& error) {
    std::vector<std::shared_ptr<TableLink>> links;
    for (int t = 0; t < options.tables; ++t) {
        SessionSetup setup = SessionSetup::defaultFor(*scenario, true, options.seed + t);
        setup.language = options.language;
        std::string log;
        if (!options.logDir.empty())
            log = (std::filesystem::path(options.logDir) /
                   ("table-" + std::to_string(t + 1) + ".log"))
                      .string();
        std::unique_ptr<Session> session = Session::start(scenario, setup, log, error);
        if (!session)
            return nullptr;
        session->setSpeed(options.speed);
        links.push_back(makeLocalLink(std::move(session)));
    }
    return std::make_unique<LocalRoom>(std::move(links));
}

// [What a tile says] ------------------------------------------------------------

LeadingProposal leadingProposal(const Game& game) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    LeadingProposal best;
    const auto consider = [&](const Proposal& p) {
        const double lowest = draagvlak(sc, st.world, p.package).minimum;
        if (best.proposal >= 0 && lowest <= best.lowest)
            return;
        best.proposal = p.id;
        best.lowest = lowest;
        best.accepting = 0;
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
            best.accepting += accepts(sc, st.world, r, p.package) ? 1 : 0;
    };
    if (st.decision.taken && st.decision.proposal >= 0 &&
        st.decision.proposal < static_cast<int>(st.proposals.size())) {
        consider(st.proposals[static_cast<std::size_t>(st.decision.proposal)]);
        return best;
    }
    for (const Proposal& p : st.proposals)
        if (p.status == Proposal::Status::Open)
            consider(p);
    if (best.proposal < 0 && !st.proposals.empty())
        consider(st.proposals.back());
    return best;
}

// "4 present · 1 away: Anna · 2 bots": a team's members one by one.
std::string presenceText(const Catalog& catalog, const RoomTable& t) {
    int present = 0, bots = 0, empty = 0;
    std::vector<std::string> away;
    for (const RoomSeat& s : t.seats) {
        if (s.bot) {
            ++bots;
        } else if (!s.people.empty()) {
            for (const RoomPerson& p : s.people) {
                if (p.connected)
                    ++present;
                else
                    away.push_back(p.name);
            }
        } else if (s.taken && s.connected) {
            ++present;
        } else if (s.taken) {
            away.push_back(s.name);
        } else {
            ++empty;
        }
    }
    std::vector<std::string> parts;
    if (present > 0)
        parts.push_back(catalog.trCount("room.present", present));
    if (!away.empty()) {
        std::string names;
        for (const std::string& n : away)
            names += (names.empty() ? "" : ", ") + n;
        parts.push_back(catalog.trCount("room.away", static_cast<long long>(away.size()),
                                        std::vector<std::string>{names}));
    }
    if (bots > 0)
        parts.push_back(catalog.trCount("room.bots", bots));
    if (empty > 0)
        parts.push_back(catalog.trCount("room.empty", empty));
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : " · ") + p;
    return out;
}

} // namespace samenspel
