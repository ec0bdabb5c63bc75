#pragma once
// What a facilitator who walks a room of tables would want to be told, read
// from each table's game and clock (DESIGN.md "A room of tables"): a table
// with no proposal well into the proposal phase, a role that has not spoken in this
// phase, every open proposal held up by the same precondition that nobody
// has put on the table yet, and a table still short of the decision when
// most others have reached it. Pure and deterministic: the same games and
// clocks give the same alerts, in table order.
#include <cstdint>
#include <string>
#include <vector>

#include "core/game.hpp"

namespace samenspel {

// One table as the alerts see it: its game and its session clock (pauses
// excluded; GameState::nowMs only moves when something happens).
struct AlertTable {
    const Game* game = nullptr; // null: the table has not started
    std::int64_t clockMs = 0;
};

struct RoomAlert {
    enum class Kind {
        NoProposal,   // five minutes into voorstel without a proposal
        RoleSilent,   // a role people play did nothing in public this phase
        HiddenBlock,  // every open proposal fails one unshared precondition
        BehindOthers, // no decision yet while most other tables reached theirs
    };
    Kind kind = Kind::NoProposal;
    int table = 0; // index of the table
    int role = -1;
    int precondition = -1;
    // The facilitator's sentence: a catalog key with plural forms chosen by
    // `count` ("key.one" / "key.other", {0}), and {1}, {2}, ... from `args`
    // (the table's number first, then names in the session's language).
    std::string key;
    long long count = 0;
    std::vector<std::string> args;
};

struct AlertTimes {
    std::int64_t noProposalMs = 5 * 60'000; // into the proposal phase
    // A role is silent only after this much of the phase, or half of a
    // shorter phase: the first minutes are for reading and listening.
    std::int64_t silentGraceMs = 4 * 60'000;
};

std::vector<RoomAlert> roomAlerts(const std::vector<AlertTable>& tables, const std::string& lang,
                                  const AlertTimes& times = {});

// Whether the table got as far as its decision: one was taken, or besluit
// is over.
bool reachedDecision(const Game& game);

} // namespace samenspel
