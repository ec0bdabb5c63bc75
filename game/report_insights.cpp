// What the debrief draws from the measurements: the proposal in focus, its
// support, what each role said beside its card (with the learning moments
// where the two differ), the learning goals, and the points for reflection.
#include <algorithm>

#include "report_internal.hpp"

namespace samenspel {

int proposalInFocus(const GameState& state) {
    if (state.decision.taken && state.decision.proposal >= 0 &&
        state.decision.proposal < static_cast<int>(state.proposals.size()))
        return state.decision.proposal;
    return state.proposals.empty() ? -1 : static_cast<int>(state.proposals.size()) - 1;
}

namespace report_detail {

bool roleWasHeard(const Measurements& m, int role) {
    if (role < static_cast<int>(m.roleHeard.size()))
        return m.roleHeard[role];
    return role < static_cast<int>(m.actionsPerRole.size()) && m.actionsPerRole[role] > 0;
}

} // namespace report_detail

using report_detail::roleWasHeard;

std::vector<double> supportInFocus(const Game& game) {
    const GameState& st = game.state();
    const Scenario& sc = game.scenario();
    if (st.decision.taken && st.decision.support.size() == sc.roles.size())
        return st.decision.support;
    std::vector<double> support;
    const int focus = proposalInFocus(st);
    if (focus < 0)
        return support;
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        support.push_back(supportOf(sc, st.world, r, st.proposals[focus].package));
    return support;
}

// [SECTION] Support as stated -------------------------------------------------------

namespace {

const char* stanceKey(Stance stance) {
    switch (stance) {
    case Stance::None:
        return "stance.none";
    case Stance::Support:
        return "stance.support";
    case Stance::SupportIf:
        return "stance.support_if";
    case Stance::Object:
        return "stance.object";
    case Stance::Yes:
        return "stance.yes";
    case Stance::JaMits:
        return "stance.ja_mits";
    case Stance::No:
        return "stance.no";
    }
    return "stance.none";
}

std::string roleNameIn(const Scenario& sc, int role, const std::string& lang) {
    const std::string& n = sc.roles[static_cast<std::size_t>(role)].name.get(lang);
    return n.empty() ? sc.roles[static_cast<std::size_t>(role)].id : n;
}

} // namespace

std::vector<StanceRow> stanceRows(const Game& game) {
    const GameState& st = game.state();
    const Decision& d = st.decision;
    std::vector<StanceRow> rows;
    if (!d.taken || d.proposal < 0 || d.proposal >= static_cast<int>(st.proposals.size()))
        return rows;
    const int roles = static_cast<int>(game.scenario().roles.size());
    for (int r = 0; r < roles && r < static_cast<int>(d.stances.size()) &&
                    r < static_cast<int>(d.accepts.size());
         ++r) {
        const StatedStance& s = d.stances[static_cast<std::size_t>(r)];
        StanceRow row;
        row.role = r;
        row.stance = s.stance;
        row.stanceKey = stanceKey(s.stance);
        if (s.proposal >= 0 && s.proposal != d.proposal)
            row.earlierVersion = proposalNumber(st, s.proposal).version;
        row.acceptsByCard = d.accepts[static_cast<std::size_t>(r)];
        row.gap = stanceGap(s, row.acceptsByCard);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ReflectionPoint> learningMoments(const Game& game, const std::string& lang) {
    std::vector<ReflectionPoint> points;
    for (const StanceRow& row : stanceRows(game)) {
        const std::string name = roleNameIn(game.scenario(), row.role, lang);
        const bool vote = isVoteStance(row.stance);
        switch (row.gap) {
        case StanceGap::AgreedAgainstCard:
            points.push_back({vote ? "report.moment.voted_for" : "report.moment.backed", {name}});
            break;
        case StanceGap::ObjectedAgainstCard:
            points.push_back(
                {vote ? "report.moment.voted_against" : "report.moment.objected", {name}});
            break;
        case StanceGap::SilentAgainstCard:
            points.push_back({"report.moment.silent", {name}});
            break;
        case StanceGap::None:
            break;
        }
    }
    return points;
}

std::string objectingRoles(const Game& game, const std::string& lang) {
    std::string names;
    for (const StanceRow& row : stanceRows(game))
        if (isObjection(row.stance))
            names += (names.empty() ? "" : ", ") + roleNameIn(game.scenario(), row.role, lang);
    return names;
}

std::vector<ReflectionPoint> decisionQuestions(const Game& game) {
    const GameState& st = game.state();
    if (proposalInFocus(st) < 0)
        return {};
    if (st.decision.taken)
        return {{"report.question.problem", {}},
                {"report.question.costs", {}},
                {"report.question.shut_out", {}}};
    return {{"report.question.problem_latest", {}},
            {"report.question.costs_latest", {}},
            {"report.question.shut_out_latest", {}}};
}

std::vector<std::string> learningGoals(const Scenario& scenario, const std::string& lang) {
    std::vector<std::string> goals;
    for (const LocalizedText& goal : scenario.learningGoals)
        if (!goal.get(lang).empty())
            goals.push_back(goal.get(lang));
    return goals;
}

// [SECTION] Points for reflection ----------------------------------------------------

std::vector<ReflectionPoint> reflectionPoints(const Game& game, const std::string& lang) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const Measurements m = game.measure();
    const auto name = [&](const LocalizedText& t, const std::string& id) {
        const std::string& s = t.get(lang);
        return s.empty() ? id : s;
    };
    const auto roleName = [&](int r) { return name(sc.roles[r].name, sc.roles[r].id); };
    const auto seatName = [&](int s) {
        const std::string& n = game.setup().seats[s].name;
        return n.empty() ? roleName(game.setup().seats[s].role) + game.setup().roleSeatSuffix(s)
                         : n;
    };
    std::vector<ReflectionPoint> points;

    // The decision itself first: whether the group reached a gedragen besluit,
    // by the cards and at the table, then where the two differ.
    const int focus = proposalInFocus(st);
    const Decision& d = st.decision;
    if (!d.taken)
        points.push_back({"report.reflect.no_decision", {}});
    else if (d.gedragen && d.gedragenAanTafel)
        points.push_back({"report.reflect.gedragen", {}});
    else if (d.gedragen)
        points.push_back({"report.reflect.gedragen_cards_only", {objectingRoles(game, lang)}});
    else if (d.gedragenAanTafel)
        points.push_back({"report.reflect.gedragen_table_only", {}});
    else
        points.push_back({"report.reflect.not_gedragen", {objectingRoles(game, lang)}});
    for (ReflectionPoint& p : learningMoments(game, lang))
        points.push_back(std::move(p));

    // The role least served by the decision (or the proposal in focus).
    if (focus >= 0 && !sc.roles.empty()) {
        const std::vector<double> support = supportInFocus(game);
        int lowest = 0;
        double lowestSupport = 1e9;
        for (int r = 0; r < static_cast<int>(support.size()); ++r) {
            const double s = support[r];
            if (s < lowestSupport) {
                lowestSupport = s;
                lowest = r;
            }
        }
        points.push_back({"report.reflect.lowest_support",
                          {roleName(lowest), formatNumber(roundSupport(lowestSupport), 1, lang)}});
    }

    // Roles never heard in the dialogue phases.
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r)
        if (!roleWasHeard(m, r))
            points.push_back({"report.reflect.not_heard", {roleName(r)}});

    // The points about what one player did ask the room about a person in
    // it: bots are left out ("what did this player learn?" of a bot is
    // nonsense), and a table of bots only gets none of them.
    const auto person = [&](int s) {
        return s >= 0 && s < game.seatCount() && !game.setup().seats[s].bot;
    };
    int people = 0;
    for (int s = 0; s < game.seatCount(); ++s)
        people += person(s) ? 1 : 0;

    // The usual suspects: a few people took most of the game's public
    // actions, or of the speaking time once speaking turns were given.
    if (m.inclusieBasis == InclusieBasis::SpeakingTime) {
        std::int64_t total = 0;
        int humans = 0;
        const PersonMeasure* busiest = nullptr;
        for (const PersonMeasure& p : m.people) {
            if (p.bot)
                continue;
            ++humans;
            total += p.speakingMs;
            if (!busiest || p.speakingMs > busiest->speakingMs)
                busiest = &p;
        }
        if (total > 0 && humans > 2 && m.inclusie < 0.7 && busiest)
            points.push_back({"report.reflect.usual_suspects_speaking",
                              {busiest->name.empty() ? seatName(busiest->seat) : busiest->name,
                               formatNumber(100.0 * static_cast<double>(busiest->speakingMs) /
                                                static_cast<double>(total),
                                            0, lang),
                               formatNumber(m.inclusie, 2, lang)}});
    } else {
        int total = 0, busiest = -1;
        for (int s = 0; s < static_cast<int>(m.actionsPerSeat.size()); ++s) {
            if (!person(s))
                continue;
            total += m.actionsPerSeat[s];
            if (busiest < 0 || m.actionsPerSeat[s] > m.actionsPerSeat[busiest])
                busiest = s;
        }
        if (total > 0 && people > 2 && m.inclusie < 0.7 && busiest >= 0)
            points.push_back({"report.reflect.usual_suspects",
                              {seatName(busiest),
                               formatNumber(100.0 * m.actionsPerSeat[busiest] / total, 0, lang),
                               formatNumber(m.inclusie, 2, lang)}});
    }

    // Largest begrip gain, and anyone whose understanding went down.
    int bestSeat = -1;
    double bestGain = 0.0;
    for (int s = 0; s < static_cast<int>(m.begrip.size()); ++s) {
        const SeatBegrip& b = m.begrip[s];
        // Over the people who answered both times (SeatBegrip::gain).
        if (!b.gain || !b.before || !b.after || !person(s))
            continue;
        const double gain = *b.gain;
        if (bestSeat < 0 || gain > bestGain) {
            bestSeat = s;
            bestGain = gain;
        }
        if (gain < -1e-9)
            points.push_back({"report.reflect.begrip_down", {seatName(s)}});
    }
    // Begrip v2 is a score corrected for guessing, v1 (an old log) a share.
    const bool v2 = m.begripVersion >= 2;
    const auto begripFigure = [&](double v) {
        return v2 ? formatNumber(v, 2, lang) : formatNumber(100.0 * v, 0, lang);
    };
    if (bestSeat >= 0 && bestGain > 1e-9)
        points.push_back({v2 ? "report.reflect.begrip_gain_v2" : "report.reflect.begrip_gain",
                          {seatName(bestSeat), begripFigure(*m.begrip[bestSeat].before),
                           begripFigure(*m.begrip[bestSeat].after)}});
    else if (bestSeat < 0 && people > 0)
        points.push_back(
            {v2 ? "report.reflect.begrip_unmeasured_v2" : "report.reflect.begrip_unmeasured", {}});

    // Most important values that stayed hidden: one point per role, so a role
    // with two values on top is not said to have two "most important" ones.
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const std::vector<int>& w = st.world.weights[r];
        std::vector<int> top = topValues(w);
        std::vector<std::string> hidden;
        for (int v : top) {
            if (w[v] < 3)
                continue;
            bool shared = false;
            for (const SharedValue& sv : st.sharedValues)
                shared = shared || (sv.role == r && sv.value == v);
            for (const Question& q : st.questions)
                shared = shared || (q.targetRole == r && q.status == Question::Status::Answered &&
                                    q.answerValue == v);
            if (!shared)
                hidden.push_back(name(sc.values[v].name, sc.values[v].id));
        }
        if (hidden.empty())
            continue;
        std::string names = hidden.front();
        for (std::size_t i = 1; i < hidden.size(); ++i)
            names += ", " + hidden[i];
        points.push_back({hidden.size() == 1 ? "report.reflect.value_unshared.one"
                                             : "report.reflect.value_unshared.other",
                          {roleName(r), names}});
    }

    // Questions declined, conditions unmet, events that changed the situation.
    int declined = 0;
    for (const Question& q : st.questions)
        declined += q.status == Question::Status::Declined ? 1 : 0;
    if (declined > 0)
        points.push_back(
            {declined == 1 ? "report.reflect.declined.one" : "report.reflect.declined.other",
             {std::to_string(declined)}});
    if (focus >= 0) {
        int unmet = 0;
        for (const AttachedCondition& ac : st.proposals[focus].conditions)
            unmet += ac.met ? 0 : 1;
        if (unmet > 0)
            points.push_back({unmet == 1 ? "report.reflect.unmet_conditions.one"
                                         : "report.reflect.unmet_conditions.other",
                              {std::to_string(unmet)}});
    }
    for (const Announcement& a : st.announcements) {
        if (a.event < 0 || a.event >= static_cast<int>(sc.events.size()))
            continue;
        const Event& e = sc.events[a.event];
        points.push_back({"report.reflect.event", {e.title.empty() ? e.id : name(e.title, e.id)}});
    }
    // Last, the questions for every decision with conflicting interests.
    for (ReflectionPoint& p : decisionQuestions(game))
        points.push_back(std::move(p));
    return points;
}

} // namespace samenspel
