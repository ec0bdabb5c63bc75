// Game: construction, the apply/check entry points, the clock's due actions
// and the session measurements. The rules themselves are in rules_check.cpp
// (who may do what) and rules_apply.cpp (what an accepted action changes).
#include "core/game.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/begrip.hpp"
#include "core/limits.hpp"
#include "core/rules_internal.hpp"
#include "core/safe_text.hpp"
#include "core/text.hpp"

namespace samenspel {

// [SECTION] Action ids -------------------------------------------------------

namespace {

struct ActionTypeName {
    ActionType type;
    const char* id;
};

constexpr ActionTypeName kActionTypeNames[] = {
    {ActionType::ShareValue, "share_value"},
    {ActionType::Ask, "ask"},
    {ActionType::Answer, "answer"},
    {ActionType::Decline, "decline"},
    {ActionType::SharePrecondition, "share_precondition"},
    {ActionType::Predict, "predict"},
    {ActionType::Propose, "propose"},
    {ActionType::Amend, "amend"},
    {ActionType::React, "react"},
    {ActionType::Vote, "vote"},
    {ActionType::Done, "done"},
    {ActionType::Advance, "advance"},
    {ActionType::Pause, "pause"},
    {ActionType::Resume, "resume"},
    {ActionType::Extend, "extend"},
    {ActionType::InjectEvent, "inject_event"},
    {ActionType::SetEndWhenAllDone, "set_end_when_all_done"},
    {ActionType::RequestTurn, "request_turn"},
    {ActionType::GiveTurn, "give_turn"},
    {ActionType::EndTurn, "end_turn"},
    {ActionType::AnswerItem, "answer_item"},
};

} // namespace

const char* actionTypeId(ActionType type) {
    for (const auto& n : kActionTypeNames)
        if (n.type == type)
            return n.id;
    return "unknown";
}

bool actionTypeFromId(const std::string& id, ActionType& out) {
    for (const auto& n : kActionTypeNames) {
        if (id == n.id) {
            out = n.type;
            return true;
        }
    }
    return false;
}

bool isPublicAction(ActionType type) {
    switch (type) {
    case ActionType::ShareValue:
    case ActionType::Ask:
    case ActionType::Answer:
    case ActionType::Decline:
    case ActionType::SharePrecondition:
    case ActionType::Propose:
    case ActionType::Amend:
    case ActionType::React:
    case ActionType::Vote:
        return true;
    default:
        return false;
    }
}

const char* inclusieBasisId(InclusieBasis basis) {
    return basis == InclusieBasis::SpeakingTime ? "speaking_time" : "game_actions";
}

bool isDialoguePhase(PhaseKind kind) {
    return kind == PhaseKind::Waarden || kind == PhaseKind::Randvoorwaarden ||
           kind == PhaseKind::Voorstel || kind == PhaseKind::Besluit;
}

// [SECTION] Refusals ----------------------------------------------------------

namespace {

struct RefusalText {
    const char* key;
    const char* english; // {0}, {1}: arguments
};

// Keep in step with assets/i18n/{nl,en}/refusals.yaml (a test checks it).
constexpr RefusalText kRefusals[] = {
    {"refuse.finished", "The session has ended."},
    {"refuse.unknown_seat", "There is no seat {0}."},
    {"refuse.unknown_person", "This seat has no team member {0}."},
    {"refuse.paused", "The session is paused."},
    {"refuse.facilitator_only", "Only the facilitator can do '{0}'."},
    {"refuse.seat_only", "'{0}' is done by a player's seat, not by the facilitator."},
    {"refuse.wrong_phase", "'{0}' is not possible in the phase {1}."},
    {"refuse.unknown_role", "There is no role {0}."},
    {"refuse.own_role", "Choose another role than your own."},
    {"refuse.unknown_value", "There is no value {0}."},
    {"refuse.value_not_held", "Your role does not hold the value {0}."},
    {"refuse.value_already_shared", "Your role has already shared the value {0}."},
    {"refuse.question_already_open", "You already asked this question; it is still open."},
    {"refuse.unknown_question", "There is no question {0}."},
    {"refuse.question_closed", "Question {0} has already been answered or declined."},
    {"refuse.not_asked", "Question {0} was asked to another role."},
    {"refuse.answer_other_value",
     "Question {0} asks about another value; answer that one or decline."},
    {"refuse.reason_text_required", "Say why you decline."},
    {"refuse.unknown_precondition", "Your role has no precondition {0}."},
    {"refuse.precondition_already_shared", "Your role has already shared this precondition."},
    {"refuse.prediction_size", "Pick one to three values."},
    {"refuse.prediction_duplicate", "Pick each value only once."},
    {"refuse.unknown_item", "There is no question of this kind about the role {0}."},
    {"refuse.unknown_choice", "Choose one of the answers given."},
    {"refuse.invalid_package", "A proposal picks exactly one existing option for every issue."},
    {"refuse.option_unavailable", "The option {0} is not available."},
    {"refuse.unknown_proposal", "There is no proposal {0}."},
    {"refuse.proposal_not_open", "Proposal {0}, version {1} is no longer open."},
    {"refuse.amend_unchanged", "The amendment changes nothing."},
    {"refuse.amend_not_allowed",
     "In the decision phase only a proposal sent back for amendment can be amended."},
    {"refuse.proposal_on_table",
     "A vote is in progress or an amendment is pending; a new proposal has to wait."},
    {"refuse.reason_required", "Give a reason: one of your values or preconditions."},
    {"refuse.invalid_reason", "The reason must be one of your own role's values or preconditions."},
    {"refuse.conditions_required", "Add at least one condition."},
    {"refuse.conditions_not_allowed",
     "Only 'yes, provided that' and 'support if' carry conditions."},
    {"refuse.bad_condition", "The condition '{0}' is not valid: {1}"},
    {"refuse.not_a_voter", "Your seat does not vote under this decision rule."},
    {"refuse.amendment_pending",
     "Proposal {0}, version {1} was sent back for amendment; vote after it is amended."},
    {"refuse.not_on_vote", "The vote is on proposal {0}, version {1}."},
    {"refuse.no_proposal", "There is no proposal to vote on."},
    {"refuse.already_voted", "You have already voted on this proposal."},
    {"refuse.unknown_event", "There is no event {0}."},
    {"refuse.event_already_fired", "The event {0} has already happened."},
    {"refuse.already_paused", "The session is already paused."},
    {"refuse.not_paused", "The session is not paused."},
    {"refuse.extend_zero", "Extend by a number of seconds other than zero."},
    {"refuse.phase_not_over", "The phase still has time left."},
    {"refuse.end_when_done_facilitator_only",
     "Only the facilitator decides whether a phase ends once everyone is done."},
    {"refuse.end_when_done_unchanged",
     "Ending the phase once everyone is done is already set this way."},
    {"refuse.text_invalid_utf8",
     "The text contains bytes that are not valid text (UTF-8); type or paste it again."},
    {"refuse.text_unsafe_character",
     "The text contains an invisible control or text-direction character ({0}); remove it."},
    {"refuse.text_too_long", "The text is too long: {1} characters, at most {0} are allowed."},
    {"refuse.too_many_conditions", "Give at most {0} conditions at once."},
    {"refuse.too_many_proposals",
     "You have made {0} proposals and amendments in this phase, the most a seat can make in "
     "one phase."},
    {"refuse.too_many_reactions",
     "You have reacted {0} times in this phase, the most a seat can react in one phase."},
    {"refuse.turn_bot", "A bot neither asks for nor gets the floor."},
    {"refuse.turn_person_required", "Say which member of the team takes the floor."},
    {"refuse.turn_already_speaking", "This person already has the floor."},
    {"refuse.no_turn", "Nobody has the floor."},
    {"refuse.not_your_turn", "Only the facilitator or the speaker can end this turn."},
    {"refuse.too_many_done_toggles",
     "You have switched 'done' on or off {0} times in this phase, the most a seat can in one "
     "phase."},
};

} // namespace

ApplyResult refuse(const char* key, std::initializer_list<std::string> args) {
    ApplyResult r;
    r.accepted = false;
    r.refusal.key = key;
    r.refusal.args.assign(args.begin(), args.end());
    for (const auto& t : kRefusals) {
        if (std::strcmp(t.key, key) == 0) {
            r.refusal.english = fillArgs(t.english, r.refusal.args);
            return r;
        }
    }
    r.refusal.english = key;
    return r;
}

const std::vector<std::string>& allRefusalKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& t : kRefusals)
            k.emplace_back(t.key);
        return k;
    }();
    return keys;
}

