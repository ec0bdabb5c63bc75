// The debrief's measures: begrip before and after per person, and inclusie
// with its basis (game actions or speaking time) and who was heard.
#include <algorithm>

#include "report.hpp"
#include "screens/debrief_internal.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel::debrief {

using namespace table;

// [Begrip] before and after per player.
void begrip(App& app, const Game& game, const Measurements& m) {
    heading(app, app.tr("debrief.begrip"));
    mutedText(app, app.tr("debrief.begrip_explain"));
    ImGui::Spacing();
    const auto percent = [&](const std::optional<double>& v) {
        return v ? formatNumber(app, 100.0 * *v, 0) + "%" : app.tr("debrief.no_prediction");
    };
    // The group's headline first: with many players the table scrolls.
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(
        app.tr("debrief.begrip_group", percent(m.begripBefore), percent(m.begripAfter)).c_str());
    ImGui::PopFont();
    // A percentage of "top values named" is abstract; "7 of every 10" is not.
    if (m.begripBefore && m.begripAfter)
        wrappedText(app.tr("debrief.begrip_meaning", formatNumber(app, 10.0 * *m.begripBefore, 0),
                           formatNumber(app, 10.0 * *m.begripAfter, 0)));
    ImGui::Spacing();
    if (ImGui::BeginTable("begrip", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(app.tr("debrief.player").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(app.tr("debrief.before").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(app.tr("debrief.after").c_str(), ImGuiTableColumnFlags_WidthStretch,
                                1.2f);
        ImGui::TableHeadersRow();
        for (int s = 0; s < static_cast<int>(m.begrip.size()) && s < game.seatCount(); ++s) {
            const SeatBegrip& b = m.begrip[s];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            roleToken(app, game.scenario(), game.roleOfSeat(s));
            ImGui::SameLine();
            wrappedText(seatLabel(app, game, s));
            ImGui::TableNextColumn();
            ui::shareBar(static_cast<float>(b.before.value_or(0)), percent(b.before), 5,
                         app.theme());
            ImGui::TableNextColumn();
            ui::shareBar(static_cast<float>(b.after.value_or(0)), percent(b.after), 0, app.theme());
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
                ImGui::TableNextColumn();
                ui::shareBar(static_cast<float>(p.begripBefore.value_or(0)),
                             percent(p.begripBefore), 5, app.theme());
                ImGui::TableNextColumn();
                ui::shareBar(static_cast<float>(p.begripAfter.value_or(0)), percent(p.begripAfter),
                             0, app.theme());
            }
        }
        ImGui::EndTable();
    }
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
