#pragma once
// Factories of every screen, one per file in game/screens/. The shell and the
// screens create each other only through these, so no screen includes another.
//
// Owners: title, picker, setup, settings -> "ui"; table, facilitator,
// debrief -> "table". A declaration nobody calls needs no definition yet.
#include <memory>
#include <string>
#include <vector>

#include "app.hpp"
#include "core/plenary.hpp"
#include "core/scenario.hpp"
#include "table_link.hpp"

namespace samenspel {

std::unique_ptr<Screen> makeTitleScreen(App& app);
std::unique_ptr<Screen> makePickerScreen(App& app);
// Seats, language and phase times for `scenario`; starts the session and
// replaces itself with the table screen.
std::unique_ptr<Screen> makeSetupScreen(App& app, std::shared_ptr<const Scenario> scenario);
std::unique_ptr<Screen> makeSettingsScreen(App& app);
// A scenario's teaching note (teaching_note.hpp) in the interface language;
// `scenarioTitle` heads it when the note has no title.
std::unique_ptr<Screen> makeNoteScreen(App& app, const std::string& notePath,
                                       const std::string& scenarioTitle);

// The table of app.link() (must be set). Reaches the facilitator panel and,
// once the session is finished, the debrief itself.
std::unique_ptr<Screen> makeTableScreen(App& app);
// The same table over any link: a player's seat over the network, or the
// host's projector with the facilitator panel beside the board.
std::unique_ptr<Screen> makeTableScreen(App& app, std::shared_ptr<TableLink> link);
// The host's projector with a small QR code under the seats, so that people
// who come late can still join (screens/join_code.hpp).
struct JoinCode;
std::unique_ptr<Screen> makeTableScreen(App& app, std::shared_ptr<TableLink> link,
                                        const JoinCode& join);
// Facilitator panel as its own screen (pushed over the table); optional: the
// table may draw the panel itself instead.
std::unique_ptr<Screen> makeFacilitatorScreen(App& app);
// Debrief of app.link() (finished or not), or of a link's game.
std::unique_ptr<Screen> makeDebriefScreen(App& app);
std::unique_ptr<Screen> makeDebriefScreen(App& app, std::shared_ptr<TableLink> link);

// A room of tables (room_source.hpp): the facilitator's dashboard, which
// hands the room to the shell (App::setRoom) so it runs whatever is on top;
// and one table of it opened on its own, with a way back to the room.
class RoomSource;
std::unique_ptr<Screen> makeRoomDashboardScreen(App& app, std::shared_ptr<RoomSource> room);
std::unique_ptr<Screen> makeRoomTableScreen(App& app, int table, std::shared_ptr<TableLink> link);

// The shell finds screens by their type, not by their names.
bool isTableScreen(const Screen* screen);
bool isDebriefScreen(const Screen* screen);

// The plenary (docs/room.md): tables side by side, who chose what, the
// lowest support per table, the differences to discuss, and a button that
// writes the room report from the tables' logs and opens its folder.
struct PlenaryInput {
    std::vector<PlenaryTable> tables; // core/plenary.hpp: from live Games or archived records
    std::vector<std::string> logs;    // per table, its log (for the room report); "" unknown
    std::shared_ptr<const Scenario> scenario; // names of issues, options, roles; may be null
    bool sessions = false; // archived sessions ("Sessie 12"), not a room's tables ("Tafel 2")
};
// A room's tables from their logs, replayed, numbered 1, 2, ...; empty with
// `error` (the first bad line) when one does not replay.
PlenaryInput plenaryInputFromLogs(const std::vector<std::string>& logs, std::string& error);
std::unique_ptr<Screen> makePlenaryScreen(App& app, PlenaryInput input);
// The archive of finished sessions (docs/archive.md): listed newest first,
// filtered by scenario and group label; several picked open the plenary.
std::unique_ptr<Screen> makePastSessionsScreen(App& app);

// Networked play (docs/network.md). The host screen picks a scenario, shows
// the room how to join, then the projector's table; the join screen connects
// and then shows the table from the player's seat.
std::unique_ptr<Screen> makeHostScreen(App& app);
std::unique_ptr<Screen> makeJoinScreen(App& app);

// What `samenspel play --host FILE ...` sets up: the host screen opens this
// scenario at once (no picking), and with autoplay fills the seats with bots.
struct HostLaunch {
    std::string scenarioFile;
    unsigned short port = 7531; // 0: any free port (the screen prints the one it got)
    std::string code;           // empty: from the seed
    std::string bindAddress = "0.0.0.0";
    bool botsFill = false;   // start at once with bots in every seat nobody took
    int tables = 1;          // a room: this many tables of the scenario (1 to 50)
    int teamSize = 1;        // people who may share one seat as a team (1 to 4)
    bool inStep = false;     // a room's tables move to the next phase together
    int botsAfter = 0;       // >0: start once this many people took a seat, bots in the rest
    double clockSpeed = 1.0; // session ms per real ms (tests and rehearsals)
    // A hosted session's log to resume (Continue, or --log of an existing
    // log): the session comes back with its seats, tokens, code and clock.
    std::string resumeLog;
};
std::unique_ptr<Screen> makeHostScreen(App& app, HostLaunch launch);

// What `samenspel play --join HOST:PORT ...` sets up: the join screen connects
// at once; with autoplay a bot plays the seat through the table's own path.
struct JoinLaunch {
    std::string address; // HOST:PORT
    std::string code;
    std::string name;
    std::string seat; // role id, empty: any free seat
};
std::unique_ptr<Screen> makeJoinScreen(App& app, JoinLaunch launch);

} // namespace samenspel
