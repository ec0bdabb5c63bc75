// `samenspel archive` on a fresh data folder, as a trainer uses it: sessions
// played with `samenspel host` are recorded as they end, a local log joins on
// `archive rebuild`, list/show/compare/export say what the replay of each log
// says, and a deleted or garbage database comes back from the logs with the
// same rows.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../old_log_format.hpp"
#include "cli/archive_views.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"
#include "core/session_files.hpp"

namespace fs = std::filesystem;
using namespace samenspel;

using samenspel::testing::rewriteAsFormat2;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The samenspel binary with `args` and its own data folder.
Run samenspelIn(const fs::path& dataHome, const std::string& args) {
    const fs::path out = dataHome.parent_path() / "out.txt";
    const fs::path err = dataHome.parent_path() / "err.txt";
    const std::string command = "XDG_DATA_HOME='" + dataHome.string() + "' '" +
                                std::string(SAMENSPEL_BINARY) + "' " + args + " >'" + out.string() +
                                "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    Run run;
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = readFile(out);
    run.err = readFile(err);
    return run;
}

Run host(const fs::path& dataHome, const fs::path& log, int seed, const std::string& group) {
    return samenspelIn(dataHome, "host '" + std::string(SAMENSPEL_SOURCE_DIR) +
                                     "/scenarios/skatebaan.yaml' --headless --bots-fill --mute "
                                     "--no-qr --bind 127.0.0.1 --port 0 --max-seconds 60 --seed " +
                                     std::to_string(seed) + " --log '" + log.string() +
                                     "' --group '" + group + "'");
}

