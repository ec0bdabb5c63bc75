#include "core/visibility.hpp"

#include <algorithm>

#include "core/begrip.hpp"

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

bool begripItemAnswered(const GameState& st, const BegripItem& item, int seat, int person) {
    if (item.kind == BegripItemKind::Values)
        return std::any_of(st.predictions.begin(), st.predictions.end(), [&](const Prediction& p) {
            return p.seat == seat && p.person == person && p.phase == st.phase &&
                   p.targetRole == item.targetRole;
        });
    return std::any_of(st.itemAnswers.begin(), st.itemAnswers.end(), [&](const ItemAnswer& a) {
        return a.seat == seat && a.person == person && a.phase == st.phase &&
               a.targetRole == item.targetRole && a.kind == static_cast<int>(item.kind);
    });
}

int unansweredAmong(const GameState& st, const std::vector<BegripItem>& items, int seat,
                    int person) {
    return static_cast<int>(std::count_if(items.begin(), items.end(), [&](const BegripItem& item) {
        return !begripItemAnswered(st, item, seat, person);
    }));
}

int unansweredBegripItems(const Game& game, int seat, int person) {
    const PhaseKind phase = game.currentPhase();
    const GameState& st = game.state();
    if (st.finished || seat < 0 || seat >= game.seatCount() ||
        (phase != PhaseKind::Perspectief && phase != PhaseKind::Reflectie))
        return 0;
    return unansweredAmong(st, begripItems(game.scenario(), st.world, game.roleOfSeat(seat)), seat,
                           person);
}

bool boardHidden(const Game& game) {
    const GameState& st = game.state();
    for (int s = 0; s < game.seatCount(); ++s) {
        const Seat& seat = game.setup().seats[static_cast<std::size_t>(s)];
        if (seat.bot || (static_cast<std::size_t>(s) < st.done.size() && st.done[s]))
            continue;
        if (seat.members.empty()) {
            if (unansweredBegripItems(game, s, -1) > 0)
                return true;
            continue;
        }
        for (std::size_t k = 0; k < seat.members.size(); ++k)
            if (unansweredBegripItems(game, s, static_cast<int>(k)) > 0)
                return true;
    }
    return false;
}

} // namespace samenspel
