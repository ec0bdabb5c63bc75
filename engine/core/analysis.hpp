#pragma once
// The decision space of a scenario, for authors (`samenspel analyze`).
//
// Every package (one available option per issue) of the starting state is
// evaluated with the exact formula of DESIGN.md. Definitions (shared with
// tests/tools/reference_analyze.py and docs/cli-simulate-analyze.md):
// - packages: product of the numbers of options available at the start;
// - feasible: every role can accept (all its preconditions hold);
// - gedragen: feasible, passes the decision rule with each council member
//   voting yes exactly when its role accepts, and min_r S_r >= min_support;
// - maxmin: the highest minimum support over ALL packages (feasible or not);
//   ties go to the first package in enumeration order (first issue varying
//   slowest, options in file order). It can be a package some role cannot
//   accept, so beside it:
// - feasible maxmin: the same over feasible packages only (none when no
//   package is feasible), the best deal every role can accept;
// - nash: among feasible packages, the highest product of (S_r + 100) over
//   roles, i.e. Nash's bargaining product with the worst support (-100) as
//   disagreement point, so it is defined whatever the supports; same ties;
// - pareto: packages whose support vector no other package dominates
//   (>= for every role and > for one), over all packages.
//
// Speed: an odometer walks the packages; per-option, per-role support
// contributions and attribute totals are precomputed and kept as prefix sums
// per issue, so a step recomputes only the issues that changed, and
// preconditions are evaluated through Expression::evaluate without
// allocating. Spaces over `enumerationLimit` packages are not enumerated:
// maxmin, feasible maxmin and nash then come from a seeded coordinate-ascent
// search with random restarts, and the counts that need every package are
// left unknown.
//
// Events (analysis_events.cpp): the same analysis of the world after each
// event alone and after every event, with warnings for events that make a
// decision trivially gedragen and options that only an event makes feasible.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "core/scoring.hpp"

namespace samenspel {

struct AnalysisOptions {
    std::uint64_t enumerationLimit = 50'000'000;
    std::uint64_t seed = 1; // for the search on spaces too large to enumerate
    int restarts = 200;     // search restarts
};

// A warning for the author: what kind (a stable id such as
// "option_only_by_event") and a sentence.
struct AnalysisWarning {
    std::string id;
    std::string text;
};

struct AnalysisResult {
    bool exhaustive = true;     // false: the space was searched, not enumerated
    std::string packagesText;   // exact number of packages, in decimal
    std::uint64_t packages = 0; // the same, saturated at 2^64 - 1
    // Known only when exhaustive:
    std::uint64_t feasible = 0;
    std::uint64_t gedragen = 0;
    std::uint64_t paretoCount = 0;

    std::optional<Package> maxminPackage;
    double maxminSupport = 0.0;              // exact (not rounded)
    std::vector<double> maxminSupportByRole; // exact, per role
    bool maxminIsFeasible = false;           // every role can accept the maxmin package
    std::optional<Package> nashPackage;      // none when no package is feasible

    // The best lowest support over feasible packages; none when no package is
    // feasible (when searched: when the search found none).
    std::optional<Package> maxminFeasiblePackage;
    double maxminFeasibleSupport = 0.0;
    std::vector<double> maxminFeasibleSupportByRole;

    // Known only when exhaustive:
    // [issue][option, file index]: the option is in some feasible package.
    std::vector<std::vector<bool>> optionInFeasible;
    // Some gedragen package gives every role the highest support any package
    // gives it: nothing is left to negotiate.
    bool bestForAllGedragen = false;
    // Against a reference world (analyzeWorld's `before`): feasible packages
    // that were not feasible there (or did not exist), and packages feasible
    // there that are not feasible now (or no longer exist).
    std::uint64_t newlyFeasible = 0;
    std::uint64_t noLongerFeasible = 0;

    std::vector<AnalysisWarning> warnings;
    std::uint64_t evaluations = 0; // package-role evaluations done
};

// The starting state of the scenario (no event fired).
AnalysisResult analyzeScenario(const Scenario& sc, const AnalysisOptions& options = {});
// The scenario in `world` (weights, resources and options as events left
// them). With `before` (and its result), also newlyFeasible/noLongerFeasible.
AnalysisResult analyzeWorld(const Scenario& sc, const World& world,
                            const AnalysisOptions& options = {}, const World* before = nullptr,
                            const AnalysisResult* beforeResult = nullptr);

// [SECTION] Events (analysis_events.cpp)

// The order in which the events fire when the clock runs to plan: by the
// minute they fire (a phase event when its phase starts, after the planned
// minutes of the phases before it), condition events last, ties in file
// order. `--after-events` assumes every condition event fires too.
std::vector<int> plannedEventOrder(const Scenario& sc);

struct EventOutcome {
    int event = -1; // index into Scenario::events
    World world;    // the starting world with this event alone applied
    AnalysisResult result;
};

struct EventsAnalysis {
    World world;                        // after every event, in planned order
    AnalysisResult afterEvents;         // the analysis of that world
    std::vector<EventOutcome> perEvent; // file order
    std::vector<AnalysisWarning> warnings;
};

// Needs the start's result (analyzeScenario) to compare against.
EventsAnalysis analyzeEvents(const Scenario& sc, const AnalysisResult& start,
                             const AnalysisOptions& options = {});

// [SECTION] Output (analysis_report.cpp)

// `samenspel analyze --json`: one object with the keys packages, feasible,
// gedragen, maxmin_support, maxmin_package, maxmin_support_by_role,
// maxmin_feasible_support, maxmin_feasible_package,
// maxmin_feasible_support_by_role, nash_package, pareto_count, warnings
// (objects {id, text}); unknown counts and absent packages are null. With
// `events` also after_events (the same keys, plus newly_feasible and
// no_longer_feasible) and per_event (an array: event id and the same).
// Warnings of `events` join the top-level list.
std::string analysisJson(const Scenario& sc, const AnalysisResult& r,
                         const EventsAnalysis* events = nullptr, bool showEvents = false);
// The same for people, in English.
std::string analysisText(const Scenario& sc, const AnalysisResult& r,
                         const EventsAnalysis* events = nullptr, bool showEvents = false);

} // namespace samenspel