// [SECTION] Setup --------------------------------------------------------------

std::string SessionSetup::roleSeatSuffix(int seat) const {
    if (seat < 0 || seat >= static_cast<int>(seats.size()))
        return "";
    const int role = seats[static_cast<std::size_t>(seat)].role;
    int ordinal = 0, total = 0;
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (seats[i].role != role)
            continue;
        ++total;
        if (static_cast<int>(i) <= seat)
            ++ordinal;
    }
    if (total <= 1)
        return "";
    // Appended, not " " + to_string(): g++ 12 warns (-Wrestrict) on that falsely.
    std::string suffix = " ";
    suffix += std::to_string(ordinal);
    return suffix;
}

SessionSetup SessionSetup::defaultFor(const Scenario& sc, bool bots, std::uint64_t seed) {
    SessionSetup setup;
    setup.seed = seed;
    for (std::size_t r = 0; r < sc.roles.size(); ++r) {
        const Role& role = sc.roles[r];
        const int count = std::max(1, role.minPlayers);
        for (int i = 0; i < count; ++i) {
            Seat seat;
            seat.role = static_cast<int>(r);
            seat.bot = bots;
            // Unnamed: screens call the seat after its role, in their own
            // language (see roleSeatSuffix), until a player gives a name.
            setup.seats.push_back(std::move(seat));
        }
    }
    return setup;
}

