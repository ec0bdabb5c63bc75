// Every shipped scenario is played in Dutch and in English: no text of it may
// fall back to the other language in front of a room (LocalizedText::get
// would do so silently). Checked on the loaded scenario, so the GUI runs need
// not play every scenario in both languages to find a missing one.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/scenario.hpp"

using namespace samenspel;

namespace {

struct Missing {
    std::vector<std::string> places;

    // `text` must be written in nl and en when it is written at all;
    // `required` texts must be written.
    void check(const LocalizedText& text, const std::string& where, bool required = true) {
        if (text.empty() && !required)
            return;
        for (const char* lang : {"nl", "en"}) {
            const auto it = text.byLang.find(lang);
            if (it == text.byLang.end() || it->second.empty())
                places.push_back(where + " (" + lang + ")");
        }
    }
};

Missing missingTexts(const Scenario& sc) {
    Missing m;
    m.check(sc.title, "title");
    m.check(sc.summary, "summary");
    m.check(sc.caseText, "case");
    for (std::size_t i = 0; i < sc.learningGoals.size(); ++i)
        m.check(sc.learningGoals[i], "learning goal " + std::to_string(i + 1));
    for (const Attribute& a : sc.attributes)
        m.check(a.name, "attribute " + a.id);
    for (const Value& v : sc.values) {
        m.check(v.name, "value " + v.id);
        m.check(v.description, "value " + v.id + " description", false);
    }
    for (const Issue& issue : sc.issues) {
        m.check(issue.name, "issue " + issue.id);
        m.check(issue.description, "issue " + issue.id + " description", false);
        for (const Option& o : issue.options) {
            m.check(o.name, "option " + issue.id + "." + o.id);
            m.check(o.description, "option " + issue.id + "." + o.id + " description", false);
        }
    }
    for (const Role& role : sc.roles) {
        m.check(role.name, "role " + role.id);
        m.check(role.briefing, "role " + role.id + " briefing");
        m.check(role.secret, "role " + role.id + " secret", false);
        for (const Precondition& p : role.preconditions) {
            m.check(p.name, "precondition " + role.id + "." + p.id);
            m.check(p.inWords, "precondition " + role.id + "." + p.id + " in_words", false);
        }
    }
    for (const Event& e : sc.events) {
        m.check(e.title, "event " + e.id + " title");
        m.check(e.text, "event " + e.id + " text");
    }
    return m;
}

} // namespace

TEST_CASE("every text of every shipped scenario is written in Dutch and in English") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios"))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 14);
    for (const auto& file : files) {
        LoadResult r = loadScenarioFile(file.string());
        REQUIRE_MESSAGE(r.ok(), file.string());
        for (const std::string& place : missingTexts(*r.scenario).places)
            FAIL_CHECK(file.filename().string() << ": " << place << " is missing");
    }
}

TEST_CASE("the language check finds a text written in one language only") {
    const std::string yaml = std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    LoadResult r = loadScenarioFile(yaml);
    REQUIRE(r.ok());
    Scenario sc = *r.scenario;
    sc.roles[1].briefing.byLang.erase("en");
    sc.issues[0].options[0].name.byLang["nl"].clear();
    const std::vector<std::string> places = missingTexts(sc).places;
    REQUIRE(places.size() == 2);
    CHECK(places[0] == "option " + sc.issues[0].id + "." + sc.issues[0].options[0].id + " (nl)");
    CHECK(places[1] == "role " + sc.roles[1].id + " briefing (en)");
}
