// The active seat's side of the table: its "done" toggle, then its private
// role card and actions behind a privacy screen. At a shared screen the
// previous player hands over; the card stays covered until the next player
// clicks, and covers itself again when the seat changes.
#include <algorithm>

#include "core/visibility.hpp"
#include "screens/table_view.hpp"
#include "ui/role_token.hpp"
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

// [Card] -----------------------------------------------------------------------------

// The role's colour over the panel's surface, for the band behind the seat's name.
ImVec4 tint(const App& app, int role, float amount) {
    const ImVec4 c = ui::roleColour(role, app.theme());
    const ImVec4 s = app.theme().surface;
    return ImVec4(s.x + (c.x - s.x) * amount, s.y + (c.y - s.y) * amount,
                  s.z + (c.z - s.z) * amount, 1.0f);
}

// Who sits here, as the top of their card: a band in the role's colour with
// its token, the seat's name, and the role and its kind.
void seatBand(App& app, const Game& game, int seat, bool bot) {
    const Scenario& sc = game.scenario();
    const int role = game.roleOfSeat(seat);
    const float pad = app.unit();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushFont(app.fonts().heading);
    roleToken(app, sc, role, 1.5f);
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float textW = right - pad - ImGui::GetCursorScreenPos().x;
    const std::string name = seatName(app, game, seat);
    wordWrapped(name, textW);
    ImGui::PopFont();
    // A seat called after its role says it once; the kind (resident,
    // official, council) after it.
    const std::string roleText = roleName(app, sc, role);
    std::string about = name.rfind(roleText, 0) == 0 ? "" : roleText + " · ";
    about += kindName(app, sc.roles[role].kind);
    if (bot)
        about += " · " + app.tr("table.bot");
    wordWrapped(about, textW);
    ImGui::EndGroup();
    ImGui::EndGroup();
    const ImVec2 max(right, ImGui::GetItemRectMax().y + pad);
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, max, ui::toU32(tint(app, role, 0.38f)), pad,
                        ImDrawFlags_RoundCornersTop);
    const float stripe = std::max(3.0f, app.unit() * 0.45f);
    draw->AddRectFilled(ImVec2(start.x, max.y - stripe), max,
                        ui::toU32(ui::roleColour(role, app.theme())));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(right - start.x, max.y - start.y));
}

// The card's face: the visible part of the column, rounded, edged in the
// role's colour, whatever its content's height (drawn in the card's child).
void cardFace(const App& app, int role) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    const float rounding = app.unit();
    // The content's clip rectangle leaves out half the padding: the face is the whole child.
    draw->PushClipRect(min, max, false);
    draw->AddRectFilled(min, max, ui::toU32(app.theme().surfaceRaised), rounding);
    draw->AddRect(ImVec2(min.x + 1, min.y + 1), ImVec2(max.x - 1, max.y - 1),
                  ui::toU32(ui::roleColour(role, app.theme())), rounding, 0,
                  std::max(2.0f, app.unit() * 0.3f));
    draw->PopClipRect();
}

// A section of the card: its title in bold over a rule in the role's colour.
void section(const App& app, const std::string& title, int role) {
    ImGui::Dummy(ImVec2(0, app.unit() * 0.6f));
    ImGui::PushFont(app.fonts().bold);
    wrappedText(title);
    ImGui::PopFont();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::GetWindowDrawList()->AddLine(
        ImVec2(p.x, p.y - ImGui::GetStyle().ItemSpacing.y * 0.5f),
        ImVec2(right, p.y - ImGui::GetStyle().ItemSpacing.y * 0.5f),
        ui::toU32(ui::withAlpha(ui::roleColour(role, app.theme()), 0.7f)), 2.0f);
    ImGui::Dummy(ImVec2(0, app.unit() * 0.2f));
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
// Its words wrap between words: a long role name ("Medewerker buitenruimte en
// speelplaatsen") at 1280x720 is wider than the column.
void privacyScreen(App& app, TableLink& link, TableUi& ui, int seat) {
    const ui::Theme& theme = app.theme();
    ImGui::PushFont(app.fonts().heading);
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = app.unit() * 2;
    bool shortened = false;
    std::vector<std::string> lines = wordLines(
        app.tr("table.pass_to", seatName(app, link.game(), seat)), width - 2 * pad, 0, shortened);
    lines.emplace_back(); // a blank line between the two sentences
    for (std::string& line :
         wordLines(app.tr("table.click_to_show"), width - 2 * pad, 0, shortened))
        lines.push_back(std::move(line));
    const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
    const float textHeight = lineHeight * static_cast<float>(lines.size());
    // The rest of the column, but never less than the words need.
    const ImVec2 size(width, std::max({ImGui::GetContentRegionAvail().y - app.unit() * 2,
                                       app.unit() * 20, textHeight + 2 * pad}));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##privacy", size)) {
        ui.cardShownFor = seat;
        ui.columns[seat].showCard = true; // a player starts with their card
    }
    const ImVec4 fill = ImGui::IsItemActive()    ? ui::withAlpha(theme.accent, 0.55f)
                        : ImGui::IsItemHovered() ? ui::withAlpha(theme.accent, 0.35f)
                                                 : theme.privacy;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ui::toU32(fill),
                        ImGui::GetStyle().FrameRounding);
    float y = at.y + (size.y - textHeight) * 0.5f;
    for (const std::string& line : lines) {
        const float lineWidth = ImGui::CalcTextSize(line.c_str()).x;
        draw->AddText(ImVec2(at.x + (size.x - lineWidth) * 0.5f, y), ui::toU32(theme.text),
                      line.c_str());
        y += lineHeight;
    }
    ImGui::PopFont();
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
    beginFramed(app); // its wrap width keeps the text inside the frame
    ImGui::PushFont(app.fonts().bold);
    ImGui::TextWrapped("%s", ((ui.messageIsError ? "" : "✓ ") + ui.message).c_str());
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

