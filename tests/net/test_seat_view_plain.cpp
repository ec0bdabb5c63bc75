// Plain language on the phones (issue #15): when the facilitator turns it
// on, a seat's view carries the scenario's plain-language texts where it has
// them and the usual texts elsewhere, and says that it does.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/game.hpp"
#include "core/json_read.hpp"
#include "core/scenario.hpp"
#include "net/seat_view.hpp"

using namespace samenspel;

namespace {

std::shared_ptr<const Scenario> skatebaan() {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

Json view(const Game& game, int seat, const std::string& lang, bool plain) {
    net::SeatViewContext ctx;
    ctx.plainLanguage = plain;
    JsonError error;
    std::optional<Json> parsed = parseJson(net::seatViewJson(game, seat, lang, ctx), error);
    REQUIRE_MESSAGE(parsed, error.message);
    return std::move(*parsed);
}

} // namespace

TEST_CASE("with plain language on, a phone's case and card are the plain texts") {
    auto sc = skatebaan();
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    const int seat = 0;
    const Role& role = sc->roles[static_cast<std::size_t>(game.roleOfSeat(seat))];
    REQUIRE(role.briefing.hasPlainLanguage("nl"));
    for (const char* lang : {"nl", "en"}) {
        const Json usual = view(game, seat, lang, false);
        const Json plain = view(game, seat, lang, true);
        CHECK(usual["plainLanguage"].get<bool>() == false);
        CHECK(plain["plainLanguage"].get<bool>() == true);
        CHECK(usual["card"]["brief"].get<std::string>() == role.briefing.get(lang));
        CHECK(plain["card"]["brief"].get<std::string>() == role.briefing.plainLanguage.at(lang));
        CHECK(plain["card"]["brief"] != usual["card"]["brief"]);
        CHECK(plain["case"]["text"].get<std::string>() == sc->caseText.plainLanguage.at(lang));
        CHECK(plain["case"]["summary"].get<std::string>() == sc->summary.plainLanguage.at(lang));
        // The title has no plain version: the usual one stays.
        CHECK(plain["case"]["title"] == usual["case"]["title"]);
    }
}
