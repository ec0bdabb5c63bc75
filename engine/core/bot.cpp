// Bots: how a stand-in player decides what to do next. The strategy and its
// sources are described in bot.hpp and docs/bots.md; this file carries it out,
// one phase at a time.
//
// Information discipline: a bot reads its OWN role card (weights through
// world.weights[role_], preconditions, reservation) and everything public:
// the scenario's shared parts (issues, options, effects, attributes,
// resources, public value), shared values, answered questions, shared
// preconditions, proposals with their reactions and votes. It never reads
// another role's weights, reservation, secret or unshared preconditions.
#include "core/bot.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace samenspel {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

namespace {

constexpr std::size_t kMaxPackagesConsidered = 4096;
constexpr int kDuplicate = std::numeric_limits<int>::max(); // violated_ mark of a repeated sample

std::size_t sz(int i) {
    return static_cast<std::size_t>(i);
}

// Decision kinds, mixed into coin keys so different decisions are independent.
enum CoinKind : std::uint64_t {
    kCoinAnswer = 1,
    kCoinSharePrecondition = 2,
    kCoinSupportIf = 3,
    kCoinJaMits = 4,
    kCoinPriorJitter = 5,
    kCoinAskOrder = 6,
    kCoinSample = 7,
};

std::uint64_t key3(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    return splitmix64(a * 0x100000001b3ull ^ splitmix64(b * 0x9e3779b97f4a7c15ull ^ c));
}

double unit(std::uint64_t h) {
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

int sign(int x) {
    return (x > 0) - (x < 0);
}

bool positiveReaction(ReactionKind k) {
    return k != ReactionKind::Object;
}

} // namespace

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

OpponentModel::OpponentModel(const Scenario& sc, int ownRole, std::uint64_t seed)
    : ownRole_(ownRole) {
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

// [SECTION] Bot: set-up and shared helpers -------------------------------------

Bot::Bot(std::shared_ptr<const Scenario> scenario, int seat, int role, BotCharacter character,
         std::uint64_t seed)
    : sc_(std::move(scenario)), seat_(seat), role_(role), character_(character),
      seed_(splitmix64(seed ^ splitmix64(0x5eed0000ull + static_cast<std::uint64_t>(seat)))),
      model_(*sc_, role, seed_) {
    character_.cooperation = std::clamp(character_.cooperation, 0.0, 1.0);
    character_.openness = std::clamp(character_.openness, 0.0, 1.0);
}

bool Bot::coin(std::uint64_t key, double probability) const {
    return unit(splitmix64(seed_ ^ splitmix64(key))) < probability;
}

Action Bot::make(ActionType type, std::int64_t nowMs) const {
    Action a;
    a.type = type;
    a.seat = seat_;
    a.timeMs = nowMs;
    return a;
}

std::optional<Action> Bot::done(const Game& g, std::int64_t nowMs) const {
    if (g.state().done[sz(seat_)])
        return std::nullopt;
    return make(ActionType::Done, nowMs);
}

void Bot::refresh(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    if (s.phase != phaseSeen_) {
        phaseSeen_ = s.phase;
        firstTurnMs_ = nowMs;
    }
    buildPackages(g);
}

// [SECTION] Package tables ------------------------------------------------------

std::uint64_t PackageTable::keyOf(const World& w) {
    std::uint64_t key = 1469598103934665603ull;
    for (const auto& issue : w.optionEnabled) {
        for (bool b : issue)
            key = (key ^ (b ? 1u : 2u)) * 1099511628211ull;
        key = (key ^ 3u) * 1099511628211ull;
    }
    return key;
}

// All packages of the enabled options when there are at most
// kMaxPackagesConsidered, else a seeded sample of that many (the seed is
// fixed, so the table depends on the scenario and the options alone).
std::shared_ptr<const PackageTable> PackageTable::build(const Scenario& sc, const World& w) {
    auto t = std::make_shared<PackageTable>();
    t->key = keyOf(w);
    const std::size_t n = sc.issues.size();
    std::vector<std::vector<int>> enabled(n);
    double space = 1.0, all = 1.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t o = 0; o < w.optionEnabled[i].size(); ++o)
            if (w.optionEnabled[i][o])
                enabled[i].push_back(static_cast<int>(o));
        space *= static_cast<double>(enabled[i].size());
        all *= static_cast<double>(std::max<std::size_t>(1, sc.issues[i].options.size()));
    }
    if (space > 0.0 && n > 0 && space <= static_cast<double>(kMaxPackagesConsidered)) {
        std::vector<std::size_t> digit(n, 0);
        for (bool more = true; more;) {
            Package p(n);
            for (std::size_t i = 0; i < n; ++i)
                p[i] = enabled[i][digit[i]];
            t->packages.push_back(std::move(p));
            more = false;
            for (std::size_t i = n; i-- > 0;) {
                if (++digit[i] < enabled[i].size()) {
                    more = true;
                    break;
                }
                digit[i] = 0;
            }
        }
    } else if (space > 0.0 && n > 0) {
        for (std::size_t k = 0; k < kMaxPackagesConsidered; ++k) {
            Package p(n);
            for (std::size_t i = 0; i < n; ++i)
                p[i] = enabled[i][splitmix64(key3(kCoinSample, k, i)) % enabled[i].size()];
            t->packages.push_back(std::move(p));
        }
    }
    if (all <= 65536.0) {
        t->stride.assign(n, 1);
        std::size_t size = 1;
        for (std::size_t i = n; i-- > 0;) {
            t->stride[i] = size;
            size *= std::max<std::size_t>(1, sc.issues[i].options.size());
        }
        t->dense.assign(size, -1);
    }
    const std::size_t values = sc.values.size(), attributes = sc.attributes.size();
    const std::size_t count = t->packages.size();
    t->totals.assign(count * values, 0);
    t->attrs.assign(count * attributes, 0.0);
    t->duplicate.assign(count, 0);
    for (std::size_t k = 0; k < count; ++k) {
        const Package& p = t->packages[k];
        if (!t->dense.empty()) {
            std::size_t idx = 0;
            for (std::size_t i = 0; i < n; ++i)
                idx += t->stride[i] * sz(p[i]);
            if (t->dense[idx] >= 0) {
                t->duplicate[k] = 1;
                continue;
            }
            t->dense[idx] = static_cast<int>(k);
        } else if (!t->sparse.emplace(p, static_cast<int>(k)).second) {
            t->duplicate[k] = 1;
            continue;
        }
        // Summed in issue order, like scoring.cpp, so the doubles are identical.
        int* totals = &t->totals[k * values];
        double* attrs = attributes ? &t->attrs[k * attributes] : nullptr;
        for (std::size_t i = 0; i < n; ++i) {
            const Option& o = sc.issues[i].options[sz(p[i])];
            for (std::size_t v = 0; v < values && v < o.effects.size(); ++v)
                totals[v] += o.effects[v];
            for (std::size_t a = 0; a < attributes && a < o.attributes.size(); ++a)
                attrs[a] += o.attributes[a];
        }
    }
    return t;
}

