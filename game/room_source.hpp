#pragma once
// A room of tables as the facilitator's dashboard reads and drives it
// (screens/room_dashboard.cpp). The dashboard knows nothing else of where
// the tables run, so the same screen shows:
//  - a local room of bot tables (makeLocalRoom: `samenspel play --room-demo`,
//    the GUI test, rehearsing a workshop without a network), and
//  - a hosted room, through a small adapter over net::Host. The structs
//    below mirror net::PersonStatus, net::SeatStatus and net::TableStatus
//    field by field, so that adapter copies them and forwards
//    submitFacilitator / submitFacilitatorToAll / clockMs as they are.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/game.hpp"
#include "i18n.hpp"
#include "table_link.hpp"

namespace samenspel {

struct RoomPerson { // net::PersonStatus
    std::uint64_t id = 0;
    std::string name;
    bool connected = false;
};

struct RoomSeat { // net::SeatStatus
    int seat = -1;
    int role = -1;
    std::string name;
    bool taken = false; // a person holds it (connected or away)
    bool connected = false;
    bool bot = false;
    std::vector<RoomPerson> people; // a team's members; empty for one person or a bot
};

struct RoomTable { // net::TableStatus
    int table = 0;
    bool started = false;
    bool finished = false;
    const Game* game = nullptr; // null until the table started
    std::int64_t clockMs = 0;
    std::int64_t phaseRemainingMs = 0;
    std::vector<RoomSeat> seats;
    std::string logPath;
};

class RoomSource {
  public:
    virtual ~RoomSource() = default;
    virtual int tableCount() const = 0;
    // A copy of what the table is now; its `game` stays valid until the
    // next advance().
    virtual RoomTable table(int t) const = 0;
    // A facilitator's action (pause, extend, advance, an event) at one table.
    virtual ApplyResult submitFacilitator(int t, Action action) = 0;
    // The same action at every table in turn; the results in table order.
    virtual std::vector<ApplyResult> submitFacilitatorToAll(const Action& action);
    // Moves the room on by `realSeconds` (the shell calls it every frame,
    // whichever screen is on top). A hosted room runs itself: nothing to do.
    virtual void advance(double realSeconds) = 0;
    // One table's own board with its facilitator panel, for the table
    // screen; null when the table cannot be shown on its own.
    virtual std::shared_ptr<TableLink> tableLink(int t) = 0;
};

struct LocalRoomOptions {
    int tables = 3;
    std::uint64_t seed = 1; // table t plays seed + t, so the tables differ
    double speed = 1.0;     // session seconds per real second
    std::string language = "nl";
    std::string logDir; // "" = no logs (a rehearsal leaves nothing behind)
};

// A room of `options.tables` tables of bots on this machine, each its own
// LiveSession at human pace. nullptr with `error` when a log cannot be made.
// The tables of the host behind `hostLink` (makeHostLink), which the shell
// polls; null when the link has no host (game/hosted_room.cpp).
std::unique_ptr<RoomSource> makeHostedRoom(std::shared_ptr<TableLink> hostLink);

std::unique_ptr<RoomSource> makeLocalRoom(std::shared_ptr<const Scenario> scenario,
                                          const LocalRoomOptions& options, std::string& error);

// What a table's tile says (screens/room_dashboard.cpp), apart from the
// screen so the tests read it.

// The decided proposal; before a decision, the open proposal whose lowest
// support is highest (the one a room would call "leading"); with none open,
// the most recent one; -1 without proposals.
struct LeadingProposal {
    int proposal = -1;
    double lowest = 0.0;
    int accepting = 0; // roles that would accept it (core/scoring accepts())
};
LeadingProposal leadingProposal(const Game& game);

// Who is at the table: "4 present · 1 away: Anna · 2 bots · 1 empty seat",
// a team's members one by one; empty for a table without seats.
std::string presenceText(const Catalog& catalog, const RoomTable& table);

} // namespace samenspel
