#pragma once
// The measurements of DESIGN.md, as pure functions. The support formula is
// exact and shared by the game, the bots, the analysis and the reports:
//   E_p(v) = sum over chosen options of effects[v]
//   S_r(p) = 100 * sum_v w_r(v) E_p(v) / (3 n sum_v w_r(v))   (0 without weights)
#include <cstdint>
#include <optional>
#include <vector>

#include "core/scenario.hpp"

namespace samenspel {

// The parts of a scenario that events change during play.
struct World {
    std::vector<std::vector<int>> weights;        // [role][value]
    std::vector<double> resources;                // [resource]
    std::vector<std::vector<bool>> optionEnabled; // [issue][option]

    static World initial(const Scenario& sc);
};

std::vector<int> valueTotals(const Scenario& sc, const Package& p);        // E_p(v)
std::vector<double> attributeTotals(const Scenario& sc, const Package& p); // per attribute

double support(const Scenario& sc, const std::vector<int>& weights, const Package& p);
double supportOf(const Scenario& sc, const World& w, int role, const Package& p);
bool preconditionHolds(const Scenario& sc, const World& w, int role, int precondition,
                       const Package& p);
bool canAccept(const Scenario& sc, const World& w, int role, const Package& p);
bool accepts(const Scenario& sc, const World& w, int role, const Package& p);
bool feasible(const Scenario& sc, const World& w, const Package& p);
bool packageAvailable(const Scenario& sc, const World& w, const Package& p);

struct Draagvlak {
    double minimum = 0.0;
    double mean = 0.0;
};
Draagvlak draagvlak(const Scenario& sc, const World& w, const Package& p);

// Decision rule with every council member voting yes exactly when its role
// accepts p (the analysis reading of DESIGN.md).
bool passesRuleByAcceptance(const Scenario& sc, const World& w, const Package& p);
bool gedragenByAcceptance(const Scenario& sc, const World& w, const Package& p);

double publicValue(const Scenario& sc, const Package& p);

// top(r): values with the highest weights, at most three, ties at the cut all in.
std::vector<int> topValues(const std::vector<int>& weights);
// acc(q, r) for one prediction of at most three values.
double predictionAccuracy(const std::vector<int>& predicted, const std::vector<int>& weights);

// 1 - Gini coefficient of the counts (1 = perfectly even; 1 for all zeros).
double oneMinusGini(const std::vector<int>& counts);
// The same over amounts such as milliseconds of speaking time.
// (Another name: a braced list of ints would fit both.)
double oneMinusGiniOfAmounts(const std::vector<std::int64_t>& amounts);

// S rounded to one decimal, as reports print it.
double roundSupport(double s);

} // namespace samenspel
