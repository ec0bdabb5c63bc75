#pragma once
// What the host sends a phone (docs/web_client.md): the `view` of one seat,
// the part of the session that seat may see, already redacted and in the
// connection's language, with the actions the rules accept from it now; and
// the `lobby` a phone sees before it takes a seat. Pure functions of the game
// and of what the host knows beside it (who is connected, the report link),
// so every rule of what a seat may see is tested without a network.
//
// What a seat never gets (docs/network.md, "Hidden information"): another
// role's weights and reservation; its secret until an event or the end
// reveals it; its preconditions until put on the table (one given only as a
// reason shows as its index); another seat's predictions; a role's support for
// a proposal before a seat of that role reacted to it or voted on it
// (core/visibility.hpp).
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/game.hpp"
#include "net/host.hpp" // SeatStatus

namespace samenspel::net {

// The text of a catalog key in the view's language (WebCatalog::text), ""
// when the catalog lacks it.
using TextLookup = std::function<std::string(const std::string& key)>;

// What the game does not know and the host does.
struct SeatViewContext {
    // Per seat, as Host::seats(): names and who is connected. Empty: names
    // from the session setup, and only bots count as present.
    std::vector<SeatStatus> seats;
    std::string reportLink;  // the session report once written ("" = none)
    std::int64_t nowMs = -1; // the host's session clock; -1: the game's last action time
    TextLookup text;         // the web catalog of the view's language (phase names, conditions)
    // Which member of a team seat the phone is (Action::person), -1 for a
    // seat one person plays: the speaking queue is per person.
    int person = -1;
    // The facilitator turned plain language on: scenario texts in plain
    // language where the scenario has them (the others as written).
    bool plainLanguage = false;
};

// The `view` message for `seat` in `lang`.
std::string seatViewJson(const Game& game, int seat, const std::string& lang,
                         const SeatViewContext& ctx);

// The `lobby` answer: the case and the seats by role name, free or taken, and
// the language the session is played in (a page that nobody set follows it).
// A room of more than one table (or of teams): what the lobby adds.
struct LobbyRoom {
    int tables = 1;
    int teamSize = 1;
    int table = -1; // the table whose seats the lobby lists (-1: none, the person waits)
    bool waiting = false;
    // Per table, per role: the places still free (a team's places count).
    std::vector<std::vector<int>> freeByRole;
};

std::string lobbyJson(const Scenario& scenario, const std::vector<SeatStatus>& seats, bool started,
                      const std::string& lang, const std::string& sessionLang = "",
                      const LobbyRoom* room = nullptr);

// What the rules accept from a seat now (the view's `can`): every entry was
// checked with Game::check on a candidate action.
struct SeatActions {
    std::vector<int> shareValue;        // values
    std::vector<int> ask;               // roles
    std::vector<int> answer;            // questions
    std::vector<int> decline;           // questions
    std::vector<int> sharePrecondition; // own preconditions
    std::vector<int> predict;           // roles
    // Begrip v2 choice items (AnswerItem): (target role, BegripItemKind).
    std::vector<std::pair<int, int>> answerItem;
    bool propose = false;
    std::vector<int> amend; // proposals
    std::vector<int> react; // proposals
    int vote = -1;          // the proposal to vote on
    bool done = false;
    // The speaking queue, for `person` of the seat: ask (or, when waiting,
    // withdraw) and end the own turn. Also while paused.
    bool requestTurn = false;
    bool endTurn = false;
};
// `person`: the team member (Action::person), -1 for a seat one person plays.
SeatActions allowedActions(const Game& game, int seat, int person = -1);

} // namespace samenspel::net
