// What an accepted action changes: phases, events, proposals and the vote.
// Everything here is deterministic and follows from the actions alone, so a
// replayed log rebuilds the same state.
#include <algorithm>
#include <cmath>

#include "core/begrip.hpp"
#include "core/event_effects.hpp"
#include "core/rules_internal.hpp"

namespace samenspel {

namespace {

void applyEffect(GameState& st, const EventEffect& e) {
    if (e.kind == EventEffect::Kind::RevealSecret) {
        if (e.role >= 0 && e.role < static_cast<int>(st.secretRevealed.size()))
            st.secretRevealed[static_cast<std::size_t>(e.role)] = true;
        return;
    }
    applyEventEffect(st.world, e);
}

std::vector<double> supportPerRole(const Game& g, const Package& p) {
    const Scenario& sc = g.scenario();
    std::vector<double> s(sc.roles.size());
    for (std::size_t r = 0; r < s.size(); ++r)
        s[r] = supportOf(sc, g.state().world, static_cast<int>(r), p);
    return s;
}

void sampleSupport(const Game& g, GameState& st) {
    const int onTable = g.proposalOnTable();
    if (onTable < 0)
        return;
    SupportSample sample;
    sample.timeMs = st.nowMs;
    sample.proposal = onTable;
    sample.support = supportPerRole(g, st.proposals[static_cast<std::size_t>(onTable)].package);
    st.supportHistory.push_back(std::move(sample));
}

} // namespace

int Rules::voteWeight(const Game& g, int seat) {
    const int role = roleOf(g, seat);
    if (role < 0)
        return 0;
    if (g.scenario_->rule != DecisionRule::CouncilMajority)
        return 1;
    return g.scenario_->roles[static_cast<std::size_t>(role)].votes;
}

bool Rules::conditionHolds(const Game& g, const MitsCondition& c, const Package& package) {
    const Scenario& sc = *g.scenario_;
    ExprParseResult parsed = parseExpression(c.expression, sc.exprNames(), true);
    if (!parsed.errors.empty() || !parsed.expression.valid())
        return false;
    const std::vector<double> totals = attributeTotals(sc, package);
    const ExprInputs in{&totals, &g.state_.world.resources, &package};
    return parsed.expression.holds(in);
}

// [SECTION] Phases and events ----------------------------------------------------

void Rules::startPhase(Game& g, int phase) {
    GameState& st = g.state_;
    const Scenario& sc = *g.scenario_;
    st.phase = phase;
    st.phaseStartMs = st.nowMs;
    if (phase < static_cast<int>(st.phaseStartedMs.size()))
        st.phaseStartedMs[static_cast<std::size_t>(phase)] = st.nowMs;
    const auto& overrides = g.setup_.phaseMinutes;
    const int minutes = phase < static_cast<int>(overrides.size()) && overrides[phase] >= 0
                            ? overrides[static_cast<std::size_t>(phase)]
                            : sc.phases[static_cast<std::size_t>(phase)].minutes;
    st.phaseDurationMs = static_cast<std::int64_t>(std::max(0, minutes)) * 60000;
    std::fill(st.done.begin(), st.done.end(), false);
    std::fill(st.phaseCounts.begin(), st.phaseCounts.end(), SeatPhaseCount{});
    if (sc.phases[static_cast<std::size_t>(phase)].kind == PhaseKind::Reflectie)
        std::fill(st.secretRevealed.begin(), st.secretRevealed.end(), true);
    for (std::size_t e = 0; e < sc.events.size(); ++e)
        // A minute event with a phase fires here when the phase comes first.
        if (sc.events[e].trigger != Event::Trigger::Condition && sc.events[e].phase == phase &&
            !st.eventFired[e])
            fireEvent(g, static_cast<int>(e));
    checkConditionEvents(g);
}

void Rules::advancePhase(Game& g) {
    GameState& st = g.state_;
    const int next = st.phase + 1;
    if (next >= static_cast<int>(g.scenario_->phases.size())) {
        st.phase = static_cast<int>(g.scenario_->phases.size());
        st.finished = true;
        st.finishedMs = st.nowMs;
        // The end of the session ends the turn going on; a phase change does not.
        endFloor(st);
        st.speakingQueue.clear();
        st.phaseStartMs = st.nowMs;
        st.phaseDurationMs = 0;
        std::fill(st.done.begin(), st.done.end(), false);
        std::fill(st.phaseCounts.begin(), st.phaseCounts.end(), SeatPhaseCount{});
        return;
    }
    startPhase(g, next);
}

void Rules::fireEvent(Game& g, int event) {
    GameState& st = g.state_;
    const Event& ev = g.scenario_->events[static_cast<std::size_t>(event)];
    st.eventFired[static_cast<std::size_t>(event)] = true;
    for (const EventEffect& e : ev.effects)
        applyEffect(st, e);
    st.announcements.push_back({event, st.nowMs, st.phase});
    sampleSupport(g, st);
}

void Rules::checkConditionEvents(Game& g) {
    const Scenario& sc = *g.scenario_;
    GameState& st = g.state_;
    bool any = false;
    for (std::size_t e = 0; e < sc.events.size(); ++e)
        if (sc.events[e].trigger == Event::Trigger::Condition && !st.eventFired[e])
            any = true;
    if (!any)
        return;
    // Firing one event can change resources so that another holds: repeat
    // until nothing more fires (each fires once, so this ends).
    for (bool fired = true; fired;) {
        fired = false;
        const int onTable = g.proposalOnTable();
        const Package none(sc.issues.size(), -1);
        const Package& package =
            onTable >= 0 ? st.proposals[static_cast<std::size_t>(onTable)].package : none;
        const std::vector<double> totals = attributeTotals(sc, package);
        const ExprInputs in{&totals, &st.world.resources, &package};
        for (std::size_t e = 0; e < sc.events.size(); ++e) {
            const Event& ev = sc.events[e];
            if (ev.trigger != Event::Trigger::Condition || st.eventFired[e] ||
                !ev.condition.valid() || !ev.condition.holds(in))
                continue;
            fireEvent(g, static_cast<int>(e));
            fired = true;
            break;
        }
    }
}

// [SECTION] The vote ----------------------------------------------------------------

void Rules::resolveVote(Game& g, int proposalIndex) {
    const Scenario& sc = *g.scenario_;
    GameState& st = g.state_;
    Proposal& p = st.proposals[static_cast<std::size_t>(proposalIndex)];
    int totalWeight = 0, yesWeight = 0, noWeight = 0, voters = 0, voted = 0;
    bool anyMits = false;
    for (int seat = 0; seat < g.seatCount(); ++seat) {
        if (!g.isVoter(seat))
            continue;
        const int w = voteWeight(g, seat);
        totalWeight += w;
        ++voters;
        for (const CastVote& v : p.votes) {
            if (v.seat != seat)
                continue;
            ++voted;
            bool yes = v.kind == VoteKind::Yes;
            if (v.kind == VoteKind::JaMits) {
                anyMits = true;
                // Without an amendment round left, a ja-mits is a yes exactly
                // when its conditions already hold.
                yes = std::all_of(
                    v.conditions.begin(), v.conditions.end(),
                    [&](const MitsCondition& c) { return conditionHolds(g, c, p.package); });
            }
            (yes ? yesWeight : noWeight) += w;
            break;
        }
    }
    const bool allVoted = voted == voters;
    if (!p.amendmentRoundUsed) {
        // Any ja-mits sends the proposal back once; so wait for every vote.
        if (!allVoted)
            return;
        if (anyMits) {
            p.status = Proposal::Status::BackForAmendment;
            return;
        }
    }
    bool decided = allVoted;
    bool passes = false;
    if (sc.rule == DecisionRule::CouncilMajority) {
        passes = 2 * yesWeight > totalWeight;
        // Early when the remaining votes cannot change the outcome.
        decided = decided || passes || 2 * (totalWeight - noWeight) <= totalWeight;
    } else {
        passes = allVoted && noWeight == 0 && voters > 0;
        decided = decided || noWeight > 0;
    }
    if (!decided)
        return;
    if (!passes) {
        p.status = Proposal::Status::Rejected;
        return;
    }
    p.status = Proposal::Status::Accepted;
    Decision& d = st.decision;
    d.taken = true;
    d.proposal = proposalIndex;
    d.draagvlak = draagvlak(sc, st.world, p.package);
    d.gedragen = feasible(sc, st.world, p.package) && d.draagvlak.minimum >= sc.minSupport;
    d.publicValue = publicValue(sc, p.package);
    d.support = supportPerRole(g, p.package);
    d.accepts.clear();
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        d.accepts.push_back(accepts(sc, st.world, r, p.package));
    d.stances = statedStances(g, proposalIndex);
    d.gedragenAanTafel = noObjectionStands(d.stances);
    d.timeMs = st.nowMs;
    advancePhase(g); // a decision ends besluit
}

// [SECTION] Executing actions ---------------------------------------------------------

namespace {

struct Executor {
    Game& g;
    GameState& st;
    const Scenario& sc;
    const Action& a;
    int role;