int PackageTable::indexOf(const Scenario& sc, const Package& p) const {
    if (p.size() != sc.issues.size())
        return -1;
    if (!dense.empty()) {
        std::size_t idx = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (p[i] < 0 || p[i] >= static_cast<int>(sc.issues[i].options.size()))
                return -1;
            idx += stride[i] * sz(p[i]);
        }
        return dense[idx];
    }
    const auto it = sparse.find(p);
    return it == sparse.end() ? -1 : it->second;
}

std::shared_ptr<const PackageTable> PackageTableCache::get(const Scenario& sc, const World& w) {
    const std::uint64_t key = PackageTable::keyOf(w);
    auto it = tables_.find(key);
    if (it == tables_.end())
        it = tables_.emplace(key, PackageTable::build(sc, w)).first;
    return it->second;
}

// [SECTION] Bot: own evaluation of the packages -------------------------------------

// What depends on the bot's own card and the public world, per package of the
// table: own support and the first own precondition it breaks. Rebuilt when
// an event changes the options, the own weights or the resources.
void Bot::buildPackages(const Game& g) {
    const World& w = g.state().world;
    if (!table_ || table_->key != PackageTable::keyOf(w)) {
        if (!tables_)
            tables_ = std::make_shared<PackageTableCache>();
        table_ = tables_->get(*sc_, w);
        ownKey_ = ~0ull;
    }
    std::uint64_t key = table_->key;
    const auto mix = [&key](std::uint64_t x) { key = (key ^ x) * 1099511628211ull; };
    for (int weight : w.weights[sz(role_)])
        mix(static_cast<std::uint64_t>(weight) + 7);
    for (double r : w.resources)
        mix(std::hash<double>{}(r));
    if (key == ownKey_)
        return;
    ownKey_ = key;
    believedActionCount_ = ~0ull;
    sharedHolds_.clear();
    shared_.clear();
    believedSupport_.clear();

    const PackageTable& t = *table_;
    const std::size_t count = t.packages.size(), values = sc_->values.size();
    const std::size_t attributes = sc_->attributes.size(), n = sc_->issues.size();
    own_.assign(count, 0.0);
    violated_.assign(count, -1);
    mits_.assign(count, MitsMemo{});
    const auto& pcs = sc_->roles[sz(role_)].preconditions;
    const std::vector<int>& weights = w.weights[sz(role_)];
    ownWeights_ = weights;
    long long weightSum = 0;
    for (int x : weights)
        weightSum += x;
    bestOwn_ = -100.0;
    attrScratch_.assign(attributes, 0.0);
    for (std::size_t k = 0; k < count; ++k) {
        if (t.duplicate[k]) {
            violated_[k] = kDuplicate; // never offered; the first copy stands for it
            continue;
        }
        const int* totals = &t.totals[k * values];
        long long num = 0;
        for (std::size_t v = 0; v < values && v < weights.size(); ++v)
            num += static_cast<long long>(weights[v]) * totals[v];
        own_[k] = weightSum > 0
                      ? 100.0 * static_cast<double>(num) /
                            (3.0 * static_cast<double>(n) * static_cast<double>(weightSum))
                      : 0.0;
        if (!pcs.empty()) {
            const ExprInputs in = inputsFor(static_cast<int>(k), w);
            for (std::size_t i = 0; i < pcs.size(); ++i)
                if (pcs[i].require.valid() && !pcs[i].require.holds(in)) {
                    violated_[k] = static_cast<int>(i);
                    break;
                }
        }
        if (violated_[k] < 0)
            bestOwn_ = std::max(bestOwn_, own_[k]);
    }
}

