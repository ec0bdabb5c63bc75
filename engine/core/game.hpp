#pragma once
// A session in play: the changing GameState, separate from the read-only
// Scenario, and Game, the rules engine that is the only way to change it.
// Deterministic: scenario + setup (with seed) + the same actions = the same state.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/action.hpp"
#include "core/scenario.hpp"
#include "core/scoring.hpp"
#include "core/stance.hpp"

namespace samenspel {

// A bot's character, set by the facilitator per seat. Both in [0, 1].
struct BotCharacter {
    double cooperation = 0.5; // 0 hard-line .. 1 cooperative
    double openness = 0.5;    // 0 guarded .. 1 open
};

struct Seat {
    int role = 0;
    std::string name; // player's name, or a bot's display name
    bool bot = false;
    BotCharacter character;
    // A team of people sharing the seat (at most limits::kMaxTeamSize): their
    // names, in the order Action::person counts them. Empty when one person
    // (or a bot) plays the seat; `name` then is that person's.
    std::vector<std::string> members;
};

struct SessionSetup {
    std::vector<Seat> seats; // at least min players for every role
    std::uint64_t seed = 1;
    std::string language = "nl";
    std::vector<int> phaseMinutes;   // per scenario phase; empty = scenario's times
    bool endPhaseWhenAllDone = true; // at the start; the facilitator can switch it mid-session
    // Who played, as the facilitator calls the group ("Raad Vianen, 12 maart"),
    // so the archive can tell a year's groups apart; empty when none was given.
    std::string group;