    void shareValueOnce(int value) {
        for (const SharedValue& s : st.sharedValues)
            if (s.role == role && s.value == value)
                return;
        st.sharedValues.push_back({a.seat, role, value, st.phase});
    }

    void predict() {
        Prediction p;
        p.seat = a.seat;
        p.person = a.person;
        p.targetRole = a.targetRole;
        p.phase = st.phase;
        p.values = a.values;
        const std::vector<int>& weights = st.world.weights[static_cast<std::size_t>(a.targetRole)];
        p.accuracy = predictionAccuracy(a.values, weights);
        p.score = valuesItemScore(a.values, weights, static_cast<int>(sc.values.size()));
        for (Prediction& old : st.predictions) {
            if (old.seat == p.seat && old.person == p.person && old.targetRole == p.targetRole &&
                old.phase == p.phase) {
                old = std::move(p);
                return;
            }
        }
        st.predictions.push_back(std::move(p));
    }

    // The item as the asker's role sees it now: check() made sure it exists,
    // except on a client's copy (Game::partialView), where it is not scored.
    void answerItem() {
        const std::optional<BegripItem> item =
            g.partialView() ? std::nullopt
                            : begripItem(sc, st.world, role, a.targetRole,
                                         static_cast<BegripItemKind>(a.itemKind));
        ItemAnswer answer;
        answer.seat = a.seat;
        answer.person = a.person;
        answer.phase = st.phase;
        answer.targetRole = a.targetRole;
        answer.kind = a.itemKind;
        answer.choice = a.choice;
        answer.optionCount = item ? static_cast<int>(item->options.size()) : 0;
        answer.right = item && a.choice == item->correct;
        for (ItemAnswer& old : st.itemAnswers)
            if (old.seat == answer.seat && old.person == answer.person &&
                old.targetRole == answer.targetRole && old.kind == answer.kind &&
                old.phase == answer.phase) {
                old = answer;
                return;
            }
        st.itemAnswers.push_back(answer);
    }