// A session of the game's own, as the window leaves it in the sessions
// folder: bots to the end (or `steps` steps) through the engine.
void playLocally(const fs::path& sessions, std::uint64_t seed, const std::string& group,
                 int steps = -1) {
    LoadResult r =
        loadScenarioFile(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml");
    REQUIRE(r.ok());
    auto sc = std::make_shared<const Scenario>(std::move(*r.scenario));
    SessionSetup setup = SessionSetup::defaultFor(*sc, true, seed);
    setup.group = group;
    LiveSessionOptions options;
    options.pace = SessionPace::asFastAsPossible();
    options.logPath = newLogPath(sessions.string(), sc->id);
    std::string error;
    auto session = LiveSession::start(sc, setup, options, error);
    REQUIRE_MESSAGE(session, error);
    if (steps < 0)
        session->runToEnd();
    for (int i = 0; i < steps; ++i)
        session->step();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

int lineCount(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

void removeDatabase(const fs::path& data) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(data / "samenspel" / (std::string("archive.sqlite") + suffix));
}

} // namespace

TEST_CASE("archive commands: sessions of a year, listed, shown, compared, exported and rebuilt") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_cli_archive";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path data = dir / "data";

    Run empty = samenspelIn(dir / "empty", "archive list");
    CHECK(empty.code == 0);
    CHECK(contains(empty.out, "The archive holds no sessions yet"));

    // Two hosted sessions are recorded as they end, with their group labels;
    // the first one ever starts the archive without a word about it.
    Run a = host(data, dir / "vianen.log", 2, "Raad Vianen, 12 maart");
    REQUIRE_MESSAGE(a.code == 0, a.err);
    CHECK(contains(a.out, "Archived as session 1 (samenspel archive show 1)"));
    CHECK_MESSAGE(!contains(a.err, "archive"), a.err);
    Run b = host(data, dir / "klas.log", 9, "Klas 4B");
    REQUIRE_MESSAGE(b.code == 0, b.err);
    CHECK(contains(b.out, "Archived as session 2"));

    // A local session, and one that did not end, join on a rebuild.
    const fs::path sessions = data / "samenspel" / "sessions";
    playLocally(sessions, 11, "Nieuwe ambtenaren");
    playLocally(sessions, 12, "half af", 3);
    Run rebuilt = samenspelIn(data, "archive rebuild");
    CHECK(rebuilt.code == 0);
    CHECK(contains(rebuilt.out, "3 sessions recorded, 1 unfinished session left out"));

    Run list = samenspelIn(data, "archive list");
    CHECK(list.code == 0);
    CHECK(lineCount(list.out) == 4); // a header and three sessions
    CHECK(contains(list.out, "Raad Vianen, 12 maart"));
    CHECK(contains(list.out, "Klas 4B"));
    CHECK(contains(list.out, "Nieuwe ambtenaren"));
    CHECK_FALSE(contains(list.out, "half af"));

    // show says what `samenspel replay` says of the same log.
    Run show = samenspelIn(data, "archive show 1 --json");
    REQUIRE(show.code == 0);
    const auto shown = nlohmann::json::parse(show.out);
    Run replay = samenspelIn(data, "replay '" + (dir / "vianen.log").string() + "' --json");
    REQUIRE(replay.code == 0);
    const auto replayed = nlohmann::json::parse(replay.out);
    CHECK(shown["group"] == "Raad Vianen, 12 maart");
    CHECK(shown["decided"] == replayed["decision"]["taken"]);
    CHECK(shown["decision"] == replayed["decision"]["package"]);
    CHECK(shown["gedragen"] == replayed["decision"]["gedragen"]);
    CHECK(shown["lowestSupport"] == replayed["decision"]["draagvlak"]["min"]);
    CHECK(shown["meanSupport"] == replayed["decision"]["draagvlak"]["mean"]);
    CHECK(shown["people"].size() == replayed["actionsPerSeat"].size());
    CHECK(shown["settings"]["seed"] == 2);
    // The new measures as replay says them: begrip with its version, both
    // kinds of gedragen, the inclusie basis.
    CHECK(shown["begrip"]["version"] == 2);
    CHECK(shown["begrip"]["version"] == replayed["begrip"]["version"]);
    CHECK(shown["begrip"]["after"] == replayed["begrip"]["after"]);
    if (replayed["decision"]["taken"] == true)
        CHECK(shown["gedragenAanTafel"] == replayed["decision"]["gedragen_aan_tafel"]);
    else
        CHECK(shown["gedragenAanTafel"].is_null());
    CHECK(shown["inclusieBasis"] == replayed["inclusie_basis"]);
    Run showText = samenspelIn(data, "archive show 2");
    CHECK(contains(showText.out, "group         Klas 4B"));
    CHECK(contains(showText.out, "raadslid_coalitie"));
    CHECK(
        contains(showText.out, "(begrip v2, corrected for guessing: 0 is guessing, 1 all right)"));
    CHECK(contains(showText.out, "(gedragen aan tafel: no role kept an objection)"));
    CHECK(contains(showText.out, "(share of game actions"));

    // compare: the matrix of choices, then the measurements, a column each.
    Run compare = samenspelIn(data, "archive compare 1 2 3");
    REQUIRE(compare.code == 0);
    for (const char* row : {"decision", "gedragen (cards)", "gedragen at table", "lowest support",
                            "mean support", "begrip version", "begrip before", "begrip after",
                            "inclusie", "inclusie basis", "public value", "duration"})
        CHECK_MESSAGE(contains(compare.out, std::string("\n") + row), row);
    CHECK(contains(compare.out, "#1"));
    CHECK(contains(compare.out, "#3"));
    // ... and what the plenary would put to the room about them.
    CHECK(contains(compare.out, "\nto discuss:\n"));
    CHECK(contains(compare.out, "Session 3 reached no decision."));
    // Every session measured begrip v2: nothing to warn about.
    CHECK_FALSE(contains(compare.out, "does not compare"));
    const auto compared =
        nlohmann::json::parse(samenspelIn(data, "archive compare 1 3 --json").out);
    REQUIRE(compared["sessions"].size() == 2);
    for (const auto& choice : compared["choices"])
        for (const auto& number : choice["chosenBy"]) {
            const auto& session = compared["sessions"][number == 1 ? 0 : 1];
            CHECK(session["decision"][choice["issue"].get<std::string>()] == choice["option"]);
        }

    // export: a header and one row per seat, the group's comma quoted.
    Run csv = samenspelIn(data, "archive export --csv");
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("session,date,scenario,scenario_version,group,seed,decided,gedragen,"
                        "gedragen_aan_tafel,decision,lowest_support,mean_support,public_value,"
                        "begrip_version,begrip_before,begrip_after,inclusie,inclusie_basis,",
                        0) == 0);
    CHECK(contains(csv.out, ",game_actions,"));
    CHECK(lineCount(csv.out) == 1 + 3 * 6);
    CHECK(contains(csv.out, ",\"Raad Vianen, 12 maart\","));

    // The database deleted mid-year: rebuilt from the logs, nothing lost.
    removeDatabase(data);
    Run afterDelete = samenspelIn(data, "archive export --csv");
    CHECK(afterDelete.code == 0);
    CHECK(contains(afterDelete.err, "there was no archive database " +
                                        (data / "samenspel" / "archive.sqlite").string() +
                                        "; built it from the logs: 3 sessions recorded"));
    CHECK(afterDelete.out == csv.out);

    // Garbage over the database: moved aside, rebuilt, the same rows.
    {
        std::ofstream garbage(data / "samenspel" / "archive.sqlite", std::ios::binary);
        for (int i = 0; i < 8192; ++i)
            garbage.put(static_cast<char>(i * 131 % 256));
    }
    for (const char* suffix : {"-wal", "-shm"})
        fs::remove(data / "samenspel" / (std::string("archive.sqlite") + suffix));
    Run afterGarbage = samenspelIn(data, "archive export --csv");
    CHECK(afterGarbage.code == 0);
    CHECK(contains(afterGarbage.err, "was damaged; moved it to"));
    CHECK(afterGarbage.out == csv.out);

    // Logs from another folder join; a damaged one is named and skipped.
    const fs::path other = dir / "other";
    fs::create_directories(other);
    fs::copy_file(dir / "klas.log", other / "copy-broken.log");
    std::ofstream(other / "copy-broken.log", std::ios::app) << "{\"seq\":1,\"type\":\"vote\"}\n";
    Run withBroken = samenspelIn(data, "archive rebuild '" + other.string() + "'");
    CHECK(withBroken.code == 0);
    CHECK(contains(withBroken.err,
                   "skipped a damaged log: " + (other / "copy-broken.log").string() + ":"));
    CHECK(contains(withBroken.out, "3 sessions recorded"));
}

