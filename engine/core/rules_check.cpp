// Who may do what, when (docs/rules.md describes the same rules for people).
// check() never changes anything and builds text only when it refuses: bots
// call it thousands of times a second.
#include <algorithm>
#include <string>

#include "core/begrip.hpp"
#include "core/limits.hpp"
#include "core/rules_internal.hpp"
#include "core/safe_text.hpp"
#include "core/wording.hpp"

namespace samenspel {

namespace {

using std::to_string;

bool allowedInPhase(ActionType type, PhaseKind phase) {
    switch (type) {
    case ActionType::ShareValue:
    case ActionType::Ask:
    case ActionType::Answer:
    case ActionType::Decline:
        return phase == PhaseKind::Waarden || phase == PhaseKind::Randvoorwaarden;
    case ActionType::SharePrecondition:
        return phase == PhaseKind::Randvoorwaarden;
    case ActionType::Predict:
    case ActionType::AnswerItem:
        return phase == PhaseKind::Perspectief || phase == PhaseKind::Reflectie;
    case ActionType::Propose:
    case ActionType::Amend:
    case ActionType::React:
        return phase == PhaseKind::Voorstel || phase == PhaseKind::Besluit;
    case ActionType::Vote:
        return phase == PhaseKind::Besluit;
    case ActionType::Done:
        return true;
    default:
        return false;
    }
}

bool isFacilitatorAction(ActionType type) {
    return type == ActionType::Advance || type == ActionType::Pause || type == ActionType::Resume ||
           type == ActionType::Extend || type == ActionType::InjectEvent ||
           type == ActionType::SetEndWhenAllDone;
}

template <class T> bool inRange(int i, const std::vector<T>& v) {
    return i >= 0 && i < static_cast<int>(v.size());
}

const ApplyResult kAccepted{true, {}};
constexpr SeatPhaseCount kNoCount{};

std::string valueName(const Scenario& sc, int v) {
    return inRange(v, sc.values) ? sc.values[static_cast<std::size_t>(v)].id : to_string(v);
}

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });
}

// A free text an action carries: valid UTF-8 without unsafe characters (so
// the log never holds them), and at most `maxChars` characters.
ApplyResult checkText(const std::string& text, std::size_t maxChars) {
    if (text.empty())
        return kAccepted;
    const TextInspection t = inspectText(text);
    if (t.problem == TextInspection::Problem::InvalidUtf8)
        return refuse("refuse.text_invalid_utf8");
    if (t.problem == TextInspection::Problem::UnsafeCharacter)
        return refuse("refuse.text_unsafe_character", {codePointName(t.unsafe)});
    if (t.chars > maxChars)
        return refuse("refuse.text_too_long", {to_string(maxChars), to_string(t.chars)});
    return kAccepted;
}

// Every free text of any action, whoever acts.
ApplyResult checkTexts(const Action& a) {
    ApplyResult r = checkText(a.reasonText, limits::kReasonTextChars);
    if (!r)
        return r;
    if (a.conditions.size() > limits::kConditionsPerAction)
        return refuse("refuse.too_many_conditions", {to_string(limits::kConditionsPerAction)});
    for (const MitsCondition& c : a.conditions) {
        r = checkText(c.expression, limits::kConditionChars);
        if (!r)
            return r;
    }
    return kAccepted;
}

struct Checker {
    const Game& g;
    const Scenario& sc;
    const GameState& st;
    const Action& a;
    int role = -1; // the acting seat's role

    const SeatPhaseCount& count() const {
        return a.seat >= 0 && a.seat < static_cast<int>(st.phaseCounts.size())
                   ? st.phaseCounts[static_cast<std::size_t>(a.seat)]
                   : kNoCount;
    }

    ApplyResult proposalLimit() const {
        return count().proposals >= limits::kProposalsPerPhase
                   ? refuse("refuse.too_many_proposals", {to_string(limits::kProposalsPerPhase)})
                   : kAccepted;
    }

    int weightOf(int r, int v) const {
        return st.world.weights[static_cast<std::size_t>(r)][static_cast<std::size_t>(v)];
    }