    Proposal& newProposal(int parent) {
        Proposal p;
        p.id = static_cast<int>(st.proposals.size());
        p.parent = parent;
        p.authorSeat = a.seat;
        p.phase = st.phase;
        p.timeMs = st.nowMs;
        p.package = a.package;
        p.note = a.reasonText;
        p.supportAtCreation = supportPerRole(g, a.package);
        st.proposals.push_back(std::move(p));
        return st.proposals.back();
    }

    void propose() {
        newProposal(-1);
        sampleSupport(g, st);
    }

    void amend() {
        const int parentIndex = a.proposal;
        const bool mitsRound = st.proposals[static_cast<std::size_t>(parentIndex)].status ==
                               Proposal::Status::BackForAmendment;
        Proposal& q = newProposal(parentIndex);
        const Proposal& parent = st.proposals[static_cast<std::size_t>(parentIndex)];
        q.version = parent.version + 1;
        q.amendmentRoundUsed = parent.amendmentRoundUsed || mitsRound;
        if (mitsRound) {
            // The new version carries every ja-mits condition, marked met or
            // not. No vote carries over: every voter sees the new version and
            // votes on it, so nothing is adopted that the council did not see
            // (an amendment made a moment after the votes was adopted unseen).
            for (const CastVote& v : parent.votes) {
                if (v.kind != VoteKind::JaMits)
                    continue;
                for (const MitsCondition& c : v.conditions)
                    q.conditions.push_back({c, v.seat, Rules::conditionHolds(g, c, q.package)});
            }
        }
        st.proposals[static_cast<std::size_t>(parentIndex)].status = Proposal::Status::Superseded;
        sampleSupport(g, st);
        if (mitsRound)
            Rules::resolveVote(g, q.id);
    }

    void cite(const Reason& r) {
        if (r.kind != Reason::Kind::Precondition || role < 0)
            return;
        auto& cited = st.preconditionCited[static_cast<std::size_t>(role)];
        if (r.index >= 0 && r.index < static_cast<int>(cited.size()))
            cited[static_cast<std::size_t>(r.index)] = true;
    }

    void citeReasons() {
        cite(a.reason);
        for (const MitsCondition& c : a.conditions)
            cite(c.protects);
    }

    void react() {
        Reaction r{a.seat, a.reaction, a.reason, a.conditions, st.actionCount};
        auto& reactions = st.proposals[static_cast<std::size_t>(a.proposal)].reactions;
        for (Reaction& old : reactions) {
            if (old.seat == a.seat) {
                old = std::move(r);
                return;
            }
        }
        reactions.push_back(std::move(r));
    }

    void vote() {
        st.proposals[static_cast<std::size_t>(a.proposal)].votes.push_back(
            {a.seat, a.vote, a.reason, a.conditions, st.actionCount});
        Rules::resolveVote(g, a.proposal);
    }