TEST_CASE("archive: three hosts ending at once on a fresh data folder are all recorded") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_cli_archive_room";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path data = dir / "data";
    std::string command;
    for (int table = 1; table <= 3; ++table)
        command += "XDG_DATA_HOME='" + data.string() + "' '" + std::string(SAMENSPEL_BINARY) +
                   "' host '" + std::string(SAMENSPEL_SOURCE_DIR) +
                   "/scenarios/skatebaan.yaml' --headless --bots-fill --mute --no-qr --bind "
                   "127.0.0.1 --port 0 --max-seconds 60 --seed " +
                   std::to_string(table) + " --group 'tafel " + std::to_string(table) +
                   "' --log '" + (dir / ("t" + std::to_string(table) + ".log")).string() + "' >'" +
                   (dir / ("t" + std::to_string(table) + ".out")).string() + "' 2>&1 & ";
    command += "wait";
    REQUIRE(std::system(command.c_str()) == 0);
    Run list = samenspelIn(data, "archive list");
    CHECK(list.err.empty());
    CHECK(lineCount(list.out) == 4);
    for (const char* group : {"tafel 1", "tafel 2", "tafel 3"})
        CHECK_MESSAGE(contains(list.out, group), list.out);
}

TEST_CASE("archive commands: bad numbers and bad use are said, with exit code 2") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_cli_archive_bad";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path data = dir / "data";
    Run missing = samenspelIn(data, "archive show 7");
    CHECK(missing.code == 2);
    CHECK(contains(missing.err, "there is no session '7' in the archive"));
    CHECK(samenspelIn(data, "archive show seven").code == 2);
    CHECK(contains(samenspelIn(data, "archive compare 1").err, "two session NUMBERs or more"));
    CHECK(contains(samenspelIn(data, "archive").err, "which archive command?"));
    CHECK(contains(samenspelIn(data, "archive export").err, "add --csv"));
    CHECK(samenspelIn(data, "archive list --csv").code == 2);
    CHECK(samenspelIn(data, "archive frobnicate").code == 2);
    Run noFolder = samenspelIn(data, "archive rebuild '" + (dir / "nowhere").string() + "'");
    CHECK(noFolder.code == 2);
    CHECK(contains(noFolder.err, "nowhere' is no folder; nothing was changed"));
}

