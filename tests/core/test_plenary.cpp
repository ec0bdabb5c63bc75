// The plenary of a room: three tables of the tiny scenario played to
// different ends, compared, and the differences said in Dutch and English.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "core/plenary.hpp"
#include "test_helpers.hpp"

using namespace samenspel;
using namespace samenspel::testing;

namespace {

enum Seat { kSkaters, kBuren, kAmbtenaar, kRaadA, kRaadB };

// min_support -10: the municipality's upkeep is carried (lowest -8.3), the
// teenagers' is not (the official at -16.7).
std::shared_ptr<const Scenario> roomScenario() {
    return tinyScenarioBuilder().rule(DecisionRule::CouncilMajority, -10).build();
}

Game decidedTable(std::shared_ptr<const Scenario> sc, const Package& package, int minute) {
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(g, PhaseKind::Voorstel);
    REQUIRE(applyAction(g, act::propose(kSkaters, package)).accepted);
    advanceTo(g, PhaseKind::Besluit);
    REQUIRE(applyAction(g, act::at(act::vote(kRaadA, 0, VoteKind::Yes), minute * 60'000)).accepted);
    REQUIRE(applyAction(g, act::at(act::vote(kRaadB, 0, VoteKind::Yes), minute * 60'000)).accepted);
    REQUIRE(g.state().decision.taken);
    return g;
}

Game undecidedTable(std::shared_ptr<const Scenario> sc) {
    Game g(sc, SessionSetup::defaultFor(*sc, false));
    advanceTo(g, PhaseKind::Reflectie);
    return g;
}

const Package kPlekGemeente = {tiny::huidige_plek, tiny::gemeente};
const Package kPlekJongeren = {tiny::huidige_plek, tiny::jongeren};

Plenary threeTables() {
    auto sc = roomScenario();
    return makePlenary({plenaryTableOf(decidedTable(sc, kPlekGemeente, 40), "1"),
                        plenaryTableOf(decidedTable(sc, kPlekJongeren, 52), "2"),
                        plenaryTableOf(undecidedTable(sc), "3")});
}

WordLookup catalogOf(const std::string& lang) {
    auto texts = std::make_shared<std::map<std::string, std::string>>();
    const YAML::Node file = YAML::LoadFile(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n/" +
                                           lang + "/plenary.yaml");
    for (const auto& entry : file)
        (*texts)[entry.first.as<std::string>()] = entry.second.as<std::string>();
    return [texts](const std::string& key) {
        const auto it = texts->find(key);
        return it == texts->end() ? key : it->second;
    };
}

std::vector<std::string> sentences(const Plenary& p, const std::string& lang,
                                   bool sessions = false) {
    PlenaryWords w;
    w.lang = lang;
    w.word = catalogOf(lang);
    w.sessions = sessions;
    std::vector<std::string> out;
    for (const PlenaryNote& note : p.notes)
        out.push_back(plenaryNoteText(p, note, w));
    return out;
}

} // namespace

TEST_CASE("the plenary shows each table's decision and measurements as the table's own game") {
    const Plenary p = threeTables();
    REQUIRE(p.tables.size() == 3);
    const PlenaryTable& one = p.tables[0];
    CHECK(one.decided);
    CHECK(one.gedragen);
    CHECK(*one.lowestSupport == doctest::Approx(-25.0 / 3.0));
    CHECK(one.decisionMs == 40 * 60'000);
    CHECK(one.decision == std::vector<std::pair<std::string, std::string>>{
                              {"locatie", "huidige_plek"}, {"beheer", "gemeente"}});
    const PlenaryTable& two = p.tables[1];
    CHECK(two.decided);
    CHECK_FALSE(two.gedragen);
    CHECK(*two.lowestSupport == doctest::Approx(-50.0 / 3.0)); // the official
    CHECK(two.roles[tiny::ambtenaar].support == doctest::Approx(-50.0 / 3.0));
    CHECK(two.decisionMs == 52 * 60'000);
    const PlenaryTable& three = p.tables[2];
    CHECK_FALSE(three.decided);
    CHECK_FALSE(three.lowestSupport);
    CHECK_FALSE(three.decisionMs);
    CHECK(three.decision.empty());
    CHECK(p.sameScenario);
    CHECK(p.sameVersion);
}

TEST_CASE("the matrix says which table chose which option of every issue") {
    const Plenary p = threeTables();
    REQUIRE(p.matrix.size() == 3);
    CHECK(p.matrix[0].issue == "locatie");
    CHECK(p.matrix[0].option == "huidige_plek");
    CHECK(p.matrix[0].tables == std::vector<int>{0, 1});
    CHECK(p.matrix[1].option == "gemeente");
    CHECK(p.matrix[1].tables == std::vector<int>{0});
    CHECK(p.matrix[2].option == "jongeren");
    CHECK(p.matrix[2].tables == std::vector<int>{1});
    CHECK(plenaryChose(p.tables[1], "beheer", "jongeren"));
    CHECK_FALSE(plenaryChose(p.tables[2], "beheer", "jongeren"));
}

TEST_CASE("the differences worth discussing, in Dutch and in English") {
    const Plenary p = threeTables();
    // The lowest support differs by 8.3 points only: not worth a note.
    CHECK(
        sentences(p, "nl") ==
        std::vector<std::string>{
            "Tafel 1 kwam tot een gedragen besluit met ‘gemeente’ (beheer); tafels 2 en 3 niet.",
            "Tafel 2: aan tafel bleef geen bezwaar staan, maar volgens de rolkaarten kan niet elke "
            "rol het besluit dragen. Wie stemde in tegen het eigen belang, en waarom?",
            "Tafel 3 kwam niet tot een besluit.",
            "De rol waarvan de steun het meest verschilde: ambtenaar, met -16,7 aan tafel 2 tegen "
            "20,8 aan tafel 1.",
            "Tafels 1 en 2 kozen ‘huidige_plek’ (locatie)."});
    CHECK(sentences(p, "en") ==
          std::vector<std::string>{
              "Table 1 reached a decision everyone can carry with ‘gemeente’ (beheer); tables 2 "
              "and 3 did not.",
              "Table 2: no objection stood at the table, yet by the role cards not every role can "
              "carry the decision. Who agreed against their own interest, and why?",
              "Table 3 reached no decision.",
              "The role whose support differed most: ambtenaar, with -16.7 at table 2 against 20.8 "
              "at table 1.",
              "Tables 1 and 2 chose ‘huidige_plek’ (locatie)."});
}

TEST_CASE("tables that all decide alike are told so, and a wide spread of lowest support too") {
    auto sc = roomScenario();
    const Plenary same = makePlenary({plenaryTableOf(decidedTable(sc, kPlekGemeente, 30), "1"),
                                      plenaryTableOf(decidedTable(sc, kPlekGemeente, 35), "2")});
    CHECK(sentences(same, "nl") ==
          std::vector<std::string>{"Elke tafel kwam tot een gedragen besluit.",
                                   "Elke tafel kwam op hetzelfde besluit uit."});

    // Lowest support 3.3 at the skaters' table against -16.7: 20 points apart.
    PlenaryTable wide = plenaryTableOf(decidedTable(sc, kPlekJongeren, 30), "12");
    PlenaryTable narrow = wide;
    narrow.label = "14";
    narrow.lowestSupport = 10.0 / 3.0;
    const Plenary spread = makePlenary({wide, narrow});
    const auto nl = sentences(spread, "nl", true);
    // Nobody objected at either table, though the cards do not carry the decision.
    REQUIRE(nl.size() >= 2);
    CHECK(nl[0].rfind("Elke sessie: aan tafel bleef geen bezwaar staan", 0) == 0);
    CHECK(nl[1] ==
          "Het laagste draagvlak liep uiteen van -16,7 in sessie 12 tot 3,3 in sessie 14.");

    const Plenary nothing = makePlenary(
        {plenaryTableOf(undecidedTable(sc), "1"), plenaryTableOf(undecidedTable(sc), "2")});
    CHECK(sentences(nothing, "en") ==
          std::vector<std::string>{"No table reached a decision: why not?"});
}

TEST_CASE("one table alone has nothing to compare") {
    auto sc = roomScenario();
    const Plenary one = makePlenary({plenaryTableOf(decidedTable(sc, kPlekGemeente, 30), "1")});
    CHECK(one.notes.empty());
    CHECK(one.matrix.size() == 2);
}

TEST_CASE("tables of begrip v1 beside v2 are said in one sentence, and a table's gedragen aan "
          "tafel comes from its game") {
    auto sc = roomScenario();
    Game old = decidedTable(sc, kPlekGemeente, 30);
    old.setBegripVersion(1);
    const PlenaryTable v1 = plenaryTableOf(old, "3");
    const Game newer = decidedTable(sc, kPlekGemeente, 30);
    const PlenaryTable v2 = plenaryTableOf(newer, "5");
    CHECK(v1.begripVersion == std::optional<int>(1));
    CHECK(v2.begripVersion == std::optional<int>(2));
    CHECK(v2.gedragenAanTafel == std::optional<bool>(newer.measure().decision.gedragenAanTafel));
    CHECK_FALSE(plenaryTableOf(undecidedTable(sc), "1").gedragenAanTafel.has_value());

    const Plenary same = makePlenary({v2, v2});
    CHECK(same.sameBegripVersion);
    CHECK_FALSE(same.begripNote.has_value());

    const Plenary mixed = makePlenary({v1, v2});
    CHECK_FALSE(mixed.sameBegripVersion);
    REQUIRE(mixed.begripNote.has_value());
    // Not among the differences to discuss: it is about the measure, not the groups.
    for (const PlenaryNote& note : mixed.notes)
        CHECK(note.key != mixed.begripNote->key);
    PlenaryWords w;
    w.lang = "nl";
    w.word = catalogOf("nl");
    w.sessions = true;
    CHECK(plenaryNoteText(mixed, *mixed.begripNote, w) ==
          "Het begrip is hier niet te vergelijken: sessie 3 mat het als begrip v1 (rond 0,5 bij "
          "gokken), sessie 5 als begrip v2 (0 bij gokken). Over beide heen wordt geen verschil of "
          "gemiddelde berekend.");
    w.lang = "en";
    w.word = catalogOf("en");
    PlenaryTable v1b = v1;
    v1b.label = "4";
    const Plenary twoOld = makePlenary({v1, v1b, v2});
    REQUIRE(twoOld.begripNote.has_value());
    CHECK(plenaryNoteText(twoOld, *twoOld.begripNote, w)
              .rfind("Understanding does not compare here: sessions 3 and 4 measured it as begrip "
                     "v1 (about 0.5 for guessing), session 5 as begrip v2",
                     0) == 0);

    // A session archived before the version was kept, its log gone.
    PlenaryTable unknown = v2;
    unknown.label = "7";
    unknown.begripVersion.reset();
    const Plenary withUnknown = makePlenary({v2, unknown});
    REQUIRE(withUnknown.begripNote.has_value());
    CHECK(plenaryNoteText(withUnknown, *withUnknown.begripNote, w) ==
          "Session 7 was archived before the begrip version was kept, and its log is gone: its "
          "understanding cannot be set beside the others'.");
}

TEST_CASE("a table carried at the table but not by the cards, or the other way round, is put to "
          "the room") {
    auto sc = roomScenario();
    PlenaryTable agreed = plenaryTableOf(decidedTable(sc, kPlekGemeente, 30), "1");
    agreed.gedragen = false;
    agreed.gedragenAanTafel = true;
    PlenaryTable objected = agreed;
    objected.label = "2";
    objected.gedragen = true;
    objected.gedragenAanTafel = false;
    PlenaryTable unknown = agreed;
    unknown.label = "3";
    unknown.gedragenAanTafel.reset(); // an archived session that does not know it
    const Plenary p = makePlenary({agreed, objected, unknown});
    const auto nl = sentences(p, "nl");
    CHECK(std::count(nl.begin(), nl.end(),
                     "Tafel 1: aan tafel bleef geen bezwaar staan, maar volgens de rolkaarten kan "
                     "niet elke rol het besluit dragen. Wie stemde in tegen het eigen belang, en "
                     "waarom?") == 1);
    const auto en = sentences(p, "en");
    CHECK(std::count(en.begin(), en.end(),
                     "Table 2: by the role cards every role can carry the decision, yet an "
                     "objection still stood at the table. What did the others miss?") == 1);
    for (const std::string& s : en)
        CHECK_MESSAGE(s.find("Table 3:") == std::string::npos, s);
}
