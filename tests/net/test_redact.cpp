// Hidden information never leaves the host: the scenario text a client gets.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/game.hpp"
#include "core/scenario.hpp"
#include "net/redact.hpp"

using namespace samenspel;

namespace {

std::shared_ptr<const Scenario> skatebaan() {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("the full scenario written as YAML loads back the same") {
    auto sc = skatebaan();
    const std::string yaml = net::scenarioToYaml(*sc);
    LoadResult back = loadScenarioText(yaml, "roundtrip");
    REQUIRE_MESSAGE(back.ok(), (back.errors.empty() ? "" : back.errors.front().format()));
    const Scenario& b = *back.scenario;
    REQUIRE(b.roles.size() == sc->roles.size());
    for (std::size_t r = 0; r < sc->roles.size(); ++r) {
        CHECK(b.roles[r].id == sc->roles[r].id);
        CHECK(b.roles[r].weights == sc->roles[r].weights);
        CHECK(b.roles[r].secret.get("nl") == sc->roles[r].secret.get("nl"));
        // A player's laptop shows the plain-language card when asked.
        CHECK(b.roles[r].briefing.get("nl", true) == sc->roles[r].briefing.get("nl", true));
        CHECK(b.roles[r].secret.get("en", true) == sc->roles[r].secret.get("en", true));
        CHECK(b.roles[r].preconditions.size() == sc->roles[r].preconditions.size());
        CHECK(b.roles[r].reservation == sc->roles[r].reservation);
    }
    CHECK(b.caseText.get("nl", true) == sc->caseText.get("nl", true));
    CHECK(b.caseText.get("nl", true) != b.caseText.get("nl"));
    CHECK(b.issues.size() == sc->issues.size());
    CHECK(b.events.size() == sc->events.size());
    CHECK(b.resourceValues == sc->resourceValues);
    CHECK(b.publicValue == sc->publicValue);
    CHECK(b.rule == sc->rule);
    CHECK(b.minSupport == sc->minSupport);
}

TEST_CASE("a client's scenario holds its own role but no other role's secret or preconditions") {
    auto sc = skatebaan();
    Game game(sc, SessionSetup::defaultFor(*sc, false));
    const int own = sc->roleIndex("skaters");
    REQUIRE(own >= 0);
    const std::string yaml = net::redactedScenarioYaml(*sc, net::RedactionView::of(game, own));

    // Its own role is complete.
    const Role& mine = sc->roles[static_cast<std::size_t>(own)];
    CHECK(contains(yaml, mine.secret.get("en").substr(0, 40)));
    for (const Precondition& p : mine.preconditions)
        CHECK(contains(yaml, p.id));

    // Nothing hidden of the others.
    for (std::size_t r = 0; r < sc->roles.size(); ++r) {
        if (static_cast<int>(r) == own)
            continue;
        const Role& other = sc->roles[r];
        for (const auto& [lang, text] : other.secret.byLang)
            CHECK_MESSAGE(!contains(yaml, text.substr(0, 30)), other.id);
        for (const auto& [lang, text] : other.secret.plainLanguage)
            CHECK_MESSAGE(!contains(yaml, text.substr(0, 30)), other.id);
        for (const Precondition& p : other.preconditions) {
            CHECK_MESSAGE(!contains(yaml, p.id), p.id);
            CHECK_MESSAGE(!contains(yaml, p.name.get("nl")), p.id);
            CHECK_MESSAGE(!contains(yaml, p.require.source()), p.id);
        }
    }
    // Events that have not happened yet keep their text to themselves.
    for (const Event& e : sc->events)
        CHECK(!contains(yaml, e.text.get("nl").substr(0, 30)));

    // The client can load it; before anything is named it holds no entry of
    // another role's preconditions, so not even their number shows.
    LoadResult loaded = loadScenarioText(yaml, "client");
    REQUIRE_MESSAGE(loaded.ok(), (loaded.errors.empty() ? "" : loaded.errors.front().format()));
    CHECK(loaded.scenario->roles.size() == sc->roles.size());
    for (std::size_t r = 0; r < sc->roles.size(); ++r)
        CHECK(loaded.scenario->roles[r].preconditions.size() ==
              (static_cast<int>(r) == own ? mine.preconditions.size() : 0));
    CHECK(loaded.scenario->roles[static_cast<std::size_t>(own)].weights == mine.weights);
}

TEST_CASE("after the session everything is revealed") {
    auto sc = skatebaan();
    net::RedactionView view = net::RedactionView::initial(*sc, 0);
    view.revealAll = true;
    const std::string yaml = net::redactedScenarioYaml(*sc, view);
    for (const Role& role : sc->roles)
        for (const Precondition& p : role.preconditions)
            CHECK(contains(yaml, p.id));
    LoadResult loaded = loadScenarioText(yaml, "client");
    REQUIRE(loaded.ok());
    for (std::size_t r = 0; r < sc->roles.size(); ++r)
        CHECK(loaded.scenario->roles[r].weights == sc->roles[r].weights);
}

TEST_CASE("another seat's predictions and begrip answers stay hidden until the session ends") {
    for (ActionType type : {ActionType::Predict, ActionType::AnswerItem}) {
        Action a;
        a.type = type;
        a.seat = 1;
        CHECK(net::actionVisibleTo(a, 1, false));
        CHECK_FALSE(net::actionVisibleTo(a, 2, false));
        CHECK(net::actionVisibleTo(a, 2, true));
    }
    Action share;
    share.type = ActionType::ShareValue;
    share.seat = 1;
    CHECK(net::actionVisibleTo(share, 2, false));
}
