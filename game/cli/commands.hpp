#pragma once
// The command line: `samenspel COMMAND ...`. Each command lives in its own
// file in game/cli/ and returns the process exit code.
#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

namespace samenspel::cli {

using Args = std::vector<std::string>; // arguments after the command name

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command ran but failed (I/O, refused, ...)
inline constexpr int kExitBadInput = 2; // invalid scenario/log or bad command-line use
inline constexpr int kExitTimeout = 3;  // --max-seconds ran out

// The value of the option at args[i]: moves i onto it. False, with i
// unchanged, when the option is the last argument.
inline bool takeValue(const Args& args, std::size_t& i, std::string& out) {
    if (i + 1 >= args.size())
        return false;
    out = args[++i];
    return true;
}

// The whole text as a number ("3", "0.5"); false for "" or "3x".
inline bool parseNumber(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && !text.empty();
}

// The whole text as an unsigned whole number up to `max` ("42"); false for
// "", "-1", "4.5", "12x" or a number past `max`. Seeds need all 64 bits, which
// a double (parseNumber) does not keep.
inline bool parseCount(const std::string& text, unsigned long long max, unsigned long long& out) {
    if (text.empty() || text[0] == '-' || text[0] == '+')
        return false;
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (errno != 0 || end != text.c_str() + text.size() || v > max)
        return false;
    out = v;
    return true;
}

int runValidate(const Args& args);
int runReplay(const Args& args);
int runSimulate(const Args& args);
int runAnalyze(const Args& args);
int runBench(const Args& args);
int runGame(const Args& args); // `play` and no command at all: the window
int runHost(const Args& args);
int runJoin(const Args& args);
int runArchive(const Args& args);
int runRoomReport(const Args& args);
int runPrint(const Args& args);

std::string helpText();

} // namespace samenspel::cli
