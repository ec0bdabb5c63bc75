// Plain language (issue #15, part 6): a scenario text may carry the same text
// in plain language, `plain: {nl: ..., en: ...}`, which the game shows when
// the facilitator turns plain language on; where none is written, the text
// itself is shown.
#include <doctest/doctest.h>

#include <string>

#include "core/scenario.hpp"

using namespace samenspel;

namespace {

const std::string kBench = R"(samenspel: 1
id: bankje
title: {nl: Het bankje, en: The bench}
case:
  nl: Bewoners van de Lindenlaan vragen de gemeente om een bankje bij de speelplaats.
  en: Residents of Lindenlaan ask the council for a bench by the playground.
  plain: {nl: Bewoners willen een bankje., en: Residents want a bench.}
values:
  - {id: rust, name: {nl: Rust, en: Quiet}}
issues:
  - id: plek
    name: {nl: Plek, en: Place}
    options:
      - {id: hier, name: {nl: Hier, en: Here}, effects: {rust: 1}}
      - {id: daar, name: {nl: Daar, en: There}, effects: {rust: -1}}
roles:
  - id: buren
    kind: resident
    briefing: {nl: Jullie wonen naast de speelplaats., plain: {nl: Je woont naast de speelplaats.}}
    values: {rust: 3}
  - id: raad
    kind: council
)";

LoadResult loadWith(const std::string& from, const std::string& to) {
    std::string text = kBench;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return loadScenarioText(text, "bankje.yaml");
}

std::string firstError(const LoadResult& result) {
    return result.errors.empty() ? std::string("(no error)") : result.errors.front().format();
}

} // namespace

TEST_CASE("a text's plain-language version shows when asked for, in the reader's language") {
    const LoadResult result = loadScenarioText(kBench, "bankje.yaml");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    const Scenario& sc = *result.scenario;
    CHECK(sc.caseText.get("nl") ==
          "Bewoners van de Lindenlaan vragen de gemeente om een bankje bij de speelplaats.");
    CHECK(sc.caseText.get("nl", false) == sc.caseText.get("nl"));
    CHECK(sc.caseText.get("nl", true) == "Bewoners willen een bankje.");
    CHECK(sc.caseText.get("en", true) == "Residents want a bench.");
    CHECK(sc.caseText.hasPlainLanguage("nl"));
}

TEST_CASE("without a plain-language version the text itself shows, never another language's") {
    const LoadResult result = loadScenarioText(kBench, "bankje.yaml");
    REQUIRE_MESSAGE(result.ok(), firstError(result));
    const Scenario& sc = *result.scenario;
    CHECK(sc.title.get("nl", true) == "Het bankje");
    CHECK(sc.title.get("en", true) == "The bench");
    const Role& buren = sc.roles.front();
    CHECK(buren.briefing.get("nl", true) == "Je woont naast de speelplaats.");
    // No English briefing and no English plain text: the Dutch briefing, not
    // its plain version, as a text without plain language would show.
    CHECK(buren.briefing.get("en", true) == "Jullie wonen naast de speelplaats.");
    CHECK_FALSE(buren.briefing.hasPlainLanguage("en"));
}

TEST_CASE("a plain-language text needs a language, like plain: {nl: ...}") {
    const LoadResult result =
        loadWith("plain: {nl: Bewoners willen een bankje., en: Residents want a bench.}",
                 "plain: Bewoners willen een bankje.");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].pos.line == 7);
    CHECK(result.errors[0].pos.column == 10);
    CHECK(result.errors[0].keyPath == "case.plain");
    CHECK(result.errors[0].message ==
          "expected the plain-language text of 'case' as a map like plain: {nl: ..., en: ...}, "
          "got 'Bewoners willen een bankje.'");
}

TEST_CASE("a plain-language text in an unknown language is an error at its key") {
    const LoadResult result = loadWith("en: Residents want a bench.}", "fr: Un banc.}");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].pos.line == 7);
    CHECK(result.errors[0].pos.column == 44);
    CHECK(result.errors[0].keyPath == "case.plain.fr");
    CHECK(result.errors[0].message ==
          "unknown language 'fr' in the plain-language text of 'case'; a text has only nl and en");
}

TEST_CASE("a plain-language text for a language the text lacks is an error") {
    const LoadResult result = loadWith("plain: {nl: Je woont naast de speelplaats.}",
                                       "plain: {en: You live next to the playground.}");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].pos.line == 19);
    CHECK(result.errors[0].keyPath == "roles[0].briefing.plain.en");
    CHECK(result.errors[0].message == "'briefing' has a plain-language en text but no en text; "
                                      "write the en text beside it");
}

TEST_CASE("a misspelt plain key is named with a suggestion") {
    const LoadResult result = loadWith("  plain: {nl: Bewoners", "  plian: {nl: Bewoners");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].keyPath == "case.plian");
    CHECK(result.errors[0].message == "unknown language 'plian' in 'case'; did you mean 'plain'?");
}