// Expression inputs for package k of the table (attributes via a scratch
// vector, since ExprInputs points at a std::vector).
ExprInputs Bot::inputsFor(int k, const World& w) const {
    const std::size_t attributes = sc_->attributes.size();
    const double* attrs = attributes ? &table_->attrs[sz(k) * attributes] : nullptr;
    std::copy(attrs, attrs + attributes, attrScratch_.begin());
    return ExprInputs{&attrScratch_, &w.resources, &table_->packages[sz(k)]};
}

int Bot::indexOf(const Package& p) const {
    return table_ ? table_->indexOf(*sc_, p) : -1;
}

double Bot::ownSupport(const World& w, const Package& p) const {
    const int k = indexOf(p);
    return k >= 0 ? own_[sz(k)] : supportOf(*sc_, w, role_, p);
}

int Bot::violatedOwnPrecondition(const World& w, const Package& p) const {
    const int k = indexOf(p);
    if (k >= 0)
        return violated_[sz(k)];
    const auto& pcs = sc_->roles[sz(role_)].preconditions;
    for (std::size_t i = 0; i < pcs.size(); ++i)
        if (!preconditionHolds(*sc_, w, role_, static_cast<int>(i), p))
            return static_cast<int>(i);
    return -1;
}

bool Bot::ownCanAccept(const World& w, const Package& p) const {
    return violatedOwnPrecondition(w, p) < 0;
}

// The lowest support the bot can live with: its own reservation, and, since
// it wants a gedragen besluit, the scenario's public min_support.
double Bot::floorSupport() const {
    return std::max(sc_->roles[sz(role_)].reservation, sc_->minSupport);
}

// Faratin, Sierra & Jennings (1998), time-dependent tactics:
//   alpha(t) = t^(1/beta),  target(t) = floor + (1 - alpha(t)) (best - floor)
// beta < 1 is "Boulware" (holds out until the deadline), beta > 1 is
// "Conceder" (gives in early). Cooperation maps 0 .. 1 onto beta 0.25 .. 4.
double Bot::aspiration(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    const double beta = 0.25 * std::pow(16.0, character_.cooperation);
    const double alpha = std::pow(t, 1.0 / beta);
    const double floor = finalAspiration();
    return floor + (1.0 - alpha) * (bestOwn_ - floor);
}

// Where concession stops. A cooperative bot goes down to its reservation (or
// min_support); a hard-line one keeps part of its surplus: up to 35% of the
// way from the reservation to its best, at cooperation 0.
double Bot::finalAspiration() const {
    const double floor = std::min(floorSupport(), bestOwn_);
    return floor + (1.0 - character_.cooperation) * 0.35 * (bestOwn_ - floor);
}

