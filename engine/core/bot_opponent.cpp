// The bot's opponent model: what it believes about the other roles, from
// public information only (see bot.hpp).
#include <algorithm>

#include "core/bot_internal.hpp"

namespace samenspel {

using namespace bot_detail;

// [SECTION] Opponent model ---------------------------------------------------
//
// A frequency model in the spirit of Hindriks & Tykhonov (2008) and the
// frequency models surveyed by Baarslag et al. (2016): every public signal of
// a role raises (or lowers) the believed importance of a value. The prior is
// the scenario's public value weights (what "the city" cares about), with a
// small seeded jitter so ties break differently per seed. Signals, strongest
// first: a value the role shared (earlier shares count more, since people and
// bots lead with what matters most), a value it revealed when asked, a value
// it gave as the reason of a reaction or vote, and, weakly, the direction of
// a package's effects on values when the role supported or objected to it.

// Beliefs are kept for every role, the bot's own too (`ownRole` is not needed).
OpponentModel::OpponentModel(const Scenario& sc, [[maybe_unused]] int ownRole, std::uint64_t seed) {
    const std::size_t roles = sc.roles.size(), values = sc.values.size();
    prior_.assign(roles, std::vector<double>(values, 0.0));
    for (std::size_t r = 0; r < roles; ++r)
        for (std::size_t v = 0; v < values; ++v) {
            const double pv = v < sc.publicValue.size() ? sc.publicValue[v] : 0;
            prior_[r][v] = 0.2 * pv + 0.15 * unit(key3(seed, kCoinPriorJitter, r * 1000 + v));
        }
    score_ = prior_;
    weights_.assign(roles, std::vector<double>(values, 1.0));
    evidence_.assign(roles, 0);
}

void OpponentModel::update(const Scenario& sc, const GameState& view,
                           const std::vector<Seat>& seats, const PackageTable* table) {
    score_ = prior_;
    std::fill(evidence_.begin(), evidence_.end(), 0);
    const auto roleOfSeat = [&](int seat) {
        return seat >= 0 && seat < static_cast<int>(seats.size()) ? seats[sz(seat)].role : -1;
    };
    const auto add = [&](int role, int value, double amount) {
        if (role < 0 || role >= static_cast<int>(score_.size()) || value < 0 ||
            value >= static_cast<int>(sc.values.size()))
            return;
        score_[sz(role)][sz(value)] += amount;
        ++evidence_[sz(role)];
    };

    std::vector<int> sharesSoFar(sc.roles.size(), 0);
    for (const SharedValue& s : view.sharedValues) {
        if (s.role < 0 || s.role >= static_cast<int>(sharesSoFar.size()))
            continue;
        const int k = sharesSoFar[sz(s.role)]++;
        add(s.role, s.value, 3.0 / (1.0 + 0.5 * k));
    }
    for (const Question& q : view.questions) {
        if (q.status == Question::Status::Answered)
            add(roleOfSeat(q.answeredBy), q.answerValue, q.value < 0 ? 2.5 : 2.0);
        else if (q.status == Question::Status::Declined && q.value >= 0)
            add(q.targetRole, q.value, -0.3);
    }
    for (const Proposal& p : view.proposals) {
        if (p.reactions.empty() && p.votes.empty())
            continue;
        const int k = table ? table->indexOf(sc, p.package) : -1;
        std::vector<int> computed;
        if (k < 0)
            computed = valueTotals(sc, p.package);
        const int* totals = k >= 0 ? &table->totals[sz(k) * sc.values.size()] : computed.data();
        const auto packageSignal = [&](int role, bool positive) {
            if (role < 0 || role >= static_cast<int>(score_.size()))
                return;
            for (std::size_t v = 0; v < sc.values.size(); ++v)
                score_[sz(role)][v] += (positive ? 0.1 : -0.1) * sign(totals[v]);
        };
        for (const Reaction& r : p.reactions) {
            const int role = roleOfSeat(r.seat);
            if (r.reason.kind == Reason::Kind::Value)
                add(role, r.reason.index, 1.5);
            packageSignal(role, positiveReaction(r.kind));
        }
        for (const CastVote& v : p.votes) {
            const int role = roleOfSeat(v.seat);
            if (v.reason.kind == Reason::Kind::Value)
                add(role, v.reason.index, 1.5);
            packageSignal(role, v.kind != VoteKind::No);
        }
    }

    for (std::size_t r = 0; r < score_.size(); ++r) {
        double top = 0.0;
        for (double s : score_[r])
            top = std::max(top, s);
        for (std::size_t v = 0; v < score_[r].size(); ++v)
            weights_[r][v] = top > 0.0 ? 3.0 * std::max(0.0, score_[r][v]) / top : 1.0;
    }
}

std::vector<int> OpponentModel::predictTop(int role) const {
    const auto& s = score_[sz(role)];
    std::vector<int> order(s.size());
    for (std::size_t v = 0; v < order.size(); ++v)
        order[v] = static_cast<int>(v);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return s[sz(a)] > s[sz(b)]; });
    order.resize(std::min<std::size_t>(3, order.size()));
    return order;
}

} // namespace samenspel
