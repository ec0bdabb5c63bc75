// What stops play at the table or puts it at risk, said where everyone looks:
//   [SECTION] Stop        the session stopped because its log could not be
//                         written (here, or at the host of a player's laptop):
//                         a notice over the whole table, then a strip
//   [SECTION] Warnings    the clock checkpoint was not saved (the session goes
//                         on); the connection to the host dropped
//   [SECTION] Lines       the reason in the actions and the facilitator panel
#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "open_folder.hpp"
#include "screens/table_view.hpp"
#include "ui/theme.hpp"

namespace samenspel::table {

namespace {

constexpr const char* kStopPopup = "###session_stopped";

// The system's reason in the room's language; the system's own words
// (English) go beside it for whoever fixes the machine.
std::string causeText(const App& app, const std::error_code& cause) {
    const char* key = "table.stop.cause.other";
    switch (cause.value()) {
    case ENOSPC:
        key = "table.stop.cause.disk_full";
        break;
    case EFBIG:
        key = "table.stop.cause.file_too_large";
        break;
    case EDQUOT:
        key = "table.stop.cause.quota";
        break;
    case EROFS:
    case EACCES:
    case EPERM:
        key = "table.stop.cause.no_access";
        break;
    case EIO:
        key = "table.stop.cause.disk_error";
        break;
    default:
        break;
    }
    return app.tr("table.stop.cause", app.tr(key));
}

void textIn(ImFont* font, const ImVec4& colour, const std::string& text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// The title that says what happened, in the room's words.
std::string stopTitle(const App& app, const LinkStop& stop) {
    return app.tr(stop.atHost ? "table.stop.host_title" : "table.stop.title");
}

// What to do now, for the person in front of this screen.
std::string stopTodo(const App& app, const LinkStop& stop) {
    if (!stop.atHost)
        return app.tr("table.stop.todo", app.tr("ui.title.continue"));
    return stop.retrying ? app.tr("table.stop.host_todo")
                         : app.tr("table.stop.host_todo_join", app.tr("net.title.join"));
}

void stopButtons(App& app, const TableLink& link, bool inNotice) {
    ImGui::PushFont(app.fonts().bold);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(app.unit() * 2, app.unit()));
    const float height = app.unit() * 6;
    // The facilitator restarts Samenspel to continue; a player's laptop
    // reconnects by itself and has nothing to quit for.
    if (!link.stop()->atHost) {
        if (ImGui::Button(app.tr("table.stop.quit").c_str(), ImVec2(0, height)))
            app.quit(0);
        ImGui::SameLine();
    }
    if (inNotice) {
        if (ImGui::Button(app.tr("table.stop.view_table").c_str(), ImVec2(0, height)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
    } else if (ImGui::Button(app.tr("table.stop.what_now").c_str(), ImVec2(0, height))) {
        ImGui::OpenPopup(kStopPopup);
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
}

// [SECTION] Stop ---------------------------------------------------------------------

// Over the whole table, in the heading font: it is read from the back of the
// room on a projector, and a player looks up from their laptop.
void stopNotice(App& app, const TableLink& link, const LinkStop& stop, TableUi& ui) {
    const ui::Theme& theme = app.theme();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    // As tall as its text (a scroll bar beyond the screen's height, at a
    // large UI scale on a small screen).
    const float width = std::min(display.x * 0.9f, app.unit() * 150);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, display.y * 0.94f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(app.unit() * 3, app.unit() * 2.5f));
    ImGui::PushStyleColor(ImGuiCol_Border, theme.bad);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3.0f);
    const std::string title = stopTitle(app, stop) + kStopPopup;
    const bool open = ImGui::BeginPopupModal(title.c_str(), nullptr,
                                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    if (!open)
        return;
    const float gap = app.unit() * 1.2f;
    textIn(app.fonts().title, theme.bad, stopTitle(app, stop));
    ImGui::Dummy(ImVec2(0, gap));
    if (stop.atHost) {
        textIn(app.fonts().heading, theme.text, app.tr("table.stop.host_cause"));
        ImGui::Dummy(ImVec2(0, gap));
        textIn(app.fonts().heading, theme.text, app.tr("table.stop.host_saved"));
    } else {
        textIn(app.fonts().heading, theme.text, causeText(app, stop.cause));
        if (stop.cause)
            textIn(app.fonts().small, theme.textMuted,
                   app.tr("table.stop.system", stop.cause.message()));
        ImGui::Dummy(ImVec2(0, gap));
        textIn(app.fonts().bold, theme.text, app.tr("table.stop.saved"));
        // Where the log is, for the facilitator's file manager, not for the
        // room: a button instead of a path on the projector.
        if (!stop.logPath.empty()) {
            if (ImGui::Button(app.tr("ui.show_in_folder").c_str()))
                ui.stopFolderMessage = showFolderMessage(
                    app.catalog(), std::filesystem::path(stop.logPath).parent_path().string());
            if (!ui.stopFolderMessage.empty())
                textIn(app.fonts().small, theme.textMuted, ui.stopFolderMessage);
        }
    }
    ImGui::Dummy(ImVec2(0, gap));
    textIn(app.fonts().heading, theme.warning, stopTodo(app, stop));
    if (link.view() == TableView::Projector) {
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        textIn(app.fonts().regular, theme.text, app.tr("table.stop.players"));
    }
    if (stop.atHost && !stop.message.empty()) {
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        textIn(app.fonts().small, theme.textMuted, app.tr("table.stop.host_said", stop.message));
    }
    ImGui::Dummy(ImVec2(0, gap));
    stopButtons(app, link, true);
    ImGui::EndPopup();
}

// Once the notice is put away: a strip over the table's full width, so the
// board can be read but nobody thinks the session still runs.
void stopStrip(App& app, const TableLink& link, const LinkStop& stop) {
    beginFramed(app);
    textIn(app.fonts().heading, app.theme().bad, stopTitle(app, stop));
    wrappedText(stopTodo(app, stop));
    stopButtons(app, link, false);
    endFramed(app, app.theme().bad);
}

// [SECTION] Warnings -----------------------------------------------------------------

// The session goes on: a smaller, calmer line than a stop.
void checkpointWarning(App& app) {
    ImGui::PushFont(app.fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().warning);
    wrappedText("▲ " + app.tr("table.checkpoint_failed"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// Network: the whole width says the connection dropped, so nobody waits for
// an answer that cannot come; the link reconnects by itself.
void connectionStrip(App& app) {
    beginFramed(app);
    ImGui::PushFont(app.fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().bad);
    ImGui::TextUnformatted(app.tr("table.connection_lost").c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::TextUnformatted(app.tr("table.connection_lost_explain").c_str());
    endFramed(app, app.theme().bad);
}

} // namespace

void drawNotices(App& app, TableLink& link, TableUi& ui) {
    const std::optional<LinkStop> stop = link.stop();
    if (!stop) {
        ui.stopNoticeShown = false; // a player's host came back: a next stop shows again
        if (link.connectionLost())
            connectionStrip(app);
        else if (link.checkpointFailed())
            checkpointWarning(app);
        return;
    }
    // The notice opens by itself once; "What now?" on the strip opens it again.
    if (!ui.stopNoticeShown) {
        ui.stopNoticeShown = true;
        ImGui::OpenPopup(kStopPopup);
    }
    stopStrip(app, link, *stop);
    stopNotice(app, link, *stop, ui);
}

// [SECTION] Lines --------------------------------------------------------------------

bool stoppedLine(App& app, const TableLink& link) {
    const std::optional<LinkStop> stop = link.stop();
    if (!stop)
        return false;
    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().bad);
    wrappedText(app.tr(stop->atHost ? "table.stop.actions_host" : "table.stop.actions"));
    ImGui::PopStyleColor();
    return true;
}

} // namespace samenspel::table
