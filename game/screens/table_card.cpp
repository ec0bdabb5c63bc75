// The active seat's side of the table: its "done" toggle, then its private
// role card and actions behind a privacy screen. At a shared screen the
// previous player hands over; the card stays covered until the next player
// clicks, and covers itself again when the seat changes.
#include <algorithm>

#include "core/visibility.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace {

std::string dots(int weight) {
    std::string s;
    for (int i = 0; i < 3; ++i)
        s += i < weight ? "●" : "○";
    return s;
}

bool valueShared(const GameState& st, int role, int value) {
    const std::vector<int> shown = valuesShownBy(st, role);
    return std::find(shown.begin(), shown.end(), value) != shown.end();
}

void doneToggle(App& app, TableLink& link, TableUi& ui, int seat) {
    const GameState& st = link.game().state();
    if (st.finished)
        return;
    const bool done = seat < static_cast<int>(st.done.size()) && st.done[seat];
    bool checked = done;
    Action a;
    a.type = ActionType::Done;
    a.seat = seat;
    const bool allowed = link.check(a).accepted && !link.awaitingReply();
    if (!allowed)
        ImGui::BeginDisabled();
    if (ImGui::Checkbox(app.tr("table.done_toggle").c_str(), &checked) && checked != done)
        submit(app, link, ui, a, checked ? app.tr("table.done_ok") : app.tr("table.not_done_ok"));
    if (!allowed)
        ImGui::EndDisabled();
}

// A big button in front of the card: "Pass to Fatima — click to show your card".
void privacyScreen(App& app, TableLink& link, TableUi& ui, int seat) {
    const ui::Theme& theme = app.theme();
    const float height =
        std::max(ImGui::GetContentRegionAvail().y - app.unit() * 2, app.unit() * 20);
    ImGui::PushStyleColor(ImGuiCol_Button, theme.privacy);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::withAlpha(theme.accent, 0.35f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ui::withAlpha(theme.accent, 0.55f));
    ImGui::PushFont(app.fonts().heading);
    const std::string label = app.tr("table.pass_to", seatName(app, link.game(), seat)) + "\n\n" +
                              app.tr("table.click_to_show") + "###privacy";
    if (ImGui::Button(label.c_str(), ImVec2(-1, height))) {
        ui.cardShownFor = seat;
        ui.columns[seat].showCard = true; // a player starts with their card
    }
    ImGui::PopFont();
    ImGui::PopStyleColor(3);
}

// The last action's outcome: green when it was accepted, red when not.
float messageHeight(const App& app, const TableUi& ui) {
    if (ui.message.empty())
        return 0.0f;
    ImGui::PushFont(app.fonts().bold);
    const float wrap = ImGui::GetContentRegionAvail().x - app.unit() * 5;
    const float h = ImGui::CalcTextSize(("✓ " + ui.message).c_str(), nullptr, false, wrap).y;
    ImGui::PopFont();
    return h + app.unit() * 3 + ImGui::GetStyle().ItemSpacing.y * 2;
}

void messageFoot(App& app, const TableUi& ui) {
    if (ui.message.empty())
        return;
    beginFramed(app);
    ImGui::PushFont(app.fonts().bold);
    wrappedText((ui.messageIsError ? "" : "✓ ") + ui.message);
    ImGui::PopFont();
    endFramed(app, ui.messageIsError ? app.theme().bad : app.theme().good);
}

// Two large tabs over the column: the role card, or what to do now.
void columnSwitch(App& app, SeatColumn& column) {
    const ui::Theme& theme = app.theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    const float height = ImGui::GetFrameHeight() + app.unit() * 0.6f;
    const std::string labels[2] = {app.tr("table.column.card"), app.tr("table.column.actions")};
    // Bold when both fit, else the smaller face: a label is never cut.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(app.unit() * 0.5f, ImGui::GetStyle().FramePadding.y));
    ImGui::PushFont(app.fonts().bold);
    const float pad = app.unit();
    const bool fits = ImGui::CalcTextSize(labels[0].c_str()).x + pad <= width &&
                      ImGui::CalcTextSize(labels[1].c_str()).x + pad <= width;
    if (!fits) {
        ImGui::PopFont();
        ImGui::PushFont(app.fonts().small);
    }
    for (int i = 0; i < 2; ++i) {
        const bool on = column.showCard == (i == 0);
        if (i == 1)
            ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button, on ? theme.accent : theme.surfaceRaised);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? theme.accentText : theme.text);
        if (ImGui::Button((labels[i] + "###column" + std::to_string(i)).c_str(),
                          ImVec2(width, height)))
            column.showCard = i == 0;
        ImGui::PopStyleColor(2);
    }
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::Spacing();
}

} // namespace