// What the read-aloud button says for a card: the role, its secret, what
// matters to it, its red lines and who it is, each as a sentence.
std::string cardSpeech(const App& app, const Scenario& sc, const GameState& st, int role) {
    const Role& r = sc.roles[role];
    std::string speech = spokenSentence(roleName(app, sc, role));
    if (!app.text(r.secret).empty())
        speech += spokenSentence(app.tr("table.secret_only_you") + " " + app.text(r.secret));
    std::string values;
    for (int v = 0; v < static_cast<int>(sc.values.size()); ++v)
        if (st.world.weights[role][v] > 0)
            values += (values.empty() ? "" : ", ") + valueName(app, sc, v);
    if (!values.empty())
        speech += spokenSentence(app.tr("table.your_values") + ": " + values);
    if (!r.preconditions.empty()) {
        speech += spokenSentence(app.tr("table.your_preconditions") + ":");
        for (int k = 0; k < static_cast<int>(r.preconditions.size()); ++k)
            speech += spokenSentence(preconditionName(app, sc, role, k));
    }
    if (!app.text(r.briefing).empty())
        speech += spokenSentence(app.tr("table.your_briefing") + ": " + app.text(r.briefing));
    return speech;
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

    // The band above already names the seat, its role and kind. What only
    // this player may know comes first, so that it is in view even on a
    // small screen under an event; the briefing, which the board shows to
    // everyone as well, comes last.
    cardFace(app, role);
    readAloudButton(app, "read_aloud.card", [&] { return cardSpeech(app, sc, st, role); });
    if (!app.text(r.secret).empty()) {
        beginFramed(app);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.warning);
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(app.tr("table.secret_only_you").c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        wrappedText(app.text(r.secret));
        endFramed(app, theme.warning);
    }

    section(app, app.tr("table.your_values"), role);
    std::vector<int> order;
    for (int v = 0; v < static_cast<int>(sc.values.size()); ++v)
        if (st.world.weights[role][v] > 0)
            order.push_back(v);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return st.world.weights[role][a] > st.world.weights[role][b];
    });
    if (ImGui::BeginTable("values", 3, ImGuiTableFlags_SizingStretchProp)) {
        // The name takes what is left: the weight and "shared" are never cut.
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("weight", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("shared", ImGuiTableColumnFlags_WidthFixed);
        for (int v : order) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wrappedText(valueName(app, sc, v));
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ui::roleColour(role, theme));
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
        section(app, app.tr("table.your_preconditions"), role);
        for (int k = 0; k < static_cast<int>(r.preconditions.size()); ++k) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme.bad);
            ImGui::TextUnformatted("✗");
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::PushFont(app.fonts().bold);
            wrappedText(preconditionName(app, sc, role, k));
            ImGui::PopFont();
            ImGui::Indent(app.unit() * 3);
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            wrappedText(preconditionText(app, sc, r.preconditions[k]));
            ImGui::PopStyleColor();
            if (preconditionShared(st, role, k)) {
                ImGui::PushStyleColor(ImGuiCol_Text, theme.good);
                ImGui::TextUnformatted(("✓ " + app.tr("table.shared")).c_str());
                ImGui::PopStyleColor();
            }
            ImGui::Unindent(app.unit() * 3);
        }
    }
    // Under consensus every seat has one vote, so a council seat's weight says nothing.
    const bool councilVotes = r.kind == RoleKind::Council && sc.rule != DecisionRule::Consensus;
    if (councilVotes || r.reservation != 0.0) {
        ImGui::Spacing();
        std::string extra;
        if (councilVotes)
            extra = app.catalog().trCount("table.your_votes", r.votes);
        if (r.reservation != 0.0)
            extra += (extra.empty() ? "" : " · ") +
                     app.tr("table.your_reservation", formatNumber(app, r.reservation, 0));
        mutedText(app, extra);
    }
    if (!app.text(r.briefing).empty()) {
        section(app, app.tr("table.your_briefing"), role);
        wrappedText(app.text(r.briefing));
    }
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

    // The header: the card's band (who, which role, of which kind), "done",
    // and on a shared screen the hand-over to the next seat, at the right of
    // "done" when it fits there.
    seatBand(app, game, seat, bot);
    if (!bot) {
        doneToggle(app, link, ui, seat);
        speakButton(app, link, ui, seat);
    }
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
    ImGui::Spacing();

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
                          false, ImGuiWindowFlags_AlwaysUseWindowPadding);
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
    // The card keeps a margin inside its face.
    ImGui::BeginChild(
        ImGui::GetID(((column.showCard ? "card" : "actions") + std::to_string(seat)).c_str()),
        ImVec2(0, messageH > 0 ? -messageH : 0.0f), false,
        column.showCard ? ImGuiWindowFlags_AlwaysUseWindowPadding : 0);
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