// Fraction of the negotiation time used: Voorstel's clock; later phases are
// past the deadline (t = 1).
double Bot::voorstelTime(const Game& g, std::int64_t nowMs) const {
    if (g.currentPhase() != PhaseKind::Voorstel)
        return 1.0;
    const GameState& s = g.state();
    if (s.phaseDurationMs <= 0)
        return 1.0;
    return static_cast<double>(nowMs - s.phaseStartMs) / static_cast<double>(s.phaseDurationMs);
}

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
        if (!pc.require.valid())
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

// Yes when the proposal reaches the bot's final aspiration (hard-liners
// want a share of their surplus); otherwise ja-mits with a condition that
// protects a precondition or value, when one helps and the bot is
// cooperative enough; else no.
std::optional<Action> Bot::vote(const Game& g, const Proposal& p, std::int64_t nowMs) {
    const World& w = g.state().world;
    const double threshold = finalAspiration();
    Action a = make(ActionType::Vote, nowMs);
    a.proposal = p.id;
    const int violated = violatedOwnPrecondition(w, p.package);
    if (violated < 0 && ownSupport(w, p.package) >= threshold - 1e-9) {
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

// [SECTION] Bot: phases --------------------------------------------------------

std::optional<Action> Bot::nextAction(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    if (s.finished || s.paused || seat_ < 0 || seat_ >= g.seatCount())
        return std::nullopt;
    refresh(g, nowMs);
    switch (g.currentPhase()) {
    case PhaseKind::Kennismaken:
        return kennismaken(g, nowMs);
    case PhaseKind::Perspectief:
    case PhaseKind::Reflectie:
        return predict(g, nowMs);
    case PhaseKind::Waarden:
        return waarden(g, nowMs);
    case PhaseKind::Randvoorwaarden:
        return randvoorwaarden(g, nowMs);
    case PhaseKind::Voorstel:
        return voorstel(g, nowMs);
    case PhaseKind::Besluit:
        return besluit(g, nowMs);
    }
    return std::nullopt;
}

std::optional<Action> Bot::kennismaken(const Game& g, std::int64_t nowMs) {
    return done(g, nowMs);
}

// Perspectief and Reflectie: predict each other role's top values from the
// opponent model (at Perspectief that is little more than the prior).
std::optional<Action> Bot::predict(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    for (std::size_t r = 0; r < sc_->roles.size(); ++r) {
        if (static_cast<int>(r) == role_)
            continue;
        bool predicted = false;
        for (const Prediction& p : s.predictions)
            predicted |=
                p.seat == seat_ && p.targetRole == static_cast<int>(r) && p.phase == s.phase;
        if (predicted)
            continue;
        Action a = make(ActionType::Predict, nowMs);
        a.targetRole = static_cast<int>(r);
        ensureModel(g);
        a.values = model_.predictTop(static_cast<int>(r));
        if (a.values.empty())
            continue;
        return a;
    }
    return done(g, nowMs);
}

// Waarden: answer questions put to the own role (open bots answer, guarded
// ones decline), share the own top values (how many: openness), and ask the
// roles the bot knows least about what matters to them.
std::optional<Action> Bot::waarden(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    const std::vector<int>& own = s.world.weights[sz(role_)];
    const auto revealedByRole = [&](int v) {
        for (const SharedValue& sv : s.sharedValues)
            if (sv.role == role_ && sv.value == v)
                return true;
        return false;
    };
    // Own values, most important first (ties: scenario order).
    std::vector<int> ranked;
    for (std::size_t v = 0; v < own.size(); ++v)
        if (own[v] > 0)
            ranked.push_back(static_cast<int>(v));
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](int a, int b) { return own[sz(a)] > own[sz(b)]; });

    for (const Question& q : s.questions) {
        if (q.status != Question::Status::Open || q.targetRole != role_)
            continue;
        const bool willing = coin(key3(kCoinAnswer, static_cast<std::uint64_t>(q.id), 0),
                                  0.35 + 0.65 * character_.openness);
        Action a = make(ActionType::Answer, nowMs);
        a.question = q.id;
        if (q.value >= 0) {
            if (willing && own[sz(q.value)] > 0) {
                a.value = q.value;
                return a;
            }
            a.type = ActionType::Decline;
            a.reasonText = own[sz(q.value)] > 0 ? kBotDeclineGuarded : kBotDeclineNotImportant;
            return a;
        }
        int next = -1;
        for (int v : ranked)
            if (!revealedByRole(v)) {
                next = v;
                break;
            }
        if (willing && next < 0 && !ranked.empty())
            next = ranked.front(); // everything is out already: repeat what matters most
        if (willing && next >= 0) {
            a.value = next;
            return a;
        }
        a.type = ActionType::Decline;
        a.reasonText = ranked.empty() ? kBotDeclineAllShared : kBotDeclineGuarded;
        return a;
    }

    const int toShare = static_cast<int>(std::ceil(character_.openness * ranked.size() - 1e-9));
    for (int k = 0; k < toShare && k < static_cast<int>(ranked.size()); ++k) {
        if (revealedByRole(ranked[sz(k)]))
            continue;
        Action a = make(ActionType::ShareValue, nowMs);
        a.value = ranked[sz(k)];
        return a;
    }

    int asked = 0;
    std::vector<bool> askedRole(sc_->roles.size(), false);
    for (const Question& q : s.questions)
        if (q.askerSeat == seat_) {
            ++asked;
            askedRole[sz(q.targetRole)] = true;
        }
    const int wantToAsk = 1 + static_cast<int>(std::lround(2.0 * character_.openness));
    if (asked < wantToAsk) {
        ensureModel(g);
        int target = -1;
        double least = std::numeric_limits<double>::infinity();
        for (std::size_t r = 0; r < sc_->roles.size(); ++r) {
            if (static_cast<int>(r) == role_ || askedRole[r])
                continue;
            const double tieBreak = unit(key3(kCoinAskOrder, r, 0)) * 0.5;
            const double known = model_.evidence(static_cast<int>(r)) + tieBreak;
            if (known < least) {
                least = known;
                target = static_cast<int>(r);
            }
        }
        if (target >= 0) {
            Action a = make(ActionType::Ask, nowMs);
            a.targetRole = target;
            a.value = -1;
            return a;
        }
    }
    // Stay until a later turn, so questions asked after our first turn get an
    // answer before the phase can end.
    if (nowMs <= firstTurnMs_)
        return std::nullopt;
    return done(g, nowMs);
}

