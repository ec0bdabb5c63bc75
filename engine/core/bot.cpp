// Bots: how a stand-in player decides what to do next. The strategy and its
// sources are described in bot.hpp and docs/bots.md; the bot_*.cpp files carry
// it out.
//
// Information discipline: a bot reads its OWN role card (weights through
// world.weights[role_], preconditions, reservation) and everything public:
// the scenario's shared parts (issues, options, effects, attributes,
// resources, public value), shared values, answered questions, shared
// preconditions, proposals with their reactions and votes. It never reads
// another role's weights, reservation, secret or unshared preconditions.
//
// The parts, one file each: set-up, own evaluation and concession (here);
// the package tables (bot_packages.cpp); the opponent model
// (bot_opponent.cpp); beliefs about the other roles, offers, conditions and
// votes (bot_beliefs.cpp); the phases (bot_strategy.cpp).
#include "core/bot.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/bot_internal.hpp"

namespace samenspel {

using namespace bot_detail;

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
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

// [SECTION] Bot: human pace -------------------------------------------------------

namespace {

// The kinds the pacing counts: public actions the people must read. Votes,
// answers and declines are awaited by the table, predictions are private and
// `done` only lets the phase end, so none of those is held back.
std::optional<ActionType> pacingKind(ActionType type) {
    switch (type) {
    case ActionType::Propose:
    case ActionType::Amend:
        return ActionType::Propose;
    case ActionType::React:
    case ActionType::ShareValue:
    case ActionType::Ask:
    case ActionType::SharePrecondition:
        return type;
    default:
        return std::nullopt;
    }
}

bool personAt(const Game& g, int seat) {
    const auto& seats = g.setup().seats;
    return seat >= 0 && seat < static_cast<int>(seats.size()) && !seats[sz(seat)].bot;
}

} // namespace

void Bot::acted(const Action& action) {
    if (const std::optional<ActionType> kind = pacingKind(action.type))
        lastActedMs_[*kind] = action.timeMs;
}

bool Bot::held(ActionType type, std::int64_t nowMs) const {
    const std::optional<ActionType> kind = pacingKind(type);
    if (pacingGapMs_ <= 0 || !kind)
        return false;
    const auto last = lastActedMs_.find(*kind);
    return last != lastActedMs_.end() && nowMs - last->second < pacingGapMs_;
}

bool Bot::peopleOn(const Game& g, const Proposal& p) const {
    if (personAt(g, p.authorSeat))
        return true;
    for (const Reaction& r : p.reactions)
        if (personAt(g, r.seat))
            return true;
    for (const CastVote& v : p.votes)
        if (personAt(g, v.seat))
            return true;
    return false;
}

bool Bot::floorTaken(const Game& g, std::int64_t nowMs) const {
    if (pacingGapMs_ <= 0)
        return false;
    // A person's proposal has the floor for the whole gap, anyone's for half
    // of it: the bots take turns instead of answering one proposal together.
    for (const Proposal& p : g.state().proposals) {
        if (p.phase != g.state().phase)
            continue;
        const std::int64_t floor = personAt(g, p.authorSeat) ? pacingGapMs_ : pacingGapMs_ / 2;
        if (nowMs - p.timeMs < floor)
            return true;
    }
    return false;
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

} // namespace samenspel
