// The facilitator panel, always reachable from the table (F2 or the button in
// the banner): pause and resume, more or less time, the next phase, any
// scenario event, "end the phase when everyone is done", and a view of
// everything hidden — behind a warning, because the screen is often a
// projector the whole room sees.
#include <SFML/Window/Keyboard.hpp>
#include <algorithm>

#include "screens/screens.hpp"
#include "screens/table_view.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel {

namespace table {

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
    } steps[] = {{-300, "facilitator.minus5"},
                 {-60, "facilitator.minus1"},
                 {60, "facilitator.plus1"},
                 {300, "facilitator.plus5"}};
    // The buttons on their own row: beside the label they overflow a narrow
    // panel (the projector's column).
    for (const auto& step : steps) {
        if (&step != &steps[0])
            ImGui::SameLine();
        Action a = facilitatorAction(ActionType::Extend);
        // Never shorten past the present: the clock would end the phase at once.
        a.seconds = step.seconds < 0 ? -static_cast<int>(std::min<std::int64_t>(
                                           -step.seconds, link.phaseRemainingMs() / 1000))
                                     : step.seconds;
        if (button(app.tr(step.key), !st.finished && a.seconds != 0))
            submitAsFacilitator(app, link, ui, a, app.tr("facilitator.ok.time"));
    }
    ImGui::Spacing();
    const std::string next =
        st.phase + 1 < static_cast<int>(sc.phases.size())
            ? app.tr("facilitator.next_phase", phaseName(app, sc, st.phase + 1))
            : app.tr("facilitator.end_session");
    if (button(next, !st.finished))
        ImGui::OpenPopup("###confirm_advance");
    if (ImGui::BeginPopupModal(
            (app.tr("facilitator.confirm_advance_title") + "###confirm_advance").c_str(), nullptr,
            ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(
            app.tr("facilitator.confirm_advance", phaseName(app, sc, st.phase)).c_str());
        // Enter confirms, Escape cancels: the facilitator at a projector
        // often has only the keyboard at hand.
        if (ImGui::Button(next.c_str()) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
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
    ImGui::Spacing();
    // "End when all done" is part of the game state: switching it is an action,
    // so it is logged, survives Continue and reaches the players over the network.
    bool on = link.game().state().endPhaseWhenAllDone;
    // The label wraps beside the box: the panel is a narrow column on the host.
    const bool clicked = ImGui::Checkbox("##end_when_done", &on);
    ImGui::SameLine();
    wrappedText(app.tr("facilitator.end_when_done"));
    if (clicked) {
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
        return app.tr("facilitator.trigger_minute", formatNumber(app, e.minute, 0));
    case Event::Trigger::Condition:
        return app.tr("facilitator.trigger_condition",
                      readableCondition(app, sc, e.condition.source()));
    }
    return "";
}

void eventControls(App& app, TableLink& link, TableUi& ui) {
    const Scenario& sc = link.game().scenario();
    const GameState& st = link.game().state();
    heading(app, app.tr("facilitator.events"));
    if (sc.events.empty()) {
        mutedText(app, app.tr("facilitator.no_events"));
        return;
    }
    mutedText(app, app.tr("facilitator.events_explain"));
    for (int e = 0; e < static_cast<int>(sc.events.size()); ++e) {
        const Event& ev = sc.events[e];
        ImGui::PushID(e);
        const bool fired = e < static_cast<int>(st.eventFired.size()) && st.eventFired[e];
        ImGui::PushFont(app.fonts().bold);
        wrappedText((fired ? "✓ " : "") + (ev.title.empty() ? ev.id : app.text(ev.title)));
        ImGui::PopFont();
        mutedText(app, triggerText(app, sc, ev));
        if (!fired) {
            Action a = facilitatorAction(ActionType::InjectEvent);
            a.event = e;
            if (button(app.tr("facilitator.inject"), link.check(a).accepted))
                submitAsFacilitator(app, link, ui, a, app.tr("facilitator.ok.injected"));
        }
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
        ui::markerInline(r, app.theme());
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

void revealControls(App& app, TableLink& link, TableUi& ui) {
    heading(app, app.tr("facilitator.reveal"));
    bool on = ui.revealAll;
    if (ImGui::Checkbox(app.tr("facilitator.reveal_toggle").c_str(), &on)) {
        if (on)
            ui.askRevealConfirm = true;
        else
            ui.revealAll = false;
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
        if (ImGui::Button(app.tr("facilitator.reveal_yes").c_str())) {
            ui.revealAll = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr("facilitator.cancel").c_str()) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ui.revealAll) {
        badge(app, app.tr("facilitator.reveal_on"), app.theme().warning);
        everythingHidden(app, link);
    }
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
    clockControls(app, link, ui);
    ImGui::Separator();
    eventControls(app, link, ui);
    if (stopped)
        ImGui::EndDisabled();
    ImGui::Separator();
    revealControls(app, link, ui);
}

void drawFacilitatorWindow(App& app, TableLink& link, TableUi& ui) {
    if (!ui.facilitatorOpen)
        return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.5f, app.unit() * 110), display.y * 0.8f),
                             ImGuiCond_Appearing);
    const std::string title = app.tr("facilitator.title") + "###facilitator";
    if (ImGui::Begin(title.c_str(), &ui.facilitatorOpen,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings))
        drawFacilitatorPanel(app, link, ui);
    ImGui::End();
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
