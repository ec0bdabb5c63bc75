// The sections of the HTML report, one function each, in document order.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/chart_layout.hpp"
#include "report_internal.hpp"

namespace samenspel::report_detail {

namespace {

std::string badge(bool good, const std::string& text) {
    return std::string("<span class=\"badge ") + (good ? "ok" : "bad") + "\">" +
           (good ? "✓ " : "✗ ") + htmlEscape(text) + "</span>";
}

void sectionHeader(const Ctx& c, const ReportOptions& o, std::ostringstream& out) {
    const std::string title = c.text(c.sc.title).empty() ? c.sc.id : c.text(c.sc.title);
    out << "<header><h1>" << htmlEscape(title) << "</h1>";
    out << "<p class=\"sub\">" << c.h("report.subtitle") << " · " << htmlEscape(o.date) << " · ";
    // The stage by its name ("Ontwerpen"), never its id.
    if (!c.sc.stage.empty())
        out << c.h("report.stage") << ": " << c.h("ui.stage." + c.sc.stage) << " · ";
    // Outcomes of two editions of a case are not comparable: name the one played.
    if (c.sc.version > 0)
        out << c.h("report.scenario_version", {std::to_string(c.sc.version)}) << " · ";
    out << c.h("report.session_minutes", {c.minutes(c.st.nowMs)}) << "</p>";
    if (!c.text(c.sc.summary).empty())
        out << "<p class=\"lead\">" << htmlEscape(c.text(c.sc.summary)) << "</p>";
    out << "<h3>" << c.h("report.players") << "</h3><table><tr><th>" << c.h("report.player")
        << "</th><th>" << c.h("report.role") << "</th><th></th></tr>";
    for (int s = 0; s < c.game.seatCount(); ++s) {
        const Seat& seat = c.game.setup().seats[s];
        out << "<tr><td>" << htmlEscape(c.seatName(s)) << "</td><td>"
            << htmlEscape(c.roleName(seat.role)) << "</td><td class=\"muted\">"
            << (seat.bot ? c.h("report.bot") : "") << "</td></tr>";
    }
    out << "</table>";
    out << "</header>";
}

void packageTable(const Ctx& c, const Package& p, const Package* previous,
                  std::ostringstream& out) {
    out << "<table><tr><th>" << c.h("report.issue") << "</th><th>" << c.h("report.option")
        << "</th></tr>";
    for (int i = 0; i < static_cast<int>(c.sc.issues.size()) && i < static_cast<int>(p.size());
         ++i) {
        const bool changed =
            previous && i < static_cast<int>(previous->size()) && (*previous)[i] != p[i];
        out << "<tr><td>" << htmlEscape(c.text(c.sc.issues[i].name)) << "</td><td"
            << (changed ? " class=\"changed\"" : "") << ">" << htmlEscape(c.optionName(i, p[i]))
            << "</td></tr>";
    }
    const std::vector<double> totals = attributeTotals(c.sc, p);
    for (int a = 0;
         a < static_cast<int>(c.sc.attributes.size()) && a < static_cast<int>(totals.size()); ++a) {
        const Attribute& attr = c.sc.attributes[a];
        out << "<tr><td class=\"muted\">"
            << htmlEscape(attr.name.empty() ? attr.id : c.text(attr.name)) << "</td><td>"
            << htmlEscape(formatQuantity(totals[a], attr.unit, c.lang)) << "</td></tr>";
    }
    out << "</table>";
}

void conditionList(const Ctx& c, const Proposal& p, std::ostringstream& out) {
    if (p.conditions.empty())
        return;
    out << "<h3>" << c.h("report.conditions") << "</h3><ul>";
    for (const AttachedCondition& ac : p.conditions) {
        out << "<li>" << badge(ac.met, c.t(ac.met ? "report.met" : "report.unmet")) << " "
            << htmlEscape(c.condition(ac.condition.expression)) << " — "
            << c.h("report.condition_from", {c.seatWithRole(ac.fromSeat)});
        const std::string protects = c.reasonText(ac.fromSeat, ac.condition.protects);
        if (!protects.empty())
            out << " · " << c.h("report.protects", {protects});
        out << "</li>";
    }
    out << "</ul>";
}

void stanceTable(const Ctx& c, std::ostringstream& out);

// The scenario's learning goals open the report: what the session was for.
void sectionGoals(const Ctx& c, std::ostringstream& out) {
    const std::vector<std::string> goals = learningGoals(c.sc, c.lang);
    if (goals.empty())
        return;
    out << "<section class=\"goals\"><h2>" << c.h("report.learning_goals") << "</h2><ul>";
    for (const std::string& goal : goals)
        out << "<li>" << htmlEscape(goal) << "</li>";
    out << "</ul></section>";
}

void sectionDecision(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.decision") << "</h2>";
    const int focus = proposalInFocus(c.st);
    const Decision& d = c.st.decision;
    if (d.taken) {
        // Both kinds of gedragen, side by side (DESIGN.md "Support as stated").
        const bool everyone = c.sc.rule == DecisionRule::Consensus;
        out << "<p class=\"lead\">"
            << c.h(everyone ? "report.decision_taken_everyone" : "report.decision_taken",
                   {c.proposalRef(d.proposal)})
            << "</p><p>"
            << badge(d.gedragen, c.t(d.gedragen ? "report.gedragen" : "report.not_gedragen")) << " "
            << badge(d.gedragenAanTafel, d.gedragenAanTafel ? c.t("report.gedragen_aan_tafel")
                                                            : c.t("report.not_gedragen_aan_tafel",
                                                                  {objectingRoles(c.game, c.lang)}))
            << "</p>";
    } else {
        out << "<p class=\"lead\">" << c.h("report.no_decision") << "</p>";
    }
    if (focus < 0) {
        out << "<p>" << c.h("report.no_proposals") << "</p></section>";
        return;
    }
    const Proposal& p = c.st.proposals[focus];
    if (!d.taken)
        out << "<p>" << c.h("report.focus_latest", {c.proposalRef(p.id)}) << "</p>";
    packageTable(c, p.package, nullptr, out);
    conditionList(c, p, out);
    const Draagvlak dv = d.taken ? d.draagvlak : draagvlak(c.sc, c.st.world, p.package);
    out << "<table><tr><th>" << c.h("report.draagvlak_min") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(dv.minimum)) << "</td></tr><tr><th>"
        << c.h("report.draagvlak_mean") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(dv.mean)) << "</td></tr><tr><th>"
        << c.h("report.min_support_label") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(c.sc.minSupport)) << "</td></tr><tr><th>"
        << c.h("report.public_value") << "</th><td class=\"num\">"
        << htmlEscape(c.supportText(publicValue(c.sc, p.package))) << "</td></tr><tr><th>"
        << c.h("report.feasible") << "</th><td>"
        << badge(feasible(c.sc, c.st.world, p.package),
                 c.t(feasible(c.sc, c.st.world, p.package) ? "report.yes" : "report.no"))
        << "</td></tr></table>";
    if (!p.votes.empty()) {
        out << "<h3>" << c.h("report.votes") << "</h3><ul>";
        for (const CastVote& v : p.votes) {
            static const char* keys[] = {"report.vote.yes", "report.vote.no",
                                         "report.vote.ja_mits"};
            out << "<li>" << htmlEscape(c.seatWithRole(v.seat)) << ": <strong>"
                << c.h(keys[static_cast<int>(v.kind)]) << "</strong>";
            const std::string why = c.reasonText(v.seat, v.reason);
            if (!why.empty())
                out << " — " << c.h("report.because", {why});
            out << "</li>";
        }
        out << "</ul>";
    }
    stanceTable(c, out);
    out << "</section>";
}

