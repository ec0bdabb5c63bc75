#include "core/room_alerts.hpp"

#include <algorithm>

namespace samenspel {

namespace {

long long wholeMinutes(std::int64_t ms) {
    return static_cast<long long>(std::max<std::int64_t>(0, ms) / 60'000);
}

std::int64_t inPhaseMs(const AlertTable& t) {
    return t.clockMs - t.game->state().phaseStartMs;
}

RoomAlert alert(RoomAlert::Kind kind, int table, std::string key, long long count) {
    RoomAlert a;
    a.kind = kind;
    a.table = table;
    a.key = std::move(key);
    a.count = count;
    a.args.push_back(std::to_string(table + 1));
    return a;
}

void noProposal(const AlertTable& t, int table, const AlertTimes& times,
                std::vector<RoomAlert>& out) {
    const Game& g = *t.game;
    const GameState& st = g.state();
    if (g.currentPhase() != PhaseKind::Voorstel || inPhaseMs(t) < times.noProposalMs)
        return;
    const bool any = std::any_of(st.proposals.begin(), st.proposals.end(),
                                 [&](const Proposal& p) { return p.phase == st.phase; });
    if (!any)
        out.push_back(alert(RoomAlert::Kind::NoProposal, table, "room.alert.no_proposal",
                            wholeMinutes(inPhaseMs(t))));
}

// Phases where every role can speak; in besluit only the council votes.
bool everyRoleCanAct(PhaseKind kind) {
    return kind == PhaseKind::Waarden || kind == PhaseKind::Randvoorwaarden ||
           kind == PhaseKind::Voorstel;
}

void silentRoles(const AlertTable& t, int table, const std::string& lang, const AlertTimes& times,
                 std::vector<RoomAlert>& out) {
    const Game& g = *t.game;
    const GameState& st = g.state();
    if (!everyRoleCanAct(g.currentPhase()) || st.paused)
        return;
    const std::int64_t grace = std::min(times.silentGraceMs, st.phaseDurationMs / 2);
    if (inPhaseMs(t) < grace)
        return;
    const Scenario& sc = g.scenario();
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        bool people = false, acted = false;
        for (int s = 0; s < g.seatCount(); ++s) {
            if (g.roleOfSeat(s) != r || g.setup().seats[static_cast<std::size_t>(s)].bot)
                continue; // a bot cannot be nudged by the facilitator
            people = true;
            const auto& perPhase = st.publicActions[static_cast<std::size_t>(s)];
            acted = acted || (st.phase < static_cast<int>(perPhase.size()) &&
                              perPhase[static_cast<std::size_t>(st.phase)] > 0);
        }
        if (!people || acted)
            continue;
        RoomAlert a = alert(RoomAlert::Kind::RoleSilent, table, "room.alert.role_silent",
                            wholeMinutes(inPhaseMs(t)));
        a.role = r;
        a.args.push_back(sc.roles[static_cast<std::size_t>(r)].name.get(lang));
        out.push_back(std::move(a));
    }
}

bool knownAtTable(const GameState& st, int role, int precondition) {
    for (const SharedPrecondition& s : st.sharedPreconditions)
        if (s.role == role && s.precondition == precondition)
            return true;
    return role < static_cast<int>(st.preconditionCited.size()) &&
           precondition <
               static_cast<int>(st.preconditionCited[static_cast<std::size_t>(role)].size()) &&
           st.preconditionCited[static_cast<std::size_t>(role)]
                               [static_cast<std::size_t>(precondition)];
}

void hiddenBlocks(const AlertTable& t, int table, const std::string& lang,
                  std::vector<RoomAlert>& out) {
    const Game& g = *t.game;
    const GameState& st = g.state();
    const Scenario& sc = g.scenario();
    std::vector<const Proposal*> open;
    for (const Proposal& p : st.proposals)
        if (p.status == Proposal::Status::Open)
            open.push_back(&p);
    if (open.empty())
        return;
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const Role& role = sc.roles[static_cast<std::size_t>(r)];
        for (int i = 0; i < static_cast<int>(role.preconditions.size()); ++i) {
            if (knownAtTable(st, r, i))
                continue;
            const bool blocksAll = std::all_of(open.begin(), open.end(), [&](const Proposal* p) {
                return !preconditionHolds(sc, st.world, r, i, p->package);
            });
            if (!blocksAll)
                continue;
            RoomAlert a = alert(RoomAlert::Kind::HiddenBlock, table, "room.alert.hidden_block",
                                static_cast<long long>(open.size()));
            a.role = r;
            a.precondition = i;
            a.args.push_back(role.name.get(lang));
            a.args.push_back(role.preconditions[static_cast<std::size_t>(i)].name.get(lang));
            out.push_back(std::move(a));
        }
    }
}

void behindOthers(const std::vector<AlertTable>& tables, int table, std::vector<RoomAlert>& out) {
    if (reachedDecision(*tables[static_cast<std::size_t>(table)].game))
        return;
    int others = 0, reached = 0;
    for (int o = 0; o < static_cast<int>(tables.size()); ++o) {
        if (o == table || !tables[static_cast<std::size_t>(o)].game)
            continue;
        ++others;
        reached += reachedDecision(*tables[static_cast<std::size_t>(o)].game) ? 1 : 0;
    }
    if (others == 0 || 2 * reached <= others)
        return;
    RoomAlert a = alert(RoomAlert::Kind::BehindOthers, table, "room.alert.behind", reached);
    a.args.push_back(std::to_string(others));
    out.push_back(std::move(a));
}

} // namespace

bool reachedDecision(const Game& game) {
    const GameState& st = game.state();
    if (st.decision.taken || st.finished)
        return true;
    for (int ph = 0; ph < st.phase; ++ph)
        if (game.phaseKindAt(ph) == PhaseKind::Besluit)
            return true;
    return false;
}

std::vector<RoomAlert> roomAlerts(const std::vector<AlertTable>& tables, const std::string& lang,
                                  const AlertTimes& times) {
    std::vector<RoomAlert> out;
    for (int t = 0; t < static_cast<int>(tables.size()); ++t) {
        const AlertTable& table = tables[static_cast<std::size_t>(t)];
        if (!table.game || table.game->state().finished)
            continue;
        noProposal(table, t, times, out);
        silentRoles(table, t, lang, times, out);
        hiddenBlocks(table, t, lang, out);
        behindOthers(tables, t, out);
    }
    return out;
}

} // namespace samenspel
