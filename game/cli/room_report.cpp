// `samenspel room-report LOG... [--out FILE] [--lang nl|en]`: the plenary of
// a room's tables as one HTML report (game/room_report.hpp), each table's own
// session report written beside its log. Tables are numbered in the order of
// the logs. A log that does not replay exits 2 with its first error.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/commands.hpp"
#include "room_report.hpp"

namespace samenspel::cli {

namespace {

const char* kUsage = "usage: samenspel room-report LOG... [--out FILE] [--lang nl|en]\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "samenspel room-report: %s\n%s", message.c_str(), kUsage);
    return kExitBadInput;
}

} // namespace

int runRoomReport(const Args& args) {
    std::vector<std::string> logs;
    std::string out;
    std::string lang = "nl";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        }
        if (a == "--out") {
            if (!takeValue(args, i, out))
                return usageError("--out needs a FILE");
        } else if (a == "--lang") {
            if (!takeValue(args, i, lang) || (lang != "nl" && lang != "en"))
                return usageError("--lang takes nl or en");
        } else if (!a.empty() && a[0] == '-') {
            return usageError("unknown option " + a);
        } else {
            logs.push_back(a);
        }
    }
    if (logs.empty())
        return usageError("give the log of every table");
    for (const std::string& log : logs)
        if (!std::filesystem::is_regular_file(log))
            return usageError(log + ": no such log");
    if (out.empty())
        out = (std::filesystem::path(logs.front()).parent_path() / "room-report.html").string();
    std::string error;
    if (!writeRoomReport(logs, out, lang, error)) {
        std::fprintf(stderr, "samenspel room-report: %s\n", error.c_str());
        return error.find(": error: ") != std::string::npos ? kExitBadInput : kExitFailure;
    }
    std::printf("Room report: %s\n", out.c_str());
    return kExitOk;
}

} // namespace samenspel::cli