// What each role said beside what its card says, and the learning moments
// where the two differ.
void stanceTable(const Ctx& c, std::ostringstream& out) {
    const std::vector<StanceRow> rows = stanceRows(c.game);
    if (rows.empty())
        return;
    out << "<h3>" << c.h("report.stated") << "</h3><p class=\"muted\">"
        << c.h("report.stated_explain") << "</p><table class=\"stances\"><tr><th>"
        << c.h("report.role") << "</th><th>" << c.h("report.said_at_table") << "</th><th>"
        << c.h("report.by_card") << "</th></tr>";
    for (const StanceRow& row : rows) {
        std::string said = c.t(row.stanceKey);
        if (row.earlierVersion > 0)
            said += " " + c.t("stance.on_version", {std::to_string(row.earlierVersion)});
        out << "<tr><td>" << htmlEscape(c.roleName(row.role)) << "</td><td"
            << (isObjection(row.stance) ? " class=\"objection\"" : "") << ">" << htmlEscape(said)
            << "</td><td>"
            << badge(row.acceptsByCard,
                     c.t(row.acceptsByCard ? "stance.card_accepts" : "stance.card_rejects"))
            << "</td></tr>";
    }
    out << "</table>";
    const std::vector<ReflectionPoint> moments = learningMoments(c.game, c.lang);
    if (moments.empty())
        return;
    out << "<h3>" << c.h("report.learning_moments") << "</h3><ul class=\"points moments\">";
    for (const ReflectionPoint& p : moments)
        out << "<li>" << c.h(p.key, p.args) << "</li>";
    out << "</ul>";
}

