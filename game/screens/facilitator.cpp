// The facilitator panel, a drawer at the table's right side (F2 or the button
// in the banner): pause and resume, more or less time, the next phase, any
// scenario event, "end the phase when everyone is done", the debrief and a
// view of everything hidden. The screen is often a projector the whole room
// sees: the drawer never covers the board, the coming events stay closed
// until the facilitator opens them, and whatever shows secrets before the
// end (everything hidden, the debrief) asks first.
#include <SFML/Window/Keyboard.hpp>
#include <algorithm>

#include "screens/screens.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel {

namespace table {

int timeStepSeconds(std::int64_t remainingMs, int stepSeconds) {
    if (stepSeconds >= 0)
        return stepSeconds;
    // A facilitator who presses "-5 min" with three minutes left means
    // "wrap up", not "stop now": people are still typing. Ending a phase has
    // its own button, which asks first, so these stop at a minute left.
    const std::int64_t spare = std::max<std::int64_t>(0, remainingMs - kShortestRemainingMs);
    return -static_cast<int>(std::min<std::int64_t>(-stepSeconds, spare / 1000));
}

bool debriefInBanner(const Game& game) {
    return sessionOver(game);
}

void toggleFacilitatorDrawer(TableUi& ui) {
    ui.facilitatorOpen = !ui.facilitatorOpen;
    if (ui.facilitatorOpen)
        ui.cardShownFor = -1;
}

namespace {

Action facilitatorAction(ActionType type) {
    Action a;
    a.type = type;
    a.seat = kFacilitator;
    return a;
}

// Submits as the facilitator; the outcome goes to the panel, not to the
// active seat's message line.
void submitAsFacilitator(App& app, TableLink& link, TableUi& ui, const Action& a,
                         const std::string& okText) {
    const std::string seatMessage = ui.message;
    const bool seatMessageIsError = ui.messageIsError;
    submit(app, link, ui, a, okText);
    ui.facilitatorMessage = ui.message;
    ui.facilitatorMessageIsError = ui.messageIsError;
    ui.message = seatMessage;
    ui.messageIsError = seatMessageIsError;
}

// Beside the previous item when `width` still fits in the panel.
void sameLineIfFits(float width) {
    const float lastRight = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (lastRight + ImGui::GetStyle().ItemSpacing.x + width <= ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
}

// A checkbox whose label wraps beside the box: the drawer is a narrow column.
bool wrappedCheckbox(const char* id, const std::string& label, bool& on) {
    const bool clicked = ImGui::Checkbox(id, &on);
    ImGui::SameLine();
    wrappedText(label);
    return clicked;
}

void clockControls(App& app, TableLink& link, TableUi& ui) {
    const GameState& st = link.game().state();
    const Scenario& sc = link.game().scenario();
    ImGui::TextUnformatted(
        app.tr("facilitator.now", phaseName(app, sc, st.phase), clockText(link.phaseRemainingMs()))
            .c_str());
    if (st.paused) {
        if (ImGui::Button(app.tr("facilitator.resume").c_str()))
            submitAsFacilitator(app, link, ui, facilitatorAction(ActionType::Resume),
                                app.tr("facilitator.ok.resumed"));
    } else if (ImGui::Button(app.tr("facilitator.pause").c_str())) {
        submitAsFacilitator(app, link, ui, facilitatorAction(ActionType::Pause),
                            app.tr("facilitator.ok.paused"));
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(app.tr("facilitator.time").c_str());
    const struct {
        int seconds;
        const char* key;
        const char* trace;
    } steps[] = {{-300, "facilitator.minus5", "drawer.minus5"},
                 {-60, "facilitator.minus1", "drawer.minus1"},
                 {60, "facilitator.plus1", "drawer.plus1"},
                 {300, "facilitator.plus5", "drawer.plus5"}};
    // The buttons on their own row, wrapping when the drawer is narrow (a
    // large UI scale): a clipped "+5 min" would not be there at all.
    const std::int64_t remaining = link.phaseRemainingMs();
    bool shortenLimited = false;
    for (const auto& step : steps) {
        const std::string label = app.tr(step.key);
        if (&step != &steps[0])
            sameLineIfFits(ImGui::CalcTextSize(label.c_str()).x +
                           2 * ImGui::GetStyle().FramePadding.x);
        Action a = facilitatorAction(ActionType::Extend);
        a.seconds = timeStepSeconds(remaining, step.seconds);
        shortenLimited = shortenLimited || a.seconds != step.seconds;
        if (button(label, !st.finished && a.seconds != 0)) {
            const bool toFloor = a.seconds != step.seconds;
            submitAsFacilitator(
                app, link, ui, a,
                app.tr(toFloor ? "facilitator.ok.time_floor" : "facilitator.ok.time"));
        }
        app.traceItem(step.trace);
    }
    // Said before the click, not only after it: the button will not end the phase.
    if (shortenLimited && !st.finished)
        mutedText(app, app.tr("facilitator.time_floor_hint"));
    ImGui::Spacing();
    const std::string next =
        st.phase + 1 < static_cast<int>(sc.phases.size())
            ? app.tr("facilitator.next_phase", phaseName(app, sc, st.phase + 1))
            : app.tr("facilitator.end_session");
    if (button(next, !st.finished))
        ImGui::OpenPopup("###confirm_advance");
    app.traceItem("drawer.next_phase");
    if (ImGui::BeginPopupModal(
            (app.tr("facilitator.confirm_advance_title") + "###confirm_advance").c_str(), nullptr,
            ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(
            app.tr("facilitator.confirm_advance", phaseName(app, sc, st.phase)).c_str());
        // Enter confirms, Escape cancels: the facilitator at a projector
        // often has only the keyboard at hand.
        const bool confirmed = ImGui::Button(next.c_str());
        app.traceItem("drawer.confirm_advance");
        if (confirmed || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            submitAsFacilitator(app, link, ui, facilitatorAction(ActionType::Advance),
                                app.tr("facilitator.ok.advanced"));
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr("facilitator.cancel").c_str()) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// Last in the drawer: set once per session, so the controls used during a
// phase (time, events, the debrief) come first.
void endWhenDoneControl(App& app, TableLink& link, TableUi& ui) {
    // "End when all done" is part of the game state: switching it is an action,
    // so it is logged, survives Continue and reaches the players over the network.
    bool on = link.game().state().endPhaseWhenAllDone;
    if (wrappedCheckbox("##end_when_done", app.tr("facilitator.end_when_done"), on)) {
        Action a = facilitatorAction(ActionType::SetEndWhenAllDone);
        a.enabled = on;
        submitAsFacilitator(
            app, link, ui, a,
            app.tr(on ? "facilitator.ok.end_when_done_on" : "facilitator.ok.end_when_done_off"));
    }
    mutedText(app, app.tr("facilitator.end_when_done_hint"));
}

std::string triggerText(const App& app, const Scenario& sc, const Event& e) {
    switch (e.trigger) {
    case Event::Trigger::Phase:
        return app.tr("facilitator.trigger_phase", phaseName(app, sc, e.phase));
    case Event::Trigger::Minute:
        if (e.phase >= 0)
            return app.tr("facilitator.trigger_minute_or_phase", formatNumber(app, e.minute, 0),
                          phaseName(app, sc, e.phase));
        return app.tr("facilitator.trigger_minute", formatNumber(app, e.minute, 0));
    case Event::Trigger::Condition:
        return app.tr("facilitator.trigger_condition",
                      readableCondition(app, sc, e.condition.source()));
    }
    return "";
}

// Events that happened were announced to the room; the coming ones stay
// under a closed header, so a projector does not spoil them.
void eventControls(App& app, TableLink& link, TableUi& ui) {
    const Scenario& sc = link.game().scenario();
    const GameState& st = link.game().state();
    heading(app, app.tr("facilitator.events"));
    if (sc.events.empty()) {
        mutedText(app, app.tr("facilitator.no_events"));
        return;
    }
    const auto fired = [&](int e) {
        return e < static_cast<int>(st.eventFired.size()) && st.eventFired[e];
    };
    const auto title = [&](const Event& ev) {
        return ev.title.empty() ? ev.id : app.text(ev.title);
    };
    int coming = 0;
    for (int e = 0; e < static_cast<int>(sc.events.size()); ++e) {
        if (!fired(e)) {
            ++coming;
            continue;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().good);
        wrappedText("✓ " + title(sc.events[e]));
        ImGui::PopStyleColor();
    }
    if (coming == 0) {
        mutedText(app, app.tr("facilitator.events_all_happened"));
        return;
    }
    // A full-width button as the header: the facilitator's choice lives in
    // TableUi, so it survives the drawer being closed and opened again.
    const std::string header = std::string(ui.comingEventsOpen ? "▼  " : "▶  ") +
                               app.tr("facilitator.events_coming", coming) + "###coming_events";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    if (ImGui::Button(header.c_str(), ImVec2(-1.0f, 0.0f)))
        ui.comingEventsOpen = !ui.comingEventsOpen;
    ImGui::PopStyleVar();
    app.traceItem("drawer.coming_events");
    if (!ui.comingEventsOpen) {
        mutedText(app, app.tr("facilitator.events_closed"));
        return;
    }
    mutedText(app, app.tr("facilitator.events_explain"));
    for (int e = 0; e < static_cast<int>(sc.events.size()); ++e) {
        if (fired(e))
            continue;
        const Event& ev = sc.events[e];
        ImGui::PushID(e);
        ImGui::PushFont(app.fonts().bold);
        wrappedText(title(ev));
        ImGui::PopFont();
        mutedText(app, triggerText(app, sc, ev));
        Action a = facilitatorAction(ActionType::InjectEvent);
        a.event = e;
        if (button(app.tr("facilitator.inject"), link.check(a).accepted))
            submitAsFacilitator(app, link, ui, a, app.tr("facilitator.ok.injected"));
        app.traceItem("drawer.inject");
        ImGui::Spacing();
        ImGui::PopID();
    }
}

void everythingHidden(App& app, TableLink& link) {
    const Game& game = link.game();
    const Scenario& sc = game.scenario();
    const GameState& st = game.state();
    for (int r = 0; r < static_cast<int>(sc.roles.size()); ++r) {
        const Role& role = sc.roles[r];
        ImGui::PushID(r);
        roleToken(app, sc, r);
        ImGui::SameLine();
        ImGui::PushFont(app.fonts().bold);
        ImGui::TextUnformatted(roleName(app, sc, r).c_str());
        ImGui::PopFont();
        std::string values;
        for (int v = 0; v < static_cast<int>(sc.values.size()); ++v)
            if (st.world.weights[r][v] > 0)
                values += (values.empty() ? "" : ", ") + valueName(app, sc, v) + " " +
                          std::to_string(st.world.weights[r][v]);
        wrappedText(app.tr("facilitator.weights", values.empty() ? "–" : values));
        for (int k = 0; k < static_cast<int>(role.preconditions.size()); ++k)
            wrappedText("• " + preconditionName(app, sc, r, k) + ": " +
                        preconditionText(app, sc, role.preconditions[k]));
        if (role.reservation != 0.0)
            mutedText(app,
                      app.tr("table.your_reservation", formatNumber(app, role.reservation, 0)));
        if (!app.text(role.secret).empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
            wrappedText(app.tr("table.secret") + ": " + app.text(role.secret));
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    // Everyone's predictions, for following begrip live.
    if (!st.predictions.empty()) {
        heading(app, app.tr("facilitator.predictions"));
        for (const Prediction& p : st.predictions) {
            std::string values;
            for (int v : p.values)
                values += (values.empty() ? "" : ", ") + valueName(app, sc, v);
            wrappedText(app.tr("facilitator.prediction_line", seatName(app, game, p.seat),
                               roleName(app, sc, p.targetRole), values,
                               formatNumber(app, 100.0 * p.accuracy, 0)));
        }
    }
}

// Everything hidden on this screen, and the debrief before the end: both show
// every role card, so both go through the same warning.
void revealControls(App& app, TableLink& link, TableUi& ui) {
    heading(app, app.tr("facilitator.reveal"));
    bool on = ui.revealAll;
    const bool clicked = ImGui::Checkbox("##reveal_all", &on);
    app.traceItem("drawer.reveal_toggle");
    ImGui::SameLine();
    wrappedText(app.tr("facilitator.reveal_toggle"));
    if (clicked) {
        if (on) {
            ui.askRevealConfirm = true;
            ui.revealFor = TableUi::RevealFor::Everything;
        } else {
            ui.revealAll = false;
        }
    }
    if (!debriefInBanner(link.game())) {
        if (ImGui::Button(app.tr("facilitator.debrief_now").c_str())) {
            ui.askRevealConfirm = true;
            ui.revealFor = TableUi::RevealFor::Debrief;
        }
        app.traceItem("drawer.debrief_now");
    }
    if (ui.askRevealConfirm) {
        ImGui::OpenPopup("###reveal_confirm");
        ui.askRevealConfirm = false;
    }
    ImGui::SetNextWindowSize(
        ImVec2(std::min(ImGui::GetIO().DisplaySize.x * 0.6f, app.unit() * 100), 0));
    if (ImGui::BeginPopupModal((app.tr("facilitator.reveal_title") + "###reveal_confirm").c_str(),
                               nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
        wrappedText(app.tr("facilitator.reveal_warning"));
        ImGui::PopStyleColor();
        ImGui::Spacing();
        const bool forDebrief = ui.revealFor == TableUi::RevealFor::Debrief;
        if (ImGui::Button(app.tr(forDebrief ? "facilitator.debrief_yes" : "facilitator.reveal_yes")
                              .c_str())) {
            if (forDebrief)
                ui.openDebrief = true;
            else
                ui.revealAll = true;
            ImGui::CloseCurrentPopup();
        }
        app.traceItem("drawer.reveal_yes");
        ImGui::SameLine();
        const bool cancelled = ImGui::Button(app.tr("facilitator.cancel").c_str());
        app.traceItem("drawer.reveal_cancel");
        if (cancelled || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ui.revealAll) {
        badge(app, app.tr("facilitator.reveal_on"), app.theme().warning);
        everythingHidden(app, link);
    }
}

// How the room reads the case: plain language (also for the phones of a
// hosted session) and the read-aloud buttons. The same settings as on the
// settings screen, here so the facilitator need not leave the table.
void readingControls(App& app) {
    heading(app, app.tr("facilitator.reading"));
    Settings changed = app.settings();
    if (wrappedCheckbox("##plain_language", app.tr("ui.settings.plain_language"),
                        changed.plainLanguage))
        app.updateSettings(changed);
    app.traceItem("drawer.plain_language");
    if (wrappedCheckbox("##read_aloud", app.tr("ui.settings.read_aloud"), changed.readAloud))
        app.updateSettings(changed);
    app.traceItem("drawer.read_aloud");
}

} // namespace

void drawFacilitatorPanel(App& app, TableLink& link, TableUi& ui) {
    if (!ui.facilitatorMessage.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text,
                              ui.facilitatorMessageIsError ? app.theme().bad : app.theme().good);
        wrappedText(ui.facilitatorMessage);
        ImGui::PopStyleColor();
    }
    // A stopped session takes no more actions: the controls say so rather
    // than fail when pressed. Seeing everything hidden still works.
    const bool stopped = stoppedLine(app, link);
    if (stopped)
        ImGui::BeginDisabled();
    // Someone waits for the floor or has it: that is what the facilitator
    // answers first, so it leads the panel; without a queue it is not there.
    if (speakingStripShown(link.game())) {
        facilitatorTurnControls(app, link, ui);
        ImGui::Separator();
    }
    clockControls(app, link, ui);
    ImGui::Separator();
    eventControls(app, link, ui);
    if (stopped)
        ImGui::EndDisabled();
    ImGui::Separator();
    revealControls(app, link, ui);
    ImGui::Separator();
    if (stopped)
        ImGui::BeginDisabled();
    endWhenDoneControl(app, link, ui);
    if (stopped)
        ImGui::EndDisabled();
    ImGui::Separator();
    readingControls(app);
}

void drawFacilitatorDrawer(App& app, TableLink& link, TableUi& ui) {
    const std::string close = app.tr("facilitator.close");
    const float closeW =
        ImGui::CalcTextSize(close.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    heading(app, app.tr("facilitator.title"));
    ImGui::SameLine(
        std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - closeW));
    if (ImGui::Button(close.c_str()))
        toggleFacilitatorDrawer(ui);
    app.traceItem("drawer.close");
    drawFacilitatorPanel(app, link, ui);
}

} // namespace table

namespace {

// The panel on its own, for a second window or a shell that prefers a screen.
class FacilitatorScreen final : public Screen {
  public:
    explicit FacilitatorScreen(std::shared_ptr<TableLink> link) : link_(std::move(link)) {}
    const char* name() const override { return "facilitator"; }
    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key != sf::Keyboard::Escape)
            return false;
        app.pop();
        return true;
    }
    void draw(App& app) override {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##facilitator_screen", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::PushFont(app.fonts().title);
        ImGui::TextUnformatted(app.tr("facilitator.title").c_str());
        ImGui::PopFont();
        if (ImGui::Button(app.tr("facilitator.back").c_str()))
            app.pop();
        ImGui::Separator();
        if (link_->ready())
            table::drawFacilitatorPanel(app, *link_, ui_);
        else
            table::mutedText(app, app.tr("table.no_session"));
        ImGui::End();
        // The panel's "open the debrief now", after its warning: the debrief
        // takes this screen's place, so going back from it leads to the table.
        if (ui_.openDebrief) {
            ui_.openDebrief = false;
            app.replace(makeDebriefScreen(app, link_));
        }
    }

  private:
    std::shared_ptr<TableLink> link_;
    table::TableUi ui_;
};

} // namespace

std::unique_ptr<Screen> makeFacilitatorScreen(App& app) {
    return std::make_unique<FacilitatorScreen>(app.link());
}

} // namespace samenspel
