// The debrief's measures: begrip before and after per person, and inclusie
// with its basis (game actions or speaking time) and who was heard.
#include <algorithm>

#include "report.hpp"
#include "screens/debrief_internal.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel::debrief {

using namespace table;

namespace {

// A begrip figure as the room reads it: v2 as a score from guessing (0) to
// all right (1), v1 as the share of top values named; missing is "—", never 0.
std::string begripText(const App& app, const Measurements& m, const std::optional<double>& v) {
    if (!v)
        return "—";
    return m.begripVersion >= 2 ? formatNumber(app, *v, 2) : formatNumber(app, 100.0 * *v, 0) + "%";
}

std::string gainText(const App& app, const Measurements& m, const std::optional<double>& gain) {
    if (!gain)
        return "—";
    const std::string sign = *gain > 0.005 ? "+" : "";
    return m.begripVersion >= 2 ? sign + formatNumber(app, *gain, 2)
                                : sign + formatNumber(app, 100.0 * *gain, 0) + "%";
}

std::optional<double> gainOf(const std::optional<double>& before,
                             const std::optional<double>& after) {
    if (!before || !after)
        return std::nullopt;
    return *after - *before;
}

// One row of the begrip table: the name cell is drawn by the caller.
void begripCells(const App& app, const Measurements& m, const std::optional<double>& before,
                 const std::optional<double>& after, const std::optional<double>& gain) {
    ImGui::TableNextColumn();
    ui::shareBar(static_cast<float>(std::max(0.0, before.value_or(0))), begripText(app, m, before),
                 5, app.theme());
    ImGui::TableNextColumn();
    ui::shareBar(static_cast<float>(std::max(0.0, after.value_or(0))), begripText(app, m, after), 0,
                 app.theme());
    ImGui::TableNextColumn();
    wrappedText(gainText(app, m, gain));
}

} // namespace