    void facilitator() {
        switch (a.type) {
        case ActionType::Advance:
            Rules::advancePhase(g);
            break;
        case ActionType::Pause:
            st.paused = true;
            break;
        case ActionType::Resume:
            st.paused = false;
            break;
        case ActionType::Extend:
            st.phaseDurationMs += static_cast<std::int64_t>(a.seconds) * 1000;
            // Shortening never leaves less than no time at all.
            st.phaseDurationMs = std::max(st.phaseDurationMs, st.nowMs - st.phaseStartMs);
            break;
        case ActionType::InjectEvent:
            Rules::fireEvent(g, a.event);
            Rules::checkConditionEvents(g);
            break;
        case ActionType::SetEndWhenAllDone:
            st.endPhaseWhenAllDone = a.enabled;
            // Switched on when every seat already said so: nobody will say
            // "done" again to trigger it, so the phase ends now, as it would have.
            if (a.enabled && !st.finished && everySeatDone())
                Rules::advancePhase(g);
            break;
        default:
            break;
        }
    }

    // Before the action itself: one that ends the phase leaves the new phase
    // at zero.
    void countForLimits() {
        if (a.seat < 0 || a.seat >= static_cast<int>(st.phaseCounts.size()))
            return;
        SeatPhaseCount& count = st.phaseCounts[static_cast<std::size_t>(a.seat)];
        if (a.type == ActionType::Propose || a.type == ActionType::Amend)
            ++count.proposals;
        else if (a.type == ActionType::React)
            ++count.reactions;
        else if (a.type == ActionType::Done)
            ++count.doneToggles;
    }

    void seatAction() {
        const int phase = st.phase;
        countForLimits();
        switch (a.type) {
        case ActionType::ShareValue:
            shareValueOnce(a.value);
            break;
        case ActionType::Ask: {
            Question q;
            q.id = static_cast<int>(st.questions.size());
            q.askerSeat = a.seat;
            q.targetRole = a.targetRole;
            q.value = a.value;
            st.questions.push_back(std::move(q));
            break;
        }
        case ActionType::Answer: {
            Question& q = st.questions[static_cast<std::size_t>(a.question)];
            q.status = Question::Status::Answered;
            q.answeredBy = a.seat;
            q.answerValue = a.value;
            shareValueOnce(a.value);
            break;
        }
        case ActionType::Decline: {
            Question& q = st.questions[static_cast<std::size_t>(a.question)];
            q.status = Question::Status::Declined;
            q.answeredBy = a.seat;
            q.declineReason = a.reasonText;
            break;
        }
        case ActionType::SharePrecondition:
            st.sharedPreconditions.push_back({a.seat, role, a.precondition});
            break;
        case ActionType::Predict:
            predict();
            break;
        case ActionType::AnswerItem:
            answerItem();
            break;
        case ActionType::Propose:
            propose();
            Rules::checkConditionEvents(g);
            break;
        case ActionType::Amend:
            amend();
            Rules::checkConditionEvents(g);
            break;
        case ActionType::React:
            citeReasons();
            react();
            break;
        case ActionType::Vote:
            citeReasons();
            vote();
            Rules::checkConditionEvents(g);
            break;
        case ActionType::Done:
            st.done[static_cast<std::size_t>(a.seat)] = !st.done[static_cast<std::size_t>(a.seat)];
            break;
        default:
            break;
        }
        if (isPublicAction(a.type)) {
            auto& perPhase = st.publicActions[static_cast<std::size_t>(a.seat)];
            if (phase >= 0 && phase < static_cast<int>(perPhase.size()))
                ++perPhase[static_cast<std::size_t>(phase)];
            auto& members = st.memberActions[static_cast<std::size_t>(a.seat)];
            if (a.person >= 0 && a.person < static_cast<int>(members.size()))
                ++members[static_cast<std::size_t>(a.person)];
        }
    }

    bool everySeatDone() const {
        return !st.done.empty() &&
               std::all_of(st.done.begin(), st.done.end(), [](bool d) { return d; });
    }
};

} // namespace

void Rules::execute(Game& g, const Action& a) {
    GameState& st = g.state_;
    st.nowMs = std::max(st.nowMs, a.timeMs);
    if (isTurnAction(a.type)) {
        executeTurn(g, a);
        ++st.actionCount;
        return;
    }
    Executor x{g, st, *g.scenario_, a, roleOf(g, a.seat)};
    if (a.seat == kFacilitator || a.seat == kSystem) {
        x.facilitator();
    } else {
        x.seatAction();
        if (st.endPhaseWhenAllDone && !st.finished && x.everySeatDone())
            advancePhase(g);
    }
    ++st.actionCount;
}

} // namespace samenspel
