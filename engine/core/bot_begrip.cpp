// A bot answers begrip v2's choice items (core/begrip.hpp) from what it
// knows, as a person would: a red line the table heard (shared, or given as
// a reason), an interest from its believed weights of the role. What it
// cannot know it guesses, after striking out the answers it knows are wrong.
#include <algorithm>

#include "core/begrip.hpp"
#include "core/bot_internal.hpp"

namespace samenspel {

using namespace bot_detail;

namespace {

// Whether the table knows that precondition `pc` is role r's: put on the
// table, or named as the reason of a reaction or a vote.
bool heardAtTable(const GameState& s, int role, int pc) {
    for (const SharedPrecondition& shared : s.sharedPreconditions)
        if (shared.role == role && shared.precondition == pc)
            return true;
    return role >= 0 && static_cast<std::size_t>(role) < s.preconditionCited.size() && pc >= 0 &&
           static_cast<std::size_t>(pc) < s.preconditionCited[sz(role)].size() &&
           s.preconditionCited[sz(role)][sz(pc)];
}

bool answered(const GameState& s, int seat, const BegripItem& item) {
    return std::any_of(s.itemAnswers.begin(), s.itemAnswers.end(), [&](const ItemAnswer& a) {
        return a.seat == seat && a.person == -1 && a.phase == s.phase &&
               a.targetRole == item.targetRole && a.kind == static_cast<int>(item.kind);
    });
}

} // namespace

std::optional<Action> Bot::answerItem(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    if (g.partialView())
        return std::nullopt; // the questions are the host's: a copy cannot build them
    for (const BegripItem& item : begripItems(*sc_, s.world, role_)) {
        if (item.kind == BegripItemKind::Values || item.options.empty() || answered(s, seat_, item))
            continue;
        std::vector<int> candidates;
        if (item.kind == BegripItemKind::RedLine) {
            for (std::size_t o = 0; o < item.options.size(); ++o) {
                const ItemOption& option = item.options[o];
                if (option.role == item.targetRole &&
                    heardAtTable(s, option.role, option.precondition)) {
                    candidates = {static_cast<int>(o)}; // heard it: no doubt
                    break;
                }
                // Its own red lines and those heard from another role are not it.
                const bool knownOther =
                    option.role != item.targetRole &&
                    (option.role == role_ || heardAtTable(s, option.role, option.precondition));
                if (!knownOther)
                    candidates.push_back(static_cast<int>(o));
            }
        } else {
            // The option its believed weights of the role favour most.
            ensureModel(g);
            const std::vector<double>& weights = model_.weights(item.targetRole);
            const Issue& issue = sc_->issues[sz(item.issue)];
            double best = 0.0;
            for (std::size_t o = 0; o < item.options.size(); ++o) {
                const Option& option = issue.options[sz(item.options[o].option)];
                double gain = 0.0;
                for (std::size_t v = 0; v < option.effects.size() && v < weights.size(); ++v)
                    gain += weights[v] * option.effects[v];
                if (candidates.empty() || gain > best + 1e-9) {
                    candidates = {static_cast<int>(o)};
                    best = gain;
                } else if (gain > best - 1e-9) {
                    candidates.push_back(static_cast<int>(o));
                }
            }
        }
        if (candidates.empty())
            candidates.push_back(0);
        const std::uint64_t key =
            key3(kCoinItemGuess, static_cast<std::uint64_t>(s.phase),
                 static_cast<std::uint64_t>(item.targetRole * kBegripItemKindCount +
                                            static_cast<int>(item.kind)));
        const auto pick =
            std::min(candidates.size() - 1,
                     static_cast<std::size_t>(unit(splitmix64(seed_ ^ key)) *
                                              static_cast<double>(candidates.size())));
        Action a = make(ActionType::AnswerItem, nowMs);
        a.targetRole = item.targetRole;
        a.itemKind = static_cast<int>(item.kind);
        a.choice = candidates[pick];
        return a;
    }
    return std::nullopt;
}

} // namespace samenspel
