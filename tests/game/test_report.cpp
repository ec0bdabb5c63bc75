// The HTML session report: what a facilitator reads after a session.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "core/catalog_files.hpp"
#include "core/game.hpp"
#include "core/log.hpp"
#include "core/scenario.hpp"
#include "core/session_files.hpp"
#include "core/simulation.hpp"
#include "report.hpp"

using namespace samenspel;

namespace {

// A small case with a hostile secret, so escaping is tested on real input.
const char* kScenario = R"YAML(
samenspel: 1
version: 3
id: speeltuin
title: {nl: De speeltuin, en: The playground}
summary: {nl: Een speeltuin in de wijk., en: A playground in the neighbourhood.}
case: {nl: Er is een speeltuin nodig., en: A playground is needed.}
stage: ontwerpen
duration_minutes: 12
learning_goals:
  - {nl: Ontdekken wat de buren belangrijk vinden., en: Find out what matters to the neighbours.}
attributes:
  cost: {name: {nl: Kosten, en: Cost}, unit: "€"}
values:
  - {id: spelen, name: {nl: Spelen, en: Play}}
  - {id: rust, name: {nl: Rust, en: Quiet & calm}}
  - {id: geld, name: {nl: Zuinigheid, en: Thrift}}
issues:
  - id: plek
    name: {nl: Plek, en: Place}
    options:
      - {id: plein, name: {nl: Op het plein, en: On the square}, attributes: {cost: 5000}, effects: {spelen: 2, rust: -1}}
      - {id: park, name: {nl: In het park, en: In the park}, attributes: {cost: 9000}, effects: {spelen: 1, rust: 2, geld: -1}}
resources: {budget: 8000}
roles:
  - id: ouders
    kind: resident
    name: {nl: Ouders, en: Parents}
    secret: {nl: "Geheim <script>alert('x')</script>", en: "Secret <script>alert('x')</script>"}
    values: {spelen: 3, rust: 1}
  - id: buren
    kind: resident
    name: {nl: Buren, en: Neighbours}
    values: {rust: 3}
  - id: wethouder
    kind: council
    name: {nl: Wethouder, en: Alderman}
    values: {geld: 2, spelen: 1}
    preconditions:
      - {id: binnen_budget, name: {nl: Binnen budget, en: Within budget}, require: "cost <= budget"}
phases:
  - {id: kennismaken, minutes: 2}
  - {id: perspectief, minutes: 2}
  - {id: waarden, minutes: 2}
  - {id: voorstel, minutes: 2}
  - {id: besluit, minutes: 2}
  - {id: reflectie, minutes: 2}
decision: {rule: council_majority, min_support: 0}
public_value: {spelen: 2, rust: 1}
)YAML";

std::shared_ptr<const Scenario> loadTestScenario() {
    LoadResult loaded = loadScenarioText(kScenario, "speeltuin.yaml");
    for (const Diagnostic& d : loaded.errors)
        MESSAGE(d.format());
    REQUIRE(loaded.ok());
    return std::make_shared<const Scenario>(*loaded.scenario);
}

Action act(ActionType type, int seat, std::int64_t ms) {
    Action a;
    a.type = type;
    a.seat = seat;
    a.timeMs = ms;
    return a;
}

void apply(Game& game, const Action& a) {
    const ApplyResult r = game.apply(a);
    INFO(actionTypeId(a.type), " seat ", a.seat, ": ", r.refusal.english);
    REQUIRE(r.accepted);
}

// Plays a short session: predictions, a shared value, a proposal, a vote.
// `inVoorstel` acts after the proposal (proposal 0) is on the table.
Game playShortSession(const std::function<void(Game&, std::int64_t&)>& inVoorstel = {}) {
    SessionSetup setup = SessionSetup::defaultFor(*loadTestScenario(), false);
    setup.seats[0].name = "Fatima";
    setup.seats[1].name = "Joost";
    setup.seats[2].name = "Anouk";
    Game game(loadTestScenario(), setup);
    std::int64_t t = 1000;
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> perspectief
    Action predict = act(ActionType::Predict, 0, t += 1000);
    predict.targetRole = 1;
    predict.values = {1};
    apply(game, predict);
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> waarden
    Action share = act(ActionType::ShareValue, 0, t += 1000);
    share.value = 0;
    apply(game, share);
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> voorstel
    Action propose = act(ActionType::Propose, 0, t += 60000);
    propose.package = {0};
    propose.reasonText = "Kids need room <to play>";
    apply(game, propose);
    if (inVoorstel)
        inVoorstel(game, t);
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> besluit
    Action vote = act(ActionType::Vote, 2, t += 1000);
    vote.proposal = game.proposalOnTable();
    vote.vote = VoteKind::Yes;
    apply(game, vote);
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> reflectie
    return game;
}