    // One seat per role (its minimum, at least one), all bots or all people.
    static SessionSetup defaultFor(const Scenario& sc, bool bots, std::uint64_t seed = 1);
    // For a seat nobody named, shown after its role's name: "" when the seat
    // is its role's only one, else " 2" for the role's second seat.
    std::string roleSeatSuffix(int seat) const;
};

struct SharedValue {
    int seat = -1;
    int role = -1;
    int value = -1;
    int phase = -1;
};

struct Question {
    enum class Status { Open, Answered, Declined };
    int id = -1;
    int askerSeat = -1;
    int targetRole = -1;
    int value = -1; // -1: an open "what matters to you?"
    Status status = Status::Open;
    int answeredBy = -1;  // seat
    int answerValue = -1; // value revealed
    std::string declineReason;
};

struct SharedPrecondition {
    int seat = -1;
    int role = -1;
    int precondition = -1;
};

struct Prediction {
    int seat = -1;
    int person = -1; // the team member who predicted (Action::person)
    int targetRole = -1;
    int phase = -1; // scenario phase index (perspectief or reflectie)
    std::vector<int> values;
    double accuracy = 0.0; // acc against the target's weights at that moment
    // Begrip v2: (acc - c_r) / (1 - c_r) with c_r of that moment; none when
    // the item cannot be scored (core/begrip.hpp).
    std::optional<double> score;
};

// A person's answer to a begrip v2 choice item (ActionType::AnswerItem).
struct ItemAnswer {
    int seat = -1;
    int person = -1; // Action::person
    int phase = -1;  // scenario phase index (perspectief or reflectie)
    int targetRole = -1;
    int kind = -1;       // BegripItemKind (RedLine or Interest)
    int choice = -1;     // index into the item's options
    int optionCount = 0; // m, for the score
    bool right = false;
};

struct Reaction {
    int seat = -1;
    ReactionKind kind = ReactionKind::Support;
    Reason reason;
    std::vector<MitsCondition> conditions;
    std::uint64_t seq = 0; // GameState::actionCount when it was said: what came last
};

struct CastVote {
    int seat = -1;
    VoteKind kind = VoteKind::Yes;
    Reason reason;
    std::vector<MitsCondition> conditions;
    std::uint64_t seq = 0; // GameState::actionCount when it was cast
};

// A condition attached to a version of a proposal by a ja-mits vote on the
// version before, with whether this version meets it.
struct AttachedCondition {
    MitsCondition condition;
    int fromSeat = -1;
    bool met = false;
};

struct Proposal {
    enum class Status { Open, Superseded, BackForAmendment, Accepted, Rejected };
    int id = -1;
    int parent = -1; // proposal it amends, -1 for a new one
    int version = 1; // 1 + parent's version
    int authorSeat = -1;
    int phase = -1;
    std::int64_t timeMs = 0;
    Package package;
    std::string note;
    Status status = Status::Open;
    bool amendmentRoundUsed = false; // a ja-mits already sent an ancestor back once
    std::vector<Reaction> reactions;
    std::vector<CastVote> votes;
    std::vector<AttachedCondition> conditions;
    std::vector<double> supportAtCreation; // per role, with the world of that moment
};

struct Announcement {
    int event = -1;
    std::int64_t timeMs = 0;
    int phase = -1;
};

// One point of the "support over time" chart: every role's support for the
// most recent open proposal.
struct SupportSample {
    std::int64_t timeMs = 0;
    int proposal = -1;
    std::vector<double> support; // per role
};

struct Decision {
    bool taken = false;
    int proposal = -1;
    // Gedragen volgens de kaarten: feasible, passed, and every role's support
    // from its card at least min_support (DESIGN.md "Measurements").
    bool gedragen = false;
    // Gedragen aan tafel: no role's stated stance on it is an objection
    // (DESIGN.md "Support as stated").
    bool gedragenAanTafel = false;
    std::vector<StatedStance> stances; // per role: what it said about it
    std::vector<bool> accepts;         // per role: whether its card accepts the package
    Draagvlak draagvlak;
    double publicValue = 0.0;
    std::vector<double> support; // per role, with the world of the moment of decision
    std::int64_t timeMs = 0;
};

// The speaking queue (DESIGN.md "Speaking turns"): a person waiting for the
// floor, and a turn with the floor. Times are on the session clock, which
// stands still during a pause.
struct TurnRequest {
    int seat = -1;
    int person = -1; // Action::person: -1 for a seat one person plays
    std::int64_t requestedMs = 0;
};

struct SpeakingTurn {
    int seat = -1;
    int person = -1;
    std::int64_t startMs = 0;
    std::int64_t endMs = -1; // -1 while the turn goes on
};

// What one seat did in the current phase, counted for the limits in
// core/limits.hpp; every phase starts from zero.
struct SeatPhaseCount {
    int proposals = 0; // proposals and amendments together
    int reactions = 0; // a changed reaction counts again
    int doneToggles = 0;
};

struct GameState {
    int phase = 0; // index into Scenario::phases; == phases.size() once the session ended
    bool finished = false;
    bool paused = false;
    // Whether the phase ends as soon as every seat is done: the setup's choice
    // until the facilitator switches it (SetEndWhenAllDone), so a replayed log
    // switches it at the same moment.
    bool endPhaseWhenAllDone = true;
    std::int64_t nowMs = 0;
    std::int64_t phaseStartMs = 0;
    std::int64_t phaseDurationMs = 0;
    // Session time each scenario phase began (-1 until it does) and the
    // session ended (-1 until it does): the debrief's phase bands.
    std::vector<std::int64_t> phaseStartedMs;
    std::int64_t finishedMs = -1;
    World world;
    std::vector<bool> done;           // per seat, this phase
    std::vector<bool> eventFired;     // per scenario event
    std::vector<bool> secretRevealed; // per role (events; everything at reflectie)
    std::vector<SharedValue> sharedValues;
    std::vector<Question> questions;
    std::vector<SharedPrecondition> sharedPreconditions;
    // [role][precondition]: given in public as the reason of a reaction or a
    // vote (or protected by a condition), shared or not. Kept although a later
    // reaction replaces the one that gave it: the action still names it.
    std::vector<std::vector<bool>> preconditionCited;
    std::vector<Prediction> predictions;
    std::vector<ItemAnswer> itemAnswers; // the latest per (seat, person, target, kind, phase)
    std::vector<Proposal> proposals;
    std::vector<Announcement> announcements;
    std::vector<SupportSample> supportHistory;
    std::vector<std::vector<int>> publicActions; // [seat][phase] public actions
    // [seat][member] public actions of each member of a team seat (empty for a
    // seat one person or a bot plays): an action without a person counts for
    // the seat only.
    std::vector<std::vector<int>> memberActions;
    std::vector<SeatPhaseCount> phaseCounts; // per seat, this phase
    Decision decision;
    std::uint64_t actionCount = 0; // accepted actions so far
    // Who waits for the floor, first in line first; a person is in it once.
    std::vector<TurnRequest> speakingQueue;
    std::optional<SpeakingTurn> floor; // the turn going on; a phase change does not end it
    std::vector<SpeakingTurn> turns;   // ended turns, in the order they ended

