// `samenspel simulate FILE --games N --seed S [--json] [--bots SPEC] [--log F]`: plays
// N complete sessions with bots in every seat and reports what came out.
// `samenspel simulate FILE --calibrate [--json] [--games N] [--seed S]`: checks
// begrip v2 itself (core/begrip_calibration.hpp).
// stdout depends on nothing but the arguments (byte-identical per seed); the
// progress bar goes to stderr, and only when stderr is a terminal.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "cli/commands.hpp"
#include "core/begrip_calibration.hpp"
#include "core/simulation.hpp"

namespace samenspel::cli {

namespace {

constexpr const char* kUsage =
    "usage: samenspel simulate FILE --games N --seed S [--json] [--bots SPEC] [--log FILE]\n"
    "       samenspel simulate FILE --calibrate [--json] [--games N] [--seed S]\n";

std::string simulateHelp() {
    return std::string(kUsage) + R"(
Plays N complete sessions of the scenario with bots in every seat (one seat
per role) and reports the outcome distribution: share of sessions with a
decision and with a gedragen besluit, draagvlak (lowest support of the
decided proposal: mean, sd, range), begrip before/after and its gain,
inclusie, publieke waarde, the most frequent decisions, and the phase in
which decisions were reached. The same arguments give byte-identical output.

  --games N    number of sessions (1 .. 10000000)
  --seed S     seed of the whole run (an unsigned integer)
  --json       one JSON object instead of the text report
  --bots SPEC  bot characters, see below
  --log FILE   with --games 1: write that session's log (replay it, or
               compare it with the same seed played at a table or hosted)
  --calibrate  check begrip v2 itself instead: in N bot sessions (200 unless
               --games says otherwise, seed 1 unless --seed), every seat
               answers every begrip item at the start of perspectief and of
               reflectie twice, once guessing at random and once from the
               role cards. Prints begrip of the guesses (should be 0 within
               3 standard errors), from the cards (should be 1), begrip v1 of
               the same guesses, and the items per kind; with --json the keys
               begrip_chance, begrip_chance_se, begrip_perfect and items.

)" + botSpecHelp() +
           R"(
Exit codes: 0 ok, 1 a bot action was refused (a bug), 2 invalid scenario or usage.
)";
}

void drawProgress(int done, int total) {
    const int width = 40;
    const int filled = total > 0 ? done * width / total : width;
    std::fprintf(stderr, "\r[%.*s%*s] %d/%d", filled, "########################################",
                 width - filled, "", done, total);
    if (done == total)
        std::fputs("\n", stderr);
    std::fflush(stderr);
}

int usageError(const std::string& message) {
    std::fprintf(stderr, "samenspel simulate: %s\n%s", message.c_str(), kUsage);
    return kExitBadInput;
}

std::shared_ptr<const Scenario> loadOrReport(const std::string& file) {
    const LoadResult loaded = loadScenarioFile(file);
    if (loaded.ok())
        return std::make_shared<const Scenario>(*loaded.scenario);
    for (const Diagnostic& d : loaded.errors)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    if (loaded.errors.empty())
        std::fprintf(stderr, "%s: error: the scenario could not be loaded\n", file.c_str());
    return nullptr;
}

int runCalibrate(const std::string& file, bool json, int games, std::uint64_t seed) {
    const auto sc = loadOrReport(file);
    if (!sc)
        return kExitBadInput;
    CalibrationOptions options;
    options.games = games;
    options.seed = seed;
    const CalibrationReport report = calibrateBegrip(sc, options);
    if (!report.error.empty()) {
        std::fprintf(stderr, "samenspel simulate: %s\n", report.error.c_str());
        return kExitFailure;
    }
    const std::string out = json ? calibrationJson(*sc, report) : calibrationText(*sc, report);
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
    if (report.refused > 0) {
        std::fprintf(stderr, "samenspel simulate: %llu begrip answers were refused; first: %s\n",
                     static_cast<unsigned long long>(report.refused), report.firstRefusal.c_str());
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace

int runSimulate(const Args& args) {
    std::string file, botSpec, logPath;
    bool json = false, haveGames = false, haveSeed = false, calibrate = false;
    unsigned long long games = 0, seed = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        std::string v;
        if (arg == "--help" || arg == "-h") {
            std::fputs(simulateHelp().c_str(), stdout);
            return kExitOk;
        } else if (arg == "--json") {
            json = true;
        } else if (arg == "--calibrate") {
            calibrate = true;
        } else if (arg == "--games") {
            if (!takeValue(args, i, v) || !parseCount(v, 10'000'000, games) || games == 0)
                return usageError("--games needs a whole number from 1 to 10000000");
            haveGames = true;
        } else if (arg == "--seed") {
            if (!takeValue(args, i, v) || !parseCount(v, ~0ull, seed))
                return usageError("--seed needs an unsigned whole number");
            haveSeed = true;
        } else if (arg == "--bots") {
            if (!takeValue(args, i, botSpec))
                return usageError("--bots needs a SPEC (see samenspel simulate --help)");
        } else if (arg == "--log") {
            if (!takeValue(args, i, logPath))
                return usageError("--log needs a FILE");
        } else if (!arg.empty() && arg[0] == '-') {
            return usageError("unknown option '" + arg + "'");
        } else if (file.empty()) {
            file = arg;
        } else {
            return usageError("one scenario at a time");
        }
    }
    if (file.empty())
        return usageError("no scenario file given");
    if (calibrate && (!botSpec.empty() || !logPath.empty()))
        return usageError("--calibrate plays balanced bots and writes no log: leave out --bots "
                          "and --log");
    if (calibrate)
        return runCalibrate(file, json, haveGames ? static_cast<int>(games) : 200,
                            haveSeed ? seed : 1);
    if (!haveGames)
        return usageError("--games N is required");
    if (!haveSeed)
        return usageError("--seed S is required");
    if (!logPath.empty() && games != 1)
        return usageError("--log writes the log of one session: use it with --games 1");

    auto sc = loadOrReport(file);
    if (!sc)
        return kExitBadInput;
    const BotSpecResult spec = parseBotSpec(botSpec, *sc);
    if (!spec.ok())
        return usageError(spec.error);

    SimulationOptions options;
    options.games = static_cast<int>(games);
    options.seed = seed;
    options.perRole = spec.perRole;
    options.logPath = logPath;
    if (isatty(STDERR_FILENO)) {
        const int step = std::max(1, options.games / 200);
        options.progress = [step](int done, int total) {
            if (done % step == 0 || done == total)
                drawProgress(done, total);
        };
    }
    const SimulationReport report = simulate(sc, options);
    if (!report.error.empty()) {
        std::fprintf(stderr, "samenspel simulate: %s\n", report.error.c_str());
        return kExitFailure;
    }
    const std::string out = json ? simulationJson(*sc, report) : simulationText(*sc, report);
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
    if (report.refusedBotActions > 0) {
        std::fprintf(stderr, "samenspel simulate: %llu bot actions were refused; first: %s\n",
                     static_cast<unsigned long long>(report.refusedBotActions),
                     report.firstRefusal.c_str());
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace samenspel::cli