    ApplyResult facilitator() const {
        switch (a.type) {
        case ActionType::Advance:
            // The clock may only end a phase whose time is over; this also keeps
            // a stale timeout from skipping the phase after it.
            if (a.seat == kSystem &&
                std::max(st.nowMs, a.timeMs) < st.phaseStartMs + st.phaseDurationMs)
                return refuse("refuse.phase_not_over");
            return kAccepted;
        case ActionType::Pause:
            return st.paused ? refuse("refuse.already_paused") : kAccepted;
        case ActionType::Resume:
            return st.paused ? kAccepted : refuse("refuse.not_paused");
        case ActionType::Extend:
            return a.seconds == 0 ? refuse("refuse.extend_zero") : kAccepted;
        case ActionType::InjectEvent:
            if (!inRange(a.event, sc.events))
                return refuse("refuse.unknown_event", {to_string(a.event)});
            if (st.eventFired[static_cast<std::size_t>(a.event)])
                return refuse("refuse.event_already_fired",
                              {sc.events[static_cast<std::size_t>(a.event)].id});
            return kAccepted;
        case ActionType::SetEndWhenAllDone:
            // A choice about how the session is led: the clock never makes it.
            if (a.seat != kFacilitator)
                return refuse("refuse.end_when_done_facilitator_only");
            // Refused when nothing changes, so the log only shows real switches.
            return a.enabled == st.endPhaseWhenAllDone ? refuse("refuse.end_when_done_unchanged")
                                                       : kAccepted;
        default:
            return refuse("refuse.seat_only", {actionTypeId(a.type)});
        }
    }

    ApplyResult ownValue(int v) const {
        if (!inRange(v, sc.values))
            return refuse("refuse.unknown_value", {to_string(v)});
        if (weightOf(role, v) <= 0)
            return refuse("refuse.value_not_held", {valueName(sc, v)});
        return kAccepted;
    }

    ApplyResult otherRole(int r) const {
        if (!inRange(r, sc.roles))
            return refuse("refuse.unknown_role", {to_string(r)});
        if (r == role)
            return refuse("refuse.own_role");
        return kAccepted;
    }

    bool roleShared(int v) const {
        for (const SharedValue& s : st.sharedValues)
            if (s.role == role && s.value == v)
                return true;
        return false;
    }

    ApplyResult reason(const Reason& rs, bool required) const {
        const Role& r = sc.roles[static_cast<std::size_t>(role)];
        switch (rs.kind) {
        case Reason::Kind::None:
            return required ? refuse("refuse.reason_required") : kAccepted;
        case Reason::Kind::Value:
            if (inRange(rs.index, sc.values) && weightOf(role, rs.index) > 0)
                return kAccepted;
            return refuse("refuse.invalid_reason");
        case Reason::Kind::Precondition:
            if (inRange(rs.index, r.preconditions))
                return kAccepted;
            return refuse("refuse.invalid_reason");
        }
        return refuse("refuse.invalid_reason");
    }

    // Mits conditions: required for ja-mits and support-if, refused otherwise;
    // each must parse as a boolean expression over the scenario's names.
    ApplyResult conditions(bool carriesConditions) const {
        if (!carriesConditions)
            return a.conditions.empty() ? kAccepted : refuse("refuse.conditions_not_allowed");
        if (a.conditions.empty())
            return refuse("refuse.conditions_required");
        const ExprNames names = sc.exprNames();
        for (const MitsCondition& c : a.conditions) {
            ExprParseResult parsed = parseExpression(c.expression, names, true);
            if (!parsed.errors.empty())
                return refuse("refuse.bad_condition",
                              {c.expression, parsed.errors.front().message});
            if (c.protects.kind != Reason::Kind::None) {
                ApplyResult r = reason(c.protects, false);
                if (!r)
                    return r;
            }
        }
        return kAccepted;
    }

    ApplyResult package(const Package& p) const {
        if (p.size() != sc.issues.size())
            return refuse("refuse.invalid_package");
        for (std::size_t i = 0; i < p.size(); ++i) {
            const auto& options = sc.issues[i].options;
            if (p[i] < 0 || p[i] >= static_cast<int>(options.size()))
                return refuse("refuse.invalid_package");
            if (!st.world.optionEnabled[i][static_cast<std::size_t>(p[i])])
                return refuse("refuse.option_unavailable",
                              {options[static_cast<std::size_t>(p[i])].id});
        }
        return kAccepted;
    }

    ApplyResult question(const Question*& out) const {
        if (!inRange(a.question, st.questions))
            return refuse("refuse.unknown_question", {to_string(a.question)});
        const Question& q = st.questions[static_cast<std::size_t>(a.question)];
        if (q.status != Question::Status::Open)
            return refuse("refuse.question_closed", {to_string(a.question)});
        if (q.targetRole != role)
            return refuse("refuse.not_asked", {to_string(a.question)});
        out = &q;
        return kAccepted;
    }

    bool amendmentPending() const {
        for (const Proposal& p : st.proposals)
            if (p.status == Proposal::Status::BackForAmendment)
                return true;
        return false;
    }

    // In besluit a new proposal must not pull the vote away from one in progress.
    bool voteInProgress() const {
        const int onTable = g.proposalOnTable();
        return onTable >= 0 && !st.proposals[static_cast<std::size_t>(onTable)].votes.empty();
    }