std::int64_t GameState::phaseRemainingMs() const {
    if (finished)
        return 0;
    return std::max<std::int64_t>(0, phaseStartMs + phaseDurationMs - nowMs);
}

int GameState::queuePosition(int seat, int person) const {
    for (std::size_t i = 0; i < speakingQueue.size(); ++i)
        if (speakingQueue[i].seat == seat && speakingQueue[i].person == person)
            return static_cast<int>(i) + 1;
    return 0;
}

bool GameState::hasFloor(int seat, int person) const {
    return floor && floor->seat == seat && floor->person == person;
}

// [SECTION] Game -----------------------------------------------------------------

Game::Game(std::shared_ptr<const Scenario> scenario, SessionSetup setup)
    : scenario_(std::move(scenario)), setup_(std::move(setup)) {
    // Names come from people and from the network: made safe and short here,
    // so every screen, report and client shows the same clean name.
    for (Seat& seat : setup_.seats) {
        seat.name = cleanText(seat.name, limits::kSeatNameChars);
        if (seat.members.size() > static_cast<std::size_t>(limits::kMaxTeamSize))
            seat.members.resize(static_cast<std::size_t>(limits::kMaxTeamSize));
        for (std::string& member : seat.members)
            member = cleanText(member, limits::kSeatNameChars);
    }
    setup_.group = cleanText(setup_.group, limits::kGroupLabelChars);
    const Scenario& sc = *scenario_;
    const std::size_t seats = setup_.seats.size();
    state_.world = World::initial(sc);
    state_.endPhaseWhenAllDone = setup_.endPhaseWhenAllDone;
    state_.done.assign(seats, false);
    state_.eventFired.assign(sc.events.size(), false);
    state_.secretRevealed.assign(sc.roles.size(), false);
    for (const Role& role : sc.roles)
        state_.preconditionCited.emplace_back(role.preconditions.size(), false);
    state_.publicActions.assign(seats, std::vector<int>(sc.phases.size(), 0));
    state_.memberActions.resize(seats);
    for (std::size_t s = 0; s < seats; ++s)
        state_.memberActions[s].assign(setup_.seats[s].members.size(), 0);
    state_.phaseCounts.assign(seats, SeatPhaseCount{});
    state_.phaseStartedMs.assign(sc.phases.size(), -1);
    if (sc.phases.empty()) {
        state_.finished = true;
        state_.finishedMs = 0;
        return;
    }
    Rules::startPhase(*this, 0);
}

