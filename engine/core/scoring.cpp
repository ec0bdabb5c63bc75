// The measurements of DESIGN.md. These run inside every bot decision and
// every analysis sweep, so the hot functions (support, preconditions) avoid
// allocating where they can and never look a name up.
#include "core/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace samenspel {

namespace {

// The option a package picks for `issue`, or nullptr when the package does
// not name a valid one (a malformed package counts as choosing nothing).
const Option* chosenOption(const Scenario& sc, const Package& p, std::size_t issue) {
    if (issue >= p.size())
        return nullptr;
    const int o = p[issue];
    const auto& options = sc.issues[issue].options;
    if (o < 0 || o >= static_cast<int>(options.size()))
        return nullptr;
    return &options[static_cast<std::size_t>(o)];
}

// 100 * sum_v w(v) E_p(v) / (3 n sum_v w(v)), without building E_p.
double weightedEffect(const Scenario& sc, const std::vector<int>& weights, const Package& p) {
    const std::size_t n = sc.issues.size();
    long weightSum = 0;
    for (int w : weights)
        weightSum += w;
    if (n == 0 || weightSum == 0)
        return 0.0;
    long total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Option* option = chosenOption(sc, p, i);
        if (!option)
            continue;
        const std::size_t count = std::min(option->effects.size(), weights.size());
        for (std::size_t v = 0; v < count; ++v)
            total += static_cast<long>(weights[v]) * option->effects[v];
    }
    return 100.0 * static_cast<double>(total) /
           (3.0 * static_cast<double>(n) * static_cast<double>(weightSum));
}

bool holdsWith(const Precondition& pc, const ExprInputs& in) {
    // A precondition the loader could not parse never blocks play; the loader
    // refuses such a scenario anyway.
    return !pc.require.valid() || pc.require.holds(in);
}

bool canAcceptWith(const Role& role, const ExprInputs& in) {
    for (const Precondition& pc : role.preconditions)
        if (!holdsWith(pc, in))
            return false;
    return true;
}

} // namespace

World World::initial(const Scenario& sc) {
    World w;
    w.weights.reserve(sc.roles.size());
    for (const Role& role : sc.roles) {
        std::vector<int> weights = role.weights;
        weights.resize(sc.values.size(), 0);
        w.weights.push_back(std::move(weights));
    }
    w.resources = sc.resourceValues;
    w.resources.resize(sc.resourceNames.size(), 0.0);
    w.optionEnabled.reserve(sc.issues.size());
    for (const Issue& issue : sc.issues) {
        std::vector<bool> enabled;
        enabled.reserve(issue.options.size());
        for (const Option& option : issue.options)
            enabled.push_back(option.available);
        w.optionEnabled.push_back(std::move(enabled));
    }
    return w;
}

std::vector<int> valueTotals(const Scenario& sc, const Package& p) {
    std::vector<int> totals(sc.values.size(), 0);
    for (std::size_t i = 0; i < sc.issues.size(); ++i) {
        const Option* option = chosenOption(sc, p, i);
        if (!option)
            continue;
        const std::size_t count = std::min(option->effects.size(), totals.size());
        for (std::size_t v = 0; v < count; ++v)
            totals[v] += option->effects[v];
    }
    return totals;
}

std::vector<double> attributeTotals(const Scenario& sc, const Package& p) {
    std::vector<double> totals(sc.attributes.size(), 0.0);
    for (std::size_t i = 0; i < sc.issues.size(); ++i) {
        const Option* option = chosenOption(sc, p, i);
        if (!option)
            continue;
        const std::size_t count = std::min(option->attributes.size(), totals.size());
        for (std::size_t a = 0; a < count; ++a)
            totals[a] += option->attributes[a];
    }
    return totals;
}

double support(const Scenario& sc, const std::vector<int>& weights, const Package& p) {
    return weightedEffect(sc, weights, p);
}

double supportOf(const Scenario& sc, const World& w, int role, const Package& p) {
    if (role < 0 || role >= static_cast<int>(w.weights.size()))
        return 0.0;
    return weightedEffect(sc, w.weights[static_cast<std::size_t>(role)], p);
}

bool preconditionHolds(const Scenario& sc, const World& w, int role, int precondition,
                       const Package& p) {
    if (role < 0 || role >= static_cast<int>(sc.roles.size()))
        return true;
    const auto& pcs = sc.roles[static_cast<std::size_t>(role)].preconditions;
    if (precondition < 0 || precondition >= static_cast<int>(pcs.size()))
        return true;
    const std::vector<double> totals = attributeTotals(sc, p);
    const ExprInputs in{&totals, &w.resources, &p};
    return holdsWith(pcs[static_cast<std::size_t>(precondition)], in);
}

bool canAccept(const Scenario& sc, const World& w, int role, const Package& p) {
    if (role < 0 || role >= static_cast<int>(sc.roles.size()))
        return false;
    const Role& r = sc.roles[static_cast<std::size_t>(role)];
    if (r.preconditions.empty())
        return true;
    const std::vector<double> totals = attributeTotals(sc, p);
    const ExprInputs in{&totals, &w.resources, &p};
    return canAcceptWith(r, in);
}

bool accepts(const Scenario& sc, const World& w, int role, const Package& p) {
    if (!canAccept(sc, w, role, p))
        return false;
    return supportOf(sc, w, role, p) >= sc.roles[static_cast<std::size_t>(role)].reservation;
}