    std::int64_t phaseRemainingMs() const;
    // 1 for the first in line, 2 for the second...; 0 when not waiting.
    int queuePosition(int seat, int person) const;
    bool hasFloor(int seat, int person) const;
};

// Summary measurements of a session (DESIGN.md "Measurements").
// Begrip v2 (version 2): the mean item score at Perspectief and Reflectie;
// v1 (logs written before begrip v2): the mean acc of the value predictions.
struct SeatBegrip {
    std::optional<double> before; // at Perspectief
    std::optional<double> after;  // at Reflectie
    // Of a seat: the mean over its people who answered in both phases of
    // (after - before); none when nobody did.
    std::optional<double> gain;
};

// One person at the table: the player of a seat, or one member of a team.
struct PersonMeasure {
    int seat = -1;
    int person = -1; // index into Seat::members; -1 for a seat's single player or bot
    std::string name;
    bool bot = false;
    int actions = 0; // public actions
    std::optional<double> begripBefore;
    std::optional<double> begripAfter;
    int itemsBefore = 0; // items scored at Perspectief (v2: predictions and choice items)
    int itemsAfter = 0;
    // Speaking turns: total length (an open turn up to now) and how many.
    std::int64_t speakingMs = 0;
    int turns = 0;
};

// What inclusie is computed over: speaking time once any turn was given,
// else the game's public actions.
enum class InclusieBasis { GameActions, SpeakingTime };
const char* inclusieBasisId(InclusieBasis basis); // "game_actions", "speaking_time"

struct Measurements {
    Decision decision;
    std::vector<double> decisionSupport; // per role, when a decision was taken
    // 2: begrip v2, chance-corrected over every item (core/begrip.hpp); 1: a
    // log written before begrip v2 replays with v1 figures (mean acc of the
    // value predictions, not corrected for guessing).
    int begripVersion = 2;
    // Per seat; for a team, the mean over its members who answered.
    std::vector<SeatBegrip> begrip;
    std::optional<double> begripBefore; // mean over seats with an answer
    std::optional<double> begripAfter;
    // Mean over the people who answered in both phases of (after - before);
    // none when nobody did. Not begripAfter - begripBefore: those may cover
    // different people.
    std::optional<double> begripGain;
    // Once any speaking turn was given: 1 - Gini of speaking time over the
    // people (every single player and every team member, bots never).
    // Otherwise 1 - Gini of public actions per seat: over the seats people
    // play when anyone does (a bot's dozens of actions say nothing about who
    // in the room was heard), else over every seat (simulate compares bots).
    // With a team at the table, over the people instead: every member and
    // every single player, bots never.
    double inclusie = 1.0;
    InclusieBasis inclusieBasis = InclusieBasis::GameActions;
    bool inclusieOverPeople = false; // whether bot seats were left out of inclusie
    std::vector<double>
        rolesHeardPerPhase; // per scenario phase: share of roles with a public action
    std::vector<int> actionsPerSeat;
    std::vector<int> actionsPerRole;
    // Share of roles with at least one public action in any dialogue phase.
    double rolesHeard = 0.0;
    std::vector<bool> roleHeard; // per role
    // Seat by seat, each seat's player or bot, or each member of its team.
    std::vector<PersonMeasure> people;
    bool hasTeams = false; // whether any seat is played by a team
};

// Waarden, randvoorwaarden, voorstel and besluit: the phases where people talk
// and where "was every role heard?" is asked.
bool isDialoguePhase(PhaseKind kind);
// Every refusal key the rules engine can return ("refuse.wrong_phase", ...),
// so tests can check that both catalogs translate each of them.
const std::vector<std::string>& allRefusalKeys();
// Counts as a public action for inclusie (everything others can see a seat do).
bool isPublicAction(ActionType type);

class Game {
  public:
    Game(std::shared_ptr<const Scenario> scenario, SessionSetup setup);

    const Scenario& scenario() const { return *scenario_; }
    std::shared_ptr<const Scenario> scenarioPtr() const { return scenario_; }
    const SessionSetup& setup() const { return setup_; }
    const GameState& state() const { return state_; }
    PhaseKind currentPhase() const; // Reflectie once finished
    int roleOfSeat(int seat) const { return setup_.seats.at(seat).role; }
    int seatCount() const { return static_cast<int>(setup_.seats.size()); }

    // Validates and applies; a refused action changes nothing.
    ApplyResult apply(const Action& action);
    // Only validates.
    ApplyResult check(const Action& action) const;

    // System actions the clock makes due at session time `nowMs`: the phase
    // timing out, minute events. The driver applies (and logs) them, so replay
    // needs nothing but the log.
    std::vector<Action> dueActions(std::int64_t nowMs) const;

    Measurements measure() const;

    // The proposal that is on the table: the most recent one that is open
    // (votes in besluit go to it), or -1.
    int proposalOnTable() const;
    // The package a new proposal starts from: the one on the table, else the
    // first available option of every issue.
    Package defaultPackage() const;
    // Whether `seat` votes under the scenario's decision rule.
    bool isVoter(int seat) const;
    // The scenario phase kind at index `phase` (Reflectie past the end).
    PhaseKind phaseKindAt(int phase) const;
    // Which begrip measure() computes: 2, or 1 for a session replayed from a
    // log written before begrip v2 (replaySessionLog sets it from the log's
    // format version).
    int begripVersion() const { return begripVersion_; }
    void setBegripVersion(int version) { begripVersion_ = version; }
    // A client's copy of a host's game, with a redacted scenario (net/redact):
    // the begrip questions about other roles are built from their weights and
    // preconditions, which the copy does not hold, so an answer_item is taken
    // as the host accepted it (only its shape is checked) and not scored here.
    // Bots on such a copy answer no questions.
    bool partialView() const { return partialView_; }
    void setPartialView(bool partial) { partialView_ = partial; }

  private:
    friend struct Rules; // the rule implementations in rules_*.cpp
    std::shared_ptr<const Scenario> scenario_;
    SessionSetup setup_;
    GameState state_;
    int begripVersion_ = 2;
    bool partialView_ = false;
};

} // namespace samenspel
