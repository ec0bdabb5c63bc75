// The debrief's story tabs: every role card (everything that was hidden), how
// the proposal changed version by version, and the points for reflection.
#include <algorithm>

#include "core/wording.hpp"
#include "report.hpp"
#include "screens/debrief_internal.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel::debrief {

using namespace table;

// [Role cards] everything that was hidden.
void roleCards(App& app, const Game& game, const Measurements&) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    heading(app, app.tr("debrief.role_cards"));
    // Cards as tall as their text (no box that scrolls on its own at a
    // projector's UI scale), two side by side when they fit.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float fullW = ImGui::GetContentRegionAvail().x;
    const int columns = fullW >= 40 * ImGui::GetFontSize() ? 2 : 1;
    const float colW = (fullW - style.ItemSpacing.x * static_cast<float>(columns - 1)) /
                       static_cast<float>(columns);
    const float pad = style.WindowPadding.x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float rowTop = start.y, rowBottom = start.y;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Wrapped at the card's edge (the wrap position pushed for it).
    const auto cardText = [](const std::string& text) { ImGui::TextUnformatted(text.c_str()); };
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const Role& role = sc.roles[r];
        const int column = r % columns;
        if (column == 0)
            rowTop = r == 0 ? start.y : rowBottom + style.ItemSpacing.y;
        const ImVec2 cardMin(start.x + static_cast<float>(column) * (colW + style.ItemSpacing.x),
                             rowTop);
        ImGui::PushID(r);
        ImDrawListSplitter layers; // the card's background goes under its text
        layers.Split(draw, 2);
        layers.SetCurrentChannel(draw, 1);
        ImGui::SetCursorScreenPos(ImVec2(cardMin.x + pad, cardMin.y + pad));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(cardMin.x + colW - pad - ImGui::GetWindowPos().x);
        roleToken(app, sc, r);
        ImGui::SameLine();
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(roleName(app, sc, r).c_str());
        ImGui::PopFont();
        const std::string kind = kindName(app, role.kind);
        if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + ImGui::CalcTextSize(kind.c_str()).x +
                2 * style.FramePadding.x <
            cardMin.x + colW - pad)
            ImGui::SameLine();
        badge(app, kind, app.theme().textMuted);
        std::string players;
        for (int s = 0; s < game.seatCount(); ++s)
            if (game.roleOfSeat(s) == r)
                players += (players.empty() ? "" : ", ") + seatName(app, game, s);
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
        cardText(app.tr("debrief.played_by", players.empty() ? "–" : players));
        ImGui::PopStyleColor();
        // Weights as dots, so the room reads them at a glance.
        std::string line;
        for (int v = 0; v < static_cast<int>(sc.values.size()); ++v) {
            const int w = st.world.weights[r][v];
            if (w <= 0)
                continue;
            std::string dots;
            for (int i = 0; i < 3; ++i)
                dots += i < w ? "●" : "○";
            line += (line.empty() ? "" : "   ") + valueName(app, sc, v) + " " + dots;
        }
        cardText(line);
        for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k)
            cardText("• " + preconditionName(app, sc, r, k) + ": " +
                     preconditionText(app, sc, role.preconditions[k]));
        if (!app.text(role.secret).empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
            cardText(app.tr("table.secret") + ": " + app.text(role.secret));
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y + pad;
        layers.SetCurrentChannel(draw, 0);
        draw->AddRectFilled(cardMin, ImVec2(cardMin.x + colW, bottom),
                            ui::toU32(app.theme().surface), style.ChildRounding);
        draw->AddRect(cardMin, ImVec2(cardMin.x + colW, bottom), ui::toU32(app.theme().border),
                      style.ChildRounding);
        layers.Merge(draw);
        rowBottom = std::max(column == 0 ? bottom : rowBottom, bottom);
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, rowBottom + style.ItemSpacing.y));
    ImGui::Dummy(ImVec2(fullW, 0));
}

// [History] how the proposal changed, version by version.
void history(App& app, const Game& game, const Measurements&) {
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    heading(app, app.tr("debrief.history"));
    const int focus = proposalInFocus(st);
    if (focus < 0) {
        mutedText(app, app.tr("table.no_proposals"));
        return;
    }
    std::vector<int> chain;
    for (int id = focus; id >= 0 && id < static_cast<int>(st.proposals.size()) &&
                         chain.size() <= st.proposals.size();
         id = st.proposals[id].parent)
        chain.push_back(id);
    std::reverse(chain.begin(), chain.end());
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const Proposal& p = st.proposals[chain[i]];
        ImGui::PushID(p.id);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(proposalTitle(app.catalog(), st, p.id).c_str());
        ImGui::PopFont();
        mutedText(app, app.tr("table.proposal_by", seatWithRole(app, game, p.authorSeat),
                              phaseName(app, sc, p.phase), sessionMoment(app.catalog(), p.timeMs)));
        const Package* previous = i > 0 ? &st.proposals[chain[i - 1]].package : nullptr;
        packageRows(app, sc, p.package, previous);
        conditionRows(app, game, p);
        if (!p.note.empty())
            wrappedText("“" + p.note + "”");
        ImGui::Separator();
        ImGui::PopID();
    }
}

// [Reflection] points drawn from the measurements.
void reflection(App& app, const Game& game, const Measurements&) {
    heading(app, app.tr("debrief.reflection"));
    for (const ReflectionPoint& p : reflectionPoints(game, app.lang())) {
        ImGui::Bullet();
        wrappedText(app.catalog().trArgs(p.key, p.args));
        ImGui::Spacing();
    }
}

} // namespace samenspel::debrief
