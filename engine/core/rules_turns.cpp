// The speaking queue (DESIGN.md "Speaking turns"): who asks for the floor, who
// has it and for how long. Talk at the table rather than moves in the game, so
// these actions are allowed in every phase and during a pause; the session
// clock stands still in a pause, so a turn's length leaves the pause out.
#include <algorithm>
#include <string>

#include "core/rules_internal.hpp"

namespace samenspel {

namespace {

const ApplyResult kAccepted{true, {}};

// Whether seat + person is someone who can take the floor: a person at the
// table (a team's member named), never a bot.
ApplyResult speaker(const Game& g, int seat, int person) {
    if (Rules::roleOf(g, seat) < 0)
        return refuse("refuse.unknown_seat", {std::to_string(seat)});
    const int teamSize = Rules::teamSizeOf(g, seat);
    if (person != -1 && (person < 0 || person >= teamSize))
        return refuse("refuse.unknown_person", {std::to_string(person)});
    if (g.setup().seats[static_cast<std::size_t>(seat)].bot)
        return refuse("refuse.turn_bot");
    // Speaking time is measured per person: a team's seat alone is nobody.
    if (teamSize > 0 && person < 0)
        return refuse("refuse.turn_person_required");
    return kAccepted;
}

} // namespace

bool Rules::isTurnAction(ActionType type) {
    return type == ActionType::RequestTurn || type == ActionType::GiveTurn ||
           type == ActionType::EndTurn;
}

ApplyResult Rules::checkTurn(const Game& g, const Action& a) {
    const GameState& st = g.state_;
    switch (a.type) {
    case ActionType::RequestTurn: {
        if (a.seat == kFacilitator || a.seat == kSystem)
            return refuse("refuse.seat_only", {actionTypeId(a.type)});
        if (ApplyResult r = speaker(g, a.seat, a.person); !r)
            return r;
        return st.hasFloor(a.seat, a.person) ? refuse("refuse.turn_already_speaking") : kAccepted;
    }
    case ActionType::GiveTurn: {
        if (a.seat != kFacilitator)
            return refuse("refuse.facilitator_only", {actionTypeId(a.type)});
        if (ApplyResult r = speaker(g, a.targetSeat, a.targetPerson); !r)
            return r;
        return st.hasFloor(a.targetSeat, a.targetPerson) ? refuse("refuse.turn_already_speaking")
                                                         : kAccepted;
    }
    case ActionType::EndTurn:
        if (a.seat != kFacilitator && a.seat != kSystem) {
            if (roleOf(g, a.seat) < 0)
                return refuse("refuse.unknown_seat", {std::to_string(a.seat)});
            if (a.person != -1 && (a.person < 0 || a.person >= teamSizeOf(g, a.seat)))
                return refuse("refuse.unknown_person", {std::to_string(a.person)});
        }
        if (!st.floor)
            return refuse("refuse.no_turn");
        // Any member of the speaker's seat may say the turn is over: a team
        // shares one screen or sits together.
        if (a.seat == kFacilitator || a.seat == st.floor->seat)
            return kAccepted;
        return refuse("refuse.not_your_turn");
    default:
        return refuse("refuse.facilitator_only", {actionTypeId(a.type)});
    }
}

void Rules::endFloor(GameState& st) {
    if (!st.floor)
        return;
    st.floor->endMs = std::max(st.nowMs, st.floor->startMs);
    st.turns.push_back(*st.floor);
    st.floor.reset();
}

void Rules::executeTurn(Game& g, const Action& a) {
    GameState& st = g.state_;
    auto& queue = st.speakingQueue;
    auto leaveQueue = [&](int seat, int person) {
        queue.erase(std::remove_if(
                        queue.begin(), queue.end(),
                        [&](const TurnRequest& t) { return t.seat == seat && t.person == person; }),
                    queue.end());
    };
    switch (a.type) {
    case ActionType::RequestTurn:
        if (st.queuePosition(a.seat, a.person) > 0)
            leaveQueue(a.seat, a.person);
        else
            queue.push_back({a.seat, a.person, st.nowMs});
        break;
    case ActionType::GiveTurn:
        endFloor(st);
        leaveQueue(a.targetSeat, a.targetPerson);
        st.floor = SpeakingTurn{a.targetSeat, a.targetPerson, st.nowMs, -1};
        break;
    case ActionType::EndTurn:
        endFloor(st);
        break;
    default:
        break;
    }
}

} // namespace samenspel
