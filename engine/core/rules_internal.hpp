#pragma once
// Internal to the rules engine (game.cpp and rules_*.cpp): the functions that
// check and carry out actions. They reach into Game's state, which is why they
// live in one friend struct instead of Game's public interface.
#include <initializer_list>
#include <string>

#include "core/game.hpp"

namespace samenspel {

struct Rules {
    // rules_check.cpp: validation only, never changes anything.
    static ApplyResult check(const Game& g, const Action& a);

    // rules_apply.cpp: carries out an action that check() accepted.
    static void execute(Game& g, const Action& a);
    static void startPhase(Game& g, int phase);
    static void advancePhase(Game& g);
    static void fireEvent(Game& g, int event);
    static void checkConditionEvents(Game& g);
    static void resolveVote(Game& g, int proposal);

    // rules_turns.cpp: the speaking queue, apart from the game's phases.
    static bool isTurnAction(ActionType type);
    static ApplyResult checkTurn(const Game& g, const Action& a);
    static void executeTurn(Game& g, const Action& a);
    static void endFloor(GameState& st); // ends the turn going on, at st.nowMs

    // Shared helpers.
    static int roleOf(const Game& g, int seat);     // -1 for an invalid seat or role
    static int teamSizeOf(const Game& g, int seat); // members of a team seat; 0 otherwise
    static int voteWeight(const Game& g, int seat);
    // Whether every mits condition holds for `package` with the world of now;
    // an unparsable condition does not hold.
    static bool conditionHolds(const Game& g, const MitsCondition& c, const Package& package);
};

// A refusal with its catalog key, arguments and English sentence; the English
// text is only built here, on the refusing path.
ApplyResult refuse(const char* key, std::initializer_list<std::string> args = {});

} // namespace samenspel
