#pragma once
// Support as people stated it (DESIGN.md "Support as stated"), beside the
// support the role cards compute. A role's stated stance on the decided
// proposal is what its seats said at the table: a vote on the decided version
// first, else the last vote or reaction on any version that led to it, else
// nothing. A decision is *gedragen aan tafel* when no role's stance is an
// objection that was left standing.
#include <cstdint>
#include <vector>

#include "core/action.hpp"

namespace samenspel {

class Game;

enum class Stance { None, Support, SupportIf, Object, Yes, JaMits, No };
// "none", "support", "support_if", "object", "yes", "ja_mits", "no"
const char* stanceId(Stance stance);
bool isObjection(Stance stance); // object, or a no vote
bool isAgreement(Stance stance); // support, support-if, yes, ja-mits
bool isVoteStance(Stance stance);

struct StatedStance {
    Stance stance = Stance::None;
    int seat = -1;     // the seat that said it; -1 when the role said nothing
    int proposal = -1; // the version it was said about; -1 when nothing
    Reason reason;     // the value or precondition it gave
};

// Every role's stated stance on proposal `decided` (an index into the
// proposals), through the chain of versions that led to it. With several
// seats for one role, the most reserved of their stances is the role's
// (an objection before a conditional yes before a yes before nothing), so
// one seat's standing objection is never hidden by another's yes.
std::vector<StatedStance> statedStances(const Game& game, int decided);

// No stance in `stances` is an objection.
bool noObjectionStands(const std::vector<StatedStance>& stances);

// Where what a role said and what its card says differ: the learning moments.
enum class StanceGap {
    None,
    AgreedAgainstCard,   // said yes (or yes, provided that) while the card cannot accept
    ObjectedAgainstCard, // objected or voted no while the card accepts
    SilentAgainstCard,   // said nothing while the card cannot accept
};
StanceGap stanceGap(const StatedStance& stated, bool acceptsByCard);

} // namespace samenspel