void sectionReflection(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.reflection") << "</h2><ul class=\"points\">";
    for (const ReflectionPoint& p : reflectionPoints(c.game, c.lang))
        out << "<li>" << c.h(p.key, p.args) << "</li>";
    out << "</ul></section>";
}

void sectionSupport(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.support") << "</h2>";
    const int focus = proposalInFocus(c.st);
    if (focus >= 0) {
        const Package& p = c.st.proposals[focus].package;
        const std::vector<double> support = supportInFocus(c.game);
        out << "<p>" << c.h("report.support_explain") << "</p>";
        out << svgSupportBars(c, support, p);
    }
    out << "<h3>" << c.h("report.support_over_time") << "</h3>";
    if (c.st.supportHistory.empty()) {
        out << "<p class=\"muted\">" << c.h("report.no_history") << "</p></section>";
        return;
    }
    out << svgSupportOverTime(c, supportTimeline(c.st));
    out << "<p class=\"muted\">" << c.h("report.support_time_explain") << "</p></section>";
}

std::optional<double> gainOf(const std::optional<double>& before,
                             const std::optional<double>& after) {
    if (!before || !after)
        return std::nullopt;
    return *after - *before;
}

// Before, after and gain per seat (a team's members under it) and for the
// group; v2 corrected for guessing, v1 (an old log) with a note.
void sectionBegrip(const Ctx& c, std::ostringstream& out) {
    const bool v2 = c.m.begripVersion >= 2;
    out << "<section><h2>" << c.h("report.begrip") << "</h2><p>"
        << c.h(v2 ? "report.begrip_explain_v2" : "report.begrip_explain") << "</p>";
    if (!v2)
        out << "<p class=\"note\">" << c.h("report.begrip_v1_note") << "</p>";
    std::vector<std::string> labels;
    std::vector<std::optional<double>> before, after;
    std::ostringstream rows;
    const auto row = [&](const std::string& label, bool member, const std::optional<double>& b,
                         const std::optional<double>& a, const std::optional<double>& gain) {
        labels.push_back(member ? "  " + label : label);
        before.push_back(b);
        after.push_back(a);
        rows << "<tr><td" << (member ? " class=\"member\"" : "") << ">" << htmlEscape(label)
             << "</td><td class=\"num\">" << htmlEscape(c.begripText(b))
             << "</td><td class=\"num\">" << htmlEscape(c.begripText(a))
             << "</td><td class=\"num\">" << htmlEscape(c.gainText(gain)) << "</td></tr>";
    };
    for (int s = 0; s < c.game.seatCount() && s < static_cast<int>(c.m.begrip.size()); ++s) {
        // The seat's gain: the mean over its people who answered both times.
        row(c.seatWithRole(s), false, c.m.begrip[s].before, c.m.begrip[s].after,
            c.m.begrip[s].gain);
        for (const PersonMeasure& p : c.m.people) // a team's members under their seat
            if (p.seat == s && p.person >= 0)
                row(p.name, true, p.begripBefore, p.begripAfter,
                    gainOf(p.begripBefore, p.begripAfter));
    }
    if (!labels.empty())
        out << svgPairedBars(c, labels, before, after);
    out << "<table><tr><th></th><th>" << c.h("report.before") << "</th><th>" << c.h("report.after")
        << "</th><th>" << c.h("report.gain") << "</th></tr>" << rows.str() << "<tr><th>"
        << c.h("report.begrip_group") << "</th><td class=\"num\">"
        << htmlEscape(c.begripText(c.m.begripBefore)) << "</td><td class=\"num\">"
        << htmlEscape(c.begripText(c.m.begripAfter)) << "</td><td class=\"num\">"
        << htmlEscape(c.gainText(c.m.begripGain)) << "</td></tr></table></section>";
}

