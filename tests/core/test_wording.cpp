// engine/core/wording: rules as the players read them, and proposals by
// number and version, the same on the table, in the report and on the phone.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/catalog_files.hpp"
#include "core/game.hpp"
#include "core/scenario.hpp"
#include "core/wording.hpp"

using namespace samenspel;

namespace {

const Scenario& skatebaan() {
    static const std::shared_ptr<const Scenario> sc = [] {
        LoadResult r =
            loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
        REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors.front().format()));
        return std::make_shared<const Scenario>(std::move(*r.scenario));
    }();
    return *sc;
}

WordLookup words(const std::string& lang) {
    auto texts = std::make_shared<CatalogTexts>();
    std::vector<std::string> problems;
    REQUIRE(readCatalogFolder(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang, *texts,
                              problems));
    return [texts](const std::string& key) {
        const auto it = texts->find(key);
        return it == texts->end() ? std::string() : it->second;
    };
}

} // namespace

TEST_CASE("a rule reads as a sentence with names, amounts and no symbols, in either language") {
    const Scenario& sc = skatebaan();
    const WordLookup nl = words("nl"), en = words("en");
    CHECK(conditionSentence(sc, "months <= 7", "nl", nl) == "Doorlooptijd (maanden) ten hoogste 7");
    CHECK(conditionSentence(sc, "tijden != dicht_om_20", "en", en) ==
          "Lighting and opening hours: not “Gate closed at 8 pm”");
    CHECK(conditionSentence(sc, "locatie == huidige_plek", "nl", nl) ==
          "Locatie: Op de huidige plek achter de sporthal");
    // A resource counts in the unit of what it is compared with.
    CHECK(conditionSentence(sc, "cost <= budget", "nl", nl) == "Aanlegkosten ten hoogste € 40.000");
    CHECK(conditionSentence(sc, "cost <= budget", "en", en) == "Building cost at most €40,000");
    const std::vector<double> later = {25000, 3000};
    CHECK(conditionSentence(sc, "cost <= budget", "nl", nl, &later) ==
          "Aanlegkosten ten hoogste € 25.000");
    CHECK(conditionSentence(sc, "cost <= 120000 and months >= 2.5", "nl", nl) ==
          "Aanlegkosten ten hoogste € 120.000 en Doorlooptijd (maanden) ten minste 2,5");
}

TEST_CASE("negations read the way round a person would say them") {
    const Scenario& sc = skatebaan();
    const WordLookup nl = words("nl"), en = words("en");
    CHECK(conditionSentence(sc, "not (locatie == huidige_plek and tijden == altijd_open)", "nl",
                            nl) ==
          "Niet tegelijk Locatie: Op de huidige plek achter de sporthal en "
          "Licht en openingstijden: Altijd open, geen verlichting");
    CHECK(conditionSentence(sc, "not (locatie == huidige_plek and tijden == altijd_open)", "en",
                            en) ==
          "Not both Location: At the current spot behind the sports hall and "
          "Lighting and opening hours: Always open, no lighting");
    CHECK(conditionSentence(sc, "not (months <= 7)", "en", en) == "Lead time (months) above 7");
    CHECK(conditionSentence(sc, "not (locatie == huidige_plek or months > 7)", "nl", nl) ==
          "Locatie: niet “Op de huidige plek achter de sporthal” en Doorlooptijd (maanden) ten "
          "hoogste 7");
    CHECK(conditionSentence(sc, "months > 7 or (cost < 100 and upkeep < 10)", "nl", nl) ==
          "Doorlooptijd (maanden) hoger dan 7 of (Aanlegkosten lager dan € 100 en Beheerkosten "
          "per jaar lager dan € 10)");
}

TEST_CASE("without the catalog's words a rule still shows names, never ids") {
    const Scenario& sc = skatebaan();
    CHECK(conditionSentence(sc, "months <= 7", "nl", {}) == "Doorlooptijd (maanden) <= 7");
    CHECK(conditionSentence(sc, "locatie == (", "nl", words("nl")) == "Locatie == (");
}

