// `samenspel archive list|show|compare|export|rebuild`: the archive of
// finished sessions (engine/archive) for a trainer who compares groups over a
// year. Reads the archive in the user's data folder; a missing or damaged
// database is rebuilt from the logs first, with a note on stderr.
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "archive/archive_logs.hpp"
#include "cli/archive_views.hpp"
#include "cli/commands.hpp"
#include "core/session_files.hpp"
#include "i18n.hpp"
#include "settings.hpp"

namespace samenspel::cli {

namespace {

const char* kUsage =
    "usage: samenspel archive list [--json]\n"
    "       samenspel archive show NUMBER [--json]\n"
    "       samenspel archive compare NUMBER NUMBER... [--json]\n"
    "       samenspel archive export --csv [--output FILE] [NUMBER...]\n"
    "       samenspel archive rebuild [FOLDER...]\n"
    "Every finished session (in the game or with samenspel host) is recorded in the\n"
    "archive in the data folder ($XDG_DATA_HOME/samenspel, else ~/.local/share/samenspel).\n"
    "  list      every session: number, date, scenario, group, gedragen, support\n"
    "  show      one session: settings, decision, measurements per role and person\n"
    "  compare   sessions side by side: which chose what, and the measurements\n"
    "  export    one CSV row per person of every session (or of the NUMBERs given),\n"
    "            to stdout or FILE, for a spreadsheet\n"
    "  rebuild   makes the archive again from the logs (the game's sessions folder,\n"
    "            every log recorded before, and the FOLDERs given); damaged logs are\n"
    "            named and skipped\n";

struct ArchiveArgs {
    std::string action;
    std::vector<std::string> operands; // numbers or folders
    bool json = false;
    bool csv = false;
    std::string output;
};

int usageError(const std::string& why) {
    std::fprintf(stderr, "samenspel archive: %s\n%s", why.c_str(), kUsage);
    return kExitBadInput;
}

// Returns an exit code when parsing ends the command, -1 to go on.
int parseArgs(const Args& args, ArchiveArgs& a) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        } else if (arg == "--json") {
            a.json = true;
        } else if (arg == "--csv") {
            a.csv = true;
        } else if (arg == "--output") {
            if (!takeValue(args, i, a.output))
                return usageError("--output needs a FILE");
        } else if (!arg.empty() && arg[0] == '-') {
            return usageError("unknown option '" + arg + "'");
        } else if (a.action.empty()) {
            a.action = arg;
        } else {
            a.operands.push_back(arg);
        }
    }
    if (a.action.empty())
        return usageError("which archive command? list, show, compare, export or rebuild");
    static const std::set<std::string> known{"list", "show", "compare", "export", "rebuild"};
    if (!known.count(a.action))
        return usageError("unknown archive command '" + a.action + "'");
    if (a.json && a.action != "list" && a.action != "show" && a.action != "compare")
        return usageError("--json is for list, show and compare");
    if (a.action == "export" && !a.csv)
        return usageError("export writes CSV: add --csv");
    if ((a.csv || !a.output.empty()) && a.action != "export")
        return usageError("--csv and --output are for export");
    return -1;
}

std::unique_ptr<Archive> openForCommand(std::string& error) {
    OpenedArchive opened = openArchive(dataDir());
    for (const std::string& note : opened.notes)
        std::fprintf(stderr, "samenspel archive: %s\n", note.c_str());
    error = opened.error;
    return std::move(opened.archive);
}

// The sessions the NUMBERs name, in the order given; false (said on stderr)
// when one is no number or no session.
bool sessionsNamed(const Archive& archive, const std::vector<std::string>& numbers,
                   std::vector<SessionRecord>& out) {
    for (const std::string& text : numbers) {
        unsigned long long n = 0;
        std::optional<SessionRecord> s;
        if (parseCount(text, ~0ull >> 1, n))
            s = archive.session(static_cast<std::int64_t>(n));
        if (!s) {
            std::fprintf(stderr,
                         "samenspel archive: there is no session '%s' in the archive "
                         "(samenspel archive list shows the numbers)\n",
                         text.c_str());
            return false;
        }
        out.push_back(std::move(*s));
    }
    return true;
}