// Each person's speaking time and turns, bots left out.
void speakingTable(const Ctx& c, std::ostringstream& out) {
    std::int64_t most = 1;
    for (const PersonMeasure& p : c.m.people)
        most = std::max(most, p.speakingMs);
    out << "<h3>" << c.h("report.speaking_per_person") << "</h3><table>";
    for (const PersonMeasure& p : c.m.people) {
        if (p.bot)
            continue;
        const std::string name = p.person >= 0 ? p.name : c.seatWithRole(p.seat);
        out << "<tr><td" << (p.person >= 0 ? " class=\"member\"" : "") << ">" << htmlEscape(name)
            << "</td><td class=\"num\">" << htmlEscape(speakingClock(p.speakingMs))
            << "</td><td class=\"num\">"
            << c.h(p.turns == 1 ? "report.turns.one" : "report.turns.other",
                   {std::to_string(p.turns)})
            << "</td><td>"
            << svgInlineBar(static_cast<double>(p.speakingMs) / static_cast<double>(most),
                            chart::seriesRgb(c.game.roleOfSeat(p.seat)))
            << "</td></tr>";
    }
    out << "</table>";
}

void sectionInclusie(const Ctx& c, std::ostringstream& out) {
    const bool speaking = c.m.inclusieBasis == InclusieBasis::SpeakingTime;
    out << "<section><h2>" << c.h("report.inclusie") << "</h2><p>"
        << c.h(speaking ? "report.inclusie_score_speaking" : "report.inclusie_score",
               {formatNumber(c.m.inclusie, 2, c.lang)})
        << "</p><p>"
        << c.h(std::string("report.inclusie_basis.") + inclusieBasisId(c.m.inclusieBasis))
        << "</p>";
    if (speaking)
        speakingTable(c, out);
    if (c.m.hasTeams)
        out << "<p class=\"muted\">" << c.h("report.inclusie_teams") << "</p>";
    else if (c.m.inclusieOverPeople)
        out << "<p class=\"muted\">" << c.h("report.inclusie_people") << "</p>";
    int maxSeat = 1, maxRole = 1;
    for (int n : c.m.actionsPerSeat)
        maxSeat = std::max(maxSeat, n);
    for (int n : c.m.actionsPerRole)
        maxRole = std::max(maxRole, n);
    out << "<h3>" << c.h("report.actions_per_player") << "</h3><table>";
    for (int s = 0; s < static_cast<int>(c.m.actionsPerSeat.size()); ++s) {
        out << "<tr><td>" << htmlEscape(c.seatWithRole(s))
            << (c.game.setup().seats[s].bot ? " · " + c.h("report.bot") : "")
            << "</td><td class=\"num\">" << c.m.actionsPerSeat[s] << "</td><td>"
            << svgInlineBar(double(c.m.actionsPerSeat[s]) / maxSeat,
                            chart::seriesRgb(c.game.roleOfSeat(s)))
            << "</td></tr>";
        for (const PersonMeasure& p : c.m.people) // a team's members under their seat
            if (p.seat == s && p.person >= 0)
                out << "<tr><td class=\"member\">" << htmlEscape(p.name)
                    << "</td><td class=\"num\">" << p.actions << "</td><td>"
                    << svgInlineBar(double(p.actions) / maxSeat,
                                    chart::seriesRgb(c.game.roleOfSeat(s)))
                    << "</td></tr>";
    }
    out << "</table><h3>" << c.h("report.actions_per_role") << "</h3><table>";
    for (int r = 0; r < static_cast<int>(c.m.actionsPerRole.size()); ++r)
        out << "<tr><td>" << htmlEscape(c.roleName(r)) << "</td><td class=\"num\">"
            << c.m.actionsPerRole[r] << "</td><td>"
            << svgInlineBar(double(c.m.actionsPerRole[r]) / maxRole, chart::seriesRgb(r))
            << "</td><td>"
            << (!roleWasHeard(c.m, r)
                    ? "<span class=\"badge bad\">✗ " + c.h("report.not_heard") + "</span>"
                    : "")
            << "</td></tr>";
    out << "</table><h3>" << c.h("report.roles_heard") << "</h3><table>";
    for (int ph = 0; ph < static_cast<int>(c.m.rolesHeardPerPhase.size()); ++ph) {
        const PhaseKind k = c.sc.phases[ph].kind;
        if (k == PhaseKind::Kennismaken || k == PhaseKind::Perspectief || k == PhaseKind::Reflectie)
            continue; // no public dialogue in these phases
        out << "<tr><td>" << htmlEscape(c.phaseName(ph)) << "</td><td class=\"num\">"
            << htmlEscape(c.percent(c.m.rolesHeardPerPhase[ph])) << "</td></tr>";
    }
    out << "</table></section>";
}

