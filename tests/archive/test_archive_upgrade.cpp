// An archive of schema 1 (before begrip v2, gedragen aan tafel and the
// inclusie basis were kept) opens with this build: upgraded in place, every
// row kept, the new columns filled from the logs that are still there and
// left unknown where a log is gone.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <sqlite3.h>

#include "../old_log_format.hpp"
#include "archive/archive_logs.hpp"
#include "archive_test_util.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

using samenspel::testing::rewriteAsFormat2;

using namespace samenspel::archivetest;

namespace {

// A session of the first seed from `seed` on whose bots reach a decision
// (gedragen aan tafel is only known for a decision).
std::unique_ptr<LiveSession> playDecided(const std::string& log, std::uint64_t seed) {
    for (std::uint64_t s = seed; s < seed + 40; ++s) {
        fs::remove(log);
        auto session = playToLog(log, s);
        if (session->game().measure().decision.taken)
            return session;
    }
    FAIL("no seed from " << seed << " on reached a decision");
    return nullptr;
}

// The tables as a Samenspel of schema 1 created them.
const char* kSchema1 = R"sql(
CREATE TABLE sessions(
  number INTEGER PRIMARY KEY, log_path TEXT NOT NULL UNIQUE, date TEXT NOT NULL,
  scenario_id TEXT NOT NULL, scenario_title TEXT NOT NULL, scenario_hash TEXT NOT NULL,
  group_label TEXT NOT NULL, seed TEXT NOT NULL, language TEXT NOT NULL,
  seats INTEGER NOT NULL, bots INTEGER NOT NULL, setup TEXT NOT NULL,
  actions INTEGER NOT NULL, duration_ms INTEGER NOT NULL, decided INTEGER NOT NULL,
  gedragen INTEGER NOT NULL, lowest_support REAL, mean_support REAL, public_value REAL,
  begrip_before REAL, begrip_after REAL, inclusie REAL NOT NULL,
  inclusie_over_people INTEGER NOT NULL, roles_heard REAL NOT NULL);
CREATE TABLE decisions(
  session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
  position INTEGER NOT NULL, issue TEXT NOT NULL, option TEXT NOT NULL,
  PRIMARY KEY(session, position));
CREATE TABLE roles(
  session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
  position INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, support REAL,
  actions INTEGER NOT NULL, heard INTEGER NOT NULL, PRIMARY KEY(session, position));
CREATE TABLE people(
  session INTEGER NOT NULL REFERENCES sessions(number) ON DELETE CASCADE,
  seat INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, bot INTEGER NOT NULL,
  actions INTEGER NOT NULL, begrip_before REAL, begrip_after REAL,
  PRIMARY KEY(session, seat));
PRAGMA user_version = 1;
)sql";

void exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    CHECK_MESSAGE(rc == SQLITE_OK, (message ? message : ""), " in ", sql);
    sqlite3_free(message);
}

std::string q(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}
std::string n(const std::optional<double>& v) {
    return v ? std::to_string(*v) : "NULL";
}
std::string n(double v) {
    return std::to_string(v);
}
std::string n(bool b) {
    return b ? "1" : "0";
}

// `s` as a schema-1 Samenspel wrote it: its rows in raw SQL. Reals pass
// through text here, so the test compares them with a tolerance.
void insertSchema1(sqlite3* db, std::int64_t number, const SessionRecord& s) {
    const std::string no = std::to_string(number);
    exec(db, "INSERT INTO sessions VALUES(" + no + "," + q(s.logPath) + "," + q(s.date) + "," +
                 q(s.scenarioId) + "," + q(s.scenarioTitle) + "," + q(s.scenarioHash) + "," +
                 q(s.group) + "," + q(std::to_string(s.seed)) + "," + q(s.language) + "," +
                 std::to_string(s.seats) + "," + std::to_string(s.bots) + "," + q(s.setupJson) +
                 "," + std::to_string(s.actions) + "," + std::to_string(s.durationMs) + "," +
                 n(s.decided) + "," + n(s.gedragen) + "," + n(s.lowestSupport) + "," +
                 n(s.meanSupport) + "," + n(s.publicValue) + "," + n(s.begripBefore) + "," +
                 n(s.begripAfter) + "," + n(s.inclusie) + "," + n(s.inclusieOverPeople) + "," +
                 n(s.rolesHeard) + ")");
    for (std::size_t i = 0; i < s.decision.size(); ++i)
        exec(db, "INSERT INTO decisions VALUES(" + no + "," + std::to_string(i) + "," +
                     q(s.decision[i].issue) + "," + q(s.decision[i].option) + ")");
    for (std::size_t i = 0; i < s.roles.size(); ++i) {
        const RoleRecord& r = s.roles[i];
        exec(db, "INSERT INTO roles VALUES(" + no + "," + std::to_string(i) + "," + q(r.id) + "," +
                     q(r.name) + "," + n(r.support) + "," + std::to_string(r.actions) + "," +
                     n(r.heard) + ")");
    }
    for (const PersonRecord& p : s.people)
        exec(db, "INSERT INTO people VALUES(" + no + "," + std::to_string(p.seat) + "," +
                     q(p.role) + "," + q(p.name) + "," + n(p.bot) + "," +
                     std::to_string(p.actions) + "," + n(p.begripBefore) + "," + n(p.begripAfter) +
                     ")");
}

bool near(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || std::abs(*a - *b) < 1e-5);
}