void drawCard(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    const int seat = ui.activeSeat;
    const int role = game.roleOfSeat(seat);
    const Role& r = sc.roles[role];
    const ui::Theme& theme = app.theme();

    // The column's header above already names the seat, its role and kind.
    // What only this player may know comes first, so that it is in view
    // even on a small screen under an event; the briefing, which the board
    // shows to everyone as well, comes last.
    ImGui::Indent(app.unit());
    if (!app.text(r.secret).empty()) {
        beginFramed(app);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.warning);
        ImGui::TextUnformatted(app.tr("table.secret_only_you").c_str());
        ImGui::PopStyleColor();
        ImGui::TextUnformatted(app.text(r.secret).c_str());
        endFramed(app, theme.warning);
    }

    ImGui::Spacing();
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextUnformatted(app.tr("table.your_values").c_str());
    ImGui::PopFont();
    std::vector<int> order;
    for (int v = 0; v < static_cast<int>(sc.values.size()); ++v)
        if (st.world.weights[role][v] > 0)
            order.push_back(v);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return st.world.weights[role][a] > st.world.weights[role][b];
    });
    if (ImGui::BeginTable("values", 3, ImGuiTableFlags_SizingStretchProp)) {
        for (int v : order) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wrappedText(valueName(app, sc, v));
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, theme.accent);
            ImGui::TextUnformatted(dots(st.world.weights[role][v]).c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            if (valueShared(st, role, v)) {
                ImGui::PushStyleColor(ImGuiCol_Text, theme.good);
                ImGui::TextUnformatted(("✓ " + app.tr("table.shared")).c_str());
                ImGui::PopStyleColor();
            }
        }
        ImGui::EndTable();
    }
    if (!r.preconditions.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("table.your_preconditions").c_str());
        ImGui::PopFont();
        for (int k = 0; k < static_cast<int>(r.preconditions.size()); ++k) {
            ImGui::Bullet();
            wrappedText(preconditionName(app, sc, role, k));
            ImGui::Indent(app.unit() * 3);
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            wrappedText(preconditionText(app, sc, r.preconditions[k]));
            ImGui::PopStyleColor();
            if (preconditionShared(st, role, k)) {
                ImGui::SameLine();
                ImGui::PushStyleColor(ImGuiCol_Text, theme.good);
                ImGui::TextUnformatted(("✓ " + app.tr("table.shared")).c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Unindent(app.unit() * 3);
        }
    }
    if (r.kind == RoleKind::Council || r.reservation != 0.0) {
        ImGui::Spacing();
        std::string extra;
        if (r.kind == RoleKind::Council)
            extra = app.catalog().trCount("table.your_votes", r.votes);
        if (r.reservation != 0.0)
            extra += (extra.empty() ? "" : " · ") +
                     app.tr("table.your_reservation", formatNumber(app, r.reservation, 0));
        mutedText(app, extra);
    }
    if (!app.text(r.briefing).empty()) {
        ImGui::Spacing();
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("table.your_briefing").c_str());
        ImGui::PopFont();
        wrappedText(app.text(r.briefing));
    }
    ImGui::Unindent(app.unit());
}

