// The text catalog: what a player sees when a text exists, is missing, or a
// catalog file is damaged; and that Dutch and English cover the same keys.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/game.hpp"
#include "i18n.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

const std::string kI18nDir = std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n";

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("samenspel_test_i18n_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

std::set<std::string> keysOf(const Catalog& c) {
    std::set<std::string> keys;
    for (const auto& [k, v] : c.texts())
        keys.insert(k);
    return keys;
}

} // namespace

TEST_CASE("a missing text shows its key instead of crashing") {
    Catalog c;
    c.set("ui.hello", "Hallo {0}, je bent {1}");
    CHECK(c.tr("ui.hello", "Fatima", 17) == "Hallo Fatima, je bent 17");
    CHECK(c.tr("ui.nowhere") == "ui.nowhere");
    CHECK(c.tr("ui.nowhere", 3) == "ui.nowhere 3");
}

TEST_CASE("arguments fill {0} {1} in any order, {{ is a literal brace, unknown placeholders stay") {
    CHECK(fillArgs("{1} voor {0}", {"a", "b"}) == "b voor a");
    CHECK(fillArgs("{{0}} en {0}", {"x"}) == "{0}} en x");
    CHECK(fillArgs("{2} blijft", {"x"}) == "{2} blijft");
    CHECK(fillArgs("€ {0} – “quoted”", {"12"}) == "€ 12 – “quoted”");
    Catalog en;
    en.setLang("en");
    CHECK(en.argText(2.5) == "2.5");
    CHECK(en.argText(3.0) == "3");
}

TEST_CASE("all files of a language are merged, and a damaged file is reported with file:line:col") {
    const fs::path dir = freshDir("merge");
    writeFile(dir / "nl" / "a.yaml", "a.one: Een\nshared: van a\n");
    writeFile(dir / "nl" / "b.yaml", "b.two: Twee\nshared: van b\n");
    writeFile(dir / "nl" / "c.yaml", "c.three: [oops\n");
    writeFile(dir / "nl" / "d.yaml", "d.list: [1, 2]\nd.ok: Goed\n");
    Catalog c;
    std::vector<std::string> problems;
    REQUIRE(c.load(dir.string(), "nl", problems));
    CHECK(c.tr("a.one") == "Een");
    CHECK(c.tr("b.two") == "Twee");
    CHECK(c.tr("d.ok") == "Goed");
    CHECK(c.tr("shared") == "van b");
    CHECK(c.tr("d.list") == "d.list");
    bool syntaxReported = false, typeReported = false, duplicateReported = false;
    for (const auto& p : problems) {
        syntaxReported |=
            p.find("c.yaml:") != std::string::npos && p.find(": error:") != std::string::npos;
        typeReported |= p.find("d.yaml:1:") != std::string::npos;
        duplicateReported |= p.find("b.yaml:2:1: warning") != std::string::npos;
    }
    CHECK(syntaxReported);
    CHECK(typeReported);
    CHECK(duplicateReported);
}

TEST_CASE("a language without texts loads nothing and still answers with keys") {
    Catalog c;
    std::vector<std::string> problems;
    CHECK_FALSE(c.load(freshDir("empty").string(), "fr", problems));
    CHECK(c.tr("ui.title.new_session") == "ui.title.new_session");
}

TEST_CASE("the shipped Dutch and English catalogs load cleanly and have the same keys") {
    Catalog nl, en;
    std::vector<std::string> problems;
    REQUIRE(nl.load(kI18nDir, "nl", problems));
    REQUIRE(en.load(kI18nDir, "en", problems));
    for (const auto& p : problems)
        CHECK_MESSAGE(p.find("error") == std::string::npos, p);
    const auto nlKeys = keysOf(nl), enKeys = keysOf(en);
    for (const auto& k : nlKeys)
        CHECK_MESSAGE(enKeys.count(k), "only in nl: " << k);
    for (const auto& k : enKeys)
        CHECK_MESSAGE(nlKeys.count(k), "only in en: " << k);
    CHECK(Catalog::languages(kI18nDir) == std::vector<std::string>{"en", "nl"});
}

TEST_CASE("every interface text the shell and its screens ask for exists in both languages") {
    Catalog nl, en;
    std::vector<std::string> problems;
    nl.load(kI18nDir, "nl", problems);
    en.load(kI18nDir, "en", problems);
    const std::string root = SAMENSPEL_SOURCE_DIR;
    const std::vector<std::string> sources = {"game/app.cpp",
                                              "game/screens/title.cpp",
                                              "game/screens/picker.cpp",
                                              "game/screens/setup.cpp",
                                              "game/screens/settings.cpp",
                                              "game/screens/room_dashboard.cpp",
                                              "game/screens/room_table.cpp",
                                              "game/room_source.cpp",
                                              "engine/core/room_alerts.cpp"};
    // Literal keys ("ui.title.quit"); prefixes built at run time ("ui.stage." + id)
    // are checked through their known endings below.
    const std::regex literal(R"re("((?:ui|app|room)\.[a-z_]+(?:\.[a-z_]+)+)")re");
    int found = 0;
    for (const auto& file : sources) {
        std::ifstream in(root + "/" + file);
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it) {
            const std::string key = (*it)[1];
            ++found;
            // A text about a number has its forms as keys of their own (trCount).
            const auto has = [&key](const Catalog& c) {
                return c.has(key) || (c.has(key + ".one") && c.has(key + ".other"));
            };
            CHECK_MESSAGE(has(nl), file << ": no Dutch text for " << key);
            CHECK_MESSAGE(has(en), file << ": no English text for " << key);
        }
    }
    CHECK(found > 40);
    for (const char* stage :
         {"signaleren", "agenderen", "ontwerpen", "uitwerken", "beslissen", "evalueren"}) {
        CHECK(nl.has(std::string("ui.stage.") + stage));
        CHECK(en.has(std::string("ui.stage.") + stage));
    }
    for (const char* phase : {"kennismaken", "perspectief", "waarden", "randvoorwaarden",
                              "voorstel", "besluit", "reflectie"}) {
        CHECK(nl.has(std::string("ui.phase.") + phase));
        CHECK(en.has(std::string("ui.phase.") + phase));
    }
    for (const char* lang : {"nl", "en"}) {
        CHECK(nl.has(std::string("ui.language.") + lang));
        CHECK(en.has(std::string("ui.language.") + lang));
    }
}

