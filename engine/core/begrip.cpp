// Begrip v2: item generation and chance-corrected scores (DESIGN.md).
#include "core/begrip.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace samenspel {

namespace {

// A small deterministic generator (splitmix64): the same scenario id and
// target role give the same item on every machine and in every replay.
struct ItemRandom {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    template <typename T> void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }
};

ItemRandom itemRandom(const Scenario& sc, int targetRole, BegripItemKind kind) {
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a 64 of the scenario id
    for (unsigned char c : sc.id) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= static_cast<std::uint64_t>(targetRole + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= static_cast<std::uint64_t>(static_cast<int>(kind) + 1) << 56;
    return ItemRandom{h};
}

bool inRange(int i, std::size_t n) {
    return i >= 0 && static_cast<std::size_t>(i) < n;
}

// Shuffles the right answer in with the distractors and records where it went.
BegripItem finish(BegripItem item, ItemOption right, std::vector<ItemOption> distractors,
                  ItemRandom& rnd) {
    item.options.push_back(std::move(right));
    for (ItemOption& d : distractors)
        item.options.push_back(std::move(d));
    std::vector<int> order(item.options.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    rnd.shuffle(order);
    std::vector<ItemOption> shuffled;
    for (std::size_t i = 0; i < order.size(); ++i) {
        shuffled.push_back(item.options[static_cast<std::size_t>(order[i])]);
        if (order[i] == 0)
            item.correct = static_cast<int>(i);
    }
    item.options = std::move(shuffled);
    return item;
}

std::optional<BegripItem> redLineItem(const Scenario& sc, int askingRole, int target) {
    const auto& own = sc.roles[static_cast<std::size_t>(target)].preconditions;
    if (own.empty())
        return std::nullopt;
    ItemRandom rnd = itemRandom(sc, target, BegripItemKind::RedLine);
    const int pick = static_cast<int>(rnd.below(own.size()));
    ItemOption right{own[static_cast<std::size_t>(pick)].name, pick, target, -1};
    // Distractors: the other roles' preconditions, not the asker's own (which
    // the asker would strike out at once) unless nothing else is left; never
    // one that reads the same as an option already in.
    auto pool = [&](bool withAsker) {
        std::vector<ItemOption> out;
        for (std::size_t q = 0; q < sc.roles.size(); ++q) {
            const int role = static_cast<int>(q);
            if (role == target || (!withAsker && role == askingRole))
                continue;
            const auto& pcs = sc.roles[q].preconditions;
            for (std::size_t j = 0; j < pcs.size(); ++j) {
                const auto same = [&](const ItemOption& o) {
                    return o.text.byLang == pcs[j].name.byLang;
                };
                if (same(right) || std::any_of(out.begin(), out.end(), same))
                    continue;
                out.push_back({pcs[j].name, static_cast<int>(j), role, -1});
            }
        }
        return out;
    };
    std::vector<ItemOption> distractors = pool(false);
    if (distractors.empty())
        distractors = pool(true);
    if (distractors.empty())
        return std::nullopt;
    rnd.shuffle(distractors);
    distractors.resize(std::min<std::size_t>(3, distractors.size()));
    BegripItem item;
    item.kind = BegripItemKind::RedLine;
    item.targetRole = target;
    return finish(std::move(item), std::move(right), std::move(distractors), rnd);
}

bool optionEnabled(const World& w, std::size_t issue, std::size_t option) {
    return issue >= w.optionEnabled.size() || option >= w.optionEnabled[issue].size() ||
           w.optionEnabled[issue][option];
}

// What an option adds to sum_v w(v) E_p(v): S_r up to a positive factor.
long optionGain(const Option& option, const std::vector<int>& weights) {
    long total = 0;
    for (std::size_t v = 0; v < option.effects.size() && v < weights.size(); ++v)
        total += static_cast<long>(weights[v]) * option.effects[v];
    return total;
}

std::optional<BegripItem> interestItem(const Scenario& sc, const World& w, int target) {
    if (!inRange(target, w.weights.size()))
        return std::nullopt;
    const std::vector<int>& weights = w.weights[static_cast<std::size_t>(target)];
    // The issue where the target's support differs most between options,
    // among those with a single best option for it.
    int bestIssue = -1;
    long bestSpread = 0;
    for (std::size_t i = 0; i < sc.issues.size(); ++i) {
        const int favourite = favouriteOption(sc, w, weights, static_cast<int>(i));
        if (favourite < 0)
            continue;
        long low = 0;
        long high = 0;
        bool first = true;
        for (std::size_t o = 0; o < sc.issues[i].options.size(); ++o) {
            if (!optionEnabled(w, i, o))
                continue;
            const long gain = optionGain(sc.issues[i].options[o], weights);
            low = first ? gain : std::min(low, gain);
            high = first ? gain : std::max(high, gain);
            first = false;
        }
        if (high - low > bestSpread) {
            bestSpread = high - low;
            bestIssue = static_cast<int>(i);
        }
    }
    if (bestIssue < 0)
        return std::nullopt;
    const Issue& issue = sc.issues[static_cast<std::size_t>(bestIssue)];
    const int favourite = favouriteOption(sc, w, weights, bestIssue);
    ItemRandom rnd = itemRandom(sc, target, BegripItemKind::Interest);
    std::vector<ItemOption> distractors;
    for (std::size_t o = 0; o < issue.options.size(); ++o)
        if (static_cast<int>(o) != favourite &&
            optionEnabled(w, static_cast<std::size_t>(bestIssue), o))
            distractors.push_back({issue.options[o].name, -1, -1, static_cast<int>(o)});
    rnd.shuffle(distractors);
    distractors.resize(std::min<std::size_t>(3, distractors.size()));
    BegripItem item;
    item.kind = BegripItemKind::Interest;
    item.targetRole = target;
    item.issue = bestIssue;
    ItemOption right{issue.options[static_cast<std::size_t>(favourite)].name, -1, -1, favourite};
    return finish(std::move(item), std::move(right), std::move(distractors), rnd);
}

} // namespace

const char* begripItemKindId(BegripItemKind kind) {
    switch (kind) {
    case BegripItemKind::Values:
        return "values";
    case BegripItemKind::RedLine:
        return "red_line";
    case BegripItemKind::Interest:
        return "interest";
    }
    return "values";
}

bool begripItemKindFromId(const std::string& id, BegripItemKind& out) {
    for (int k = 0; k < kBegripItemKindCount; ++k)
        if (id == begripItemKindId(static_cast<BegripItemKind>(k))) {
            out = static_cast<BegripItemKind>(k);
            return true;
        }
    return false;
}

int valuesItemPicks(const std::vector<int>& weights) {
    const auto weighted =
        std::count_if(weights.begin(), weights.end(), [](int x) { return x > 0; });
    return static_cast<int>(std::min<long>(3, weighted));
}

double chanceAccuracy(const std::vector<int>& weights, int valueCount) {
    const int k = valuesItemPicks(weights);
    if (k == 0 || valueCount <= 0)
        return 0.0;
    // hits ~ Hypergeometric(N = valueCount, K = |top(r)|, n = k) and acc =
    // hits / k, so E[acc] = (k K / N) / k = K / N.
    const int top = static_cast<int>(topValues(weights).size());
    return std::min(1.0, static_cast<double>(top) / static_cast<double>(valueCount));
}

std::optional<double> chanceCorrected(double accuracy, double chance) {
    if (chance >= 1.0)
        return std::nullopt;
    return (accuracy - chance) / (1.0 - chance);
}

std::optional<double> valuesItemScore(const std::vector<int>& predicted,
                                      const std::vector<int>& weights, int valueCount) {
    if (valuesItemPicks(weights) == 0)
        return std::nullopt;
    return chanceCorrected(predictionAccuracy(predicted, weights),
                           chanceAccuracy(weights, valueCount));
}

double choiceItemScore(bool right, int optionCount) {
    if (optionCount < 2)
        return 0.0;
    return right ? 1.0 : -1.0 / static_cast<double>(optionCount - 1);
}

int favouriteOption(const Scenario& sc, const World& w, const std::vector<int>& weights,
                    int issue) {
    if (!inRange(issue, sc.issues.size()))
        return -1;
    const auto i = static_cast<std::size_t>(issue);
    int best = -1;
    long bestGain = 0;
    bool tied = false;
    for (std::size_t o = 0; o < sc.issues[i].options.size(); ++o) {
        if (!optionEnabled(w, i, o))
            continue;
        const long gain = optionGain(sc.issues[i].options[o], weights);
        if (best < 0 || gain > bestGain) {
            best = static_cast<int>(o);
            bestGain = gain;
            tied = false;
        } else if (gain == bestGain) {
            tied = true;
        }
    }
    return tied ? -1 : best;
}

std::optional<BegripItem> begripItem(const Scenario& sc, const World& w, int askingRole,
                                     int targetRole, BegripItemKind kind) {
    if (!inRange(targetRole, sc.roles.size()) || targetRole == askingRole)
        return std::nullopt;
    switch (kind) {
    case BegripItemKind::Values: {
        if (!inRange(targetRole, w.weights.size()))
            return std::nullopt;
        const std::vector<int>& weights = w.weights[static_cast<std::size_t>(targetRole)];
        if (!valuesItemScore({}, weights, static_cast<int>(sc.values.size())))
            return std::nullopt; // nothing to predict, or every value counts as right
        BegripItem item;
        item.kind = BegripItemKind::Values;
        item.targetRole = targetRole;
        return item;
    }
    case BegripItemKind::RedLine:
        return redLineItem(sc, askingRole, targetRole);
    case BegripItemKind::Interest:
        return interestItem(sc, w, targetRole);
    }
    return std::nullopt;
}

std::vector<BegripItem> begripItems(const Scenario& sc, const World& w, int askingRole) {
    std::vector<BegripItem> items;
    for (std::size_t r = 0; r < sc.roles.size(); ++r)
        for (int k = 0; k < kBegripItemKindCount; ++k)
            if (auto item = begripItem(sc, w, askingRole, static_cast<int>(r),
                                       static_cast<BegripItemKind>(k)))
                items.push_back(std::move(*item));
    return items;
}

} // namespace samenspel
