// Support as stated: what each role said about the decided proposal.
#include "core/stance.hpp"

#include "core/game.hpp"

namespace samenspel {

const char* stanceId(Stance stance) {
    switch (stance) {
    case Stance::None:
        return "none";
    case Stance::Support:
        return "support";
    case Stance::SupportIf:
        return "support_if";
    case Stance::Object:
        return "object";
    case Stance::Yes:
        return "yes";
    case Stance::JaMits:
        return "ja_mits";
    case Stance::No:
        return "no";
    }
    return "none";
}

bool isObjection(Stance stance) {
    return stance == Stance::Object || stance == Stance::No;
}

bool isAgreement(Stance stance) {
    return stance == Stance::Support || stance == Stance::SupportIf || stance == Stance::Yes ||
           stance == Stance::JaMits;
}

bool isVoteStance(Stance stance) {
    return stance == Stance::Yes || stance == Stance::JaMits || stance == Stance::No;
}

namespace {

// How much a stance holds back: the larger, the more a role's seats are
// taken to have said together.
int reserve(Stance stance) {
    if (isObjection(stance))
        return 3;
    if (stance == Stance::SupportIf || stance == Stance::JaMits)
        return 2;
    return stance == Stance::None ? 0 : 1;
}

Stance fromReaction(ReactionKind kind) {
    switch (kind) {
    case ReactionKind::Support:
        return Stance::Support;
    case ReactionKind::SupportIf:
        return Stance::SupportIf;
    case ReactionKind::Object:
        return Stance::Object;
    }
    return Stance::None;
}

Stance fromVote(VoteKind kind) {
    switch (kind) {
    case VoteKind::Yes:
        return Stance::Yes;
    case VoteKind::JaMits:
        return Stance::JaMits;
    case VoteKind::No:
        return Stance::No;
    }
    return Stance::None;
}

// One seat: its vote on the decided version, else the last thing it said (a
// vote or a reaction) on any version in the chain that led to it. A version
// supersedes the one it amends, so the chain is also the order of time; `seq`
// orders what was said on one version.
StatedStance seatStance(const GameState& st, int seat, int decided) {
    const int count = static_cast<int>(st.proposals.size());
    const Proposal& top = st.proposals[static_cast<std::size_t>(decided)];
    for (const CastVote& v : top.votes)
        if (v.seat == seat)
            return {fromVote(v.kind), seat, decided, v.reason};
    StatedStance last;
    std::uint64_t lastSeq = 0;
    const auto consider = [&](Stance stance, std::uint64_t seq, int proposal,
                              const Reason& reason) {
        if (last.stance != Stance::None && seq < lastSeq)
            return;
        last = {stance, seat, proposal, reason};
        lastSeq = seq;
    };
    for (int id = decided, steps = 0; id >= 0 && id < count && steps <= count;
         id = st.proposals[static_cast<std::size_t>(id)].parent, ++steps) {
        const Proposal& p = st.proposals[static_cast<std::size_t>(id)];
        for (const Reaction& r : p.reactions)
            if (r.seat == seat)
                consider(fromReaction(r.kind), r.seq, id, r.reason);
        if (id == decided)
            continue;
        for (const CastVote& v : p.votes)
            if (v.seat == seat)
                consider(fromVote(v.kind), v.seq, id, v.reason);
    }
    return last;
}

} // namespace

std::vector<StatedStance> statedStances(const Game& game, int decided) {
    std::vector<StatedStance> out(game.scenario().roles.size());
    const GameState& st = game.state();
    if (decided < 0 || decided >= static_cast<int>(st.proposals.size()))
        return out;
    for (int seat = 0; seat < game.seatCount(); ++seat) {
        const int role = game.roleOfSeat(seat);
        if (role < 0 || role >= static_cast<int>(out.size()))
            continue;
        const StatedStance s = seatStance(st, seat, decided);
        if (reserve(s.stance) > reserve(out[static_cast<std::size_t>(role)].stance))
            out[static_cast<std::size_t>(role)] = s;
    }
    return out;
}

bool noObjectionStands(const std::vector<StatedStance>& stances) {
    for (const StatedStance& s : stances)
        if (isObjection(s.stance))
            return false;
    return true;
}

StanceGap stanceGap(const StatedStance& stated, bool acceptsByCard) {
    if (isAgreement(stated.stance) && !acceptsByCard)
        return StanceGap::AgreedAgainstCard;
    if (isObjection(stated.stance) && acceptsByCard)
        return StanceGap::ObjectedAgainstCard;
    if (stated.stance == Stance::None && !acceptsByCard)
        return StanceGap::SilentAgainstCard;
    return StanceGap::None;
}

} // namespace samenspel