// Randvoorwaarden: officials put every precondition on the table (that is
// their job); others share each with a chance that grows with openness.
// Questions that come in now are still answered.
std::optional<Action> Bot::randvoorwaarden(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    for (const Question& q : s.questions)
        if (q.status == Question::Status::Open && q.targetRole == role_)
            return waarden(g, nowMs);
    const Role& role = sc_->roles[sz(role_)];
    for (std::size_t i = 0; i < role.preconditions.size(); ++i) {
        bool shared = false;
        for (const SharedPrecondition& sp : s.sharedPreconditions)
            shared |= sp.role == role_ && sp.precondition == static_cast<int>(i);
        if (shared)
            continue;
        const bool share =
            role.kind == RoleKind::Official ||
            coin(key3(kCoinSharePrecondition, i, 0), 0.3 + 0.7 * character_.openness);
        if (!share)
            continue;
        Action a = make(ActionType::SharePrecondition, nowMs);
        a.precondition = static_cast<int>(i);
        return a;
    }
    return done(g, nowMs);
}

// Support when the proposal meets the bot's aspiration; support-if with a
// condition when a change would make it acceptable and the bot is
// cooperative enough; otherwise object, citing the precondition it breaks or
// the value it hurts most.
std::optional<Action> Bot::reactionTo(const Game& g, const Proposal& p, double target,
                                      std::int64_t nowMs) {
    const World& w = g.state().world;
    Action a = make(ActionType::React, nowMs);
    a.proposal = p.id;
    const double own = ownSupport(w, p.package);
    const int violated = violatedOwnPrecondition(w, p.package);
    if (violated < 0 && own >= target - 1e-9) {
        a.reaction = ReactionKind::Support;
        a.reason = bestValueReason(p.package, true);
    } else if (auto mits = mitsFor(g, p.package);
               mits && (violated >= 0 || own >= floorSupport()) &&
               coin(key3(kCoinSupportIf, static_cast<std::uint64_t>(p.id), 0),
                    0.2 + 0.8 * character_.cooperation)) {
        a.reaction = ReactionKind::SupportIf;
        a.conditions.push_back(*mits);
        a.reason = mits->protects.kind != Reason::Kind::None ? mits->protects
                                                             : bestValueReason(p.package, true);
    } else {
        a.reaction = ReactionKind::Object;
        a.reason = violated >= 0 ? Reason{Reason::Kind::Precondition, violated}
                                 : bestValueReason(p.package, false);
    }
    if (a.reason.kind == Reason::Kind::None)
        return std::nullopt; // a role without values or preconditions has no reason to give
    return a;
}

