// The room report: three tables of bots play the skating park to the end,
// each with its own log; the report of the room says what each table's own
// replay says, links each table's own report, and a browser renders it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/live_session.hpp"
#include "core/log.hpp"
#include "core/plenary.hpp"
#include "core/scenario.hpp"
#include "core/scoring.hpp"
#include "core/session_files.hpp"
#include "core/text.hpp"
#include "i18n.hpp"
#include "room_report.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A table of bots to the end, as a room's host plays it, logged in `dir`.
std::string playTable(const fs::path& dir, std::shared_ptr<const Scenario> sc, int table,
                      std::uint64_t seed) {
    LiveSessionOptions options;
    options.pace = SessionPace::asFastAsPossible();
    options.logPath = (dir / ("table-" + std::to_string(table) + ".log")).string();
    std::string error;
    auto session =
        LiveSession::start(sc, SessionSetup::defaultFor(*sc, true, seed), options, error);
    REQUIRE_MESSAGE(session, error);
    REQUIRE(session->runToEnd());
    return options.logPath;
}

} // namespace

TEST_CASE("the room report of three tables says what each table's replay says") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_room_report";
    fs::remove_all(dir);
    fs::create_directories(dir);
    LoadResult loaded =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(loaded.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*loaded.scenario));
    std::vector<std::string> logs;
    for (int t = 1; t <= 3; ++t)
        logs.push_back(playTable(dir, sc, t, 40 + static_cast<std::uint64_t>(t)));

    const fs::path out = dir / "room.html";
    std::string error;
    REQUIRE_MESSAGE(writeRoomReport(logs, out.string(), "nl", error), error);
    const std::string html = readAll(out);
    CHECK(contains(html, "<title>De skatebaan — Zaalverslag</title>"));

    // Each table's column holds its own replay's numbers, and links its report.
    std::vector<PlenaryTable> tables;
    for (std::size_t t = 0; t < logs.size(); ++t) {
        const Replay replay = replaySessionLog(logs[t]);
        REQUIRE(replay.game);
        REQUIRE(replay.errors.empty());
        const Measurements m = replay.game->measure();
        CAPTURE(t);
        CHECK(fs::exists(SessionFiles::report(logs[t])));
        CHECK(contains(html, "href=\"table-" + std::to_string(t + 1) + ".report.html\""));
        CHECK(contains(html, "<th>Tafel " + std::to_string(t + 1) + "</th>"));
        if (m.decision.taken)
            CHECK(contains(html,
                           "<td class=\"num\">" +
                               formatNumber(roundSupport(m.decision.draagvlak.minimum), 1, "nl") +
                               "</td>"));
        // Begrip v2 as the score it is (0 guessing, 1 all right), not a share.
        REQUIRE(m.begripVersion == 2);
        if (m.begripAfter)
            CHECK(contains(html,
                           "<td class=\"num\">" + formatNumber(*m.begripAfter, 2, "nl") + "</td>"));
        tables.push_back(plenaryTableOf(*replay.game, std::to_string(t + 1)));
    }
    // The outcomes in the side-by-side row, one badge per table in order:
    // gedragen by the role cards, then in the next row gedragen aan tafel.
    std::string outcomes;
    for (const PlenaryTable& t : tables)
        outcomes += !t.decided ? "geen besluit" : t.gedragen ? "✓ gedragen" : "✗ niet gedragen";
    for (const PlenaryTable& t : tables)
        outcomes += !t.decided            ? "geen besluit"
                    : !t.gedragenAanTafel ? "?"
                    : *t.gedragenAanTafel ? "✓ gedragen"
                                          : "✗ niet gedragen";
    CHECK(contains(html, "<th>Gedragen aan tafel</th>"));
    std::string shown;
    for (std::size_t at = html.find("<span class=\"badge"); at != std::string::npos;
         at = html.find("<span class=\"badge", at + 1)) {
        const std::size_t open = html.find('>', at) + 1;
        shown += html.substr(open, html.find("</span>", open) - open);
    }
    CHECK(shown == outcomes);
    // The differences, as the plenary says them in Dutch.
    const Plenary plenary = makePlenary(tables);
    Catalog nl;
    std::vector<std::string> problems;
    nl.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", "nl", problems);
    PlenaryWords words;
    words.scenario = sc.get();
    words.word = [&nl](const std::string& key) { return nl.word(key); };
    REQUIRE_FALSE(plenary.notes.empty());
    for (const PlenaryNote& note : plenary.notes)
        CHECK(contains(html, "<li>" + htmlEscape(plenaryNoteText(plenary, note, words)) + "</li>"));
    // The matrix: a dot for every option a table chose, one per table and issue.
    std::size_t chosen = 0;
    for (const PlenaryChoice& c : plenary.matrix)
        chosen += c.tables.size();
    std::size_t dots = 0;
    for (std::size_t at = html.find("●"); at != std::string::npos; at = html.find("●", at + 1))
        ++dots;
    CHECK(dots == chosen);

    // A browser renders it: Debian's chromium prints it to a PDF of pages.
    if (std::system("command -v chromium >/dev/null") != 0) {
        MESSAGE("chromium missing: the report was not rendered");
        return;
    }
    const fs::path pdf = dir / "room.pdf";
    const std::string print = "chromium --headless --no-sandbox --disable-gpu "
                              "--no-pdf-header-footer --print-to-pdf='" +
                              pdf.string() + "' 'file://" + out.string() + "' >/dev/null 2>&1";
    REQUIRE(std::system(print.c_str()) == 0);
    const std::string printed = readAll(pdf);
    CHECK(printed.rfind("%PDF-", 0) == 0);
    // The page tree counts its pages: at least one.
    CHECK(std::regex_search(printed, std::regex("/Type /Pages[^>]*/Count [1-9]")));
}