// Every catalog file of `lang`, merged, as the game loads them.
std::map<std::string, std::string> readCatalog(const std::string& lang) {
    CatalogTexts merged;
    std::vector<std::string> problems;
    REQUIRE(readCatalogFolder(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", lang, merged,
                              problems));
    return {merged.begin(), merged.end()};
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("report: the written file names the decision, every role, and has charts") {
    const Game game = playShortSession();
    const auto en = readCatalog("en");
    const TranslateFn tr = [&](const std::string& k) {
        auto it = en.find(k);
        return it == en.end() ? k : it->second;
    };
    const std::string path =
        (std::filesystem::temp_directory_path() / "samenspel_test_report.html").string();
    std::string error;
    REQUIRE_MESSAGE(writeSessionReport(game, "en", tr, path, error), error);
    const std::string html = readFile(path);
    std::filesystem::remove(path);

    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("The playground") != std::string::npos);
    // Results of two editions of a case are not comparable: the report names its edition.
    CHECK(html.find("Edition 3 of the case") != std::string::npos);
    // The decision: the package the council voted on.
    CHECK(html.find("On the square") != std::string::npos);
    for (const char* role : {"Parents", "Neighbours", "Alderman"})
        CHECK(html.find(role) != std::string::npos);
    for (const char* player : {"Fatima", "Joost", "Anouk"})
        CHECK(html.find(player) != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    // Standalone: no scripts, nothing fetched from elsewhere.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("href=") == std::string::npos);
}

TEST_CASE("report: text from the scenario and from players is escaped") {
    const Game game = playShortSession();
    const std::string html = renderSessionReport(game, {}, {"en", "2026-01-01"});
    CHECK(html.find("Secret &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Quiet &amp; calm") != std::string::npos);
    CHECK(html.find("Kids need room &lt;to play&gt;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("report: scenario texts follow the language, Dutch numbers use a comma") {
    const Game game = playShortSession();
    const auto nl = readCatalog("nl");
    const TranslateFn tr = [&](const std::string& k) {
        auto it = nl.find(k);
        return it == nl.end() ? k : it->second;
    };
    const std::string html = renderSessionReport(game, tr, {"nl", "2026-01-01"});
    CHECK(html.find("De speeltuin") != std::string::npos);
    CHECK(html.find("Op het plein") != std::string::npos);
    CHECK(html.find("Sessieverslag") != std::string::npos);
    CHECK(formatNumber(12.26, 1, "nl") == "12,3");
    CHECK(formatNumber(-0.01, 1, "en") == "0.0");
}

TEST_CASE("report: every text it shows is in both catalogs") {
    const Game game = playShortSession();
    for (const char* lang : {"nl", "en"}) {
        const auto texts = readCatalog(lang);
        std::set<std::string> missing;
        const TranslateFn tr = [&](const std::string& k) {
            auto it = texts.find(k);
            if (it == texts.end()) {
                missing.insert(k);
                return k;
            }
            return it->second;
        };
        renderSessionReport(game, tr, {lang, "2026-01-01"});
        for (const std::string& k : missing)
            FAIL_CHECK(lang << " catalog misses " << k);
    }
    CHECK(readCatalog("nl").size() == readCatalog("en").size());
}

TEST_CASE("report: points for reflection name the unheard role and the weakest support") {
    const Game game = playShortSession();
    const std::vector<ReflectionPoint> points = reflectionPoints(game, "en");
    bool neighboursUnheard = false, lowestIsNeighbours = false;
    for (const ReflectionPoint& p : points) {
        if (p.key == "report.reflect.not_heard" && p.args.at(0) == "Neighbours")
            neighboursUnheard = true;
        if (p.key == "report.reflect.lowest_support" && p.args.at(0) == "Neighbours")
            lowestIsNeighbours = true;
    }
    CHECK(neighboursUnheard);  // the neighbours never said a thing
    CHECK(lowestIsNeighbours); // on the square: rust -1, all they care about
}

TEST_CASE("report: the points about players ask about people, never about bots, and inclusie "
          "counts the people") {
    // Issue 13: "Bot 3 won the most understanding... What did this player learn?"
    SessionSetup setup = SessionSetup::defaultFor(*loadTestScenario(), true);
    setup.seats[0] = {0, "Fatima", false, {}, {}};
    setup.seats[1].name = "Bot 2";
    setup.seats[2].name = "Bot 3";
    Game game(loadTestScenario(), setup);
    std::int64_t t = 1000;
    const auto predict = [&](int seat, int target, std::vector<int> values) {
        Action a = act(ActionType::Predict, seat, t += 1000);
        a.targetRole = target;
        a.values = std::move(values);
        apply(game, a);
    };
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> perspectief
    predict(0, 1, {1}); // Fatima knows the neighbours want quiet, before and after
    predict(1, 0, {2}); // the bot guesses wrong at first...
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> waarden
    // The bots talk a lot.
    Action share = act(ActionType::ShareValue, 1, t += 1000);
    share.value = 1;
    apply(game, share);
    for (int role : {0, 1}) {
        Action ask = act(ActionType::Ask, 2, t += 1000);
        ask.targetRole = role;
        ask.value = -1;
        apply(game, ask);
    }
    Action fatima = act(ActionType::ShareValue, 0, t += 1000);
    fatima.value = 0;
    apply(game, fatima);
    for (int k = 0; k < 3; ++k)
        apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> reflectie
    predict(0, 1, {1});
    predict(1, 0, {0, 1}); // ...and right at the end: the largest gain is a bot's

    const Measurements m = game.measure();
    CHECK(m.inclusieOverPeople);
    CHECK(m.inclusie == doctest::Approx(1.0)); // one person: evenly spread over the people
    for (const ReflectionPoint& p : reflectionPoints(game, "en")) {
        for (const std::string& arg : p.args)
            CHECK_MESSAGE(arg.rfind("Bot", 0) != 0, p.key << " names " << arg);
        CHECK(p.key.rfind("report.reflect.begrip_gain", 0) != 0); // Fatima's did not change
    }
}

TEST_CASE("report: a team's members are listed under their seat, each with their own actions") {
    SessionSetup setup = SessionSetup::defaultFor(*loadTestScenario(), false);
    setup.seats[0].name = "Ouders";
    setup.seats[0].members = {"Fatima", "Joost"};
    Game game(loadTestScenario(), setup);
    std::int64_t t = 1000;
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> perspectief
    apply(game, act(ActionType::Advance, kFacilitator, t += 1000)); // -> waarden
    for (int value : {0, 1}) { // Joost shares twice, Fatima not at all
        Action share = act(ActionType::ShareValue, 0, t += 1000);
        share.value = value;
        share.person = 1;
        apply(game, share);
    }
    const auto en = readCatalog("en");
    const TranslateFn tr = [&](const std::string& k) {
        auto it = en.find(k);
        return it == en.end() ? k : it->second;
    };
    ReportOptions options;
    options.lang = "en";
    const std::string html = renderSessionReport(game, tr, options);
    const std::regex row(R"re(<td class="member">([A-Za-z]+)</td><td class="num">([0-9]+)</td>)re");
    std::map<std::string, std::string> actions;
    for (std::sregex_iterator it(html.begin(), html.end(), row), end; it != end; ++it)
        actions[(*it)[1]] = (*it)[2];
    CHECK(actions == std::map<std::string, std::string>{{"Fatima", "0"}, {"Joost", "2"}});
    CHECK(html.find(en.at("report.inclusie_teams")) != std::string::npos);
}

TEST_CASE("report: a report path sits beside its session log") {
    CHECK(SessionFiles::report("/x/y/20260101-skatebaan.log") ==
          "/x/y/20260101-skatebaan.report.html");
    CHECK(SessionFiles::report("/x.y/session") == "/x.y/session.report.html");
}

TEST_CASE("report: an unwritable path is an error, not a crash") {
    const Game game = playShortSession();
    std::string error;
    CHECK_FALSE(writeSessionReport(game, "en", {}, "/nonexistent-dir/x/report.html", error));
    CHECK(!error.empty());
}

namespace {

// What a reader of the report sees: the text between the tags, without the
// style sheet, entities decoded.
std::string visibleText(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html.compare(i, 6, "<style") == 0) {
            const std::size_t end = html.find("</style>", i);
            i = end == std::string::npos ? html.size() : end + 8;
            continue;
        }
        if (html[i] == '<') {
            const std::size_t end = html.find('>', i);
            i = end == std::string::npos ? html.size() : end + 1;
            out += ' ';
            continue;
        }
        out += html[i++];
    }
    for (const auto& [entity, plain] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
        for (std::size_t at; (at = out.find(entity)) != std::string::npos;)
            out.replace(at, entity.size(), plain);
    }
    return out;
}

// A session of `scenario` played by bots to its end, from its log.
Game botSession(const std::string& scenario, const std::string& logPath) {
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/" + scenario + ".yaml");
    REQUIRE(loaded.ok());
    SimulationOptions options;
    options.games = 1;
    options.seed = 1;
    options.logPath = logPath;
    const SimulationReport r =
        simulate(std::make_shared<const Scenario>(std::move(*loaded.scenario)), options);
    REQUIRE_MESSAGE(r.error.empty(), r.error);
    Replay replay = replaySessionLog(logPath);
    REQUIRE(replay.errors.empty());
    REQUIRE(replay.game.has_value());
    return std::move(*replay.game);
}

} // namespace

TEST_CASE("report: rules in words, no file paths and amounts as the reader writes them") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "samenspel_test_report_words";
    std::filesystem::create_directories(dir);
    for (const char* scenario : {"skatebaan", "buurthuis", "groenbudget", "klas_grasveld",
                                 "leefstraat", "stadslandbouw", "statushouders", "tangconstructie",
                                 "voetbalveld", "convenant", "lagerhuisdebat", "wijktafel"}) {
        const std::string log = (dir / (std::string(scenario) + ".log")).string();
        const Game game = botSession(scenario, log);
        for (const std::string lang : {"nl", "en"}) {
            const std::string name = scenario;
            CAPTURE(name);
            CAPTURE(lang);
            const auto texts = readCatalog(lang);
            const TranslateFn tr = [&texts](const std::string& k) {
                const auto it = texts.find(k);
                return it == texts.end() ? k : it->second;
            };
            const std::string text =
                visibleText(renderSessionReport(game, tr, {lang, "2026-01-01"}));
            // The rules language never reaches the reader.
            for (const std::string rule : {"==", "!=", "<=", ">=", " and ", " or ", "not ("}) {
                if (lang == "en" && (rule == " and " || rule == " or "))
                    continue; // English prose has them; the ids check below catches rules
                CHECK_MESSAGE(text.find(rule) == std::string::npos,
                              "rule text '"
                                  << rule << "' near: "
                                  << text.substr(text.find(rule) > 60 ? text.find(rule) - 60 : 0,
                                                 140));
            }
            // Nor do the scenario's ids ("dicht_om_20", "months_left"); plain
            // words like "budget" are left out, prose has them too.
            const Scenario& sc = game.scenario();
            std::vector<std::string> ids = sc.resourceNames;
            for (const Attribute& a : sc.attributes)
                ids.push_back(a.id);
            for (const Issue& is : sc.issues)
                for (const Option& o : is.options)
                    ids.push_back(o.id);
            std::erase_if(ids,
                          [](const std::string& id) { return id.find('_') == std::string::npos; });
            for (const std::string& id : ids) {
                const std::regex word("(^|[^A-Za-z0-9_])" + id + "([^A-Za-z0-9_]|$)");
                CHECK_MESSAGE(!std::regex_search(text, word), "id '" << id << "' in the report");
            }
            // No file paths: not the log, not the scenario, not a folder.
            for (const char* path : {".log", ".yaml", "/tmp", "/home", "samenspel_test"})
                CHECK_MESSAGE(text.find(path) == std::string::npos, "path part '" << path << "'");
            // The stage by its name.
            CHECK(text.find(texts.at("ui.stage." + sc.stage)) != std::string::npos);
            // Amounts: the euro sign first, Dutch with a space and a point per thousand.
            CHECK_MESSAGE(!std::regex_search(text, std::regex("[0-9] ?€")),
                          "an amount as '33000 €'");
            if (lang == "nl") {
                CHECK_MESSAGE(!std::regex_search(text, std::regex("€ ?[0-9]{4,}")),
                              "an amount without a point per thousand");
                CHECK_MESSAGE(!std::regex_search(text, std::regex("€[0-9]")),
                              "'€' without a space");
            } else {
                CHECK_MESSAGE(!std::regex_search(text, std::regex("€ [0-9]")), "'€ 5' in English");
            }
        }
        std::filesystem::remove(log);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

// [SECTION] Support as stated, learning goals, questions, inclusie basis ------------
//
// In the short session the alderman alone votes yes on {plein} (spelen +2,
// rust -1; one issue, so n = 1):
//   Parents    (3*2 + 1*-1) / (3*4) * 100 =  41.7  the card accepts
//   Neighbours (3*-1)       / (3*3) * 100 = -33.3  the card does not accept
//   Alderman   (1*2)        / (3*3) * 100 =  22.2  accepts (cost 5000 <= budget 8000)
// So it is not gedragen volgens de kaarten (-33.3 < min_support 0).

namespace {

std::map<std::string, std::string> enCatalog() {
    return readCatalog("en");
}

TranslateFn translator(const std::map<std::string, std::string>& texts) {
    return [&texts](const std::string& k) {
        const auto it = texts.find(k);
        return it == texts.end() ? k : it->second;
    };
}

bool hasPoint(const std::vector<ReflectionPoint>& points, const std::string& key,
              const std::vector<std::string>& args = {}) {
    for (const ReflectionPoint& p : points)
        if (p.key == key && (args.empty() || p.args == args))
            return true;
    return false;
}

// In voorstel, `seat` objects to proposal 0 because of value `value`.
std::function<void(Game&, std::int64_t&)> objects(std::vector<std::pair<int, int>> seatValues) {
    return [seatValues](Game& game, std::int64_t& t) {
        for (const auto& sv : seatValues) {
            Action react = act(ActionType::React, sv.first, t += 1000);
            react.proposal = 0;
            react.reaction = ReactionKind::Object;
            react.reason = {Reason::Kind::Value, sv.second};
            apply(game, react);
        }
    };
}

} // namespace

TEST_CASE("report: carried at the table although not by the cards, with the silent role as a "
          "learning moment") {
    const Game game = playShortSession();
    const Decision& d = game.state().decision;
    REQUIRE(d.taken);
    CHECK_FALSE(d.gedragen);
    CHECK(d.gedragenAanTafel); // nobody objected
    const auto en = enCatalog();
    const std::string text =
        visibleText(renderSessionReport(game, translator(en), {"en", "2026-01-01"}));
    CHECK(text.find("not carried by the role cards") != std::string::npos);
    CHECK(text.find("carried at the table: no role kept an objection") != std::string::npos);
    CHECK(text.find("voted in favour") != std::string::npos); // the alderman
    CHECK(text.find("Neighbours said nothing about the decision although their card says no") !=
          std::string::npos);
    const std::vector<ReflectionPoint> points = reflectionPoints(game, "en");
    CHECK(hasPoint(points, "report.reflect.gedragen_table_only"));
    CHECK(hasPoint(points, "report.moment.silent", {"Neighbours"}));
    CHECK_FALSE(hasPoint(points, "report.moment.silent", {"Parents"})); // their card accepts
}

TEST_CASE("report: an objection left standing is not carried at the table, and an objection "
          "against one's own card is a learning moment") {
    // The neighbours object because of quiet (their card agrees), the parents
    // because of play (their card gives 41.7): neither reacts again.
    const Game game = playShortSession(objects({{1, 1}, {0, 0}}));
    const Decision& d = game.state().decision;
    REQUIRE(d.taken);
    CHECK_FALSE(d.gedragenAanTafel);
    const auto en = enCatalog();
    const std::string text =
        visibleText(renderSessionReport(game, translator(en), {"en", "2026-01-01"}));
    CHECK(text.find("not carried at the table: the objection of Parents, Neighbours still stood") !=
          std::string::npos);
    const std::vector<ReflectionPoint> moments = learningMoments(game, "en");
    REQUIRE(moments.size() == 1);
    CHECK(moments[0].key == "report.moment.objected");
    CHECK(moments[0].args == std::vector<std::string>{"Parents"});
    CHECK(text.find("Parents objected although their card shows support") != std::string::npos);
    CHECK(hasPoint(reflectionPoints(game, "en"), "report.reflect.not_gedragen",
                   {"Parents, Neighbours"}));
    // In Dutch the same, in Dutch.
    const auto nl = readCatalog("nl");
    const std::string dutch =
        visibleText(renderSessionReport(game, translator(nl), {"nl", "2026-01-01"}));
    CHECK(dutch.find("niet gedragen aan tafel") != std::string::npos);
    CHECK(dutch.find("niet gedragen volgens de kaarten") != std::string::npos);
    CHECK(dutch.find("maakte bezwaar") != std::string::npos);
}

TEST_CASE("report: the scenario's learning goals open it, before the decision") {
    const Game game = playShortSession();
    const auto en = enCatalog();
    const std::string html = renderSessionReport(game, translator(en), {"en", "2026-01-01"});
    const std::size_t goal = html.find("Find out what matters to the neighbours.");
    const std::size_t decision = html.find(">" + en.at("report.decision") + "</h2>");
    REQUIRE(goal != std::string::npos);
    REQUIRE(decision != std::string::npos);
    CHECK(goal < decision);
    CHECK(html.find(">" + en.at("report.learning_goals") + "</h2>") < goal);
}

TEST_CASE("report: reflection asks which problem it solves, who bears the costs and whom it shuts "
          "out") {
    const Game decided = playShortSession();
    const std::vector<ReflectionPoint> points = reflectionPoints(decided, "en");
    for (const char* key :
         {"report.question.problem", "report.question.costs", "report.question.shut_out"})
        CHECK_MESSAGE(hasPoint(points, key), key);
    const auto en = enCatalog();
    const std::string text =
        visibleText(renderSessionReport(decided, translator(en), {"en", "2026-01-01"}));
    CHECK(text.find("Who bears the costs of the decision") != std::string::npos);

    // Without a decision the questions are about the latest proposal.
    Game open(loadTestScenario(), SessionSetup::defaultFor(*loadTestScenario(), false));
    std::int64_t t = 1000;
    for (int k = 0; k < 3; ++k)
        apply(open, act(ActionType::Advance, kFacilitator, t += 1000)); // -> voorstel
    Action propose = act(ActionType::Propose, 0, t += 1000);
    propose.package = {1};
    apply(open, propose);
    apply(open, act(ActionType::Advance, kFacilitator, t += 1000)); // -> besluit
    apply(open, act(ActionType::Advance, kFacilitator, t += 1000)); // -> reflectie, no vote
    REQUIRE_FALSE(open.state().decision.taken);
    const std::vector<ReflectionPoint> latest = reflectionPoints(open, "en");
    CHECK(hasPoint(latest, "report.question.shut_out_latest"));
    CHECK_FALSE(hasPoint(latest, "report.question.shut_out"));
}

TEST_CASE("report: inclusie names its basis, game actions or speaking time") {
    const auto en = enCatalog();
    const std::string actions =
        visibleText(renderSessionReport(playShortSession(), translator(en), {"en", "2026-01-01"}));
    CHECK(actions.find(en.at("report.inclusie_basis.game_actions")) != std::string::npos);
    CHECK(actions.find(en.at("report.speaking_per_person")) == std::string::npos);

    // Fatima gets the floor for 30 s.
    const Game spoken = playShortSession([](Game& game, std::int64_t& t) {
        Action give = act(ActionType::GiveTurn, kFacilitator, t += 1000);
        give.targetSeat = 0;
        apply(game, give);
        apply(game, act(ActionType::EndTurn, kFacilitator, t += 30000));
    });
    REQUIRE(spoken.measure().inclusieBasis == InclusieBasis::SpeakingTime);
    const std::string speaking =
        visibleText(renderSessionReport(spoken, translator(en), {"en", "2026-01-01"}));
    CHECK(speaking.find(en.at("report.inclusie_basis.speaking_time")) != std::string::npos);
    CHECK(speaking.find(en.at("report.speaking_per_person")) != std::string::npos);
    CHECK(speaking.find("0:30") != std::string::npos);
    CHECK(speaking.find("1 turn") != std::string::npos);
}

TEST_CASE("catalogs: the report and the debrief speak of talking only about speaking time") {
    // Inclusie from game actions counts button presses: "did 40% of the
    // talking" would claim what was never measured.
    for (const char* lang : {"nl", "en"}) {
        const std::string language = lang;
        for (const auto& entry : readCatalog(lang)) {
            const std::string& key = entry.first;
            if (key.rfind("report.", 0) != 0 && key.rfind("debrief.", 0) != 0)
                continue;
            std::string text = entry.second;
            std::transform(text.begin(), text.end(), text.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            const bool talks = text.find("talking") != std::string::npos ||
                               text.find("het woord") != std::string::npos;
            const bool aboutSpeaking = key.find("speaking") != std::string::npos;
            CHECK_MESSAGE((!talks || aboutSpeaking),
                          language << " " << key << ": " << entry.second);
        }
    }
}

TEST_CASE("report: begrip v2 before, after and gain, with a missing answer as a dash, never 0") {
    // Fatima predicts the neighbours' values at perspectief only: {rust}, the
    // one value they weigh. k = 1 of 3 values, so chance c = 1/3 and her score
    // is (1 - 1/3) / (1 - 1/3) = 1. Nobody answers at reflectie.
    const auto en = enCatalog();
    Game game = playShortSession();
    const std::string html = renderSessionReport(game, translator(en), {"en", "2026-01-01"});
    CHECK(visibleText(html).find(en.at("report.begrip_explain_v2")) != std::string::npos);
    CHECK(html.find("<td>Fatima (Parents)</td><td class=\"num\">1.00</td><td "
                    "class=\"num\">—</td><td class=\"num\">—</td>") != std::string::npos);
    CHECK(
        html.find("<td>Joost (Neighbours)</td><td class=\"num\">—</td><td class=\"num\">—</td>") !=
        std::string::npos);
    CHECK(html.find(en.at("report.begrip_v1_note")) == std::string::npos);
    CHECK(hasPoint(reflectionPoints(game, "en"), "report.reflect.begrip_unmeasured_v2"));

    // A log from before begrip v2 replays with the v1 figures (acc 1 = 100%) and a note.
    game.setBegripVersion(1);
    const std::string v1 = renderSessionReport(game, translator(en), {"en", "2026-01-01"});
    CHECK(v1.find(en.at("report.begrip_v1_note")) != std::string::npos);
    CHECK(v1.find("<td>Fatima (Parents)</td><td class=\"num\">100%</td>") != std::string::npos);
}

TEST_CASE("report: under consensus the table takes the decision, otherwise the council") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "samenspel_test_report_who_decides";
    std::filesystem::create_directories(dir);
    // Seed 1 reaches a decision in both: the covenant (consensus) and the
    // community centre (council majority).
    const Game covenant = botSession("convenant", (dir / "convenant.log").string());
    const Game centre = botSession("buurthuis", (dir / "buurthuis.log").string());
    REQUIRE(covenant.state().decision.taken);
    REQUIRE(centre.state().decision.taken);
    for (const std::string lang : {"nl", "en"}) {
        CAPTURE(lang);
        const auto texts = readCatalog(lang);
        const TranslateFn tr = [&texts](const std::string& k) {
            const auto it = texts.find(k);
            return it == texts.end() ? k : it->second;
        };
        const std::string table =
            visibleText(renderSessionReport(covenant, tr, {lang, "2026-01-01"}));
        const std::string council =
            visibleText(renderSessionReport(centre, tr, {lang, "2026-01-01"}));
        const std::string byTable = lang == "nl" ? "De tafel heeft een besluit genomen over"
                                                 : "The table took a decision on";
        const std::string byCouncil = lang == "nl" ? "De raad heeft een besluit genomen over"
                                                   : "The council took a decision on";
        CHECK(table.find(byTable) != std::string::npos);
        CHECK(table.find(byCouncil) == std::string::npos);
        CHECK(council.find(byCouncil) != std::string::npos);
        CHECK(council.find(byTable) == std::string::npos);
    }
}
