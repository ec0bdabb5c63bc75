// The debrief: what the facilitator shows the room after the session. Tabs,
// one subject each so a projector shows one thing at a time: overview (the
// learning goals, the decision, what each role said, support per role and
// over time), begrip, who took part, every role card, how the proposal
// changed, points for reflection; each in a debrief_*.cpp file
// (debrief_internal.hpp). "Export report" writes the HTML session report
// beside the session log.
#include <SFML/Window/Keyboard.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/session_files.hpp"
#include "core/support_timeline.hpp"
#include "core/wording.hpp"
#include "open_folder.hpp"
#include "report.hpp"
#include "screens/debrief_internal.hpp"
#include "ui/chart.hpp"
#include "ui/theme.hpp"

namespace samenspel {

namespace {

using namespace table;

class DebriefScreen final : public Screen {
  public:
    explicit DebriefScreen(std::shared_ptr<TableLink> link) : link_(std::move(link)) {}
    const char* name() const override { return "debrief"; }

    // Whenever it is opened, the debrief starts where the room's conversation
    // does: the decision, not the tab someone looked at last.
    void onOpen(App&) override {
        tab_ = 0;
        shownTab_ = -1; // and at its top
    }

    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num6) { // jump to a tab
            tab_ = key - sf::Keyboard::Num1;
            return true;
        }
        return false;
    }

    void draw(App& app) override {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        // The shell already cleared the frame to theme.background; an opaque
        // window would fill every pixel a second time, and software renderers
        // are fill-rate bound (docs/ui.md, like the table screen).
        // One page that scrolls as a whole (header and tabs too), so at a
        // projector's UI scale every chart keeps its room and nothing nests
        // a scrollbar of its own.
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::withAlpha(app.theme().background, 0.0f));
        ImGui::Begin("##debrief", nullptr,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::PopStyleColor();
        if (!link_->ready()) {
            heading(app, app.tr("table.no_session"));
            if (ImGui::Button(app.tr("table.back_to_title").c_str()))
                app.resetTo(makeTitleScreen(app));
            ImGui::End();
            return;
        }
        const Game& game = link_->game();
        if (measuredAt_ != game.state().actionCount || !measured_) {
            measurements_ = game.measure();
            measured_ = true;
            measuredAt_ = game.state().actionCount;
        }
        if (!header(app, *link_)) {
            ImGui::End();
            return; // the session was just ended: nothing left to draw
        }
        ImGui::Spacing();
        tabs(app, *link_);
        ImGui::End();
    }

