#pragma once
// The debrief's tabs, one file per seam; debrief.cpp holds the screen (its
// header, the tab bar and the export) and calls these:
//   debrief_overview.cpp  learning goals, the decision, what each role said, support
//   debrief_measures.cpp  begrip and inclusie
//   debrief_story.cpp     the role cards, how the proposal changed, reflection
// Each reads the game and its measurements and draws into the debrief's window.
#include <string>

#include "core/game.hpp"
#include "screens/screens.hpp"
#include "screens/table_view.hpp"

namespace samenspel::debrief {

// A seat with its role, and "bot" after a bot's, so the room never mistakes
// a bot's numbers for a person's.
std::string seatLabel(const App& app, const Game& game, int seat);

void overview(App& app, const Game& game, const Measurements& m);
void begrip(App& app, const Game& game, const Measurements& m);
void inclusie(App& app, const Game& game, const Measurements& m);
void roleCards(App& app, const Game& game, const Measurements& m);
void history(App& app, const Game& game, const Measurements& m);
void reflection(App& app, const Game& game, const Measurements& m);

} // namespace samenspel::debrief
