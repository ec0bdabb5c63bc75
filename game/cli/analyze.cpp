// `samenspel analyze FILE [--json]`: the whole decision space of a scenario,
// for its author (definitions in engine/core/analysis.hpp).
#include <cstdio>
#include <optional>

#include "cli/commands.hpp"
#include "core/analysis.hpp"

namespace samenspel::cli {

namespace {

constexpr const char* kUsage = "usage: samenspel analyze FILE [--json] [--after-events]\n";

constexpr const char* kHelp =
    R"(usage: samenspel analyze FILE [--json] [--after-events]

Enumerates every package (one option per issue) of the scenario's starting
state and reports, with the support formula of DESIGN.md:
  packages      number of packages (options with available: false left out)
  feasible      packages every role can accept (all preconditions hold)
  gedragen      feasible, passing the decision rule with each council member
                voting yes exactly when its role accepts, and every role's
                support >= min_support
  maxmin        the package with the highest lowest support, over all
                packages (ties: the first in file order), and its support
                per role, rounded to one decimal; it can be a package some
                role cannot accept, so beside it:
  feasible max  the same over feasible packages only: the best deal every
                role can accept (none when no package is feasible)
  nash          among feasible packages, the highest product of (S_r + 100)
  pareto        packages no other package beats for one role without
                hurting another
  warnings      options in no feasible package, values no role weighs, roles
                whose preconditions exclude each other, no gedragen decision,
                almost every package gedragen (90% or more), an event that
                makes the decision trivially gedragen, an option only an
                event makes feasible; each with an id
Spaces of more than 50,000,000 packages are not enumerated: maxmin, feasible
max and nash then come from a seeded coordinate-ascent search with random
restarts, the counts are unknown (null), and a warning says so.

  --after-events  the same figures after every event has fired (in the
           order they fire when the clock runs to plan, condition events
           last), and for each event alone: which packages and options it
           makes feasible or not
  --json   one JSON object with the keys packages, feasible, gedragen,
           maxmin_support, maxmin_package, maxmin_support_by_role,
           maxmin_feasible_support, maxmin_feasible_package,
           maxmin_feasible_support_by_role, nash_package, pareto_count,
           warnings ({id, text}); with --after-events also after_events and
           per_event

Exit codes: 0 ok, 2 invalid scenario or usage (errors as FILE:LINE:COL: error: ...).
)";

} // namespace

int runAnalyze(const Args& args) {
    std::string file;
    bool json = false, afterEvents = false;
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::fputs(kHelp, stdout);
            return kExitOk;
        }
        if (arg == "--json") {
            json = true;
        } else if (arg == "--after-events") {
            afterEvents = true;
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
    // The event warnings come with every run; a space too large to enumerate
    // is searched once per event, so only when asked.
    std::optional<EventsAnalysis> events;
    if (afterEvents || result.exhaustive)
        events = analyzeEvents(sc, result);
    const EventsAnalysis* ev = events ? &*events : nullptr;
    const std::string out = json ? analysisJson(sc, result, ev, afterEvents)
                                 : analysisText(sc, result, ev, afterEvents);
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
    return kExitOk;
}

} // namespace samenspel::cli