int writeOutput(const std::string& text, const std::string& file) {
    if (file.empty()) {
        std::fputs(text.c_str(), stdout);
        return kExitOk;
    }
    std::string error;
    if (!writeFileAtomically(file, text, &error)) {
        std::fprintf(stderr, "samenspel archive: cannot write %s: %s\n", file.c_str(),
                     error.c_str());
        return kExitFailure;
    }
    std::fprintf(stderr, "samenspel archive: wrote %s\n", file.c_str());
    return kExitOk;
}

int rebuild(Archive& archive, const std::vector<std::string>& folders) {
    for (const std::string& folder : folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) {
            std::fprintf(stderr, "samenspel archive: '%s' is no folder; nothing was changed\n",
                         folder.c_str());
            return kExitBadInput;
        }
    }
    const RebuildReport report = rebuildArchive(archive, dataDir(), folders);
    if (!report.ok()) {
        std::fprintf(stderr,
                     "samenspel archive: the rebuild failed, the archive is as it was: %s\n",
                     report.error.c_str());
        return kExitFailure;
    }
    for (const RebuildReport::Problem& p : report.damaged)
        std::fprintf(stderr, "samenspel archive: skipped a damaged log: %s\n", p.message.c_str());
    for (const std::string& log : report.gone)
        std::fprintf(stderr, "samenspel archive: a recorded log is no longer there: %s\n",
                     log.c_str());
    std::printf("Rebuilt the archive from the logs: %d %s recorded", report.recorded,
                report.recorded == 1 ? "session" : "sessions");
    if (report.unfinished > 0)
        std::printf(", %d unfinished %s left out", report.unfinished,
                    report.unfinished == 1 ? "session" : "sessions");
    if (!report.damaged.empty())
        std::printf(", %zu damaged %s skipped", report.damaged.size(),
                    report.damaged.size() == 1 ? "log" : "logs");
    std::printf("\n");
    return kExitOk;
}

int runAction(Archive& archive, const ArchiveArgs& a) {
    if (a.action == "list") {
        const auto sessions = archive.sessions(false);
        std::fputs((a.json ? archiveListJson(sessions) : archiveListText(sessions)).c_str(),
                   stdout);
        return kExitOk;
    }
    if (a.action == "rebuild")
        return rebuild(archive, a.operands);
    std::vector<SessionRecord> sessions;
    if (a.action == "show") {
        if (a.operands.size() != 1)
            return usageError("show takes one session NUMBER");
        if (!sessionsNamed(archive, a.operands, sessions))
            return kExitBadInput;
        const SessionRecord& s = sessions.front();
        std::fputs((a.json ? archiveShowJson(s) : archiveShowText(s)).c_str(), stdout);
        return kExitOk;
    }
    if (a.action == "compare") {
        if (a.operands.size() < 2)
            return usageError("compare takes two session NUMBERs or more");
        if (!sessionsNamed(archive, a.operands, sessions))
            return kExitBadInput;
        // The differences in the words of the plenary's English catalog.
        Catalog english;
        std::vector<std::string> problems;
        english.load(std::string(SAMENSPEL_SOURCE_DIR) + "/assets/i18n", "en", problems);
        const WordLookup words = [&english](const std::string& key) { return english.word(key); };
        std::fputs(
            (a.json ? archiveCompareJson(sessions, words) : archiveCompareText(sessions, words))
                .c_str(),
            stdout);
        return kExitOk;
    }
    // export
    if (a.operands.empty())
        sessions = archive.sessions(true);
    else if (!sessionsNamed(archive, a.operands, sessions))
        return kExitBadInput;
    return writeOutput(archiveCsv(sessions), a.output);
}

} // namespace

int runArchive(const Args& args) {
    ArchiveArgs a;
    if (int code = parseArgs(args, a); code >= 0)
        return code;
    std::string error;
    std::unique_ptr<Archive> archive = openForCommand(error);
    if (!archive) {
        std::fprintf(stderr, "samenspel archive: %s\n", error.c_str());
        return kExitFailure;
    }
    return runAction(*archive, a);
}

} // namespace samenspel::cli
