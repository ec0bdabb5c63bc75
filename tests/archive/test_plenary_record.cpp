// An archived session compares in the plenary as the game it was made from:
// `archive compare` and Past sessions say what the room's plenary says.
#include <doctest/doctest.h>

#include "archive/plenary_record.hpp"
#include "core/live_session.hpp"

using namespace samenspel;

TEST_CASE(
    "an archived session is the same plenary table as its game, but for the moment of decision") {
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    LiveSessionOptions options;
    options.pace = SessionPace::asFastAsPossible();
    std::string error;
    // Seed 10 of the skating park decides, but not everyone carries it.
    auto session = LiveSession::start(sc, SessionSetup::defaultFor(*sc, true, 10), options, error);
    REQUIRE_MESSAGE(session, error);
    REQUIRE(session->runToEnd());
    const Game& game = session->game();
    REQUIRE(game.state().decision.taken);

    PlenaryTable live = plenaryTableOf(game, "2");
    const PlenaryTable archived = plenaryTableOf(recordOf(game, "/tmp/seed10.log"), "2");
    CHECK(live.decisionMs);
    CHECK_FALSE(archived.decisionMs);
    live.decisionMs.reset();
    CHECK(archived.label == live.label);
    CHECK(archived.decided == live.decided);
    CHECK(archived.gedragen == live.gedragen);
    CHECK(archived.gedragenAanTafel == live.gedragenAanTafel);
    CHECK(archived.gedragenAanTafel.has_value());
    CHECK(archived.begripVersion == live.begripVersion);
    CHECK(archived.decision == live.decision);
    CHECK(archived.lowestSupport == live.lowestSupport);
    CHECK(archived.meanSupport == live.meanSupport);
    CHECK(archived.publicValue == live.publicValue);
    CHECK(archived.begripBefore == live.begripBefore);
    CHECK(archived.begripAfter == live.begripAfter);
    CHECK(archived.inclusie == live.inclusie);
    CHECK(archived.durationMs == live.durationMs);
    REQUIRE(archived.roles.size() == live.roles.size());
    for (std::size_t r = 0; r < live.roles.size(); ++r) {
        CHECK(archived.roles[r].id == live.roles[r].id);
        CHECK(archived.roles[r].support == live.roles[r].support);
    }
}
