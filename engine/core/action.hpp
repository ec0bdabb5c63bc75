#pragma once
// The one vocabulary of everything that can happen in a session. A person at
// the table, a bot, a network client and a replayed log all produce these,
// and only Game::apply changes the state with them.
#include <cstdint>
#include <string>
#include <vector>

#include "core/expr.hpp"

namespace samenspel {

inline constexpr int kFacilitator = -1; // Action::seat of the facilitator
inline constexpr int kSystem = -2;      // Action::seat of the clock (timeouts, minute events)

enum class ActionType {
    ShareValue,        // seat reveals one of its role's values (value)
    Ask,               // seat asks targetRole what matters to it (value = -1) or about a value
    Answer,            // seat of the asked role answers question by revealing value
    Decline,           // seat of the asked role declines question, with reasonText
    SharePrecondition, // seat puts one of its role's preconditions (precondition) on the table
    Predict,           // seat predicts targetRole's top values (values, at most three)
    Propose,           // seat puts a package on the table (package, reasonText optional)
    Amend,             // seat amends proposal into a new version (proposal, package)
    React,             // seat reacts to proposal: reaction + reason
    Vote,              // council seat (every seat under consensus) votes on proposal
    Done,              // seat says it is done with this phase (again: not done any more)
    Advance,           // facilitator or system: next phase
    Pause,             // facilitator
    Resume,            // facilitator
    Extend,            // facilitator: phase time += seconds (negative shortens)
    InjectEvent,       // facilitator or system: fire scenario event (event)
    SetEndWhenAllDone, // facilitator only: end a phase early once every seat is done (enabled)
    // The speaking queue (DESIGN.md "Speaking turns"): talk at the table, not
    // moves in the game, so allowed in every phase and during a pause.
    RequestTurn, // seat (+ person) asks for the floor; again while waiting: withdraws
    GiveTurn,    // facilitator gives the floor to targetSeat (+ targetPerson), ends the turn on
    EndTurn,     // facilitator, or the speaker's seat, ends the current turn
    // Begrip v2 (core/begrip.hpp): seat (+ person) answers the choice item of
    // kind itemKind about targetRole with option `choice`; at perspectief and
    // reflectie. The values item is Predict.
    AnswerItem,
};
const char* actionTypeId(ActionType type); // "share_value", ...
bool actionTypeFromId(const std::string& id, ActionType& out);

enum class ReactionKind { Support, Object, SupportIf };
enum class VoteKind { Yes, No, JaMits };

// Why a seat reacts or votes as it does: one of its values or preconditions.
struct Reason {
    enum class Kind { None, Value, Precondition };
    Kind kind = Kind::None;
    int index = -1; // value index, or precondition index within the actor's role
};

// A ja-mits condition: an expression the next version of the proposal must
// satisfy, linked to the value or precondition it protects.
struct MitsCondition {
    std::string expression; // source text, in the expression language
    Reason protects;
};

struct Action {
    ActionType type = ActionType::Done;
    int seat = kFacilitator;
    // Who of a team acted: an index into the seat's members (Seat::members).
    // -1 for a seat one person plays, a bot, the facilitator and the clock.
    int person = -1;
    std::int64_t timeMs = 0; // session clock when it happened (pauses excluded)

    int targetRole = -1;
    int value = -1;
    int precondition = -1;
    int question = -1;
    int proposal = -1;
    int event = -1;
    int seconds = 0;
    // GiveTurn: who gets the floor. Not in seat and person, which name who
    // acts, so the rules can tell the facilitator from a player.
    int targetSeat = -1;
    int targetPerson = -1;
    int itemKind = -1;       // AnswerItem: a BegripItemKind (RedLine 1, Interest 2)
    int choice = -1;         // AnswerItem: index into the item's options
    std::vector<int> values; // Predict
    Package package;         // Propose, Amend
    ReactionKind reaction = ReactionKind::Support;
    VoteKind vote = VoteKind::Yes;
    Reason reason;
    std::vector<MitsCondition> conditions; // Vote with JaMits, React with SupportIf
    std::string reasonText; // free text a person typed (Decline, Propose); may be empty
    bool enabled = false;   // SetEndWhenAllDone: switch on (true) or off (false)
};

// Why an action was refused: a catalog key ("refuse.wrong_phase") with
// arguments, plus an English sentence for logs and the command line.
struct Refusal {
    std::string key;
    std::vector<std::string> args;
    std::string english;
};

struct ApplyResult {
    bool accepted = false;
    Refusal refusal; // when !accepted
    explicit operator bool() const { return accepted; }
};

} // namespace samenspel
