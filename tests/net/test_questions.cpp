// The begrip questions on a player's laptop: the host builds them (a
// player's copy of the scenario lacks the other roles' cards), sends them
// without the right answers, and says when the board may show again.
#include "net_test_util.hpp"

#include "core/begrip.hpp"
#include "core/visibility.hpp"

using namespace samenspel;
using namespace nettest;

TEST_CASE("a player's laptop gets its begrip questions from the host, without the answers, and "
          "the board comes back once they are answered") {
    auto sc = loadShipped("skatebaan");
    auto dir = tempDir("questions");
    SessionSetup setup = SessionSetup::defaultFor(*sc, false);
    for (std::size_t i = 1; i < setup.seats.size(); ++i)
        setup.seats[i].bot = true;
    std::string error;
    auto host = net::Host::create(sc, setup, (dir / "s.log").string(), loopbackConfig(), error);
    REQUIRE_MESSAGE(host, error);
    auto player = join(*host, "skaters", "piano-zebra-tango", false);
    std::string frames;
    player->onFrame = [&](const std::string& body) {
        if (body.find("\"type\":\"questions\"") != std::string::npos)
            frames += body;
    };
    REQUIRE(runUntil(
        *host, {player.get()}, [&] { return player->status() == net::Client::Status::Playing; },
        5.0));
    // Before perspectief there is nothing to answer and nothing hidden.
    CHECK(player->hostQuestions().items.empty());
    CHECK_FALSE(player->hostQuestions().boardHidden);

    Action advance; // the host makes it the facilitator's
    advance.type = ActionType::Advance;
    while (host->game()->currentPhase() != PhaseKind::Perspectief)
        REQUIRE(host->submitFacilitator(0, advance).accepted);
    const Game& game = *host->game();
    const std::vector<BegripItem> expected =
        begripItems(*sc, game.state().world, game.roleOfSeat(player->seat()));
    REQUIRE(expected.size() > 3);
    REQUIRE(runUntil(
        *host, {player.get()},
        [&] {
            return player->game() && player->hostQuestions().phase == game.state().phase &&
                   player->game()->state().phase == game.state().phase;
        },
        5.0));
    const net::HostQuestions& q = player->hostQuestions();
    CHECK(q.boardHidden);
    CHECK(q.person == -1);
    REQUIRE(q.items.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(q.items[i].kind == expected[i].kind);
        CHECK(q.items[i].targetRole == expected[i].targetRole);
        CHECK(q.items[i].issue == expected[i].issue);
        CHECK(q.items[i].correct == -1);
        REQUIRE(q.items[i].options.size() == expected[i].options.size());
        for (std::size_t k = 0; k < expected[i].options.size(); ++k) {
            CHECK(q.items[i].options[k].text.get("nl") == expected[i].options[k].text.get("nl"));
            CHECK(q.items[i].options[k].text.get("en") == expected[i].options[k].text.get("en"));
        }
    }
    // The key never travels: no index of the right option, no verdict.
    CHECK(frames.find("\"correct\"") == std::string::npos);
    CHECK(frames.find("\"right\"") == std::string::npos);

    // The player answers every question; the host's state has them, and the
    // laptop hears that the board shows again.
    for (const BegripItem& item : q.items) {
        Action a;
        a.targetRole = item.targetRole;
        if (item.kind == BegripItemKind::Values) {
            a.type = ActionType::Predict;
            a.values = {0, 1};
        } else {
            a.type = ActionType::AnswerItem;
            a.itemKind = static_cast<int>(item.kind);
            a.choice = static_cast<int>(item.options.size()) - 1;
        }
        REQUIRE(player->sendAction(a));
        REQUIRE(runUntil(
            *host, {player.get()}, [&] { return !player->awaitingReply(); }, 5.0));
        CHECK_FALSE(player->lastActionRefusal().has_value());
    }
    REQUIRE(runUntil(
        *host, {player.get()}, [&] { return !player->hostQuestions().boardHidden; }, 5.0));
    CHECK_FALSE(boardHidden(game));
    CHECK(unansweredBegripItems(game, player->seat(), -1) == 0);
    CHECK(unansweredAmong(player->game()->state(), player->hostQuestions().items, player->seat(),
                          -1) == 0);
}
