// The seat view's words (engine/net/seat_text.cpp): conditions a player
// reads on a phone, and numbers as their language writes them.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "core/scenario.hpp"
#include "net/seat_view.hpp"
#include "net/web_catalog.hpp"

using namespace samenspel;

namespace {

std::shared_ptr<const Scenario> skatebaan() {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

net::TextLookup words(const std::string& lang) {
    auto catalog = std::make_shared<net::WebCatalog>(
        net::loadWebCatalog(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang));
    REQUIRE(catalog->ok());
    return [catalog](const std::string& key) { return catalog->text(key); };
}

} // namespace

TEST_CASE("a simple condition reads as a sentence with the scenario's names, in either language") {
    auto sc = skatebaan();
    const net::TextLookup nl = words("nl"), en = words("en");
    CHECK(net::readableCondition(*sc, "locatie == sportpark", "nl", nl) ==
          "Locatie is Naar het sportpark buiten de wijk");
    CHECK(net::readableCondition(*sc, "locatie != sportpark", "en", en) ==
          "Location is not To the sports grounds outside the neighbourhood");
    CHECK(net::readableCondition(*sc, "cost <= 120000", "nl", nl) ==
          "Aanlegkosten ten hoogste 120.000 €");
    CHECK(net::readableCondition(*sc, "cost <= 120000", "en", en) ==
          "Building cost at most 120,000 €");
    CHECK(net::readableCondition(*sc, "months>=2.5", "nl", nl) ==
          "Doorlooptijd (maanden) ten minste 2,5");
    CHECK(net::readableCondition(*sc, "months <= 7 and locatie == sportpark", "en", en) ==
          "Lead time (months) at most 7 and Location is To the sports grounds outside the "
          "neighbourhood");
}

TEST_CASE("a condition that is not a simple shape stays the expression itself") {
    auto sc = skatebaan();
    const net::TextLookup nl = words("nl");
    for (const char* expression :
         {"not (locatie == huidige_plek and tijden == altijd_open)",
          "locatie == sportpark or months <= 7", "cost + upkeep <= 30000", "budget >= 1000",
          "locatie == nergens", "cost <= veel", "months <= 7 and"}) {
        CAPTURE(expression);
        CHECK(net::readableCondition(*sc, expression, "nl", nl) == expression);
    }
    // Without the catalog's words there is no sentence to build.
    CHECK(net::readableCondition(*sc, "locatie == sportpark", "nl", {}) == "locatie == sportpark");
}

TEST_CASE("numbers are written as the language writes them") {
    const net::TextLookup nl = words("nl"), en = words("en");
    CHECK(net::formatNumberFor(120000, nl) == "120.000");
    CHECK(net::formatNumberFor(120000, en) == "120,000");
    CHECK(net::formatNumberFor(62.5, nl) == "62,5");
    CHECK(net::formatNumberFor(62.5, en) == "62.5");
    CHECK(net::formatNumberFor(-1234567.25, nl) == "-1.234.567,25");
    CHECK(net::formatNumberFor(999, nl) == "999");
    CHECK(net::formatNumberFor(-0.001, en) == "0");
    CHECK(net::formatNumberFor(1000, {}) == "1,000"); // no catalog: English
}
