// The speaking queue at the table (DESIGN.md "Speaking turns"): the strip
// under the banner that shows the room who has the floor and who waits, a
// seat's "I want to say something", and the facilitator's two buttons. On a
// shared screen without a separate facilitator the strip carries the buttons
// itself; on the host's projector they are in the facilitator panel.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "table_view.hpp"

namespace samenspel::table {

namespace {

Action turnAction(ActionType type, int seat, int person) {
    Action a;
    a.type = type;
    a.seat = seat;
    a.person = person;
    return a;
}

Action giveTo(const TurnRequest& first) {
    Action a = turnAction(ActionType::GiveTurn, kFacilitator, -1);
    a.targetSeat = first.seat;
    a.targetPerson = first.person;
    return a;
}

// A button whose outcome goes to the facilitator's line, not to the active
// seat's: giving the floor is not that seat's action.
void facilitatorButton(App& app, TableLink& link, TableUi& ui, const std::string& label,
                       const char* trace, const Action& a, const std::string& okText) {
    const bool allowed = link.check(a).accepted && !link.awaitingReply();
    if (button(label, allowed)) {
        const std::string seatMessage = ui.message;
        const bool seatMessageIsError = ui.messageIsError;
        submit(app, link, ui, a, okText);
        ui.facilitatorMessage = ui.message;
        ui.facilitatorMessageIsError = ui.messageIsError;
        ui.message = seatMessage;
        ui.messageIsError = seatMessageIsError;
    }
    app.traceItem(trace);
}

// Beside the previous item when `width` still fits on the line.
void sameLineIfRoom(float width) {
    const float lastRight = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (lastRight + ImGui::GetStyle().ItemSpacing.x + width <= ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
}

float buttonWidth(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
}

} // namespace

std::string speakerName(const App& app, const Game& game, int seat, int person) {
    const auto& seats = game.setup().seats;
    if (seat >= 0 && seat < static_cast<int>(seats.size())) {
        const auto& members = seats[static_cast<std::size_t>(seat)].members;
        if (person >= 0 && person < static_cast<int>(members.size()) &&
            !members[static_cast<std::size_t>(person)].empty())
            return members[static_cast<std::size_t>(person)];
    }
    return seatName(app, game, seat);
}

// "1. Ria  ·  2. Johan": who waits, first in line first.
static std::string queueLine(const App& app, const Game& game) {
    std::string line;
    const auto& queue = game.state().speakingQueue;
    for (std::size_t i = 0; i < queue.size(); ++i)
        line += (i ? "  ·  " : "") + std::to_string(i + 1) + ". " +
                speakerName(app, game, queue[i].seat, queue[i].person);
    return line;
}

bool speakingStripShown(const Game& game) {
    const GameState& st = game.state();
    return !st.finished && (st.floor || !st.speakingQueue.empty());
}

void drawSpeakingStrip(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    if (!speakingStripShown(game))
        return;
    const GameState& st = game.state();
    const ui::Theme& theme = app.theme();
    // A self-run table: the room's own screen gives the floor.
    const bool controls = link.view() == TableView::SharedScreen && !link.stop();
    ImGui::PushID("speaking");
    if (st.floor) {
        const std::int64_t running = std::max<std::int64_t>(0, link.clockMs() - st.floor->startMs);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.accent);
        ImGui::TextUnformatted(app.tr("turns.floor").c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(
            (speakerName(app, game, st.floor->seat, st.floor->person) + "  " + clockText(running))
                .c_str());
        ImGui::PopFont();
        app.traceItem("turns.speaker");
        if (controls) {
            const std::string end = app.tr("turns.end");
            sameLineIfRoom(buttonWidth(end));
            facilitatorButton(app, link, ui, end, "turns.strip_end",
                              turnAction(ActionType::EndTurn, kFacilitator, -1),
                              app.tr("turns.ok.ended"));
        }
    }
    if (!st.speakingQueue.empty()) {
        const std::string line = queueLine(app, game);
        const std::string waiting = app.tr("turns.queue");
        if (st.floor)
            sameLineIfRoom(ImGui::CalcTextSize(waiting.c_str()).x + app.unit() * 10);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        ImGui::TextUnformatted(waiting.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        const TurnRequest& first = st.speakingQueue.front();
        const std::string give =
            app.tr("turns.give_to", speakerName(app, game, first.seat, first.person));
        const float room = ImGui::GetContentRegionAvail().x - (controls ? buttonWidth(give) : 0);
        ImGui::BeginGroup();
        wordWrapped(line, std::max(room, app.unit() * 10), 1);
        ImGui::EndGroup();
        app.traceItem("turns.queue");
        if (controls) {
            sameLineIfRoom(buttonWidth(give));
            facilitatorButton(app, link, ui, give, "turns.strip_give", giveTo(first),
                              app.tr("turns.ok.given"));
        }
    }
    ImGui::PopID();
}

void speakButton(App& app, TableLink& link, TableUi& ui, int seat) {
    const Game& game = link.game();
    const GameState& st = game.state();
    if (st.finished || game.setup().seats[static_cast<std::size_t>(seat)].bot)
        return;
    // A team speaks person by person: its members ask on their phones.
    if (!game.setup().seats[static_cast<std::size_t>(seat)].members.empty())
        return;
    ImGui::PushID("speak");
    if (st.hasFloor(seat, -1)) {
        const std::string done = app.tr("turns.done_speaking");
        sameLineIfRoom(buttonWidth(done));
        if (button(done, !link.awaitingReply()))
            submit(app, link, ui, turnAction(ActionType::EndTurn, seat, -1),
                   app.tr("turns.ok.ended"));
        app.traceItem("turns.done_speaking");
    } else {
        const int place = st.queuePosition(seat, -1);
        const std::string label = place > 0 ? app.tr("turns.withdraw") : app.tr("turns.ask");
        sameLineIfRoom(buttonWidth(label));
        const Action a = turnAction(ActionType::RequestTurn, seat, -1);
        if (button(label, link.check(a).accepted && !link.awaitingReply()))
            submit(app, link, ui, a,
                   place > 0 ? app.tr("turns.ok.withdrawn") : app.tr("turns.ok.asked"));
        app.traceItem("turns.ask");
        if (place > 0) {
            const std::string where = app.catalog().trCount("turns.place", place);
            sameLineIfRoom(ImGui::CalcTextSize(where.c_str()).x);
            mutedText(app, where);
        }
    }
    ImGui::PopID();
}

void facilitatorTurnControls(App& app, TableLink& link, TableUi& ui) {
    const Game& game = link.game();
    const GameState& st = game.state();
    heading(app, app.tr("turns.title"));
    if (st.floor) {
        const std::int64_t running = std::max<std::int64_t>(0, link.clockMs() - st.floor->startMs);
        wrappedText(app.tr("turns.floor_line",
                           speakerName(app, game, st.floor->seat, st.floor->person),
                           clockText(running)));
        facilitatorButton(app, link, ui, app.tr("turns.end"), "turns.panel_end",
                          turnAction(ActionType::EndTurn, kFacilitator, -1),
                          app.tr("turns.ok.ended"));
    }
    if (st.speakingQueue.empty()) {
        mutedText(app, app.tr("turns.nobody_waits"));
        return;
    }
    wrappedText(app.tr("turns.queue") + " " + queueLine(app, game));
    const TurnRequest& first = st.speakingQueue.front();
    facilitatorButton(app, link, ui,
                      app.tr("turns.give_to", speakerName(app, game, first.seat, first.person)),
                      "turns.panel_give", giveTo(first), app.tr("turns.ok.given"));
}

} // namespace samenspel::table
