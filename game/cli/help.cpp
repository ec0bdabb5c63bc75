#include "cli/commands.hpp"

namespace samenspel::cli {

std::string helpText() {
    return R"(Samenspel - a deliberation game: residents, officials and council members
negotiate toward a decision every party can carry (een gedragen besluit).

Usage:
  samenspel [--scenario FILE] [--lang nl|en]
                                   start the game (title screen)
  samenspel play --scenario FILE --autoplay --seed S --screenshots DIR [--lang nl|en]
                                   play a whole session with bots at speed, saving
                                   a screenshot of every phase and the debrief
  samenspel play --host FILE [--port P] [--code C] [--bind ADDR] [--bots-fill]
                                   host a session in the window: join screen for the
                                   projector, then its table and facilitator panel
  samenspel play --join HOST:PORT --code C [--name N] [--seat ROLE]
                                   join a hosted session in the window: the table
                                   from your own seat
                                   (both with --autoplay: bots play, a screenshot per
                                   phase and of the debrief, exit 0; --port 0 picks a
                                   free port and prints "hosting: port=P code=C log=L")
  samenspel validate FILE...       check scenarios; errors as FILE:LINE:COL: error: ...
  samenspel replay LOG [--scenario FILE] [--json]
                                   rebuild a session from its log, print the measurements
  samenspel simulate FILE --games N --seed S [--json] [--bots SPEC]
                                   play N sessions with bots in every seat
  samenspel simulate FILE --calibrate [--json] [--games N] [--seed S]
                                   check begrip v2: random guesses score 0, answers
                                   from the role cards 1
  samenspel analyze FILE [--json]  the decision space of a scenario, for authors
  samenspel bench                  speed figures of analysis and simulation
  samenspel host FILE --port P [--code C] [--headless] [--bots-fill] [--log PATH]
                 [--players N] [--bind ADDR] [--max-seconds T] [--seed S] [--mute]
                 [--group LABEL]
                                   host a session on the local network (an existing
                                   --log is resumed)
  samenspel join HOST:PORT --code C [--name N] [--seat ROLE] [--bot]
                                   join a hosted session
  samenspel archive list|show N|compare N N...|export --csv|rebuild [--json]
                                   the archive of every finished session: list,
                                   show, compare, export for a spreadsheet, rebuild
                                   from the logs (samenspel archive --help)
  samenspel room-report LOG... [--out FILE] [--lang nl|en]
                                   the plenary of a room's tables (one log each) as
                                   one HTML report, with each table's own report
  samenspel print FILE [--lang nl|en] [--out PATH]
                                   the scenario on paper: one role card per page, the
                                   case sheet, the facilitator's sheet, the teaching
                                   note (docs/scenarios/ID.md) and a decision form as
                                   one HTML file to print (default ID-kaarten.html /
                                   ID-cards.html)
  samenspel --help | --version

Exit codes: 0 ok, 1 failure, 2 invalid input or usage, 3 time limit reached.
)";
}

} // namespace samenspel::cli
