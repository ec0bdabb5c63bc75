// The archive database and its folder (engine/archive): what is recorded
// comes back as it was, a session recorded twice stays one, a damaged or
// missing database is rebuilt from the logs without losing a session, and a
// newer schema is left alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <sqlite3.h>

#include "archive/archive_logs.hpp"
#include "archive_test_util.hpp"
#include "core/live_session.hpp"
#include "core/log.hpp"
#include "core/session_files.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

using namespace samenspel::archivetest;

namespace {

std::string sessionsFolder(const fs::path& data) {
    return ArchiveFiles::sessionsFolder(data.string());
}

} // namespace

TEST_CASE("archive: a recorded session reads back whole, and recording it again keeps its number") {
    const fs::path data = freshDir("archive_roundtrip");
    const std::string log = newLogPath(sessionsFolder(data), "skatebaan");
    auto session = playToLog(log, 3, "Zoë's groep, \"maart\"");
    const RecordOutcome first = recordFinishedSession(session->game(), log, data.string());
    REQUIRE_MESSAGE(first.number == 1, first.error);
    const RecordOutcome again = recordFinishedSession(session->game(), log, data.string());
    CHECK(again.number == 1);

    OpenedArchive opened = openArchive(data.string());
    REQUIRE(opened.archive);
    const auto all = opened.archive->sessions();
    REQUIRE(all.size() == 1);
    SessionRecord expected = recordOf(session->game(), log);
    expected.number = 1;
    CHECK(all.front() == expected);
    CHECK(all.front().group == "Zoë's groep, \"maart\"");
    CHECK(all.front().people.size() == session->game().setup().seats.size());
    // The measurements are the engine's, as replay computes them.
    const Measurements m = session->game().measure();
    CHECK(all.front().decided == m.decision.taken);
    if (m.decision.taken)
        CHECK(*all.front().lowestSupport == m.decision.draagvlak.minimum);
}

TEST_CASE("archive: a deleted database is rebuilt from the logs with the same rows") {
    const fs::path data = freshDir("archive_deleted");
    for (std::uint64_t seed : {1, 2}) {
        const std::string log = newLogPath(sessionsFolder(data), "skatebaan");
        auto session = playToLog(log, seed, "groep " + std::to_string(seed));
        REQUIRE(recordFinishedSession(session->game(), log, data.string()).error.empty());
    }
    // A hosted session's log lives where the host ran, outside the data folder.
    const fs::path elsewhere = freshDir("archive_deleted_elsewhere");
    const std::string hosted = (elsewhere / "hosted.log").string();
    auto session = playToLog(hosted, 7, "extern");
    REQUIRE(recordFinishedSession(session->game(), hosted, data.string()).error.empty());
    const auto before = openArchive(data.string()).archive->sessions();
    REQUIRE(before.size() == 3);

    const std::string db = ArchiveFiles::database(data.string());
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(db + suffix);
    OpenedArchive reopened = openArchive(data.string());
    REQUIRE_MESSAGE(reopened.archive, reopened.error);
    const auto after = reopened.archive->sessions();
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CAPTURE(i);
        CHECK(after[i].number == before[i].number);
        CHECK(after[i].logPath == before[i].logPath);
        CHECK(after[i].date == before[i].date);
        CHECK(after[i] == before[i]);
    }
    REQUIRE(reopened.notes.size() == 1);
    CHECK(reopened.notes.front().find("there was no archive database " + db +
                                      "; built it from the logs: 3 sessions recorded") !=
          std::string::npos);
}

TEST_CASE("archive: a database of garbage bytes is moved aside and rebuilt") {
    const fs::path data = freshDir("archive_garbage");
    const std::string log = newLogPath(sessionsFolder(data), "skatebaan");
    auto session = playToLog(log, 5, "");
    REQUIRE(recordFinishedSession(session->game(), log, data.string()).number == 1);
    const std::string db = ArchiveFiles::database(data.string());
    for (const char* suffix : {"-wal", "-shm"})
        fs::remove(db + suffix);
    {
        std::ofstream out(db, std::ios::binary | std::ios::trunc);
        for (int i = 0; i < 4096; ++i)
            out.put(static_cast<char>((i * 37 + 11) % 251));
    }
    OpenedArchive opened = openArchive(data.string());
    REQUIRE_MESSAGE(opened.archive, opened.error);
    REQUIRE(opened.notes.size() == 1);
    CHECK(opened.notes.front().find("was damaged; moved it to " + db + ".damaged-") !=
          std::string::npos);
    const auto sessions = opened.archive->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions.front().logPath == fs::absolute(log).lexically_normal().string());
    // The damaged file is kept for whoever wants to look at it.
    int kept = 0;
    for (const auto& entry : fs::directory_iterator(data))
        kept += entry.path().filename().string().rfind("archive.sqlite.damaged-", 0) == 0;
    CHECK(kept == 1);
}

TEST_CASE("archive: unfinished sessions, players' copies and damaged logs stay out, the rest is "
          "rebuilt") {
    const fs::path data = freshDir("archive_skips");
    const std::string finished = newLogPath(sessionsFolder(data), "skatebaan");
    playToLog(finished, 2, "");
    const std::string unfinished = newLogPath(sessionsFolder(data), "skatebaan");
    playToLog(unfinished, 3, "", 20);
    const std::string copy = newLogPath(sessionsFolder(data), "skatebaan-player");
    playToLog(copy, 4, "");
    fs::copy_file(std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml",
                  SessionFiles::scenarioCopy(copy));
    const std::string damaged = newLogPath(sessionsFolder(data), "skatebaan");
    playToLog(damaged, 6, "");
    std::ofstream(damaged, std::ios::app) << "{\"seq\":999,\"type\":\"nonsense\"}\n";

    OpenedArchive opened = openArchive(data.string());
    REQUIRE(opened.archive);
    const RebuildReport report = rebuildArchive(*opened.archive, data.string());
    CHECK(report.ok());
    CHECK(report.recorded == 1);
    CHECK(report.unfinished == 1);
    REQUIRE(report.damaged.size() == 1);
    CHECK(report.damaged.front().logPath == fs::absolute(damaged).lexically_normal().string());
    CHECK(report.damaged.front().message.find(damaged) == 0);
    const auto sessions = opened.archive->sessions(false);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions.front().logPath == fs::absolute(finished).lexically_normal().string());
}

TEST_CASE("archive: a database of a newer schema is refused and left as it is") {
    const fs::path data = freshDir("archive_newer");
    const std::string db = ArchiveFiles::database(data.string());
    {
        Archive::Opened opened = Archive::open(db);
        REQUIRE(opened.archive);
    }
    // What a later Samenspel would leave behind.
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        CHECK(sqlite3_exec(raw, "PRAGMA user_version = 9", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    const auto size = fs::file_size(db);
    Archive::Opened opened = Archive::open(db);
    CHECK_FALSE(opened.archive);
    CHECK(opened.error.find("written by a newer Samenspel (archive schema 9") != std::string::npos);
    CHECK(fs::file_size(db) == size);
}