// [Begrip] before, after and the gain per person; v2 corrected for guessing,
// v1 (an old log) with a note.
void begrip(App& app, const Game& game, const Measurements& m) {
    const bool v2 = m.begripVersion >= 2;
    heading(app, app.tr("debrief.begrip"));
    mutedText(app, app.tr(v2 ? "debrief.begrip_explain_v2" : "debrief.begrip_explain"));
    if (!v2) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
        wrappedText(app.tr("debrief.begrip_v1_note"));
        ImGui::PopStyleColor();
    }
    app.traceItem("page.begrip_explain");
    ImGui::Spacing();
    // The group's headline first: with many players the table scrolls.
    ImGui::PushFont(app.fonts().bold);
    wrappedText(app.tr("debrief.begrip_group_v2", begripText(app, m, m.begripBefore),
                       begripText(app, m, m.begripAfter), gainText(app, m, m.begripGain)));
    ImGui::PopFont();
    // A v1 percentage of "top values named" is abstract; "7 of every 10" is not.
    if (!v2 && m.begripBefore && m.begripAfter)
        wrappedText(app.tr("debrief.begrip_meaning", formatNumber(app, 10.0 * *m.begripBefore, 0),
                           formatNumber(app, 10.0 * *m.begripAfter, 0)));
    ImGui::Spacing();
    if (!ImGui::BeginTable("begrip", 4, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn(app.tr("debrief.player").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            1.0f);
    ImGui::TableSetupColumn(app.tr("debrief.before").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            1.1f);
    ImGui::TableSetupColumn(app.tr("debrief.after").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            1.1f);
    ImGui::TableSetupColumn(app.tr("debrief.gain").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.4f);
    ImGui::TableHeadersRow();
    for (int s = 0; s < static_cast<int>(m.begrip.size()) && s < game.seatCount(); ++s) {
        const SeatBegrip& b = m.begrip[s];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        roleToken(app, game.scenario(), game.roleOfSeat(s));
        ImGui::SameLine();
        wrappedText(seatLabel(app, game, s));
        // The seat's gain: the mean over its people who answered both times.
        begripCells(app, m, b.before, b.after, b.gain);
        // A team's members under their seat, each with their own.
        for (const PersonMeasure& p : m.people) {
            if (p.seat != s || p.person < 0)
                continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // Further in than the seat's name after its token.
            const float in = 2.0f * ImGui::GetFontSize();
            ImGui::Indent(in);
            wrappedText(p.name);
            ImGui::Unindent(in);
            begripCells(app, m, p.begripBefore, p.begripAfter,
                        gainOf(p.begripBefore, p.begripAfter));
        }
    }
    ImGui::EndTable();
}

namespace {

// Each person's speaking time and turns, bots left out.
void speakingTime(App& app, const Game& game, const Measurements& m) {
    std::int64_t most = 1;
    for (const PersonMeasure& p : m.people)
        most = std::max(most, p.speakingMs);
    ImGui::Spacing();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(app.tr("debrief.speaking_per_person").c_str());
    ImGui::PopFont();
    for (const PersonMeasure& p : m.people) {
        if (p.bot)
            continue;
        wrappedText(p.person >= 0 ? p.name : seatLabel(app, game, p.seat));
        const std::string turns = app.catalog().trArgs(
            p.turns == 1 ? "report.turns.one" : "report.turns.other", {std::to_string(p.turns)});
        ui::shareBar(static_cast<float>(p.speakingMs) / static_cast<float>(most),
                     speakingClock(p.speakingMs) + " · " + turns, game.roleOfSeat(p.seat),
                     app.theme());
    }
}

} // namespace

// [Inclusie] actions per player and per role, roles heard.
void inclusie(App& app, const Game& game, const Measurements& m) {
    const Scenario& sc = game.scenario();
    heading(app, app.tr("debrief.inclusie"));
    // Say what inclusie was computed over: talk only when turns were given.
    const bool speaking = m.inclusieBasis == InclusieBasis::SpeakingTime;
    wrappedText(app.tr(speaking ? "debrief.inclusie_score_speaking" : "debrief.inclusie_score",
                       formatNumber(app, m.inclusie, 2)));
    wrappedText(app.tr(std::string("debrief.inclusie_basis.") + inclusieBasisId(m.inclusieBasis)));
    app.traceItem("page.inclusie_basis");
    if (m.hasTeams)
        mutedText(app, app.tr("debrief.inclusie_teams"));
    else if (m.inclusieOverPeople)
        mutedText(app, app.tr("debrief.inclusie_people"));
    mutedText(app, app.tr("debrief.inclusie_explain"));
    int maxSeat = 1, maxRole = 1;
    for (int n : m.actionsPerSeat)
        maxSeat = std::max(maxSeat, n);
    for (int n : m.actionsPerRole)
        maxRole = std::max(maxRole, n);
    // Two columns in the page, not two boxes that scroll on their own.
    const bool sideBySide = ImGui::GetContentRegionAvail().x >= 36 * ImGui::GetFontSize();
    const bool table = sideBySide && ImGui::BeginTable("inclusie", 2);
    if (table) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
    }
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(app.tr("debrief.actions_per_player").c_str());
    ImGui::PopFont();
    // People first; where people played, the bots apart below them.
    for (int bots = 0; bots < 2; ++bots) {
        if (bots == 1 && m.inclusieOverPeople) {
            ImGui::Spacing();
            mutedText(app, app.tr("debrief.bots_apart"));
        }
        for (int s = 0; s < static_cast<int>(m.actionsPerSeat.size()) && s < game.seatCount();
             ++s) {
            if (game.setup().seats[s].bot != (bots == 1))
                continue;
            wrappedText(seatLabel(app, game, s));
            ui::shareBar(static_cast<float>(m.actionsPerSeat[s]) / static_cast<float>(maxSeat),
                         std::to_string(m.actionsPerSeat[s]), game.roleOfSeat(s), app.theme());
            ImGui::Indent();
            for (const PersonMeasure& p : m.people) {
                if (p.seat != s || p.person < 0)
                    continue;
                wrappedText(p.name);
                ui::shareBar(static_cast<float>(p.actions) / static_cast<float>(maxSeat),
                             std::to_string(p.actions), game.roleOfSeat(s), app.theme());
            }
            ImGui::Unindent();
        }
    }
    if (table)
        ImGui::TableNextColumn();
    else
        ImGui::Spacing();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(app.tr("debrief.actions_per_role").c_str());
    ImGui::PopFont();
    for (int r = 0;
         r < static_cast<int>(m.actionsPerRole.size()) && r < static_cast<int>(sc.roles.size());
         ++r) {
        const bool heard =
            r < static_cast<int>(m.roleHeard.size()) ? m.roleHeard[r] : m.actionsPerRole[r] > 0;
        wrappedText(roleName(app, sc, r));
        if (!heard) {
            ImGui::SameLine();
            badge(app, "✗ " + app.tr("debrief.not_heard"), app.theme().bad);
        }
        ui::shareBar(static_cast<float>(m.actionsPerRole[r]) / static_cast<float>(maxRole),
                     std::to_string(m.actionsPerRole[r]), r, app.theme());
    }
    ImGui::Spacing();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(app.tr("debrief.roles_heard").c_str());
    ImGui::PopFont();
    for (int p = 0; p < static_cast<int>(m.rolesHeardPerPhase.size()) &&
                    p < static_cast<int>(sc.phases.size());
         ++p) {
        if (!isDialoguePhase(sc.phases[p].kind))
            continue;
        ui::shareBar(static_cast<float>(m.rolesHeardPerPhase[p]),
                     phaseName(app, sc, p) + " " +
                         formatNumber(app, 100.0 * m.rolesHeardPerPhase[p], 0) + "%",
                     2, app.theme());
    }
    if (table)
        ImGui::EndTable();
    if (speaking)
        speakingTime(app, game, m);
}

} // namespace samenspel::debrief
