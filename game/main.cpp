// Samenspel: a thin main. Everything it calls lives in libraries that the
// tests link too.
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>

#include "cli/commands.hpp"

namespace {

using namespace samenspel::cli;

int dispatch(int argc, char** argv) {
    Args rest;
    for (int i = 2; i < argc; ++i)
        rest.emplace_back(argv[i]);
    if (argc < 2)
        return runGame({});
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(helpText().c_str(), stdout);
        return kExitOk;
    }
    if (command == "--version" || command == "version") {
        std::printf("samenspel %s\n", SAMENSPEL_VERSION);
        return kExitOk;
    }
    if (command == "validate")
        return runValidate(rest);
    if (command == "replay")
        return runReplay(rest);
    if (command == "simulate")
        return runSimulate(rest);
    if (command == "analyze")
        return runAnalyze(rest);
    if (command == "bench")
        return runBench(rest);
    if (command == "play")
        return runGame(rest);
    if (command == "host")
        return runHost(rest);
    if (command == "join")
        return runJoin(rest);
    if (command == "archive")
        return runArchive(rest);
    if (command == "room-report")
        return runRoomReport(rest);
    if (command == "print")
        return runPrint(rest);
    if (!command.empty() && command[0] == '-') {
        // Options without a command belong to the game (e.g. --scenario, --lang).
        Args all;
        for (int i = 1; i < argc; ++i)
            all.emplace_back(argv[i]);
        return runGame(all);
    }
    std::fprintf(stderr, "samenspel: unknown command '%s'\n\n%s", command.c_str(),
                 helpText().c_str());
    return kExitBadInput;
}

} // namespace

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) must not kill a session with a signal and
    // no word: ignored, a write past it fails like a full disk, and the
    // session stops cleanly with its log valid up to there.
    std::signal(SIGXFSZ, SIG_IGN);
    // Last line of defence: whatever escapes becomes a message and an exit
    // code, never an abort with a core dump in front of a room.
    try {
        return dispatch(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "samenspel: internal error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "samenspel: internal error\n");
    }
    return kExitFailure;
}
