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
//   slowest, options in file order);
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
// maxmin and nash then come from a seeded coordinate-ascent search with
// random restarts, and the counts that need every package are left unknown.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace samenspel {

struct AnalysisOptions {
    std::uint64_t enumerationLimit = 50'000'000;
    std::uint64_t seed = 1; // for the search on spaces too large to enumerate
    int restarts = 200;     // search restarts
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
    std::optional<Package> nashPackage;      // none when no package is feasible

    std::vector<std::string> warnings; // sentences for the author
    std::uint64_t evaluations = 0;     // package-role evaluations done
};

AnalysisResult analyzeScenario(const Scenario& sc, const AnalysisOptions& options = {});

// `samenspel analyze --json`: one object with exactly the keys packages,
// feasible, gedragen, maxmin_support, maxmin_package, maxmin_support_by_role,
// nash_package, pareto_count, warnings (unknown counts are null).
std::string analysisJson(const Scenario& sc, const AnalysisResult& r);
// The same for people, in English.
std::string analysisText(const Scenario& sc, const AnalysisResult& r);

} // namespace samenspel
