// The printout (`samenspel print`): what a group that plays on paper holds in
// its hands. Each role card carries its own role's texts and no other role's
// secret, every scenario text is escaped, and numbers, weights and red lines
// read as the game writes them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "i18n.hpp"
#include "printout.hpp"

using namespace samenspel;

namespace {

const std::string kSource = SAMENSPEL_SOURCE_DIR;

// A small case whose every kind of text carries markup, so escaping is tested
// on real input. The "hidden" option comes only with the event.
const char* kScenario = R"YAML(
samenspel: 1
id: bankje
title: {nl: "Het <b>bankje</b>", en: "The <b>bench</b>"}
summary: {nl: "Een bank & een boom.", en: "A bench & a tree."}
case: {nl: "Er komt een \"bank\" <i>op</i> het plein.", en: "A \"bench\" <i>on</i> the square."}
stage: ontwerpen
duration_minutes: 12
learning_goals:
  - {nl: "Leren <luisteren>", en: "Learn to <listen>"}
attributes:
  cost: {name: {nl: Kosten, en: Cost}, unit: "€"}
values:
  - {id: rust, name: {nl: "Rust & stilte", en: "Peace & quiet"}}
  - {id: zitten, name: {nl: Zitten, en: Seating}}
  - {id: geld, name: {nl: Zuinigheid, en: Thrift}}
issues:
  - id: plek
    name: {nl: Plek, en: Place}
    options:
      - {id: plein, name: {nl: "Op het <plein>", en: "On the <square>"}, attributes: {cost: 1500}, effects: {zitten: 2, rust: -1}}
      - {id: hoek, name: {nl: In de hoek, en: In the corner}, attributes: {cost: 2500}, effects: {rust: 2}}
      - {id: dak, available: false, name: {nl: Op het dak, en: On the roof}, attributes: {cost: 12000}, effects: {rust: 3}}
resources: {budget: 2000}
roles:
  - id: buren
    kind: resident
    name: {nl: "Buren <script>", en: "Neighbours <script>"}
    briefing: {nl: "Jullie wonen 'naast' het plein.", en: "You live 'next to' the square."}
    secret: {nl: "GEHEIM-BUREN <img src=x>", en: "SECRET-NEIGHBOURS <img src=x>"}
    values: {rust: 3, zitten: 1}
  - id: ouderen
    kind: resident
    name: {nl: De ouderen, en: The elderly}
    secret: {nl: GEHEIM-OUDEREN, en: SECRET-ELDERLY}
    values: {zitten: 3, rust: 2}
  - id: raadslid
    kind: council
    votes: 3
    name: {nl: Raadslid, en: Councillor}
    secret: {nl: GEHEIM-RAAD, en: SECRET-COUNCIL}
    values: {geld: 2}
    preconditions:
      - {id: binnen_budget, name: {nl: Binnen budget, en: Within budget}, require: "cost <= budget"}
events:
  - id: dak
    when: {phase: voorstel}
    title: {nl: Het dak, en: The roof}
    text: {nl: "Het dak <is> vrij.", en: "The roof <is> free."}
    effects:
      - enable_option: {issue: plek, option: dak}
      - add_resource: {budget: 10500}
      - add_value_weight: {role: raadslid, value: rust, delta: 1}
      - reveal_secret: {role: ouderen}
phases:
  - {id: kennismaken, minutes: 2}
  - {id: waarden, minutes: 3}
  - {id: voorstel, minutes: 4}
  - {id: besluit, minutes: 1}
  - {id: reflectie, minutes: 2}
decision: {rule: council_majority, min_support: 10}
public_value: {zitten: 2, rust: 1}
)YAML";