    ApplyResult shareValue() const {
        ApplyResult r = ownValue(a.value);
        if (!r)
            return r;
        if (roleShared(a.value))
            return refuse("refuse.value_already_shared", {valueName(sc, a.value)});
        return kAccepted;
    }

    ApplyResult ask() const {
        ApplyResult r = otherRole(a.targetRole);
        if (!r)
            return r;
        if (a.value != -1 && !inRange(a.value, sc.values))
            return refuse("refuse.unknown_value", {to_string(a.value)});
        for (const Question& q : st.questions)
            if (q.status == Question::Status::Open && q.askerSeat == a.seat &&
                q.targetRole == a.targetRole && q.value == a.value)
                return refuse("refuse.question_already_open");
        return kAccepted;
    }

    ApplyResult answer() const {
        const Question* q = nullptr;
        ApplyResult r = question(q);
        if (!r)
            return r;
        if (q->value >= 0 && a.value != q->value)
            return refuse("refuse.answer_other_value", {to_string(a.question)});
        return ownValue(a.value);
    }

    ApplyResult decline() const {
        const Question* q = nullptr;
        ApplyResult r = question(q);
        if (!r)
            return r;
        return isBlank(a.reasonText) ? refuse("refuse.reason_text_required") : kAccepted;
    }

    ApplyResult sharePrecondition() const {
        if (!inRange(a.precondition, sc.roles[static_cast<std::size_t>(role)].preconditions))
            return refuse("refuse.unknown_precondition", {to_string(a.precondition)});
        for (const SharedPrecondition& s : st.sharedPreconditions)
            if (s.role == role && s.precondition == a.precondition)
                return refuse("refuse.precondition_already_shared");
        return kAccepted;
    }

    ApplyResult predict() const {
        ApplyResult r = otherRole(a.targetRole);
        if (!r)
            return r;
        if (a.values.empty() || a.values.size() > 3)
            return refuse("refuse.prediction_size");
        for (std::size_t i = 0; i < a.values.size(); ++i) {
            if (!inRange(a.values[i], sc.values))
                return refuse("refuse.unknown_value", {to_string(a.values[i])});
            for (std::size_t j = 0; j < i; ++j)
                if (a.values[j] == a.values[i])
                    return refuse("refuse.prediction_duplicate");
        }
        return kAccepted;
    }

    // A choice item of begrip v2: one begripItem builds for this role now.
    ApplyResult answerItem() const {
        ApplyResult r = otherRole(a.targetRole);
        if (!r)
            return r;
        const std::string target = sc.roles[static_cast<std::size_t>(a.targetRole)].id;
        if (a.itemKind != static_cast<int>(BegripItemKind::RedLine) &&
            a.itemKind != static_cast<int>(BegripItemKind::Interest))
            return refuse("refuse.unknown_item", {target});
        if (g.partialView()) // a client's copy: the host checked the rest
            return a.choice >= 0 && a.choice < kMaxItemOptions ? kAccepted
                                                               : refuse("refuse.unknown_choice");
        const std::optional<BegripItem> item =
            begripItem(sc, st.world, role, a.targetRole, static_cast<BegripItemKind>(a.itemKind));
        if (!item)
            return refuse("refuse.unknown_item", {target});
        if (!inRange(a.choice, item->options))
            return refuse("refuse.unknown_choice");
        return kAccepted;
    }

    ApplyResult propose() const {
        if (ApplyResult r = proposalLimit(); !r)
            return r;
        if (g.currentPhase() == PhaseKind::Besluit && (amendmentPending() || voteInProgress()))
            return refuse("refuse.proposal_on_table");
        return package(a.package);
    }

    // A proposal as the table shows it: its number and version (core/wording).
    std::string numberOf(int proposal) const {
        return to_string(proposalNumber(st, proposal).number);
    }
    std::string versionOf(int proposal) const {
        return to_string(proposalNumber(st, proposal).version);
    }

    ApplyResult amend() const {
        if (ApplyResult r = proposalLimit(); !r)
            return r;
        if (!inRange(a.proposal, st.proposals))
            return refuse("refuse.unknown_proposal", {to_string(a.proposal)});
        const Proposal& p = st.proposals[static_cast<std::size_t>(a.proposal)];
        if (g.currentPhase() == PhaseKind::Besluit) {
            if (p.status != Proposal::Status::BackForAmendment)
                return refuse("refuse.amend_not_allowed");
        } else {
            if (p.status != Proposal::Status::Open)
                return refuse("refuse.proposal_not_open",
                              {numberOf(a.proposal), versionOf(a.proposal)});
            if (a.package == p.package)
                return refuse("refuse.amend_unchanged");
        }
        return package(a.package);
    }

