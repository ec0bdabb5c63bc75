// `samenspel bench`: speed figures of analysis and simulation, on one core,
// next to their targets. A benchmark prints; it never fails on speed.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "core/analysis.hpp"
#include "core/bot.hpp"
#include "core/live_session.hpp"
#include "core/simulation.hpp"

namespace samenspel::cli {

namespace {

// CPU time of this thread: the figures stay honest on a busy machine, and
// "on one core" is what the targets mean.
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A generated scenario of `issues` x `options`, `roles` roles and 8 values:
// seeded effects in -3..3, two attributes, and preconditions of the kinds
// real scenarios use (an attribute budget, an excluded option, a combination).
std::string generatedScenario(int issues, int options, int roles) {
    std::uint64_t h = 12345;
    const auto next = [&](int mod) {
        h = splitmix64(h);
        return static_cast<int>(h % static_cast<std::uint64_t>(mod));
    };
    std::string y = "samenspel: 1\nid: bench\ntitle: Bench\nstage: ontwerpen\n";
    y += "attributes:\n  cost: {name: Cost, unit: EUR}\n  months: {name: Months}\n";
    y += "values:\n";
    for (int v = 0; v < 8; ++v)
        y += "  - {id: v" + std::to_string(v) + ", name: V" + std::to_string(v) + "}\n";
    y += "issues:\n";
    for (int i = 0; i < issues; ++i) {
        y += "  - id: i" + std::to_string(i) + "\n    name: I" + std::to_string(i) +
             "\n    options:\n";
        for (int o = 0; o < options; ++o) {
            y += "      - id: o" + std::to_string(o) + "\n        name: O" + std::to_string(o) +
                 "\n        attributes: {cost: " + std::to_string(1000 * (1 + next(10))) +
                 ", months: " + std::to_string(1 + next(6)) + "}\n        effects: {";
            for (int v = 0; v < 8; ++v)
                y += (v ? ", v" : "v") + std::to_string(v) + ": " + std::to_string(next(7) - 3);
            y += "}\n";
        }
    }
    y += "resources: {budget: " + std::to_string(issues * 6000) + "}\n";
    y += "roles:\n";
    const char* kinds[3] = {"resident", "official", "council"};
    for (int r = 0; r < roles; ++r) {
        y += "  - id: r" + std::to_string(r) + "\n    kind: " + kinds[r % 3] + "\n    name: R" +
             std::to_string(r) + "\n    values: {";
        for (int v = 0; v < 8; ++v)
            y += (v ? ", v" : "v") + std::to_string(v) + ": " + std::to_string(next(4));
        y += "}\n    preconditions:\n";
        y += "      - {id: budget, name: Budget, require: \"cost <= budget + " +
             std::to_string(1000 * r) + "\"}\n";
        y += "      - {id: not_" + std::to_string(r) + ", name: Not, require: \"i" +
             std::to_string(r % issues) + " != o" + std::to_string(r % options) +
             " or months <= " + std::to_string(issues * 4) + "\"}\n";
    }
    y += "decision: {rule: council_majority, min_support: 0}\n";
    return y;
}

int usage() {
    std::fputs("usage: samenspel bench [--seconds T] [--scenario FILE]\n"
               "Prints package-role evaluations per second of the analysis on a generated\n"
               "8 issues x 5 options x 6 roles scenario (390,625 packages), and bot\n"
               "sessions per second on scenarios/skatebaan.yaml, beside the targets.\n",
               stderr);
    return kExitBadInput;
}

} // namespace

int runBench(const Args& args) {
    double seconds = 2.0;
    std::string scenarioPath = std::string(SAMENSPEL_SOURCE_DIR) + "/scenarios/skatebaan.yaml";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            usage();
            return kExitOk;
        }
        if (args[i] == "--seconds" && i + 1 < args.size()) {
            seconds = std::atof(args[++i].c_str());
            if (!(seconds > 0.0 && seconds < 3600.0))
                return usage();
        } else if (args[i] == "--scenario" && i + 1 < args.size()) {
            scenarioPath = args[++i];
        } else {
            return usage();
        }
    }

    // Analysis: best of a few full runs (enumeration, Pareto, warnings).
    const LoadResult generated = loadScenarioText(generatedScenario(8, 5, 6), "generated");
    if (!generated.ok()) {
        for (const Diagnostic& d : generated.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return kExitFailure;
    }
    double best = 1e30;
    AnalysisResult analysis;
    const double analysisStart = cpuSeconds();
    do {
        const double t = cpuSeconds();
        analysis = analyzeScenario(*generated.scenario);
        best = std::min(best, cpuSeconds() - t);
    } while (cpuSeconds() - analysisStart < seconds / 2);
    const double evalRate = static_cast<double>(analysis.evaluations) / best;
    std::printf("analyze:  %s packages x 6 roles = %llu package-role evaluations in %.3f s CPU\n"
                "          %.1f million evaluations/s (target 20 million/s)\n",
                analysis.packagesText.c_str(),
                static_cast<unsigned long long>(analysis.evaluations), best, evalRate / 1e6);
    std::fflush(stdout);

    // Simulation: whole bot sessions, back to back.
    const LoadResult loaded = loadScenarioFile(scenarioPath);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return kExitBadInput;
    }
    auto sc = std::make_shared<const Scenario>(*loaded.scenario);
    LiveSessionOptions sessionOptions;
    sessionOptions.pace = SessionPace::asFastAsPossible();
    sessionOptions.tables = std::make_shared<PackageTableCache>();
    int sessions = 0;
    std::uint64_t actions = 0;
    const double simStart = cpuSeconds();
    double elapsed = 0.0;
    do {
        std::string error;
        auto session = LiveSession::start(
            sc, SessionSetup::defaultFor(*sc, true, gameSeed(1, sessions)), sessionOptions, error);
        session->runToEnd();
        actions += session->stats().actions;
        ++sessions;
        elapsed = cpuSeconds() - simStart;
    } while (elapsed < seconds / 2);
    std::printf("simulate: %d bot sessions of %s in %.3f s CPU (%.0f actions per session)\n"
                "          %.0f sessions/s (target 2000/s)\n",
                sessions, sc->id.c_str(), elapsed, static_cast<double>(actions) / sessions,
                sessions / elapsed);
    return kExitOk;
}

} // namespace samenspel::cli