// Voorstel: react to every open proposal, then put the bot's current
// offer on the table when no open proposal meets its aspiration; amend the
// proposal on the table when the offer is close to it, else propose anew.
std::optional<Action> Bot::voorstel(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    const World& w = s.world;
    const double target = aspiration(voorstelTime(g, nowMs));

    // Reactions may be revised (the engine keeps the latest per seat); the
    // bot only ever warms up, as its aspiration falls, so it never flip-flops.
    for (const Proposal& p : s.proposals) {
        if (p.status != Proposal::Status::Open)
            continue;
        const Reaction* before = nullptr;
        for (const Reaction& r : p.reactions)
            if (r.seat == seat_)
                before = &r;
        if (before && before->kind == ReactionKind::Support)
            continue;
        std::optional<Action> a = reactionTo(g, p, target, nowMs);
        if (!a)
            continue;
        if (before && (before->kind == a->reaction || a->reaction == ReactionKind::Object))
            continue;
        return a;
    }

    // Support-if answered: when every role reacted positively to an open
    // proposal but some only with conditions, the seat responsible for it
    // (its author, or the first bot seat for a person's proposal) amends it
    // into the version that meets most conditions. A lineage is amended at
    // most twice, so this cannot go on for ever.
    bool agreed = false;
    for (const Proposal& p : s.proposals) {
        if (p.status != Proposal::Status::Open || !everyRolePositive(g, p))
            continue;
        const Package* amended = supportIfAmendment(g, p);
        if (!amended) {
            agreed = true;
            continue;
        }
        if (responsibleSeat(g, p) == seat_) {
            Action a = make(ActionType::Amend, nowMs);
            a.proposal = p.id;
            a.package = *amended;
            return a;
        }
    }

    // Satisfied: an open proposal meets the bot's aspiration and no role
    // objects to it. Otherwise it looks for a better offer.
    bool satisfied = false;
    for (const Proposal& p : s.proposals) {
        if (p.status != Proposal::Status::Open || !ownCanAccept(w, p.package) ||
            ownSupport(w, p.package) < target - 1e-9)
            continue;
        bool objected = false;
        for (const Reaction& r : p.reactions)
            objected |= r.kind == ReactionKind::Object;
        satisfied |= !objected;
    }
    // One offer per turn at most (a turn is one moment of the clock).
    if (!satisfied && nowMs != lastOfferMs_) {
        lastOfferMs_ = nowMs;
        std::optional<Package> offer = bestOffer(g, target);
        bool onTable = false;
        if (offer)
            for (const Proposal& p : s.proposals)
                onTable |= p.status == Proposal::Status::Open && p.package == *offer;
        if (offer && !onTable && *offer != lastOffer_) {
            lastOffer_ = *offer;
            const int table = g.proposalOnTable();
            int differs = 0;
            if (table >= 0)
                for (std::size_t i = 0; i < offer->size(); ++i)
                    differs += s.proposals[sz(table)].package[i] != (*offer)[i];
            Action a = make(ActionType::Propose, nowMs);
            if (table >= 0 && differs > 0 && 2 * differs <= static_cast<int>(offer->size())) {
                a.type = ActionType::Amend;
                a.proposal = table;
            }
            a.package = *offer;
            return a;
        }
    }

    // Done when the table holds a proposal every role reacted to positively
    // (with no condition left to meet), or when the bot has conceded as far
    // as it will go. Until then it waits: its aspiration falls with the clock
    // and it may make a new offer.
    if (agreed || target <= finalAspiration() + 1e-6)
        return done(g, nowMs);
    return std::nullopt;
}

bool Bot::everyRolePositive(const Game& g, const Proposal& p) const {
    if (p.reactions.size() < sc_->roles.size())
        return false;
    std::vector<int> positive(sc_->roles.size(), 0), negative(sc_->roles.size(), 0);
    for (const Reaction& r : p.reactions)
        (positiveReaction(r.kind) ? positive : negative)[sz(g.roleOfSeat(r.seat))]++;
    for (std::size_t r = 0; r < positive.size(); ++r)
        if (positive[r] == 0 || negative[r] > 0)
            return false;
    return true;
}