    ApplyResult react() const {
        if (count().reactions >= limits::kReactionsPerPhase)
            return refuse("refuse.too_many_reactions", {to_string(limits::kReactionsPerPhase)});
        if (!inRange(a.proposal, st.proposals))
            return refuse("refuse.unknown_proposal", {to_string(a.proposal)});
        const Proposal& p = st.proposals[static_cast<std::size_t>(a.proposal)];
        if (p.status != Proposal::Status::Open && p.status != Proposal::Status::BackForAmendment)
            return refuse("refuse.proposal_not_open",
                          {numberOf(a.proposal), versionOf(a.proposal)});
        ApplyResult r = reason(a.reason, true);
        if (!r)
            return r;
        return conditions(a.reaction == ReactionKind::SupportIf);
    }

    ApplyResult vote() const {
        if (!g.isVoter(a.seat))
            return refuse("refuse.not_a_voter");
        for (const Proposal& p : st.proposals)
            if (p.status == Proposal::Status::BackForAmendment)
                return refuse("refuse.amendment_pending", {numberOf(p.id), versionOf(p.id)});
        const int onTable = g.proposalOnTable();
        if (onTable < 0)
            return refuse("refuse.no_proposal");
        if (a.proposal != onTable) {
            if (!inRange(a.proposal, st.proposals))
                return refuse("refuse.unknown_proposal", {to_string(a.proposal)});
            return refuse("refuse.not_on_vote", {numberOf(onTable), versionOf(onTable)});
        }
        for (const CastVote& v : st.proposals[static_cast<std::size_t>(onTable)].votes)
            if (v.seat == a.seat)
                return refuse("refuse.already_voted");
        ApplyResult r = reason(a.reason, false);
        if (!r)
            return r;
        return conditions(a.vote == VoteKind::JaMits);
    }

    ApplyResult seatAction() const {
        switch (a.type) {
        case ActionType::ShareValue:
            return shareValue();
        case ActionType::Ask:
            return ask();
        case ActionType::Answer:
            return answer();
        case ActionType::Decline:
            return decline();
        case ActionType::SharePrecondition:
            return sharePrecondition();
        case ActionType::Predict:
            return predict();
        case ActionType::AnswerItem:
            return answerItem();
        case ActionType::Propose:
            return propose();
        case ActionType::Amend:
            return amend();
        case ActionType::React:
            return react();
        case ActionType::Vote:
            return vote();
        case ActionType::Done:
            return count().doneToggles >= limits::kDoneTogglesPerPhase
                       ? refuse("refuse.too_many_done_toggles",
                                {to_string(limits::kDoneTogglesPerPhase)})
                       : kAccepted;
        default:
            return refuse("refuse.facilitator_only", {actionTypeId(a.type)});
        }
    }
};

} // namespace

int Rules::roleOf(const Game& g, int seat) {
    if (seat < 0 || seat >= g.seatCount())
        return -1;
    const int role = g.setup_.seats[static_cast<std::size_t>(seat)].role;
    return role >= 0 && role < static_cast<int>(g.scenario_->roles.size()) ? role : -1;
}

int Rules::teamSizeOf(const Game& g, int seat) {
    if (seat < 0 || seat >= g.seatCount())
        return 0;
    return static_cast<int>(g.setup_.seats[static_cast<std::size_t>(seat)].members.size());
}

ApplyResult Rules::check(const Game& g, const Action& a) {
    const GameState& st = g.state_;
    if (st.finished)
        return refuse("refuse.finished");
    if (ApplyResult r = checkTexts(a); !r)
        return r;
    if (isTurnAction(a.type))
        return checkTurn(g, a);
    Checker c{g, *g.scenario_, st, a};
    if (a.seat == kFacilitator || a.seat == kSystem)
        return c.facilitator();
    c.role = roleOf(g, a.seat);
    if (c.role < 0)
        return refuse("refuse.unknown_seat", {to_string(a.seat)});
    if (a.person != -1 && (a.person < 0 || a.person >= Rules::teamSizeOf(g, a.seat)))
        return refuse("refuse.unknown_person", {to_string(a.person)});
    if (a.type == ActionType::SetEndWhenAllDone)
        return refuse("refuse.end_when_done_facilitator_only");
    if (isFacilitatorAction(a.type))
        return refuse("refuse.facilitator_only", {actionTypeId(a.type)});
    if (st.paused)
        return refuse("refuse.paused");
    const PhaseKind phase = g.currentPhase();
    if (!allowedInPhase(a.type, phase))
        return refuse("refuse.wrong_phase", {actionTypeId(a.type), phaseId(phase)});
    return c.seatAction();
}

} // namespace samenspel
