// A room as the facilitator's dashboard reads it (room_source.hpp): a local
// room of bot tables that one action pauses everywhere, and what a table's
// tile says about who is there and which proposal leads.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/scoring.hpp"
#include "room_source.hpp"

using namespace samenspel;

namespace {

std::shared_ptr<const Scenario> skatebaan() {
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(loaded.ok());
    return std::make_shared<const Scenario>(std::move(*loaded.scenario));
}

Catalog english() {
    Catalog c;
    std::vector<std::string> problems;
    REQUIRE(c.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", "en", problems));
    return c;
}

Action facilitator(ActionType type) {
    Action a;
    a.type = type;
    a.seat = kFacilitator;
    return a;
}

} // namespace

TEST_CASE("room: a local room's tables play their own seeds, and one action pauses them all") {
    LocalRoomOptions options;
    options.tables = 3;
    options.seed = 11;
    std::string error;
    const std::unique_ptr<RoomSource> room = makeLocalRoom(skatebaan(), options, error);
    REQUIRE_MESSAGE(room, error);
    REQUIRE(room->tableCount() == 3);
    CHECK(room->table(0).game->setup().seed == 11);
    CHECK(room->table(2).game->setup().seed == 13);
    room->advance(2.0); // the bots start talking
    for (const ApplyResult& r : room->submitFacilitatorToAll(facilitator(ActionType::Pause)))
        CHECK(r.accepted);
    for (int t = 0; t < 3; ++t) {
        const RoomTable table = room->table(t);
        CHECK(table.game->state().paused);
        CHECK(table.seats.size() == table.game->setup().seats.size());
    }
    // Opened on its own, a table is the projector's: the board and the
    // facilitator panel, no seat's private card.
    CHECK(room->tableLink(1)->view() == TableView::Projector);
    CHECK(&room->tableLink(1)->game() == room->table(1).game);
}

TEST_CASE("room: a tile names the people who are away, a team's members one by one") {
    RoomTable t;
    RoomSeat bot;
    bot.bot = true;
    RoomSeat team;
    team.taken = true;
    team.connected = true;
    team.people = {{1, "Anouk", true}, {2, "Bram", false}};
    RoomSeat here;
    here.taken = here.connected = true;
    here.name = "Joost";
    RoomSeat gone;
    gone.taken = true;
    gone.name = "Fatima";
    RoomSeat empty;
    t.seats = {bot, team, here, gone, empty, bot};
    CHECK(presenceText(english(), t) == "2 present · 2 away: Bram, Fatima · 2 bots · 1 empty seat");
    t.seats = {here};
    CHECK(presenceText(english(), t) == "1 present");
}

TEST_CASE("room: the leading proposal is the open one whose lowest support is highest") {
    auto sc = skatebaan();
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    CHECK(leadingProposal(game).proposal == -1);
    while (game.currentPhase() != PhaseKind::Voorstel)
        REQUIRE(game.apply(facilitator(ActionType::Advance)).accepted);
    // Every package of the first two issues' first options, each proposed.
    std::vector<double> lowest;
    for (int o = 0; o < static_cast<int>(sc->issues[0].options.size()); ++o) {
        Action propose;
        propose.type = ActionType::Propose;
        propose.seat = o % game.seatCount();
        propose.package = game.defaultPackage();
        propose.package[0] = o;
        if (!game.apply(propose).accepted)
            continue;
        lowest.push_back(draagvlak(*sc, game.state().world, propose.package).minimum);
    }
    REQUIRE(lowest.size() >= 2);
    const auto& proposals = game.state().proposals;
    REQUIRE(std::count_if(proposals.begin(), proposals.end(), [](const Proposal& p) {
                return p.status == Proposal::Status::Open;
            }) == static_cast<long>(lowest.size()));
    // Not simply the newest: the case has a better one earlier.
    REQUIRE(std::max_element(lowest.begin(), lowest.end()) != lowest.end() - 1);
    const LeadingProposal lead = leadingProposal(game);
    const auto best = std::max_element(lowest.begin(), lowest.end());
    CHECK(lead.proposal == static_cast<int>(best - lowest.begin()));
    CHECK(lead.lowest == doctest::Approx(*best));
    int accepting = 0;
    for (int r = 0; r < static_cast<int>(sc->roles.size()); ++r)
        accepting +=
            accepts(*sc, game.state().world, r, game.state().proposals[lead.proposal].package);
    CHECK(lead.accepting == accepting);
}