  private:
    // False when the session was ended here (to the title).
    bool header(App& app, TableLink& link) {
        const Game& game = link.game();
        ImGui::PushFont(app.fonts().title);
        wrappedText(app.tr("debrief.title", app.text(game.scenario().title)));
        ImGui::PopFont();
        if (!game.state().finished)
            badge(app, app.tr("debrief.not_finished"), app.theme().warning);
        if (ImGui::Button(app.tr("debrief.export").c_str()))
            exportReport(app, link);
        // Autoplay replaced the table with this screen: there is nothing to go back to.
        if (!app.options().autoplay) {
            const std::string back = app.tr("debrief.back_to_table");
            sameLineIfFits(back);
            if (ImGui::Button(back.c_str()))
                app.pop();
            app.traceItem("page.back_to_table");
        }
        sameLineIfFits(app.tr("debrief.to_title"));
        if (ImGui::Button(app.tr("debrief.to_title").c_str())) {
            // The session closes: a local log stays resumable, a host says
            // goodbye to its players, a player's laptop disconnects.
            app.endSession();
            app.resetTo(makeTitleScreen(app));
            return false;
        }
        if (!exportMessage_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  exportFailed_ ? app.theme().bad : app.theme().good);
            wrappedText(exportMessage_);
            ImGui::PopStyleColor();
            // Where the file went is for the facilitator's file manager, not
            // for the room: a button instead of a path on the projector.
            if (!exportFailed_ && ImGui::Button(app.tr("ui.show_in_folder").c_str()))
                folderMessage_ = showFolderMessage(app.catalog(), exportFolder_);
            if (!folderMessage_.empty())
                mutedText(app, folderMessage_);
        }
        return true;
    }

    void exportReport(App& app, TableLink& link) {
        ReportOptions options;
        options.lang = app.lang();
        const std::string path = SessionFiles::report(link.logPath());
        std::string error;
        const Catalog& catalog = app.catalog();
        folderMessage_.clear();
        if (writeSessionReport(link.game(), translateWith(catalog), options, path, error)) {
            exportMessage_ = app.tr("debrief.exported");
            exportFolder_ = std::filesystem::path(path).parent_path().string();
            exportFailed_ = false;
        } else {
            exportMessage_ = app.tr("debrief.export_failed", error);
            exportFailed_ = true;
        }
    }

    // A button goes on the line of the one before when it fits, else on the
    // next: at a projector's UI scale the tab names wrap instead of being cut.
    static void sameLineIfFits(const std::string& label) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * style.FramePadding.x;
        const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + w;
        if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
    }

    void tabs(App& app, TableLink& link) {
        static const char* const keys[] = {"debrief.tab.overview", "debrief.tab.begrip",
                                           "debrief.tab.inclusie", "debrief.tab.roles",
                                           "debrief.tab.history",  "debrief.tab.reflection"};
        static const char* const traces[] = {"page.tab.decision", "page.tab.begrip",
                                             "page.tab.inclusie", "page.tab.roles",
                                             "page.tab.history",  "page.tab.reflection"};
        const ui::Theme& theme = app.theme();
        for (int tab = 0; tab < 6; ++tab) {
            const std::string label = std::to_string(tab + 1) + "  " + app.tr(keys[tab]);
            if (tab > 0)
                sameLineIfFits(label);
            const bool on = tab == tab_;
            ImGui::PushStyleColor(ImGuiCol_Button, on ? theme.accent : theme.surface);
            ImGui::PushStyleColor(ImGuiCol_Text, on ? theme.accentText : theme.text);
            ImGui::PushID(tab);
            if (ImGui::Button(label.c_str()))
                tab_ = tab;
            if (tab_ !=
                shownTab_) // a tab starts at its top, not where the last one was scrolled to
                ImGui::SetScrollY(0);
            ImGui::PopID();
            ImGui::PopStyleColor(2);
            app.traceItem(traces[tab]);
        }
        shownTab_ = tab_;
        ImGui::Separator();
        ImGui::Spacing();
        const Game& game = link.game();
        switch (tab_) {
        case 0:
            debrief::overview(app, game, measurements_);
            break;
        case 1:
            debrief::begrip(app, game, measurements_);
            break;
        case 2:
            debrief::inclusie(app, game, measurements_);
            break;
        case 3:
            debrief::roleCards(app, game, measurements_);
            break;
        case 4:
            debrief::history(app, game, measurements_);
            break;
        default:
            debrief::reflection(app, game, measurements_);
            break;
        }
    }

    Measurements measurements_;
    bool measured_ = false;
    std::uint64_t measuredAt_ = 0;
    int tab_ = 0; // 0: the decision
    int shownTab_ = 0;
    std::string exportMessage_;
    std::string exportFolder_;
    std::string folderMessage_;
    bool exportFailed_ = false;
    std::shared_ptr<TableLink> link_;
};

} // namespace

namespace debrief {

std::string seatLabel(const App& app, const Game& game, int seat) {
    const bool bot = seat >= 0 && seat < game.seatCount() && game.setup().seats[seat].bot;
    return table::seatWithRole(app, game, seat) + (bot ? " · " + app.tr("table.bot") : "");
}

} // namespace debrief

std::unique_ptr<Screen> makeDebriefScreen(App& app) {
    return std::make_unique<DebriefScreen>(app.link());
}

std::unique_ptr<Screen> makeDebriefScreen(App& app, std::shared_ptr<TableLink> link) {
    return std::make_unique<DebriefScreen>(std::move(link));
}

bool isDebriefScreen(const Screen* screen) {
    return dynamic_cast<const DebriefScreen*>(screen) != nullptr;
}

} // namespace samenspel
