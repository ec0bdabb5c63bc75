// What a bot believes about the other roles' view of every package (from its
// opponent model and the public record), the offer it makes from that, and
// what it says about a package: reasons, conditions, votes and amendments.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/bot_internal.hpp"

namespace samenspel {

using namespace bot_detail;

// [SECTION] Bot: beliefs about the other roles, offers ---------------------------

void Bot::ensureModel(const Game& g) {
    const GameState& s = g.state();
    if (s.actionCount == modelActionCount_)
        return;
    modelActionCount_ = s.actionCount;
    // Most actions (done, predictions, own offers) carry no new signal: a
    // cheap fingerprint of the public record decides whether to rebuild.
    std::uint64_t print = s.sharedValues.size() * 1000003ull + s.proposals.size();
    for (const Question& q : s.questions)
        print = print * 31 + static_cast<std::uint64_t>(q.status) + 1;
    for (const Proposal& p : s.proposals) {
        for (const Reaction& r : p.reactions)
            print =
                print * 1099511628211ull +
                static_cast<std::uint64_t>(r.seat * 97 + static_cast<int>(r.kind) * 13 +
                                           r.reason.index * 3 + static_cast<int>(r.reason.kind));
        print = print * 131 + p.votes.size();
    }
    if (print == modelPrint_)
        return;
    modelPrint_ = print;
    model_.update(*sc_, s, g.setup().seats, table_.get());
}

// What the bot believes about every package it weighs, for every other role,
// recomputed only when something public happened since the last time:
// - believed support, from the opponent model's weights;
// - believed acceptable: the role's shared preconditions hold, it did not
//   object to exactly this package citing a precondition, and its believed
//   support reaches the public min_support (minus a margin for the model's
//   uncertainty); a role that reacted positively to the package accepts it,
//   one that objected to it does not (a rejected offer is the strongest
//   evidence an opponent model gets);
// - the Nash (1950) bargaining product of supports, with the worst possible
//   support (-100) as the disagreement point so that it is defined for every
//   package: prod_r (S_r + 100) / 200, own support exact, the other roles'
//   believed. Roles count once, whatever their number of seats.
void Bot::ensureBelieved(const Game& g) {
    const GameState& s = g.state();
    if (s.actionCount == believedActionCount_)
        return;
    ensureModel(g);
    believedActionCount_ = s.actionCount;
    const std::size_t roles = sc_->roles.size(), count = table_->packages.size();
    if (believedSupport_.size() != count * roles) {
        believedSupport_.assign(count * roles, 0.0);
        believedStamp_.assign(count * roles, 0);
        believedWeights_.assign(roles, {});
        roleVersion_.assign(roles, 0);
        nash_.assign(count, 0.0);
        nashStamp_.assign(count, 0);
        nashVersion_ = 0;
    }
    // A role's believed supports are recomputed lazily, package by package,
    // once its believed weights moved (its version changed).
    for (std::size_t r = 0; r < roles; ++r) {
        if (static_cast<int>(r) == role_ ||
            model_.weights(static_cast<int>(r)) == believedWeights_[r])
            continue;
        believedWeights_[r] = model_.weights(static_cast<int>(r));
        believedWsum_.resize(roles, 0.0);
        believedWsum_[r] = 0.0;
        for (double x : believedWeights_[r])
            believedWsum_[r] += x;
        ++roleVersion_[r];
        ++nashVersion_;
    }
    margin_.assign(roles, 0.0);
    for (std::size_t r = 0; r < roles; ++r)
        margin_[r] = model_.evidence(static_cast<int>(r)) >= 3 ? 5.0 : 15.0;
    shared_.clear();
    for (const SharedPrecondition& sp : s.sharedPreconditions)
        if (sp.role >= 0 && sp.role < static_cast<int>(roles) && sp.role != role_)
            shared_.emplace_back(sp.role,
                                 &sharedPreconditionHolds(s.world, sp.role, sp.precondition));
    // Actual reactions override beliefs: 1 reacted positively, -1 objected.
    verdictCells_.resize(count * roles, 0);
    for (std::size_t cell : verdictTouched_)
        verdictCells_[cell] = 0;
    verdictTouched_.clear();
    const auto& seats = g.setup().seats;
    for (const Proposal& pr : s.proposals) {
        if (pr.reactions.empty())
            continue;
        const int k = indexOf(pr.package);
        if (k < 0)
            continue;
        for (const Reaction& r : pr.reactions) {
            const int role = seats[sz(r.seat)].role;
            if (role == role_)
                continue;
            const std::size_t cell = sz(k) * roles + sz(role);
            if (verdictCells_[cell] == 0)
                verdictTouched_.push_back(cell);
            if (positiveReaction(r.kind))
                verdictCells_[cell] = 1;
            else if (verdictCells_[cell] == 0)
                verdictCells_[cell] = -1;
        }
    }
}

double Bot::believed(std::size_t k, std::size_t r) {
    const std::size_t roles = sc_->roles.size(), values = sc_->values.size();
    const std::size_t cell = k * roles + r;
    if (believedStamp_[cell] != roleVersion_[r]) {
        believedStamp_[cell] = roleVersion_[r];
        const int* totals = &table_->totals[k * values];
        const auto& wr = believedWeights_[r];
        double num = 0.0;
        for (std::size_t v = 0; v < values && v < wr.size(); ++v)
            num += wr[v] * totals[v];
        const double n = static_cast<double>(sc_->issues.size());
        believedSupport_[cell] =
            n > 0 && believedWsum_[r] > 0.0 ? 100.0 * num / (3.0 * n * believedWsum_[r]) : 0.0;
    }
    return believedSupport_[cell];
}

// Nash (1950) bargaining product (see ensureBelieved's comment) for package k.
double Bot::nashOf(std::size_t k) {
    if (nashStamp_[k] == nashVersion_ + 1)
        return nash_[k];
    double product = 1.0;
    for (std::size_t r = 0; r < sc_->roles.size(); ++r) {
        const double support = static_cast<int>(r) == role_ ? own_[k] : believed(k, r);
        product *= std::max(1e-6, (support + 100.0) / 200.0);
    }
    nash_[k] = product;
    nashStamp_[k] = nashVersion_ + 1;
    return product;
}

// Whether the bot believes every other role can accept package k.
bool Bot::acceptableToOthers(std::size_t k) {
    const double threshold = std::max(0.0, sc_->minSupport);
    for (std::size_t r = 0; r < sc_->roles.size(); ++r) {
        if (static_cast<int>(r) == role_)
            continue;
        const signed char verdict = verdictCells_[k * sc_->roles.size() + r];
        if (verdict != 0) {
            if (verdict < 0)
                return false;
            continue;
        }
        if (believed(k, r) < threshold - margin_[r])
            return false;
    }
    for (const auto& [role, holds] : shared_) {
        if (k < holds->size() && !(*holds)[k]) {
            if (verdictCells_[k * sc_->roles.size() + sz(role)] <= 0)
                return false;
        }
    }
    return true;
}

// Whether a shared precondition of another role holds, per package of the
// table; computed once per world (the expression is public once shared).
const std::vector<char>& Bot::sharedPreconditionHolds(const World& w, int role, int precondition) {
    auto& holds = sharedHolds_[{role, precondition}];
    if (!holds.empty())
        return holds;
    const std::size_t count = table_->packages.size();
    holds.assign(count, 1);
    const auto& pcs = sc_->roles[sz(role)].preconditions;
    if (precondition < 0 || precondition >= static_cast<int>(pcs.size()) ||
        !pcs[sz(precondition)].require.valid())
        return holds;
    for (std::size_t k = 0; k < count; ++k)
        if (violated_[k] != kDuplicate)
            holds[k] =
                pcs[sz(precondition)].require.holds(inputsFor(static_cast<int>(k), w)) ? 1 : 0;
    return holds;
}

double Bot::nashScore(const Game& g, const Package& p) {
    ensureBelieved(g);
    const int k = indexOf(p);
    if (k >= 0)
        return nashOf(sz(k));
    const std::vector<int> totals = valueTotals(*sc_, p);
    double product = 1.0;
    for (std::size_t r = 0; r < sc_->roles.size(); ++r) {
        double s = ownSupport(g.state().world, p);
        if (static_cast<int>(r) != role_) {
            const auto& wr = model_.weights(static_cast<int>(r));
            double num = 0.0, ws = 0.0;
            for (std::size_t v = 0; v < wr.size(); ++v) {
                num += wr[v] * totals[v];
                ws += wr[v];
            }
            s = ws > 0.0 ? 100.0 * num / (3.0 * static_cast<double>(sc_->issues.size()) * ws) : 0.0;
        }
        product *= std::max(1e-6, (s + 100.0) / 200.0);
    }
    return product;
}

// The offer: among packages the bot itself accepts at support >= minOwn, the
// one with the best Nash product among those it believes every other role can
// accept; when it believes none is, the best Nash product regardless.
std::optional<Package> Bot::bestOffer(const Game& g, double minOwn) {
    ensureBelieved(g);
    int best = -1, bestAny = -1;
    double bestScore = 0.0, bestAnyScore = 0.0;
    for (std::size_t k = 0; k < table_->packages.size(); ++k) {
        if (own_[k] < minOwn - 1e-9 || violated_[k] >= 0)
            continue;
        const double score = nashOf(k);
        if ((best < 0 || score > bestScore) && acceptableToOthers(k)) {
            best = static_cast<int>(k);
            bestScore = score;
        }
        if (bestAny < 0 || score > bestAnyScore) {
            bestAny = static_cast<int>(k);
            bestAnyScore = score;
        }
    }
    if (best >= 0)
        return table_->packages[sz(best)];
    if (bestAny >= 0)
        return table_->packages[sz(bestAny)];
    return std::nullopt;
}

// [SECTION] Bot: reasons, conditions, votes, amendments ---------------------------

// The own value that speaks most for (positive) or against p: the largest
// w(v) E_p(v), or the most negative one.
Reason Bot::bestValueReason(const Package& p, bool positive) const {
    const int k = indexOf(p);
    std::vector<int> computed;
    if (k < 0)
        computed = valueTotals(*sc_, p);
    const std::size_t values = sc_->values.size();
    const int* totals = k >= 0 ? &table_->totals[sz(k) * values] : computed.data();
    // The weights of now: an event may have changed them, and a reason must
    // be a value the role holds at this moment.
    const std::vector<int>& own = ownWeights_;
    Reason reason;
    int best = 0;
    bool found = false;
    for (std::size_t v = 0; v < own.size() && v < values; ++v) {
        if (own[v] <= 0)
            continue;
        const int contribution = (positive ? 1 : -1) * own[v] * totals[v];
        if (!found || contribution > best) {
            found = true;
            best = contribution;
            reason.kind = Reason::Kind::Value;
            reason.index = static_cast<int>(v);
        }
    }
    return reason;
}

// A condition that would make p acceptable to the bot: the require text of a
// violated precondition of its own (e.g. `cost <= budget`), or else the
// single option change that raises its support most (`issue == option`),
// linked to the value that change serves most.
std::optional<MitsCondition> Bot::mitsFor(const Game& g, const Package& p) {
    const int k = indexOf(p);
    if (k >= 0 && mits_[sz(k)].known)
        return mits_[sz(k)].condition;
    std::optional<MitsCondition> c = computeMits(g, p);
    if (k >= 0)
        mits_[sz(k)] = {true, c};
    return c;
}

std::optional<MitsCondition> Bot::computeMits(const Game& g, const Package& p) const {
    const World& w = g.state().world;
    const int violated = violatedOwnPrecondition(w, p);
    if (violated >= 0) {
        const Precondition& pc = sc_->roles[sz(role_)].preconditions[sz(violated)];
        if (!pc.require.valid() || !fitsCondition(pc.require.source()))
            return std::nullopt;
        MitsCondition c;
        c.expression = pc.require.source();
        c.protects = {Reason::Kind::Precondition, violated};
        return c;
    }
    const std::vector<int>& own = w.weights[sz(role_)];
    const double base = ownSupport(w, p);
    double bestGain = 0.0;
    int bestIssue = -1, bestOption = -1;
    for (std::size_t i = 0; i < p.size(); ++i) {
        for (std::size_t o = 0; o < sc_->issues[i].options.size(); ++o) {
            if (static_cast<int>(o) == p[i] || !w.optionEnabled[i][o])
                continue;
            Package q = p;
            q[i] = static_cast<int>(o);
            const double gain = ownSupport(w, q) - base;
            if (gain > bestGain + 1e-9 && ownCanAccept(w, q)) {
                bestGain = gain;
                bestIssue = static_cast<int>(i);
                bestOption = static_cast<int>(o);
            }
        }
    }
    if (bestIssue < 0)
        return std::nullopt;
    const auto& from = sc_->issues[sz(bestIssue)].options[sz(p[sz(bestIssue)])].effects;
    const auto& to = sc_->issues[sz(bestIssue)].options[sz(bestOption)].effects;
    int bestValue = -1, bestValueGain = 0;
    for (std::size_t v = 0; v < own.size(); ++v) {
        const int d = own[v] * ((v < to.size() ? to[v] : 0) - (v < from.size() ? from[v] : 0));
        if (own[v] > 0 && d > bestValueGain) {
            bestValueGain = d;
            bestValue = static_cast<int>(v);
        }
    }
    MitsCondition c;
    c.expression = sc_->issues[sz(bestIssue)].id +
                   " == " + sc_->issues[sz(bestIssue)].options[sz(bestOption)].id;
    if (!fitsCondition(c.expression))
        return std::nullopt;
    if (bestValue >= 0)
        c.protects = {Reason::Kind::Value, bestValue};
    return c;
}

bool Bot::reactedTo(const Proposal& p) const {
    for (const Reaction& r : p.reactions)
        if (r.seat == seat_)
            return true;
    return false;
}

// The open proposal with the warmest reactions (support +1, support-if +0.5,
// object -1; ties: the most recent), from public reactions only.
int Bot::warmestProposal(const GameState& s) const {
    int best = -1;
    double bestScore = -std::numeric_limits<double>::infinity();
    for (const Proposal& p : s.proposals) {
        if (p.status != Proposal::Status::Open)
            continue;
        double score = 0.0;
        for (const Reaction& r : p.reactions)
            score += r.kind == ReactionKind::Support     ? 1.0
                     : r.kind == ReactionKind::SupportIf ? 0.5
                                                         : -1.0;
        if (score >= bestScore) {
            bestScore = score;
            best = p.id;
        }
    }
    return best;
}

// Yes when the proposal keeps the bot's red lines and reaches its final
// aspiration (hard-liners want a share of their surplus) or meets the bot's
// own ja-mits; otherwise ja-mits with a condition that
// protects a precondition or value, when one helps and the bot is
// cooperative enough; else no.
std::optional<Action> Bot::vote(const Game& g, const Proposal& p, std::int64_t nowMs) {
    const World& w = g.state().world;
    const double threshold = finalAspiration();
    Action a = make(ActionType::Vote, nowMs);
    a.proposal = p.id;
    const int violated = violatedOwnPrecondition(w, p.package);
    // A version that meets every condition of the bot's own ja-mits gets the
    // yes it promised (the rules ask every voter again after an amendment).
    bool promised = false, promiseKept = true;
    for (const AttachedCondition& c : p.conditions) {
        if (c.fromSeat != seat_)
            continue;
        promised = true;
        promiseKept = promiseKept && c.met;
    }
    // Never a yes on a version that breaks one of the bot's own red lines,
    // not even one that met its ja-mits: an amendment elsewhere can break it.
    if (violated < 0 &&
        ((promised && promiseKept) || ownSupport(w, p.package) >= threshold - 1e-9)) {
        a.vote = VoteKind::Yes;
        a.reason = bestValueReason(p.package, true);
        return a;
    }
    if (!p.amendmentRoundUsed) {
        if (auto mits = mitsFor(g, p.package);
            mits && coin(key3(kCoinJaMits, static_cast<std::uint64_t>(p.id), 0),
                         0.25 + 0.75 * character_.cooperation)) {
            a.vote = VoteKind::JaMits;
            a.conditions.push_back(*mits);
            a.reason = mits->protects;
            return a;
        }
    }
    a.vote = VoteKind::No;
    a.reason = violated >= 0 ? Reason{Reason::Kind::Precondition, violated}
                             : bestValueReason(p.package, false);
    return a;
}

// The version that answers the ja-mits conditions: the package meeting the
// most conditions, then one the bot itself can accept, then the best Nash
// product; the base package wins ties so an amendment changes little.
Package Bot::amendmentFor(const Game& g, const Package& base,
                          const std::vector<MitsCondition>& conditions) {
    const World& w = g.state().world;
    std::vector<const Expression*> exprs;
    for (const MitsCondition& c : conditions) {
        auto it = parsedConditions_.find(c.expression);
        if (it == parsedConditions_.end()) {
            ExprParseResult parsed = parseExpression(c.expression, sc_->exprNames(), true);
            it = parsedConditions_.emplace(c.expression, parsed.expression).first;
        }
        if (it->second.valid())
            exprs.push_back(&it->second);
    }
    const auto met = [&](const Package& p) {
        const std::vector<double> totals = attributeTotals(*sc_, p);
        const ExprInputs in{&totals, &w.resources, &p};
        int count = 0;
        for (const Expression* e : exprs)
            count += e->holds(in) ? 1 : 0;
        return count;
    };
    Package best = base;
    int bestMet = met(base);
    bool bestOk = ownCanAccept(w, base);
    double bestNash = nashScore(g, base);
    for (const Package& p : table_->packages) {
        const int m = met(p);
        const bool ok = ownCanAccept(w, p);
        const double nash = nashScore(g, p);
        if (m > bestMet || (m == bestMet && ok && !bestOk) ||
            (m == bestMet && ok == bestOk && nash > bestNash + 1e-12)) {
            best = p;
            bestMet = m;
            bestOk = ok;
            bestNash = nash;
        }
    }
    return best;
}

} // namespace samenspel