void sectionPublicValue(const Ctx& c, std::ostringstream& out) {
    const int focus = proposalInFocus(c.st);
    if (focus < 0)
        return;
    const Package& p = c.st.proposals[focus].package;
    out << "<section><h2>" << c.h("report.public_value") << "</h2><p>"
        << c.h("report.public_value_explain", {c.supportText(publicValue(c.sc, p))}) << "</p>";
    const std::vector<int> effects = valueTotals(c.sc, p);
    out << "<table><tr><th>" << c.h("report.value") << "</th><th>" << c.h("report.pv_weight")
        << "</th><th>" << c.h("report.effect") << "</th></tr>";
    for (int v = 0; v < static_cast<int>(c.sc.values.size()); ++v) {
        const int w = v < static_cast<int>(c.sc.publicValue.size()) ? c.sc.publicValue[v] : 0;
        const int e = v < static_cast<int>(effects.size()) ? effects[v] : 0;
        out << "<tr><td>" << htmlEscape(c.valueName(v)) << "</td><td>" << weightDots(w)
            << "</td><td class=\"num\">" << (e > 0 ? "+" : "") << e << "</td></tr>";
    }
    out << "</table></section>";
}

void sectionShaped(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.shaped") << "</h2>";
    // What each role put on the table.
    out << "<h3>" << c.h("report.shared_on_table") << "</h3><table><tr><th>" << c.h("report.role")
        << "</th><th>" << c.h("report.values_shared") << "</th><th>"
        << c.h("report.preconditions_shared") << "</th></tr>";
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r) {
        std::set<int> values;
        for (const SharedValue& sv : c.st.sharedValues)
            if (sv.role == r)
                values.insert(sv.value);
        for (const Question& q : c.st.questions)
            if (q.targetRole == r && q.status == Question::Status::Answered)
                values.insert(q.answerValue);
        std::string vs, ps;
        for (int v : values)
            vs += (vs.empty() ? "" : ", ") + c.valueName(v);
        for (const SharedPrecondition& sp : c.st.sharedPreconditions)
            if (sp.role == r)
                ps += (ps.empty() ? "" : ", ") + c.preconditionName(r, sp.precondition);
        out << "<tr><td>" << htmlEscape(c.roleName(r)) << "</td><td>"
            << (vs.empty() ? "–" : htmlEscape(vs)) << "</td><td>"
            << (ps.empty() ? "–" : htmlEscape(ps)) << "</td></tr>";
    }
    out << "</table>";
    // The reasons people gave in reactions and votes, most used first.
    std::map<std::string, std::pair<int, int>> reasons; // label -> (in favour, against)
    for (const Proposal& p : c.st.proposals) {
        for (const Reaction& re : p.reactions) {
            const std::string why = c.reasonText(re.seat, re.reason);
            if (!why.empty())
                (re.kind == ReactionKind::Object ? reasons[why].second : reasons[why].first)++;
        }
        for (const CastVote& v : p.votes) {
            const std::string why = c.reasonText(v.seat, v.reason);
            if (!why.empty())
                (v.kind == VoteKind::No ? reasons[why].second : reasons[why].first)++;
        }
    }
    if (!reasons.empty()) {
        std::vector<std::pair<std::string, std::pair<int, int>>> sorted(reasons.begin(),
                                                                        reasons.end());
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second.first + a.second.second > b.second.first + b.second.second;
        });
        out << "<h3>" << c.h("report.reasons_given") << "</h3><table><tr><th>"
            << c.h("report.reason") << "</th><th>" << c.h("report.in_favour") << "</th><th>"
            << c.h("report.against") << "</th></tr>";
        for (const auto& [label, counts] : sorted)
            out << "<tr><td>" << htmlEscape(label) << "</td><td class=\"num\">" << counts.first
                << "</td><td class=\"num\">" << counts.second << "</td></tr>";
        out << "</table>";
    }
    // Every precondition against the proposal in focus.
    const int focus = proposalInFocus(c.st);
    if (focus >= 0) {
        const Package& p = c.st.proposals[focus].package;
        out << "<h3>" << c.h("report.preconditions_check") << "</h3><table><tr><th>"
            << c.h("report.role") << "</th><th>" << c.h("report.precondition") << "</th><th>"
            << c.h("report.rule") << "</th><th></th></tr>";
        for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r)
            for (int k = 0; k < static_cast<int>(c.sc.roles[r].preconditions.size()); ++k) {
                const bool holds = preconditionHolds(c.sc, c.st.world, r, k, p);
                out << "<tr><td>" << htmlEscape(c.roleName(r)) << "</td><td>"
                    << htmlEscape(c.preconditionName(r, k)) << "</td><td>"
                    << htmlEscape(c.precondition(c.sc.roles[r].preconditions[k])) << "</td><td>"
                    << badge(holds, c.t(holds ? "report.met" : "report.unmet")) << "</td></tr>";
            }
        out << "</table>";
    }
    out << "</section>";
}