Scenario load(const char* text, const std::string& name) {
    LoadResult loaded = loadScenarioText(text, name);
    for (const Diagnostic& d : loaded.errors)
        MESSAGE(d.format());
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

Scenario loadFile(const std::string& path) {
    LoadResult loaded = loadScenarioFile(path);
    for (const Diagnostic& d : loaded.errors)
        MESSAGE(d.format());
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

std::string print(const Scenario& sc, const std::string& lang) {
    Catalog catalog;
    std::vector<std::string> problems;
    REQUIRE(catalog.load(kSource + "/assets/i18n", lang, problems));
    std::string html = renderPrintout(sc, translateWith(catalog), lang);
    // Every text the printout asks for is in the catalog of its language.
    CHECK(catalog.missingKeys().empty());
    return html;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The page sections in order: each role's card, then the case sheet, the
// facilitator's sheet and the decision form.
std::vector<std::string> pages(const std::string& html) {
    std::vector<std::string> out;
    const std::string mark = "<section class=\"page";
    std::size_t at = html.find(mark);
    while (at != std::string::npos) {
        const std::size_t next = html.find(mark, at + mark.size());
        out.push_back(html.substr(at, next == std::string::npos ? std::string::npos : next - at));
        at = next;
    }
    return out;
}

} // namespace

TEST_CASE("printout: every scenario text is escaped, and the page has no script or link") {
    const Scenario sc = load(kScenario, "bankje.yaml");
    for (const std::string lang : {"nl", "en"}) {
        CAPTURE(lang);
        const std::string html = print(sc, lang);
        CHECK_FALSE(contains(html, "<script"));
        CHECK_FALSE(contains(html, "<img"));
        CHECK_FALSE(contains(html, "<b>bankje</b>"));
        CHECK_FALSE(contains(html, "<b>bench</b>"));
        CHECK_FALSE(contains(html, "<plein>"));
        CHECK_FALSE(contains(html, "<listen>"));
        CHECK_FALSE(contains(html, "src=\""));
        CHECK_FALSE(contains(html, "href=\""));
        CHECK_FALSE(contains(html, "url("));
        CHECK_FALSE(contains(html, "<link"));
    }
    const std::string nl = print(sc, "nl");
    CHECK(contains(nl, "Buren &lt;script&gt;"));
    CHECK(contains(nl, "GEHEIM-BUREN &lt;img src=x&gt;"));
    CHECK(contains(nl, "Jullie wonen &#39;naast&#39; het plein."));
    CHECK(contains(nl, "Er komt een &quot;bank&quot; &lt;i&gt;op&lt;/i&gt; het plein."));
    CHECK(contains(nl, "Het dak &lt;is&gt; vrij."));
    CHECK(contains(nl, "Leren &lt;luisteren&gt;"));
    CHECK(contains(nl, "Rust &amp; stilte"));
}

TEST_CASE("printout: one card per role, in order, each with its own secret and no other's") {
    for (const std::string file : {"bankje", "skatebaan"}) {
        const Scenario sc = file == "bankje" ? load(kScenario, "bankje.yaml")
                                             : loadFile(kSource + "/scenarios/skatebaan.yaml");
        for (const std::string lang : {"nl", "en"}) {
            CAPTURE(file);
            CAPTURE(lang);
            const std::vector<std::string> sections = pages(print(sc, lang));
            REQUIRE(sections.size() == sc.roles.size() + 3);
            for (std::size_t r = 0; r < sc.roles.size(); ++r) {
                CAPTURE(r);
                const std::string& card = sections[r];
                CHECK(contains(card, "id=\"card-" + sc.roles[r].id + "\""));
                CHECK(contains(card, htmlEscape(sc.roles[r].name.get(lang))));
                for (std::size_t other = 0; other < sc.roles.size(); ++other) {
                    const std::string secret = htmlEscape(sc.roles[other].secret.get(lang));
                    CHECK(contains(card, secret) == (other == r));
                }
            }
            // The sheets are for the table: no secret on them.
            for (std::size_t s = sc.roles.size(); s < sections.size(); ++s)
                for (const Role& role : sc.roles)
                    CHECK_FALSE(contains(sections[s], htmlEscape(role.secret.get(lang))));
            CHECK(contains(sections[sc.roles.size()], "id=\"case\""));
            CHECK(contains(sections[sc.roles.size() + 1], "id=\"facilitator\""));
            CHECK(contains(sections[sc.roles.size() + 2], "id=\"form\""));
        }
    }
}

TEST_CASE("printout: weights, red lines, amounts and the rule read as the game says them") {
    const Scenario sc = load(kScenario, "bankje.yaml");
    const std::string nl = print(sc, "nl");
    const std::vector<std::string> nlPages = pages(nl);
    REQUIRE(nlPages.size() == 6);
    // The neighbours weigh quiet 3 and seating 1: heaviest first, as dots and words.
    const std::string& buren = nlPages[0];
    const std::size_t rust = buren.find("●●●</span> <b>Rust &amp; stilte</b> — weegt zwaar");
    const std::size_t zitten = buren.find("●○○</span> <b>Zitten</b> — telt een beetje mee");
    CHECK(rust != std::string::npos);
    CHECK(zitten != std::string::npos);
    CHECK(rust < zitten);
    CHECK_FALSE(contains(buren, "Zuinigheid")); // weight 0: not on the card
    CHECK(contains(buren, "Je hebt geen harde voorwaarden"));
    // The councillor's red line in the game's words, with the budget's amount.
    const std::string& raad = nlPages[2];
    CHECK(contains(raad, "Raadslid · 3 stemmen in de raad"));
    CHECK(contains(raad, "<b>Binnen budget</b><br>Kosten ten hoogste € 2.000"));
    // The case sheet: amounts the Dutch way, the later option not yet there.
    const std::string& caseSheet = nlPages[3];
    CHECK(contains(caseSheet, "€ 1.500"));
    CHECK(contains(caseSheet, "€ 2.500"));
    CHECK_FALSE(contains(caseSheet, "Op het dak"));
    CHECK(contains(caseSheet, "Samen 12 minuten."));
    CHECK(contains(caseSheet, "3. <b>Voorstel</b> (4 minuten)"));
    CHECK(contains(caseSheet, "4. <b>Besluit</b> (1 minuut)"));
    // 3 votes in all: more than half of them decides.
    CHECK(contains(caseSheet, "meer dan de helft van de 3 stemmen in de raad"));
    CHECK(contains(caseSheet, "niemand komt uit onder 10,"));
    // The facilitator's sheet: when the event comes and what it changes.
    const std::string& fac = nlPages[4];
    CHECK(contains(fac, "Aan het begin van de fase Voorstel."));
    CHECK(contains(fac, "Nieuwe mogelijkheid bij ‘Plek’: Op het dak (Kosten € 12.000)."));
    CHECK(contains(fac, "Budget gaat omhoog met € 10.500."));
    CHECK(contains(fac, "Raadslid vindt Rust &amp; stilte voortaan belangrijker."));
    // A name with an article reads as part of the sentence; the secret itself
    // stays on the card.
    CHECK(contains(fac, "Het geheim van de ouderen wordt bekend: lees het voor van de rolkaart."));
    // The form: every option to tick, the later one too; the council's votes.
    const std::string& form = nlPages[5];
    CHECK(contains(form, "<span class=\"box\"></span>Op het dak"));
    CHECK(contains(form, "voor / tegen (3 stemmen)"));

    const std::vector<std::string> en = pages(print(sc, "en"));
    REQUIRE(en.size() == 6);
    CHECK(contains(en[2], "Cost at most €2,000"));
    CHECK(contains(en[3], "€1,500"));
    CHECK(contains(en[3], "12 minutes in all."));
    CHECK(contains(en[4], "The budget goes up by €10,500."));
    CHECK(contains(en[4], "From now on Peace &amp; quiet matters more to the Councillor."));
    CHECK(
        contains(en[4], "The secret of the elderly comes out: read it aloud from the role card."));
}

TEST_CASE("printout: the default file name says the language") {
    const Scenario sc = load(kScenario, "bankje.yaml");
    CHECK(defaultPrintoutName(sc, "nl") == "bankje-kaarten.html");
    CHECK(defaultPrintoutName(sc, "en") == "bankje-cards.html");
}

TEST_CASE("printout: the case sheet says each decision rule and the minimum support in words") {
    const auto caseSheetWith = [](const std::string& decision, const std::string& lang) {
        std::string text = kScenario;
        const std::string from = "decision: {rule: council_majority, min_support: 10}";
        text.replace(text.find(from), from.size(), decision);
        return pages(print(load(text.c_str(), "bankje.yaml"), lang))[3];
    };
    const std::string consensus =
        caseSheetWith("decision: {rule: consensus, min_support: 7.5}", "nl");
    CHECK(contains(consensus, "Iedereen beslist mee: het voorstel is aangenomen als elke rol "
                              "ermee instemt."));
    CHECK(contains(consensus, "niemand komt uit onder 7,5,"));
    CHECK_FALSE(contains(consensus, "stemmen in de raad"));
    const std::string unanimous =
        caseSheetWith("decision: {rule: unanimous_council, min_support: -20}", "en");
    CHECK(contains(unanimous, "the proposal is adopted if every council member votes in favour."));
    CHECK(contains(unanimous, "nobody falls below -20 on a scale"));
}