TEST_CASE("archive: a data folder that cannot be written loses no hosted session") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_cli_archive_readonly";
    fs::remove_all(dir);
    fs::create_directories(dir);
    // A file where the data folder should be: nothing can be made inside it.
    const fs::path data = dir / "data";
    std::ofstream(data) << "not a folder\n";
    Run a = host(data, dir / "s.log", 3, "Raad");
    CHECK(a.code == 0);
    CHECK(contains(a.err, "the session was not added to the archive"));
    CHECK(contains(a.out, "Session report:"));
    CHECK(sessionFinished((dir / "s.log").string()));
}

TEST_CASE("archive export: CSV fields are quoted as spreadsheets read them") {
    using samenspel::cli::csvField;
    using samenspel::cli::csvText;
    CHECK(csvField("Klas 4B") == "Klas 4B");
    CHECK(csvField("Raad Vianen, 12 maart") == "\"Raad Vianen, 12 maart\"");
    CHECK(csvField("de \"harde\" kern") == "\"de \"\"harde\"\" kern\"");
    CHECK(csvField("twee\nregels") == "\"twee\nregels\"");
    // A label a spreadsheet would run as a formula stays text.
    CHECK(csvText("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csvText("-3 punten") == "'-3 punten");
}

namespace {

// The fields of one CSV line (RFC 4180 quotes; the line's \r dropped).
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
            out.back() += line[++i];
        else if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            out.emplace_back();
        else if (c != '\r' || quoted)
            out.back() += c;
    }
    return out;
}

// The cells of the comparison's row `label`, split where two spaces or more stand.
std::vector<std::string> compareRow(const std::string& text, const std::string& label) {
    const std::size_t at = text.find("\n" + label + "  ");
    REQUIRE(at != std::string::npos);
    const std::string line = text.substr(at + 1, text.find('\n', at + 1) - at - 1);
    std::vector<std::string> cells;
    std::size_t i = label.size();
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        const std::size_t end = line.find("  ", i);
        cells.push_back(line.substr(i, end == std::string::npos ? end : end - i));
        i = end == std::string::npos ? line.size() : end;
    }
    return cells;
}

} // namespace

TEST_CASE("archive compare: begrip v1 beside v2 is said in one line and drawn across by nothing") {
    const fs::path dir = fs::temp_directory_path() / "samenspel_cli_archive_versions";
    fs::remove_all(dir);
    const fs::path data = dir / "data";
    const fs::path sessions = data / "samenspel" / "sessions";
    fs::create_directories(sessions);
    playLocally(sessions, 21, "Voor begrip v2");
    std::string oldLog;
    for (const auto& entry : fs::directory_iterator(sessions))
        if (entry.path().extension() == ".log")
            oldLog = entry.path().string();
    REQUIRE_FALSE(oldLog.empty());
    rewriteAsFormat2(oldLog);
    playLocally(sessions, 22, "Na begrip v2");
    Run rebuilt = samenspelIn(data, "archive rebuild");
    REQUIRE_MESSAGE(rebuilt.code == 0, rebuilt.err);
    CHECK(contains(rebuilt.out, "2 sessions recorded"));

    const auto listed = nlohmann::json::parse(samenspelIn(data, "archive list --json").out);
    REQUIRE(listed.size() == 2);
    const int oldNumber = listed[0]["log"] == oldLog ? 1 : 2;
    const int newNumber = 3 - oldNumber;
    const auto oldShown = nlohmann::json::parse(
        samenspelIn(data, "archive show " + std::to_string(oldNumber) + " --json").out);
    CHECK(oldShown["begrip"]["version"] == 1);
    Run oldText = samenspelIn(data, "archive show " + std::to_string(oldNumber));
    CHECK(contains(oldText.out, "(begrip v1, not corrected for guessing: about 0.5 is guessing)"));

    Run compare = samenspelIn(data, "archive compare 1 2");
    REQUIRE(compare.code == 0);
    const auto versions = compareRow(compare.out, "begrip version");
    REQUIRE(versions.size() == 2);
    CHECK(versions[static_cast<std::size_t>(oldNumber - 1)] == "v1");
    CHECK(versions[static_cast<std::size_t>(newNumber - 1)] == "v2");
    CHECK(contains(compare.out, "note: Understanding does not compare here: session " +
                                    std::to_string(oldNumber) +
                                    " measured it as begrip v1 (about 0.5 for guessing), session " +
                                    std::to_string(newNumber) + " as begrip v2 (0 for guessing)."));
    // One line, not one per session.
    std::size_t notes = 0;
    for (std::size_t at = compare.out.find("does not compare"); at != std::string::npos;
         at = compare.out.find("does not compare", at + 1))
        ++notes;
    CHECK(notes == 1);
    const auto json = nlohmann::json::parse(samenspelIn(data, "archive compare 1 2 --json").out);
    CHECK(json["begripComparable"] == false);
    CHECK(contains(json["begripNote"].get<std::string>(), "does not compare"));

    // The CSV says the version on every row, so a spreadsheet can keep them apart.
    Run csv = samenspelIn(data, "archive export --csv");
    std::istringstream lines(csv.out);
    std::string header;
    std::getline(lines, header);
    const auto headerFields = csvFields(header);
    const auto column = static_cast<std::size_t>(
        std::find(headerFields.begin(), headerFields.end(), "begrip_version") -
        headerFields.begin());
    REQUIRE(column < headerFields.size());
    int rows = 0;
    for (std::string line; std::getline(lines, line);) {
        const auto fields = csvFields(line);
        REQUIRE(fields.size() == headerFields.size());
        CHECK(fields[column] == (fields[0] == std::to_string(oldNumber) ? "1" : "2"));
        ++rows;
    }
    CHECK(rows == 12);
}