TEST_CASE("a text asked for but missing is remembered, so an autoplay run can report it") {
    const fs::path dir = freshDir("missing");
    writeFile(dir / "en" / "ui.yaml", "ui.hello: \"Hello {0}\"\n");
    Catalog catalog;
    std::vector<std::string> problems;
    REQUIRE(catalog.load(dir.string(), "en", problems));
    CHECK(catalog.tr("ui.hello", "Fatima") == "Hello Fatima");
    CHECK(catalog.missingKeys().empty());
    CHECK(catalog.tr("ui.goodbye") == "ui.goodbye");
    CHECK(catalog.tr("table.phase.x", 3) == "table.phase.x 3");
    CHECK(catalog.missingKeys() ==
          std::set<std::string, std::less<>>{"table.phase.x", "ui.goodbye"});
    // Switching language starts a fresh list.
    REQUIRE(catalog.load(dir.string(), "en", problems));
    CHECK(catalog.missingKeys().empty());
}

TEST_CASE("a text about a number takes the plural form the number asks for") {
    Catalog c;
    c.setLang("nl");
    c.set("q.one", "{0} vraag van {1}");
    c.set("q.other", "{0} vragen van {1}");
    c.set("plain", "{0} keer");
    CHECK(c.trCount("q", 1, "Sam") == "1 vraag van Sam");
    CHECK(c.trCount("q", 5, "Sam") == "5 vragen van Sam");
    CHECK(c.trCount("q", 0, "Sam") == "0 vragen van Sam");
    CHECK(c.trCount("q", 12000, "Sam") == "12.000 vragen van Sam");
    CHECK(c.trCount("plain", 3) == "3 keer"); // a key without forms is used as it is
    CHECK(c.tr("n", 17.66) == "n 17,7");      // missing: key and argument, Dutch decimal
    c.set("n", "{0}");
    CHECK(c.tr("n", 17.66) == "17,7");
    c.setLang("en");
    CHECK(c.tr("n", 17.66) == "17.7");
}

TEST_CASE("the catalogs write plurals as forms, never as 'vraag/vragen' or 'vote(s)'") {
    const std::regex bracketPlural(R"([A-Za-zë]\((s|n|en|men|es)\))");
    const std::regex slashPlural(R"(\b([a-z]{3,})/\1)");
    for (const std::string lang : {"nl", "en"}) {
        Catalog c;
        std::vector<std::string> problems;
        REQUIRE(c.load(kI18nDir, lang, problems));
        for (const auto& entry : c.texts()) {
            // Named copies: CAPTURE is a lambda, and clang 14 cannot capture
            // a structured binding.
            const std::string& key = entry.first;
            const std::string& text = entry.second;
            CAPTURE(key);
            CAPTURE(text);
            CHECK_FALSE(std::regex_search(text, bracketPlural));
            CHECK_FALSE(std::regex_search(text, slashPlural));
            // Forms come in pairs.
            const auto dot = key.rfind('.');
            const std::string tail = dot == std::string::npos ? "" : key.substr(dot);
            if (tail == ".one")
                CHECK(c.has(key.substr(0, dot) + ".other"));
        }
    }
}

TEST_CASE("proposals by number and version, and moments by the minute") {
    Catalog nl;
    std::vector<std::string> problems;
    REQUIRE(nl.load(kI18nDir, "nl", problems));
    GameState st;
    for (int parent : {-1, -1, 0, 2}) {
        Proposal p;
        p.id = static_cast<int>(st.proposals.size());
        p.parent = parent;
        p.version = parent < 0 ? 1 : st.proposals[static_cast<std::size_t>(parent)].version + 1;
        st.proposals.push_back(p);
    }
    CHECK(proposalTitle(nl, st, 1) == "Voorstel 2");
    CHECK(proposalTitle(nl, st, 3) == "Voorstel 1, versie 3");
    CHECK(proposalRef(nl, st, 2) == "voorstel 1, versie 2");
    CHECK(sessionMoment(nl, 17 * 60000 + 59000) == "na 17 min");
    CHECK(sessionMoment(nl, 20000) == "aan het begin");
    Catalog en;
    REQUIRE(en.load(kI18nDir, "en", problems));
    CHECK(proposalTitle(en, st, 3) == "Proposal 1, version 3");
    CHECK(sessionMoment(en, 17 * 60000) == "after 17 min");
}
