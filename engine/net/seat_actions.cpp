// The view's `can`: for every kind of action a seat could take, a candidate
// the page could send, kept only when Game::check accepts it. The page offers
// exactly these, so it never shows a button the host would refuse, and the
// rules stay in one place.
#include "net/seat_view.hpp"

#include "core/begrip.hpp"

namespace samenspel::net {

namespace {

struct Candidates {
    const Game& game;
    const Scenario& sc;
    const GameState& st;
    int seat;
    int role;

    Action make(ActionType type) const {
        Action a;
        a.type = type;
        a.seat = seat;
        a.timeMs = st.nowMs;
        return a;
    }
    bool accepted(const Action& a) const { return game.check(a).accepted; }

    int weight(int value) const {
        return st.world.weights[static_cast<std::size_t>(role)][static_cast<std::size_t>(value)];
    }
    // A value of the own role to give as an answer or a reason, or -1.
    int someOwnValue() const {
        for (int v = 0; v < static_cast<int>(sc.values.size()); ++v)
            if (weight(v) > 0)
                return v;
        return -1;
    }
    Reason someReason() const {
        Reason r;
        if (const int v = someOwnValue(); v >= 0) {
            r.kind = Reason::Kind::Value;
            r.index = v;
        } else if (!sc.roles[static_cast<std::size_t>(role)].preconditions.empty()) {
            r.kind = Reason::Kind::Precondition;
            r.index = 0;
        }
        return r;
    }

    void shareValues(SeatActions& out) const {
        for (int v = 0; v < static_cast<int>(sc.values.size()); ++v) {
            Action a = make(ActionType::ShareValue);
            a.value = v;
            if (accepted(a))
                out.shareValue.push_back(v);
        }
    }

    // An open question, or one about a value when the open one is pending.
    void ask(SeatActions& out) const {
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
            Action a = make(ActionType::Ask);
            a.targetRole = r;
            const ApplyResult open = game.check(a);
            bool ok = open.accepted;
            if (!ok && open.refusal.key == "refuse.question_already_open")
                for (int v = 0; v < static_cast<int>(sc.values.size()) && !ok; ++v) {
                    a.value = v;
                    ok = accepted(a);
                }
            if (ok)
                out.ask.push_back(r);
        }
    }

    void answerAndDecline(SeatActions& out) const {
        for (const Question& q : st.questions) {
            if (q.status != Question::Status::Open || q.targetRole != role)
                continue;
            Action answer = make(ActionType::Answer);
            answer.question = q.id;
            answer.value = q.value >= 0 ? q.value : someOwnValue();
            if (accepted(answer))
                out.answer.push_back(q.id);
            Action decline = make(ActionType::Decline);
            decline.question = q.id;
            decline.reasonText = "-";
            if (accepted(decline))
                out.decline.push_back(q.id);
        }
    }

    void sharePreconditions(SeatActions& out) const {
        const auto& own = sc.roles[static_cast<std::size_t>(role)].preconditions;
        for (int k = 0; k < static_cast<int>(own.size()); ++k) {
            Action a = make(ActionType::SharePrecondition);
            a.precondition = k;
            if (accepted(a))
                out.sharePrecondition.push_back(k);
        }
    }

    void predict(SeatActions& out) const {
        if (sc.values.empty())
            return;
        for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
            Action a = make(ActionType::Predict);
            a.targetRole = r;
            a.values = {0};
            if (accepted(a))
                out.predict.push_back(r);
        }
    }

    // Every begrip choice item this person may answer now (any option will
    // do as the candidate: the rules check the item, not the answer).
    void answerItems(SeatActions& out, int person) const {
        for (const BegripItem& item : begripItems(sc, st.world, role)) {
            if (item.kind == BegripItemKind::Values)
                continue;
            Action a = make(ActionType::AnswerItem);
            a.person = person;
            a.targetRole = item.targetRole;
            a.itemKind = static_cast<int>(item.kind);
            a.choice = 0;
            if (accepted(a))
                out.answerItem.emplace_back(item.targetRole, a.itemKind);
        }
    }

    // The proposal as it is (allowed when it came back for amendment), else
    // the first version with one other available option.
    bool amendable(const Proposal& p) const {
        Action a = make(ActionType::Amend);
        a.proposal = p.id;
        a.package = p.package;
        const ApplyResult same = game.check(a);
        if (same.accepted)
            return true;
        if (same.refusal.key != "refuse.amend_unchanged")
            return false;
        for (std::size_t i = 0; i < p.package.size() && i < st.world.optionEnabled.size(); ++i) {
            const std::vector<bool>& enabled = st.world.optionEnabled[i];
            for (std::size_t o = 0; o < enabled.size(); ++o) {
                if (!enabled[o] || static_cast<int>(o) == p.package[i])
                    continue;
                a.package = p.package;
                a.package[i] = static_cast<int>(o);
                if (accepted(a))
                    return true;
            }
        }
        return false;
    }

    void proposals(SeatActions& out) const {
        Action propose = make(ActionType::Propose);
        propose.package = game.defaultPackage();
        out.propose = accepted(propose);
        const Reason reason = someReason();
        for (const Proposal& p : st.proposals) {
            if (p.status != Proposal::Status::Open &&
                p.status != Proposal::Status::BackForAmendment)
                continue;
            if (amendable(p))
                out.amend.push_back(p.id);
            Action react = make(ActionType::React);
            react.proposal = p.id;
            react.reaction = ReactionKind::Support;
            react.reason = reason;
            if (accepted(react))
                out.react.push_back(p.id);
        }
        const int onTable = game.proposalOnTable();
        if (onTable >= 0 && game.isVoter(seat)) {
            Action vote = make(ActionType::Vote);
            vote.proposal = onTable;
            vote.vote = VoteKind::Yes;
            if (accepted(vote))
                out.vote = onTable;
        }
    }
};

} // namespace

SeatActions allowedActions(const Game& game, int seat, int person) {
    SeatActions out;
    const GameState& st = game.state();
    if (seat < 0 || seat >= game.seatCount() || st.finished)
        return out; // the rules refuse every seat action then
    const int role = game.roleOfSeat(seat);
    if (role < 0 || role >= static_cast<int>(game.scenario().roles.size()))
        return out;
    const Candidates c{game, game.scenario(), st, seat, role};
    // Talk goes on during a pause: the queue's actions are allowed then.
    Action turn = c.make(ActionType::RequestTurn);
    turn.person = person;
    out.requestTurn = c.accepted(turn);
    turn.type = ActionType::EndTurn;
    out.endTurn = st.hasFloor(seat, person) && c.accepted(turn);
    if (st.paused)
        return out;
    c.shareValues(out);
    c.ask(out);
    c.answerAndDecline(out);
    c.sharePreconditions(out);
    c.predict(out);
    c.answerItems(out, person);
    c.proposals(out);
    out.done = c.accepted(c.make(ActionType::Done));
    return out;
}

} // namespace samenspel::net