TEST_CASE("archive compare: a session whose begrip version is unknown is said, its gedragen aan "
          "tafel shown as unknown") {
    SessionRecord known;
    known.number = 1;
    known.scenarioId = "skatebaan";
    known.decided = true;
    known.gedragen = true;
    known.gedragenAanTafel = false;
    known.begripVersion = 2;
    known.begripAfter = 0.12;
    known.inclusieBasis = "speaking_time";
    SessionRecord unknown = known;
    unknown.number = 7;
    unknown.gedragenAanTafel.reset();
    unknown.begripVersion.reset();
    unknown.inclusieBasis.clear();
    const WordLookup words = [](const std::string& key) {
        if (key == "plenary.begrip_unknown.one")
            return std::string("{0} does not know its version.");
        if (key == "plenary.sessions.one")
            return std::string("session {0}");
        return key;
    };
    const std::string text = cli::archiveCompareText({known, unknown}, words);
    CHECK(compareRow(text, "gedragen (cards)") == std::vector<std::string>{"yes", "yes"});
    CHECK(compareRow(text, "gedragen at table") == std::vector<std::string>{"no", "unknown"});
    CHECK(compareRow(text, "begrip version") == std::vector<std::string>{"v2", "unknown"});
    CHECK(compareRow(text, "inclusie basis") ==
          std::vector<std::string>{"speaking_time", "unknown"});
    CHECK(contains(text, "note: Session 7 does not know its version.\n"));
    const std::string shown = cli::archiveShowText(unknown);
    CHECK(contains(shown, "begrip version unknown: archived before it was kept"));
    CHECK(contains(shown, "unknown (gedragen aan tafel"));
    CHECK(contains(shown, "basis unknown"));
    // Unknown is an empty field, never a guessed yes or version.
    unknown.people.push_back({0, "bewoner", "Anna", false, 4, std::nullopt, std::nullopt});
    const std::string csv = cli::archiveCsv({unknown});
    const std::string header = csv.substr(0, csv.find("\r\n"));
    const std::string row = csv.substr(header.size() + 2);
    const auto names = csvFields(header);
    const auto fields = csvFields(row.substr(0, row.find("\r\n")));
    REQUIRE(fields.size() == names.size());
    for (const char* column : {"gedragen_aan_tafel", "begrip_version", "inclusie_basis"}) {
        const auto at = std::find(names.begin(), names.end(), column) - names.begin();
        CHECK_MESSAGE(fields[static_cast<std::size_t>(at)].empty(), column);
    }
}