PhaseKind Game::phaseKindAt(int phase) const {
    if (phase < 0 || phase >= static_cast<int>(scenario_->phases.size()))
        return PhaseKind::Reflectie;
    return scenario_->phases[static_cast<std::size_t>(phase)].kind;
}

PhaseKind Game::currentPhase() const {
    return phaseKindAt(state_.phase);
}

ApplyResult Game::check(const Action& action) const {
    return Rules::check(*this, action);
}

ApplyResult Game::apply(const Action& action) {
    ApplyResult result = Rules::check(*this, action);
    if (!result.accepted)
        return result;
    Rules::execute(*this, action);
    return result;
}

int Game::proposalOnTable() const {
    for (int i = static_cast<int>(state_.proposals.size()) - 1; i >= 0; --i)
        if (state_.proposals[static_cast<std::size_t>(i)].status == Proposal::Status::Open)
            return i;
    return -1;
}

Package Game::defaultPackage() const {
    const int onTable = proposalOnTable();
    if (onTable >= 0)
        return state_.proposals[static_cast<std::size_t>(onTable)].package;
    Package p;
    for (std::size_t i = 0; i < scenario_->issues.size(); ++i) {
        int choice = 0;
        const std::vector<bool>& enabled = state_.world.optionEnabled[i];
        for (std::size_t o = 0; o < enabled.size(); ++o)
            if (enabled[o]) {
                choice = static_cast<int>(o);
                break;
            }
        p.push_back(choice);
    }
    return p;
}

bool Game::isVoter(int seat) const {
    const int role = Rules::roleOf(*this, seat);
    if (role < 0)
        return false;
    if (scenario_->rule == DecisionRule::Consensus)
        return true;
    return scenario_->roles[static_cast<std::size_t>(role)].kind == RoleKind::Council;
}

std::vector<Action> Game::dueActions(std::int64_t nowMs) const {
    std::vector<Action> due;
    if (state_.finished || state_.paused)
        return due;
    const Scenario& sc = *scenario_;
    for (std::size_t e = 0; e < sc.events.size(); ++e) {
        const Event& ev = sc.events[e];
        if (ev.trigger != Event::Trigger::Minute || state_.eventFired[e])
            continue;
        if (static_cast<double>(nowMs) >= ev.minute * 60000.0) {
            Action a;
            a.type = ActionType::InjectEvent;
            a.seat = kSystem;
            a.timeMs = nowMs;
            a.event = static_cast<int>(e);
            due.push_back(a);
        }
    }
    if (nowMs >= state_.phaseStartMs + state_.phaseDurationMs) {
        Action a;
        a.type = ActionType::Advance;
        a.seat = kSystem;
        a.timeMs = nowMs;
        due.push_back(a);
    }
    return due;
}

// [SECTION] Measurements ------------------------------------------------------------