int Bot::responsibleSeat(const Game& g, const Proposal& p) const {
    const auto& seats = g.setup().seats;
    if (p.authorSeat >= 0 && p.authorSeat < static_cast<int>(seats.size()) &&
        seats[sz(p.authorSeat)].bot)
        return p.authorSeat;
    for (std::size_t i = 0; i < seats.size(); ++i)
        if (seats[i].bot)
            return static_cast<int>(i);
    return -1;
}

// The version that answers the support-if conditions on p, or nullptr when
// there are none, the lineage was amended twice already, or nothing better
// than p meets them. Remembered per proposal and number of conditions.
const Package* Bot::supportIfAmendment(const Game& g, const Proposal& p) {
    std::vector<MitsCondition> conditions;
    for (const Reaction& r : p.reactions)
        if (r.kind == ReactionKind::SupportIf)
            conditions.insert(conditions.end(), r.conditions.begin(), r.conditions.end());
    if (conditions.empty() || p.version >= 3)
        return nullptr;
    auto& memo = supportIfMemo_[p.id];
    if (memo.first != conditions.size() + 1) {
        memo.first = conditions.size() + 1;
        memo.second = amendmentFor(g, p.package, conditions);
    }
    if (memo.second == p.package)
        return nullptr;
    for (const Proposal& q : g.state().proposals)
        if (q.status == Proposal::Status::Open && q.package == memo.second)
            return nullptr; // that version is on the table already
    return &memo.second;
}

// Besluit: put the proposal with the warmest reactions on the table if it is
// not there yet (the lowest bot seat does this, so bots do not compete), vote
// on the proposal on the table, and amend a proposal sent back by ja-mits
// into a version that meets the conditions.
std::optional<Action> Bot::besluit(const Game& g, std::int64_t nowMs) {
    const GameState& s = g.state();
    if (s.decision.taken)
        return done(g, nowMs);
    const auto& seats = g.setup().seats;
    int firstBot = -1;
    for (std::size_t i = 0; i < seats.size() && firstBot < 0; ++i)
        if (seats[i].bot)
            firstBot = static_cast<int>(i);

    for (const Proposal& p : s.proposals) {
        if (p.status != Proposal::Status::BackForAmendment)
            continue;
        const bool authorIsBot = p.authorSeat >= 0 &&
                                 p.authorSeat < static_cast<int>(seats.size()) &&
                                 seats[sz(p.authorSeat)].bot;
        if (authorIsBot ? p.authorSeat != seat_ : firstBot != seat_)
            return std::nullopt; // someone else amends; wait for the new version
        std::vector<MitsCondition> conditions;
        for (const CastVote& v : p.votes)
            if (v.kind == VoteKind::JaMits)
                conditions.insert(conditions.end(), v.conditions.begin(), v.conditions.end());
        Action a = make(ActionType::Amend, nowMs);
        a.proposal = p.id;
        a.package = amendmentFor(g, p.package, conditions);
        return a;
    }

    const int table = g.proposalOnTable();
    if (table >= 0 && s.proposals[sz(table)].votes.empty() && seat_ == firstBot &&
        s.proposals[sz(table)].conditions.empty()) {
        const int best = warmestProposal(s);
        bool rejectedBefore = false;
        for (const Proposal& q : s.proposals)
            rejectedBefore |= best >= 0 && q.status == Proposal::Status::Rejected &&
                              q.package == s.proposals[sz(best)].package;
        if (best >= 0 && best != table && !rejectedBefore &&
            s.proposals[sz(best)].package != s.proposals[sz(table)].package) {
            Action a = make(ActionType::Propose, nowMs);
            a.package = s.proposals[sz(best)].package;
            return a;
        }
    }

    if (table >= 0 && g.isVoter(seat_)) {
        const Proposal& p = s.proposals[sz(table)];
        bool voted = false;
        for (const CastVote& v : p.votes)
            voted |= v.seat == seat_;
        if (!voted)
            return vote(g, p, nowMs);
    }
    if (table >= 0 && !g.isVoter(seat_) && s.proposals[sz(table)].votes.empty())
        return std::nullopt; // stay until the vote has started: an amendment may be ours
    return done(g, nowMs);
}

} // namespace samenspel
