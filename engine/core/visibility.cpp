#include "core/visibility.hpp"

#include <algorithm>

namespace samenspel {

namespace {

bool seatOfRole(const Game& game, int seat, int role) {
    return seat >= 0 && seat < game.seatCount() && game.roleOfSeat(seat) == role;
}

} // namespace

bool supportIsPublic(const Game& game, const Proposal& proposal, int role) {
    if (game.state().finished)
        return true;
    for (const Reaction& r : proposal.reactions)
        if (seatOfRole(game, r.seat, role))
            return true;
    for (const CastVote& v : proposal.votes)
        if (seatOfRole(game, v.seat, role))
            return true;
    return false;
}

bool secretIsPublic(const Game& game, int role) {
    const GameState& st = game.state();
    if (st.finished)
        return true;
    return role >= 0 && role < static_cast<int>(st.secretRevealed.size()) &&
           st.secretRevealed[static_cast<std::size_t>(role)];
}

bool preconditionShared(const GameState& state, int role, int precondition) {
    for (const SharedPrecondition& p : state.sharedPreconditions)
        if (p.role == role && p.precondition == precondition)
            return true;
    return false;
}

std::vector<int> valuesShownBy(const GameState& state, int role) {
    std::vector<int> values;
    const auto add = [&](int v) {
        if (v >= 0 && std::find(values.begin(), values.end(), v) == values.end())
            values.push_back(v);
    };
    for (const SharedValue& v : state.sharedValues)
        if (v.role == role)
            add(v.value);
    for (const Question& q : state.questions)
        if (q.targetRole == role && q.status == Question::Status::Answered)
            add(q.answerValue);
    return values;
}

} // namespace samenspel