namespace {

// Begrip per person: [seat][0] for answers without a person (the seat's
// single player or a bot), [seat][1 + k] for team member k.
struct PersonScores {
    SeatBegrip begrip;
    std::array<double, 2> sums{0.0, 0.0}; // before, after
    std::array<int, 2> counts{0, 0};
};
using PersonBegrip = std::vector<std::vector<PersonScores>>;

// Version 2: every scored item (chance-corrected predictions and choice
// items); version 1: the acc of the value predictions, as logs from before
// begrip v2 were measured.
PersonBegrip begripPerPerson(const Game& g) {
    PersonBegrip out(static_cast<std::size_t>(g.seatCount()));
    for (std::size_t s = 0; s < out.size(); ++s)
        out[s].resize(g.setup().seats[s].members.size() + 1);
    auto add = [&](int seat, int person, int phase, double score) {
        const auto s = static_cast<std::size_t>(seat);
        const auto k = static_cast<std::size_t>(person + 1);
        if (seat < 0 || s >= out.size() || person < -1 || k >= out[s].size())
            return;
        const int slot = g.phaseKindAt(phase) == PhaseKind::Reflectie ? 1 : 0;
        out[s][k].sums[static_cast<std::size_t>(slot)] += score;
        ++out[s][k].counts[static_cast<std::size_t>(slot)];
    };
    const bool v2 = g.begripVersion() >= 2;
    for (const Prediction& p : g.state().predictions) {
        if (!v2)
            add(p.seat, p.person, p.phase, p.accuracy);
        else if (p.score)
            add(p.seat, p.person, p.phase, *p.score);
    }
    if (v2)
        for (const ItemAnswer& a : g.state().itemAnswers)
            if (a.optionCount >= 2) // 0: taken on a client's copy, not scored there
                add(a.seat, a.person, a.phase, choiceItemScore(a.right, a.optionCount));
    for (std::vector<PersonScores>& seat : out)
        for (PersonScores& person : seat) {
            if (person.counts[0] > 0)
                person.begrip.before = person.sums[0] / person.counts[0];
            if (person.counts[1] > 0)
                person.begrip.after = person.sums[1] / person.counts[1];
        }
    return out;
}

std::optional<double> meanOf(const std::vector<std::optional<double>>& values) {
    double sum = 0.0;
    int n = 0;
    for (const std::optional<double>& v : values)
        if (v) {
            sum += *v;
            ++n;
        }
    return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
}

// A seat's begrip is the mean over its people who answered (for a seat one
// person plays, that person's); the group's the mean over seats. The gain is
// the mean over the people who answered in both phases.
void measureBegrip(const Game& g, const PersonBegrip& people, Measurements& m) {
    m.begripVersion = g.begripVersion() >= 2 ? 2 : 1;
    std::vector<std::optional<double>> before, after, gains;
    for (const std::vector<PersonScores>& seat : people) {
        std::vector<std::optional<double>> b, a, seatGains;
        for (const PersonScores& person : seat) {
            b.push_back(person.begrip.before);
            a.push_back(person.begrip.after);
            if (person.begrip.before && person.begrip.after)
                seatGains.push_back(*person.begrip.after - *person.begrip.before);
        }
        gains.insert(gains.end(), seatGains.begin(), seatGains.end());
        m.begrip.push_back({meanOf(b), meanOf(a), meanOf(seatGains)});
        before.push_back(m.begrip.back().before);
        after.push_back(m.begrip.back().after);
    }
    m.begripBefore = meanOf(before);
    m.begripAfter = meanOf(after);
    m.begripGain = meanOf(gains);
}

// Each person's speaking turns: their count and total length, a turn still
// going on up to now. Whether any turn was given at all.
bool measureSpeaking(const GameState& st, Measurements& m) {
    auto add = [&](const SpeakingTurn& t, std::int64_t endMs) {
        for (PersonMeasure& p : m.people)
            if (p.seat == t.seat && p.person == t.person) {
                p.speakingMs += std::max<std::int64_t>(0, endMs - t.startMs);
                ++p.turns;
            }
    };
    for (const SpeakingTurn& t : st.turns)
        add(t, t.endMs);
    if (st.floor)
        add(*st.floor, st.nowMs);
    return !st.turns.empty() || st.floor.has_value();
}

// The people, seat by seat, a team's members each on their own; inclusie
// over them when a team plays or bots are left out.
void measurePeople(const Game& g, const PersonBegrip& begrip, Measurements& m) {
    const auto& seats = g.setup().seats;
    for (std::size_t s = 0; s < seats.size(); ++s) {
        const Seat& seat = seats[s];
        if (seat.members.empty()) {
            const PersonScores& own = begrip[s][0];
            m.people.push_back({static_cast<int>(s), -1, seat.name, seat.bot, m.actionsPerSeat[s],
                                own.begrip.before, own.begrip.after, own.counts[0], own.counts[1]});
            continue;
        }
        m.hasTeams = true;
        const std::vector<int>& acted = g.state().memberActions[s];
        for (std::size_t k = 0; k < seat.members.size(); ++k) {
            const PersonScores& member = begrip[s][k + 1];
            m.people.push_back({static_cast<int>(s), static_cast<int>(k), seat.members[k], false,
                                k < acted.size() ? acted[k] : 0, member.begrip.before,
                                member.begrip.after, member.counts[0], member.counts[1]});
        }
    }
    const bool anyBot =
        std::any_of(seats.begin(), seats.end(), [](const Seat& seat) { return seat.bot; });
    if (measureSpeaking(g.state(), m)) {
        std::vector<std::int64_t> speaking;
        for (const PersonMeasure& p : m.people)
            if (!p.bot)
                speaking.push_back(p.speakingMs);
        m.inclusieBasis = InclusieBasis::SpeakingTime;
        m.inclusieOverPeople = !speaking.empty() && anyBot;
        m.inclusie = oneMinusGiniOfAmounts(speaking);
        return;
    }
    std::vector<int> peopleActions;
    for (const PersonMeasure& p : m.people)
        if (!p.bot)
            peopleActions.push_back(p.actions);
    m.inclusieOverPeople = !peopleActions.empty() && anyBot;
    m.inclusie =
        oneMinusGini(m.inclusieOverPeople || m.hasTeams ? peopleActions : m.actionsPerSeat);
}

} // namespace

