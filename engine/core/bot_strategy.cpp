// A bot's play, phase by phase: what it does next in Kennismaken,
// Perspectief/Reflectie, Waarden, Randvoorwaarden, Voorstel and Besluit.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/bot_internal.hpp"

namespace samenspel {

using namespace bot_detail;

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
// opponent model (at Perspectief that is little more than the prior), then
// answer begrip's choice items (bot_begrip.cpp).
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
    if (std::optional<Action> answer = answerItem(g, nowMs))
        return answer;
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

    // At human pace a share or question that must wait keeps the bot at the
    // table (not done) until its turn comes.
    bool waiting = false;
    const int toShare = static_cast<int>(std::ceil(character_.openness * ranked.size() - 1e-9));
    for (int k = 0; k < toShare && k < static_cast<int>(ranked.size()); ++k) {
        if (revealedByRole(ranked[sz(k)]))
            continue;
        if (held(ActionType::ShareValue, nowMs)) {
            waiting = true;
            break;
        }
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
    if (asked < wantToAsk && held(ActionType::Ask, nowMs)) {
        waiting = true;
    } else if (asked < wantToAsk) {
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
    if (nowMs <= firstTurnMs_ || waiting)
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
        if (held(ActionType::SharePrecondition, nowMs))
            return std::nullopt; // at human pace: later, not done
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
        if (p.status != Proposal::Status::Open || !mayReact(g, seat_) ||
            held(ActionType::React, nowMs))
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
        // At human pace a proposal people made or weigh is theirs to amend.
        const bool leaveToPeople = pacingGapMs_ > 0 && peopleOn(g, p);
        if (responsibleSeat(g, p) == seat_ && mayPropose(g, seat_) && !leaveToPeople &&
            !held(ActionType::Amend, nowMs)) {
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
    // One offer per turn at most (a turn is one moment of the clock). At
    // human pace at most one a minute, and none while a new proposal has the
    // floor: a newer one would push it off the table before it was read.
    const bool mayOffer = !held(ActionType::Propose, nowMs) && !floorTaken(g, nowMs);
    if (!satisfied && nowMs != lastOfferMs_ && mayPropose(g, seat_) && mayOffer) {
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
            const bool theirs =
                table >= 0 && pacingGapMs_ > 0 && peopleOn(g, s.proposals[sz(table)]);
            if (table >= 0 && differs > 0 && 2 * differs <= static_cast<int>(offer->size()) &&
                !theirs) {
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
        if (pacingGapMs_ > 0 && peopleOn(g, p)) {
            // People voted on it: they have a minute to amend it themselves
            // (the new version goes back to every voter either way).
            const std::int64_t seen = sentBackSeenMs_.emplace(p.id, nowMs).first->second;
            if (nowMs - seen < pacingGapMs_)
                return std::nullopt;
        }
        if (!mayPropose(g, seat_))
            return std::nullopt; // at its limit: the phase ends by time
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
    const bool peoplesTable = table >= 0 && pacingGapMs_ > 0 && peopleOn(g, s.proposals[sz(table)]);
    if (table >= 0 && s.proposals[sz(table)].votes.empty() && seat_ == firstBot &&
        s.proposals[sz(table)].conditions.empty() && !peoplesTable &&
        !held(ActionType::Propose, nowMs)) {
        const int best = warmestProposal(s);
        bool rejectedBefore = false;
        for (const Proposal& q : s.proposals)
            rejectedBefore |= best >= 0 && q.status == Proposal::Status::Rejected &&
                              q.package == s.proposals[sz(best)].package;
        if (best >= 0 && best != table && !rejectedBefore && mayPropose(g, seat_) &&
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
