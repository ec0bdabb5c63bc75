#include "archive/archive_logs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/log.hpp"
#include "core/session_files.hpp"

namespace samenspel {

namespace fs = std::filesystem;

std::string ArchiveFiles::database(const std::string& dataDir) {
    return (fs::path(dataDir) / "archive.sqlite").string();
}
std::string ArchiveFiles::logIndex(const std::string& dataDir) {
    return (fs::path(dataDir) / "archive-logs.txt").string();
}
std::string ArchiveFiles::sessionsFolder(const std::string& dataDir) {
    return (fs::path(dataDir) / "sessions").string();
}

bool isPlayerCopy(const std::string& logPath) {
    std::error_code ec;
    return fs::exists(SessionFiles::scenarioCopy(logPath), ec);
}

namespace {

std::string absolutePath(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return (ec ? fs::path(path) : p).lexically_normal().string();
}

// The index, one path a line. A damaged line names no log and is passed by.
std::vector<std::string> readIndex(const std::string& dataDir) {
    std::vector<std::string> out;
    std::ifstream in(ArchiveFiles::logIndex(dataDir));
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line.front() == '/')
            out.push_back(line);
    return out;
}

// Appends the paths the index does not hold yet. Appending (not rewriting)
// means a crash half-way loses at most the line being written.
bool addToIndex(const std::string& dataDir, const std::vector<std::string>& logs,
                std::string& error) {
    const std::vector<std::string> known = readIndex(dataDir);
    const std::set<std::string> have(known.begin(), known.end());
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    std::ofstream out(ArchiveFiles::logIndex(dataDir), std::ios::app);
    for (const std::string& log : logs)
        if (!have.count(log))
            out << log << '\n';
    out.flush();
    if (!out) {
        error = "cannot write " + ArchiveFiles::logIndex(dataDir);
        return false;
    }
    return true;
}

std::vector<std::string> logsIn(const std::string& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".log")
            out.push_back(absolutePath(it->path().string()));
    return out;
}

// A session and when its log was last written: the moment it ended, which
// is when it was recorded, so a rebuild numbers sessions as they came in.
struct Ended {
    fs::file_time_type at;
    SessionRecord session;
};

// Reads one log into `sessions`, or notes why it cannot be archived.
void replayInto(const std::string& log, std::vector<Ended>& sessions, RebuildReport& report) {
    std::error_code ec;
    if (!fs::exists(log, ec)) {
        report.gone.push_back(log);
        return;
    }
    if (isPlayerCopy(log))
        return;
    Replay replay = replaySessionLog(log);
    if (!replay.errors.empty() || !replay.game) {
        const std::string why = replay.errors.empty() ? log + ": error: the log could not be read"
                                                      : replay.errors.front().format();
        report.damaged.push_back({log, why});
        return;
    }
    if (!replay.game->state().finished) {
        ++report.unfinished;
        return;
    }
    sessions.push_back({fs::last_write_time(log, ec), recordOf(*replay.game, log)});
}

} // namespace

RebuildReport rebuildArchive(Archive& archive, const std::string& dataDir,
                             const std::vector<std::string>& extraFolders) {
    RebuildReport report;
    std::vector<std::string> extra;
    for (const std::string& folder : extraFolders)
        for (std::string& log : logsIn(folder))
            extra.push_back(std::move(log));
    if (!extra.empty() && !addToIndex(dataDir, extra, report.error))
        return report;
    // The logs are read under the archive's write lock: a session that ends
    // meanwhile has its log in the index already, or waits to be recorded.
    const auto gather = [&] {
        report.unfinished = 0;
        report.damaged.clear();
        report.gone.clear();
        std::set<std::string> logs;
        for (std::string& log : logsIn(ArchiveFiles::sessionsFolder(dataDir)))
            logs.insert(std::move(log));
        for (std::string& log : readIndex(dataDir))
            logs.insert(std::move(log));
        std::vector<Ended> ended;
        for (const std::string& log : logs)
            replayInto(log, ended, report);
        // Numbered in the order they ended; the path settles a tie.
        std::stable_sort(ended.begin(), ended.end(), [](const Ended& a, const Ended& b) {
            return a.at < b.at || (a.at == b.at && a.session.logPath < b.session.logPath);
        });
        std::vector<SessionRecord> sessions;
        for (Ended& e : ended)
            sessions.push_back(std::move(e.session));
        report.recorded = static_cast<int>(sessions.size());
        return sessions;
    };
    if (!archive.replaceAll(gather, report.error))
        report.recorded = 0;
    return report;
}

namespace {

std::string countOf(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What a person needs to hear about a rebuild that happened on its own.
void noteRebuild(const RebuildReport& report, const std::string& what,
                 std::vector<std::string>& notes) {
    notes.push_back(what + " from the logs: " + countOf(report.recorded, "session", "sessions") +
                    " recorded");
    for (const RebuildReport::Problem& p : report.damaged)
        notes.push_back("skipped a damaged log: " + p.message);
}

} // namespace

OpenedArchive openArchive(const std::string& dataDir) {
    OpenedArchive out;
    const std::string path = ArchiveFiles::database(dataDir);
    Archive::Opened opened = Archive::open(path);
    if (!opened.archive) {
        out.error = opened.error;
        if (!opened.movedTo.empty())
            out.notes.push_back("the archive " + path + " was damaged and moved to " +
                                opened.movedTo);
        return out;
    }
    out.archive = std::move(opened.archive);
    if (opened.state == Archive::State::Opened)
        return out;
    const RebuildReport report = rebuildArchive(*out.archive, dataDir);
    if (!report.ok()) {
        out.error = path + ": the rebuild failed: " + report.error;
        out.archive.reset();
        return out;
    }
    if (opened.state == Archive::State::Damaged)
        noteRebuild(report,
                    "the archive " + path + " was damaged; moved it to " + opened.movedTo +
                        " and rebuilt it",
                    out.notes);
    else if (report.recorded > 0 || !report.damaged.empty())
        noteRebuild(report, "there was no archive database " + path + "; built it", out.notes);
    return out;
}

RecordOutcome recordFinishedSession(const Game& game, const std::string& logPath,
                                    const std::string& dataDir) {
    RecordOutcome out;
    if (isPlayerCopy(logPath))
        return out;
    const std::string log = absolutePath(logPath);
    // The very first session: no archive is missing, one begins. Nothing to say.
    std::error_code ec;
    const bool firstUse = !fs::exists(ArchiveFiles::database(dataDir), ec) &&
                          !fs::exists(ArchiveFiles::logIndex(dataDir), ec);
    // The index first: if the database then fails, a rebuild still finds the log.
    if (!addToIndex(dataDir, {log}, out.error))
        return out;
    OpenedArchive opened = openArchive(dataDir);
    if (!firstUse)
        out.notes = std::move(opened.notes);
    if (!opened.archive) {
        out.error = opened.error;
        return out;
    }
    out.number = opened.archive->record(recordOf(game, log), out.error);
    return out;
}

} // namespace samenspel
