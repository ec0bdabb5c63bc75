#pragma once
// What a seat may see of what other roles keep to themselves, as the table's
// rules say it. One place for the rules that the desktop table, the network
// host and the phone's seat view all follow, so no screen shows more than
// another.
#include "core/begrip.hpp"
#include "core/game.hpp"

namespace samenspel {

// A role's support for a proposal is public once a seat of that role reacted
// to it or voted on it (the role showed its hand), and for every role once the
// session is over (not yet at reflectie: players predict the others' values
// again first).
bool supportIsPublic(const Game& game, const Proposal& proposal, int role);

// A role's secret is public once the rules revealed it (an event, reflectie)
// or the session is over.
bool secretIsPublic(const Game& game, int role);

// A role's precondition is public once it was put on the table. One given
// only as a reason is named, but its content stays hidden.
bool preconditionShared(const GameState& state, int role, int precondition);

// The values a role showed in public to matter to it: the shared ones, then
// those revealed in answers.
std::vector<int> valuesShownBy(const GameState& state, int role);

// Begrip v2 (core/begrip.hpp): how many of the items `person` of `seat`
// (Action::person; -1 for a seat one person plays) has not answered yet in the
// current phase. 0 outside perspectief and reflectie.
int unansweredBegripItems(const Game& game, int seat, int person);
// Whether `person` of `seat` answered `item` in the current phase (a
// prediction for a values item, an ItemAnswer for a choice item), and how
// many of `items` are still open. For a copy of the game that holds the
// host's items instead of building them (a player's laptop).
bool begripItemAnswered(const GameState& state, const BegripItem& item, int seat, int person);
int unansweredAmong(const GameState& state, const std::vector<BegripItem>& items, int seat,
                    int person);

// Whether the public board hides the values and preconditions that were
// shared: at perspectief and reflectie, while a seat played by people still
// has a person with unanswered items and is not done, so the answers come
// from what people remember and understood, not from what they can read.
bool boardHidden(const Game& game);

} // namespace samenspel
