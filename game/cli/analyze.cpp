// `samenspel analyze FILE [--json]`: the whole decision space of a scenario,
// for its author (definitions in engine/core/analysis.hpp).
#include <cstdio>

#include "cli/commands.hpp"
#include "core/analysis.hpp"

namespace samenspel::cli {

namespace {

constexpr const char* kUsage = "usage: samenspel analyze FILE [--json]\n";

constexpr const char* kHelp =
    R"(usage: samenspel analyze FILE [--json]

Enumerates every package (one option per issue) of the scenario's starting
state and reports, with the support formula of DESIGN.md:
  packages      number of packages (options with available: false left out)
  feasible      packages every role can accept (all preconditions hold)
  gedragen      feasible, passing the decision rule with each council member
                voting yes exactly when its role accepts, and every role's
                support >= min_support
  maxmin        the package with the highest lowest support, over all
                packages (ties: the first in file order), and its support
                per role, rounded to one decimal
  nash          among feasible packages, the highest product of (S_r + 100)
  pareto        packages no other package beats for one role without
                hurting another
  warnings      options in no feasible package, values no role weighs, roles
                whose preconditions exclude each other, no gedragen decision,
                almost every package gedragen (90% or more)
Spaces of more than 50,000,000 packages are not enumerated: maxmin and nash
then come from a seeded coordinate-ascent search with random restarts, the
counts are unknown (null), and a warning says so.

  --json   one JSON object with the keys packages, feasible, gedragen,
           maxmin_support, maxmin_package, maxmin_support_by_role,
           nash_package, pareto_count, warnings

Exit codes: 0 ok, 2 invalid scenario or usage (errors as FILE:LINE:COL: error: ...).
)";

} // namespace

int runAnalyze(const Args& args) {
    std::string file;
    bool json = false;
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::fputs(kHelp, stdout);
            return kExitOk;
        }
        if (arg == "--json") {
            json = true;
        } else if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "samenspel analyze: unknown option '%s'\n%s", arg.c_str(), kUsage);
            return kExitBadInput;
        } else if (file.empty()) {
            file = arg;
        } else {
            std::fprintf(stderr, "samenspel analyze: one scenario at a time\n%s", kUsage);
            return kExitBadInput;
        }
    }
    if (file.empty()) {
        std::fputs(kUsage, stderr);
        return kExitBadInput;
    }
    const LoadResult loaded = loadScenarioFile(file);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        if (loaded.errors.empty())
            std::fprintf(stderr, "%s: error: the scenario could not be loaded\n", file.c_str());
        return kExitBadInput;
    }
    const Scenario& sc = *loaded.scenario;
    const AnalysisResult result = analyzeScenario(sc);
    const std::string out = json ? analysisJson(sc, result) : analysisText(sc, result);
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
    return kExitOk;
}

} // namespace samenspel::cli