void drawSeatPanel(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    if (game.seatCount() == 0)
        return;
    const bool shared = link.view() == TableView::SharedScreen;
    // Autoplay walks through the seats, one per phase, so its pictures show
    // every kind of card. A player's laptop always shows its own seat.
    if (!shared) {
        ui.activeSeat = link.ownSeat();
        ui.cardShownFor = ui.activeSeat;
    } else if (app.options().autoplay) {
        ui.activeSeat = std::max(0, game.state().phase) % game.seatCount();
        ui.cardShownFor = ui.activeSeat;
    }
    ui.activeSeat = std::clamp(ui.activeSeat, 0, game.seatCount() - 1);
    const int seat = ui.activeSeat;
    // A seat this screen may not act for is a bot's (a player's own seat is
    // theirs even when a bot helps them in autoplay).
    const bool bot = !link.mayActFor(seat);

    // The header: who, of which kind, "done", and on a shared screen the
    // hand-over to the next seat, at the right of "done" when it fits there.
    ImGui::PushFont(app.fonts().heading);
    ui::markerInline(game.roleOfSeat(seat), app.theme());
    ImGui::SameLine();
    wrappedText(seatName(app, game, seat));
    ImGui::PopFont();
    // A seat called after its role says it once; the kind (resident,
    // official, council) as a badge.
    const std::string role = roleName(app, game.scenario(), game.roleOfSeat(seat));
    const bool named = seatName(app, game, seat).rfind(role, 0) != 0;
    badgeAfter(app, kindName(app, game.scenario().roles[game.roleOfSeat(seat)].kind),
               app.theme().textMuted);
    if (named || bot)
        mutedText(app, (named ? role : "") + (named && bot ? " · " : "") +
                           (bot ? app.tr("table.bot") : ""));
    if (!bot)
        doneToggle(app, link, ui, seat);
    if (shared) {
        const std::string next = app.tr("table.next_seat");
        const float nextW =
            ImGui::CalcTextSize(next.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (!bot && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + nextW <= right)
            ImGui::SameLine(right - ImGui::GetWindowPos().x - nextW);
        if (ImGui::Button(next.c_str())) {
            ui.activeSeat = (seat + 1) % game.seatCount();
            ui.cardShownFor = -1;
            ui.message.clear();
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", app.tr("table.next_seat_tooltip").c_str());
    }
    ImGui::Separator();

    const bool mayShow =
        ui.cardShownFor == seat || ui.revealAll || app.options().autoplay || game.state().finished;
    if (bot && !mayShow) {
        ImGui::Spacing();
        mutedText(app, app.tr("table.bot_plays", seatName(app, game, seat)));
        return;
    }
    if (!mayShow) {
        privacyScreen(app, link, ui, seat);
        return;
    }
    if (bot) {
        // A bot's card (autoplay, or everything shown): to read, nothing to do.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
        ImGui::BeginChild(ImGui::GetID(("card" + std::to_string(seat)).c_str()), ImVec2(0, 0),
                          false);
        ImGui::PopStyleColor();
        drawCard(app, link, ui);
        mutedText(app, app.tr("table.bot_plays", seatName(app, game, seat)));
        ImGui::EndChild();
        return;
    }
    // The card or the actions, each with the column's full height: the card
    // is read whole (its secret too), the forms get room for large choices.
    // Autoplay's pictures alternate between them, one per phase.
    SeatColumn& column = ui.columns[seat];
    if (app.options().autoplay)
        column.showCard = game.state().phase % 2 == 0;
    columnSwitch(app, column);
    // Both only scroll: the panel's own background is already behind them,
    // and filling it again costs a software renderer dearly. The IDs carry
    // the seat, so each seat keeps its own scroll and open sections.
    // The outcome of the last action stays at the column's foot, so the
    // choices above never move when it appears.
    const float messageH = messageHeight(app, ui);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild(
        ImGui::GetID(((column.showCard ? "card" : "actions") + std::to_string(seat)).c_str()),
        ImVec2(0, messageH > 0 ? -messageH : 0.0f), false);
    ImGui::PopStyleColor();
    if (column.showCard) {
        drawCard(app, link, ui);
        ImGui::Spacing();
        if (ImGui::Button(app.tr("table.to_actions").c_str()))
            column.showCard = false;
        if (shared && ui.cardShownFor == seat) {
            ImGui::SameLine();
            if (ImGui::Button(app.tr("table.hide_card").c_str()))
                ui.cardShownFor = -1;
        }
    } else {
        drawActions(app, link, ui);
    }
    ImGui::EndChild();
    messageFoot(app, ui);
}

} // namespace samenspel::table