TEST_CASE("a precondition shows the author's sentence when the scenario gives one") {
    Scenario sc = skatebaan();
    Precondition& p = sc.roles[0].preconditions[0];
    CHECK(preconditionSentence(sc, p, "nl", words("nl")) == "Doorlooptijd (maanden) ten hoogste 7");
    p.inWords.byLang["nl"] = "Voor de zomervakantie open";
    CHECK(preconditionSentence(sc, p, "nl", words("nl")) == "Voor de zomervakantie open");
}

TEST_CASE("proposals are numbered once, with the versions of their amendments under them") {
    GameState st;
    const auto add = [&st](int parent) {
        Proposal p;
        p.id = static_cast<int>(st.proposals.size());
        p.parent = parent;
        p.version = parent < 0 ? 1 : st.proposals[static_cast<std::size_t>(parent)].version + 1;
        st.proposals.push_back(p);
    };
    add(-1); // 0: proposal 1
    add(-1); // 1: proposal 2
    add(0);  // 2: proposal 1, version 2
    add(-1); // 3: proposal 3
    add(2);  // 4: proposal 1, version 3
    add(3);  // 5: proposal 3, version 2
    CHECK(proposalNumber(st, 0).number == 1);
    CHECK(proposalNumber(st, 1).number == 2);
    CHECK(proposalNumber(st, 2).number == 1);
    CHECK(proposalNumber(st, 2).version == 2);
    CHECK(proposalNumber(st, 3).number == 3);
    CHECK(proposalNumber(st, 4).number == 1);
    CHECK(proposalNumber(st, 4).version == 3);
    CHECK(proposalNumber(st, 5).number == 3);
    CHECK(proposalNumber(st, 5).version == 2);
}

TEST_CASE("every shipped scenario's red lines and event conditions read without rule text") {
    const WordLookup nl = words("nl"), en = words("en");
    const std::filesystem::path dir = std::filesystem::path(SAMENSPEL_SOURCE_DIR) / "scenarios";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".yaml")
            continue;
        const LoadResult r = loadScenarioFile(entry.path().string());
        REQUIRE_MESSAGE(r.ok(), entry.path().string());
        const Scenario& sc = *r.scenario;
        std::vector<std::string> ids;
        for (const Attribute& a : sc.attributes)
            ids.push_back(a.id);
        for (const Issue& is : sc.issues) {
            ids.push_back(is.id);
            for (const Option& o : is.options)
                ids.push_back(o.id);
        }
        ids.insert(ids.end(), sc.resourceNames.begin(), sc.resourceNames.end());
        const auto check = [&](const std::string& sentence, const std::string& rule) {
            CAPTURE(entry.path().filename().string());
            CAPTURE(rule);
            CAPTURE(sentence);
            // Names may hold "and" or brackets; the rules' symbols never.
            for (const char* symbol : {"==", "!=", "<=", ">=", "<", ">"})
                CHECK(sentence.find(symbol) == std::string::npos);
            // An id with an underscore never reads as a word ("dicht_om_20").
            for (const std::string& id : ids)
                if (id.find('_') != std::string::npos)
                    CHECK(sentence.find(id) == std::string::npos);
            ++checked;
        };
        for (const Role& role : sc.roles)
            for (const Precondition& p : role.preconditions) {
                check(preconditionSentence(sc, p, "nl", nl), p.require.source());
                check(preconditionSentence(sc, p, "en", en), p.require.source());
            }
        for (const Event& e : sc.events)
            if (e.trigger == Event::Trigger::Condition) {
                check(conditionSentence(sc, e.condition.source(), "nl", nl), e.condition.source());
                check(conditionSentence(sc, e.condition.source(), "en", en), e.condition.source());
            }
    }
    CHECK(checked > 40);
}