// Everything schema 1 kept came back as it was written.
void checkKept(const SessionRecord& got, const SessionRecord& written) {
    CHECK(got.logPath == written.logPath);
    CHECK(got.date == written.date);
    CHECK(got.scenarioId == written.scenarioId);
    CHECK(got.scenarioTitle == written.scenarioTitle);
    CHECK(got.scenarioHash == written.scenarioHash);
    CHECK(got.seed == written.seed);
    CHECK(got.setupJson == written.setupJson);
    CHECK(got.actions == written.actions);
    CHECK(got.decided == written.decided);
    CHECK(got.gedragen == written.gedragen);
    CHECK(near(got.lowestSupport, written.lowestSupport));
    CHECK(near(got.begripBefore, written.begripBefore));
    CHECK(near(got.begripAfter, written.begripAfter));
    CHECK(near(got.inclusie, written.inclusie));
    CHECK(got.decision == written.decision);
    REQUIRE(got.roles.size() == written.roles.size());
    for (std::size_t i = 0; i < got.roles.size(); ++i) {
        CHECK(got.roles[i].id == written.roles[i].id);
        CHECK(near(got.roles[i].support, written.roles[i].support));
        CHECK(got.roles[i].actions == written.roles[i].actions);
    }
    REQUIRE(got.people.size() == written.people.size());
    for (std::size_t i = 0; i < got.people.size(); ++i) {
        CHECK(got.people[i].name == written.people[i].name);
        CHECK(got.people[i].actions == written.people[i].actions);
        CHECK(near(got.people[i].begripAfter, written.people[i].begripAfter));
    }
}

int userVersionOf(const std::string& path) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr);
    const int version = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    return version;
}

} // namespace

TEST_CASE("archive: a schema-1 archive is upgraded in place, the new measures read from the logs "
          "still there and unknown where a log is gone") {
    const fs::path data = freshDir("archive_upgrade_v1");
    const std::string v2Log = (data / "sessions" / "v2.log").string();
    const std::string v1Log = (data / "sessions" / "v1.log").string();
    fs::create_directories(data / "sessions");
    auto v2 = playDecided(v2Log, 5);
    const SessionRecord v2Record = recordOf(v2->game(), v2Log);
    auto v1 = playToLog(v1Log, 6);
    v1.reset();
    rewriteAsFormat2(v1Log);
    Replay oldReplay = replaySessionLog(v1Log);
    REQUIRE(oldReplay.errors.empty());
    REQUIRE(oldReplay.game);
    const SessionRecord v1Record = recordOf(*oldReplay.game, v1Log);
    REQUIRE(v1Record.begripVersion == 1);
    // A third session whose log was deleted since it was recorded.
    SessionRecord goneRecord = v2Record;
    goneRecord.logPath = (data / "sessions" / "deleted.log").string();

    const std::string db = ArchiveFiles::database(data.string());
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        exec(raw, kSchema1);
        insertSchema1(raw, 1, v1Record);
        insertSchema1(raw, 2, v2Record);
        insertSchema1(raw, 3, goneRecord);
        sqlite3_close(raw);
    }
    REQUIRE(userVersionOf(db) == 1);

    Archive::Opened opened = Archive::open(db);
    REQUIRE_MESSAGE(opened.archive, opened.error);
    CHECK(opened.state == Archive::State::Opened);
    const auto all = opened.archive->sessions();
    REQUIRE(all.size() == 3);
    CHECK(all[0].number == 1);
    CHECK(all[2].number == 3);
    checkKept(all[0], v1Record);
    checkKept(all[1], v2Record);
    checkKept(all[2], goneRecord);

    // Read again from the logs: the old log's begrip is v1, the new one's v2.
    CHECK(all[0].begripVersion == std::optional<int>(1));
    CHECK(all[1].begripVersion == std::optional<int>(2));
    CHECK(all[1].gedragenAanTafel == v2Record.gedragenAanTafel);
    REQUIRE(all[1].decided);
    CHECK(all[1].gedragenAanTafel.has_value());
    CHECK(all[1].inclusieBasis == "game_actions");
    // No log, no guess.
    CHECK_FALSE(all[2].begripVersion.has_value());
    CHECK_FALSE(all[2].gedragenAanTafel.has_value());
    CHECK(all[2].inclusieBasis.empty());
    opened.archive.reset();
    CHECK(userVersionOf(db) == kArchiveSchemaVersion);

    // Once upgraded it opens as any archive of this schema, and takes new sessions.
    Archive::Opened again = Archive::open(db);
    REQUIRE(again.archive);
    std::string error;
    SessionRecord fourth = v2Record;
    fourth.logPath = (data / "sessions" / "fourth.log").string();
    CHECK(again.archive->record(fourth, error) == 4);
    const auto stored = again.archive->session(4);
    REQUIRE(stored);
    CHECK(stored->begripVersion == std::optional<int>(2));
    CHECK(stored->gedragenAanTafel == v2Record.gedragenAanTafel);
}

TEST_CASE("archive: a new archive records the begrip version, both kinds of gedragen and the "
          "inclusie basis") {
    const fs::path data = freshDir("archive_upgrade_fresh");
    const std::string log = (data / "sessions" / "fresh.log").string();
    fs::create_directories(data / "sessions");
    auto session = playDecided(log, 7);
    const Measurements m = session->game().measure();
    const SessionRecord r = recordOf(session->game(), log);
    CHECK(r.begripVersion == std::optional<int>(2));
    CHECK(r.inclusieBasis == std::string(inclusieBasisId(m.inclusieBasis)));
    REQUIRE(m.decision.taken);
    CHECK(r.gedragenAanTafel == std::optional<bool>(m.decision.gedragenAanTafel));
    CHECK(r.gedragen == m.decision.gedragen);

    Archive::Opened opened = Archive::open(ArchiveFiles::database(data.string()));
    REQUIRE(opened.archive);
    std::string error;
    REQUIRE(opened.archive->record(r, error) == 1);
    SessionRecord expected = r;
    expected.number = 1;
    CHECK(opened.archive->session(1) == expected);
}