Measurements Game::measure() const {
    const Scenario& sc = *scenario_;
    const std::size_t seats = setup_.seats.size();
    const std::size_t roles = sc.roles.size();
    Measurements m;
    m.decision = state_.decision;
    m.decisionSupport = state_.decision.support;
    const PersonBegrip begrip = begripPerPerson(*this);
    measureBegrip(*this, begrip, m);

    // Inclusie: public actions per seat and per role, and who was heard.
    m.actionsPerSeat.assign(seats, 0);
    m.actionsPerRole.assign(roles, 0);
    m.roleHeard.assign(roles, false);
    const std::size_t phases = sc.phases.size();
    std::vector<std::vector<bool>> heard(phases, std::vector<bool>(roles, false));
    for (std::size_t s = 0; s < seats; ++s) {
        const int role = Rules::roleOf(*this, static_cast<int>(s));
        for (std::size_t ph = 0; ph < phases && ph < state_.publicActions[s].size(); ++ph) {
            const int n = state_.publicActions[s][ph];
            m.actionsPerSeat[s] += n;
            if (role < 0 || n == 0)
                continue;
            m.actionsPerRole[static_cast<std::size_t>(role)] += n;
            heard[ph][static_cast<std::size_t>(role)] = true;
            if (isDialoguePhase(sc.phases[ph].kind))
                m.roleHeard[static_cast<std::size_t>(role)] = true;
        }
    }
    measurePeople(*this, begrip, m);
    m.rolesHeardPerPhase.assign(phases, 0.0);
    for (std::size_t ph = 0; ph < phases && roles > 0; ++ph)
        m.rolesHeardPerPhase[ph] =
            static_cast<double>(std::count(heard[ph].begin(), heard[ph].end(), true)) /
            static_cast<double>(roles);
    if (roles > 0)
        m.rolesHeard =
            static_cast<double>(std::count(m.roleHeard.begin(), m.roleHeard.end(), true)) /
            static_cast<double>(roles);
    return m;
}

} // namespace samenspel