// The chain of versions that led to proposal `id`, oldest first.
std::vector<int> versionChain(const GameState& st, int id) {
    std::vector<int> chain;
    for (int p = id;
         p >= 0 && p < static_cast<int>(st.proposals.size()) && chain.size() < st.proposals.size();
         p = st.proposals[p].parent)
        chain.push_back(p);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

void proposalCard(const Ctx& c, const Proposal& p, std::ostringstream& out) {
    static const char* statusKeys[] = {"report.status.open", "report.status.superseded",
                                       "report.status.back", "report.status.accepted",
                                       "report.status.rejected"};
    static const char* reactionKeys[] = {"report.reaction.support", "report.reaction.object",
                                         "report.reaction.support_if"};
    out << "<div class=\"card\"><h3>" << htmlEscape(c.proposalTitle(p.id))
        << " <span class=\"badge neutral\">" << c.h(statusKeys[static_cast<int>(p.status)])
        << "</span></h3><p class=\"muted\">"
        << c.h("report.proposal_by",
               {c.seatWithRole(p.authorSeat), c.phaseName(p.phase), c.moment(p.timeMs)})
        << "</p>";
    const Package* previous = p.parent >= 0 && p.parent < static_cast<int>(c.st.proposals.size())
                                  ? &c.st.proposals[p.parent].package
                                  : nullptr;
    packageTable(c, p.package, previous, out);
    if (!p.note.empty())
        out << "<p class=\"text\">“" << htmlEscape(p.note) << "”</p>";
    conditionList(c, p, out);
    if (!p.reactions.empty()) {
        out << "<p><strong>" << c.h("report.reactions") << "</strong></p><ul>";
        for (const Reaction& re : p.reactions) {
            out << "<li>" << htmlEscape(c.seatWithRole(re.seat)) << ": "
                << c.h(reactionKeys[static_cast<int>(re.kind)]);
            const std::string why = c.reasonText(re.seat, re.reason);
            if (!why.empty())
                out << " — " << c.h("report.because", {why});
            for (const MitsCondition& mc : re.conditions)
                out << " — " << htmlEscape(c.condition(mc.expression));
            out << "</li>";
        }
        out << "</ul>";
    }
    if (!p.supportAtCreation.empty()) {
        std::string line;
        for (int r = 0; r < static_cast<int>(p.supportAtCreation.size()); ++r)
            line += (line.empty() ? "" : " · ") + c.roleName(r) + " " +
                    c.supportText(p.supportAtCreation[r]);
        out << "<p class=\"muted\">" << c.h("report.support_at_creation") << ": "
            << htmlEscape(line) << "</p>";
    }
    out << "</div>";
}

void sectionHistory(const Ctx& c, std::ostringstream& out) {
    out << "<section><h2>" << c.h("report.history") << "</h2>";
    if (c.st.proposals.empty()) {
        out << "<p class=\"muted\">" << c.h("report.no_proposals") << "</p></section>";
        return;
    }
    const int focus = proposalInFocus(c.st);
    const std::vector<int> chain = versionChain(c.st, focus);
    out << "<p>" << c.h("report.history_explain") << "</p>";
    for (int id : chain)
        proposalCard(c, c.st.proposals[id], out);
    std::vector<int> others;
    for (int id = 0; id < static_cast<int>(c.st.proposals.size()); ++id)
        if (std::find(chain.begin(), chain.end(), id) == chain.end())
            others.push_back(id);
    if (!others.empty()) {
        out << "<h3>" << c.h("report.other_proposals") << "</h3>";
        for (int id : others)
            proposalCard(c, c.st.proposals[id], out);
    }
    out << "</section>";
}

void sectionEvents(const Ctx& c, std::ostringstream& out) {
    if (c.st.announcements.empty())
        return;
    out << "<section><h2>" << c.h("report.events") << "</h2>";
    for (const Announcement& a : c.st.announcements) {
        if (a.event < 0 || a.event >= static_cast<int>(c.sc.events.size()))
            continue;
        out << "<div class=\"card\"><h3>" << htmlEscape(c.eventTitle(a.event))
            << "</h3><p class=\"muted\">"
            << c.h("report.event_when", {c.phaseName(a.phase), c.moment(a.timeMs)})
            << "</p><p class=\"text\">" << htmlEscape(c.text(c.sc.events[a.event].text))
            << "</p></div>";
    }
    out << "</section>";
}

void sectionRoleCards(const Ctx& c, std::ostringstream& out) {
    static const char* kindKeys[] = {"table.kind.resident", "table.kind.official",
                                     "table.kind.council"};
    out << "<section class=\"pagebreak\"><h2>" << c.h("report.role_cards") << "</h2>";
    for (int r = 0; r < static_cast<int>(c.sc.roles.size()); ++r) {
        const Role& role = c.sc.roles[r];
        std::string players;
        for (int s = 0; s < c.game.seatCount(); ++s)
            if (c.game.roleOfSeat(s) == r)
                players += (players.empty() ? "" : ", ") + c.seatName(s);
        out << "<div class=\"card\"><h3>" << htmlEscape(c.roleName(r))
            << " <span class=\"badge neutral\">" << c.h(kindKeys[static_cast<int>(role.kind)])
            << "</span></h3>";
        out << "<p class=\"muted\">" << c.h("report.played_by", {players.empty() ? "–" : players});
        if (role.kind == RoleKind::Council)
            out << " · "
                << c.h(role.votes == 1 ? "report.votes_weight.one" : "report.votes_weight.other",
                       {std::to_string(role.votes)});
        if (role.reservation != 0.0)
            out << " · " << c.h("report.reservation", {c.supportText(role.reservation)});
        out << "</p>";
        if (!c.text(role.briefing).empty())
            out << "<p class=\"text\">" << htmlEscape(c.text(role.briefing)) << "</p>";
        out << "<table><tr><th>" << c.h("report.value") << "</th><th>" << c.h("report.weight")
            << "</th></tr>";
        const std::vector<int>& weights = c.st.world.weights[r];
        for (int v = 0; v < static_cast<int>(weights.size()); ++v) {
            if (weights[v] == 0)
                continue;
            out << "<tr><td>" << htmlEscape(c.valueName(v)) << "</td><td>" << weightDots(weights[v])
                << " " << weights[v] << "</td></tr>";
        }
        out << "</table>";
        if (!role.preconditions.empty()) {
            out << "<p><strong>" << c.h("report.preconditions") << "</strong></p><ul>";
            for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k)
                out << "<li>" << htmlEscape(c.preconditionName(r, k)) << ": "
                    << htmlEscape(c.precondition(role.preconditions[k])) << "</li>";
            out << "</ul>";
        }
        if (!c.text(role.secret).empty())
            out << "<p><strong>" << c.h("report.secret") << "</strong></p><div class=\"secret\">"
                << htmlEscape(c.text(role.secret)) << "</div>";
        out << "</div>";
    }
    out << "</section>";
}

} // namespace

void renderSections(const Ctx& c, const ReportOptions& o, std::ostringstream& out) {
    sectionHeader(c, o, out);
    sectionGoals(c, out);
    sectionDecision(c, out);
    sectionReflection(c, out);
    sectionSupport(c, out);
    sectionBegrip(c, out);
    sectionInclusie(c, out);
    sectionPublicValue(c, out);
    sectionShaped(c, out);
    sectionHistory(c, out);
    sectionEvents(c, out);
    sectionRoleCards(c, out);
}

} // namespace samenspel::report_detail