bool feasible(const Scenario& sc, const World& w, const Package& p) {
    const std::vector<double> totals = attributeTotals(sc, p);
    const ExprInputs in{&totals, &w.resources, &p};
    for (const Role& r : sc.roles)
        if (!canAcceptWith(r, in))
            return false;
    return true;
}

bool packageAvailable(const Scenario& sc, const World& w, const Package& p) {
    if (p.size() != sc.issues.size())
        return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const int o = p[i];
        if (o < 0 || o >= static_cast<int>(sc.issues[i].options.size()))
            return false;
        if (i < w.optionEnabled.size() && o < static_cast<int>(w.optionEnabled[i].size()) &&
            !w.optionEnabled[i][static_cast<std::size_t>(o)])
            return false;
    }
    return true;
}

Draagvlak draagvlak(const Scenario& sc, const World& w, const Package& p) {
    Draagvlak d;
    if (sc.roles.empty())
        return d;
    double sum = 0.0;
    double lowest = 0.0;
    for (std::size_t r = 0; r < sc.roles.size(); ++r) {
        const double s = supportOf(sc, w, static_cast<int>(r), p);
        sum += s;
        lowest = r == 0 ? s : std::min(lowest, s);
    }
    d.minimum = lowest;
    d.mean = sum / static_cast<double>(sc.roles.size());
    return d;
}

bool passesRuleByAcceptance(const Scenario& sc, const World& w, const Package& p) {
    switch (sc.rule) {
    case DecisionRule::Consensus:
        for (std::size_t r = 0; r < sc.roles.size(); ++r)
            if (!accepts(sc, w, static_cast<int>(r), p))
                return false;
        return !sc.roles.empty();
    case DecisionRule::UnanimousCouncil: {
        bool anyCouncil = false;
        for (std::size_t r = 0; r < sc.roles.size(); ++r) {
            if (sc.roles[r].kind != RoleKind::Council)
                continue;
            anyCouncil = true;
            if (!accepts(sc, w, static_cast<int>(r), p))
                return false;
        }
        return anyCouncil;
    }
    case DecisionRule::CouncilMajority: {
        int total = 0;
        int yes = 0;
        for (std::size_t r = 0; r < sc.roles.size(); ++r) {
            if (sc.roles[r].kind != RoleKind::Council)
                continue;
            total += sc.roles[r].votes;
            if (accepts(sc, w, static_cast<int>(r), p))
                yes += sc.roles[r].votes;
        }
        return 2 * yes > total;
    }
    }
    return false;
}

bool gedragenByAcceptance(const Scenario& sc, const World& w, const Package& p) {
    return feasible(sc, w, p) && passesRuleByAcceptance(sc, w, p) &&
           draagvlak(sc, w, p).minimum >= sc.minSupport;
}

double publicValue(const Scenario& sc, const Package& p) {
    return weightedEffect(sc, sc.publicValue, p);
}

std::vector<int> topValues(const std::vector<int>& weights) {
    std::vector<int> weighted;
    for (std::size_t v = 0; v < weights.size(); ++v)
        if (weights[v] > 0)
            weighted.push_back(static_cast<int>(v));
    if (weighted.size() <= 3)
        return weighted;
    // Stable: ties keep value order, so the result is deterministic.
    std::stable_sort(weighted.begin(), weighted.end(),
                     [&](int a, int b) { return weights[a] > weights[b]; });
    const int cut = weights[static_cast<std::size_t>(weighted[2])];
    std::vector<int> top;
    for (int v : weighted)
        if (weights[static_cast<std::size_t>(v)] >= cut)
            top.push_back(v);
    std::sort(top.begin(), top.end());
    return top;
}

double predictionAccuracy(const std::vector<int>& predicted, const std::vector<int>& weights) {
    int weightedCount = 0;
    for (int w : weights)
        if (w > 0)
            ++weightedCount;
    if (weightedCount == 0)
        return 0.0;
    const std::vector<int> top = topValues(weights);
    int hits = 0;
    for (std::size_t i = 0; i < predicted.size() && i < 3; ++i) {
        // A value predicted twice counts once.
        if (std::find(predicted.begin(), predicted.begin() + static_cast<long>(i), predicted[i]) !=
            predicted.begin() + static_cast<long>(i))
            continue;
        if (std::find(top.begin(), top.end(), predicted[i]) != top.end())
            ++hits;
    }
    const int denominator = std::min(3, weightedCount);
    return std::min(1.0, static_cast<double>(hits) / static_cast<double>(denominator));
}

double oneMinusGini(const std::vector<int>& counts) {
    return oneMinusGiniOfAmounts(std::vector<std::int64_t>(counts.begin(), counts.end()));
}

double oneMinusGiniOfAmounts(const std::vector<std::int64_t>& amounts) {
    if (amounts.empty())
        return 1.0;
    std::vector<std::int64_t> sorted = amounts;
    std::sort(sorted.begin(), sorted.end());
    std::int64_t total = 0;
    for (std::int64_t c : sorted)
        total += c;
    if (total <= 0)
        return 1.0;
    // G = 2 * sum_i i x_(i) / (n * sum x) - (n + 1) / n, with x sorted ascending, i from 1.
    const double n = static_cast<double>(sorted.size());
    double ranked = 0.0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        ranked += static_cast<double>(i + 1) * static_cast<double>(sorted[i]);
    const double gini = 2.0 * ranked / (n * static_cast<double>(total)) - (n + 1.0) / n;
    return 1.0 - gini;
}

double roundSupport(double s) {
    const double r = std::round(s * 10.0) / 10.0;
    return r == 0.0 ? 0.0 : r; // no "-0.0" in reports
}

} // namespace samenspel
