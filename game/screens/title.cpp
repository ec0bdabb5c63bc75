// The title screen: start a new session, continue the last one, host or join
// a session over the network, settings, quit, and the language switch. The first thing a room sees.
#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/log.hpp"
#include "core/session_files.hpp"
#include "net/host.hpp"
#include "screens/screens.hpp"
#include "session.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

// Words in lines no wider than `width` in the current font.
std::vector<std::string> wrapWords(const std::string& text, float width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t end = std::min(text.find(' ', i), text.size());
        const std::string word = text.substr(i, end - i);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        i = end + 1;
    }
    if (!line.empty() || lines.empty())
        lines.push_back(line);
    return lines;
}

// The unfinished session as the facilitator knows it: by its scenario's
// title, never by the name of its log file.
std::string sessionTitle(const App& app, const std::string& logPath) {
    const ReadLog log = readSessionLog(logPath);
    if (!log.header)
        return app.tr("ui.title.continue_unknown");
    const std::filesystem::path given = log.header->scenarioPath;
    for (const std::filesystem::path& path :
         {given, std::filesystem::path(logPath).parent_path() / given.filename()}) {
        std::error_code ec;
        if (path.empty() || !std::filesystem::exists(path, ec))
            continue;
        const LoadResult loaded = loadScenarioFile(path.string());
        if (loaded.ok() && !app.text(loaded.scenario->title).empty())
            return app.text(loaded.scenario->title);
    }
    return app.tr("ui.title.continue_unknown");
}

class TitleScreen final : public Screen {
  public:
    void onOpen(App& app) override {
        resumableLog_ = lastResumableLog(app.sessionsDir().string());
        resumableTitle_ = resumableLog_.empty() ? std::string() : sessionTitle(app, resumableLog_);
        error_.clear();
    }

    void draw(App& app) override {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::beginScreenWindow("##title", theme);
        drawLanguageSwitch(app);

        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float columnWidth = std::min(avail.x, 560.0f * s);
        // The tagline wraps (centred) rather than run off both sides, and at a
        // large UI scale on a small screen the space above and the buttons
        // shrink so that Settings and Quit stay on screen.
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        ImGui::PushFont(app.fonts().display);
        const float nameH = ImGui::GetTextLineHeightWithSpacing();
        ImGui::PopFont();
        ImGui::PushFont(app.fonts().small);
        const float smallH = ImGui::GetTextLineHeightWithSpacing();
        ImGui::PopFont();
        const auto taglineIn = [&](ImFont* font, float& height) {
            ImGui::PushFont(font);
            std::vector<std::string> lines =
                wrapWords(app.tr("ui.title.tagline"), avail.x - 4 * app.unit());
            height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(lines.size());
            ImGui::PopFont();
            return lines;
        };
        float taglineH = 0;
        std::vector<std::string> tagline = taglineIn(app.fonts().heading, taglineH);
        // Compact (a large UI scale on a small screen): the tagline and the
        // buttons' text in the bold font, less space above the buttons.
        const bool compact = avail.y < nameH + taglineH + 4 * spacing + 4.5f * smallH +
                                           8.0f * 5 * s + 5 * (64.0f * s + spacing);
        ImFont* taglineFont = compact ? app.fonts().bold : app.fonts().heading;
        if (compact)
            tagline = taglineIn(taglineFont, taglineH);
        const float textH = nameH + taglineH + 4 * spacing + 4.5f * smallH;
        const float gapUnits = compact ? 1.5f : 5.0f;
        ImGui::PushFont(compact ? app.fonts().bold : app.fonts().heading);
        const float minButtonH = ImGui::GetFontSize() * 1.5f;
        ImGui::PopFont();
        const float fixedH = textH + 8.0f * gapUnits * s;
        const float buttonH =
            std::clamp((avail.y - fixedH) / 5.0f - spacing, minButtonH, 64.0f * s);
        const float top =
            std::clamp(avail.y - fixedH - 5 * (buttonH + spacing), 0.0f, avail.y * 0.16f);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + top);

        ImGui::PushFont(app.fonts().display);
        ui::textCentered(app.tr("ui.title.name"));
        ImGui::PopFont();
        ImGui::PushFont(taglineFont);
        ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
        for (const std::string& line : tagline)
            ui::textCentered(line);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui::gap(gapUnits, s);

        const float x = (ImGui::GetWindowWidth() - columnWidth) * 0.5f;
        const ImVec2 buttonSize(columnWidth, buttonH);
        ImGui::PushFont(compact ? app.fonts().bold : app.fonts().heading);
        // The label centred in a button lower than its usual frame.
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x,
                                   compact ? 0.0f : ImGui::GetStyle().FramePadding.y));
        ImGui::SetCursorPosX(x);
        if (ui::primaryButton(app.tr("ui.title.new_session").c_str(), buttonSize, theme))
            app.push(makePickerScreen(app));
        app.traceItem("title.new_session");
        if (ImGui::IsWindowAppearing())
            ImGui::SetItemDefaultFocus();
        ImGui::SetCursorPosX(x);
        if (ui::buttonIf(!resumableLog_.empty(), app.tr("ui.title.continue").c_str(), buttonSize,
                         app.tr("ui.title.nothing_to_continue").c_str()))
            continueLast(app);
        // Networked play: the facilitator's machine hosts, laptops join. Side
        // by side, so the column stays as tall as it was (Quit stays on a
        // 720-pixel screen).
        const ImVec2 halfSize((columnWidth - ImGui::GetStyle().ItemSpacing.x) * 0.5f, buttonSize.y);
        ImGui::SetCursorPosX(x);
        if (ImGui::Button(app.tr("net.title.host").c_str(), halfSize))
            app.push(makeHostScreen(app));
        ImGui::SameLine();
        if (ImGui::Button(app.tr("net.title.join").c_str(), halfSize))
            app.push(makeJoinScreen(app));
        ImGui::SetCursorPosX(x);
        if (ImGui::Button(app.tr("ui.title.settings").c_str(), buttonSize))
            app.push(makeSettingsScreen(app));
        ImGui::SetCursorPosX(x);
        if (ImGui::Button(app.tr("ui.title.quit").c_str(), buttonSize))
            app.quit(0);
        ImGui::PopStyleVar();
        ImGui::PopFont();

        if (!resumableLog_.empty()) {
            ui::gap(1, s);
            ImGui::PushFont(app.fonts().small);
            ImGui::PushStyleColor(ImGuiCol_Text, theme.textMuted);
            ui::textCentered(app.tr("ui.title.continue_hint", resumableTitle_));
            ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        if (!error_.empty()) {
            ui::gap(2, s);
            ImGui::SetCursorPosX(x);
            ImGui::PushTextWrapPos(x + columnWidth);
            ui::textColored(theme.bad, error_);
            ImGui::PopTextWrapPos();
        }
        drawFooter(app);
        ui::endScreenWindow();
    }

    bool onKey(App& app, int key, bool ctrl, bool, bool) override {
        if (key == sf::Keyboard::Escape) {
            app.quit(0);
            return true;
        }
        return false;
    }

    const char* name() const override { return "title"; }

  private:
    void drawLanguageSwitch(App& app) {
        const float s = app.uiScale();
        const float width = 150.0f * s;
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - 2 * width -
                             ImGui::GetStyle().ItemSpacing.x);
        for (const char* lang : {"nl", "en"}) {
            const bool active = app.lang() == lang;
            const std::string label = app.tr(std::string("ui.language.") + lang);
            if (active)
                ImGui::PushStyleColor(ImGuiCol_Button, app.theme().accent),
                    ImGui::PushStyleColor(ImGuiCol_Text, app.theme().accentText);
            if (ImGui::Button(ui::labelWithId(label, lang).c_str(), ImVec2(width, 0)) && !active)
                app.setLanguage(lang);
            if (active)
                ImGui::PopStyleColor(2);
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }

    void drawFooter(App& app) {
        ImGui::PushFont(app.fonts().small);
        const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
        // At the bottom, unless a large UI scale pushed the buttons down there.
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + lineHeight,
                                      ImGui::GetWindowHeight() - 2.2f * lineHeight));
        ImGui::PushStyleColor(ImGuiCol_Text, app.theme().textMuted);
        ui::textCentered(app.tr("ui.title.footer", SAMENSPEL_VERSION));
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }

    void continueLast(App& app) {
        // A session this machine hosted goes on as a hosted session, so the
        // players can rejoin their seats; any other goes on at this screen.
        std::error_code ec;
        if (std::filesystem::exists(net::seatFilePathFor(resumableLog_), ec)) {
            HostLaunch launch;
            launch.resumeLog = resumableLog_;
            app.push(makeHostScreen(app, launch));
            return;
        }
        std::string error;
        auto session = Session::resume(resumableLog_, error);
        if (!session) {
            error_ = app.tr("ui.title.continue_failed", error);
            return;
        }
        app.setSession(std::move(session));
        app.push(makeTableScreen(app));
    }

    std::string resumableLog_;
    std::string resumableTitle_; // the unfinished session's scenario, by its title
    std::string error_;
};

} // namespace

std::unique_ptr<Screen> makeTitleScreen(App& app) {
    return std::make_unique<TitleScreen>();
}

} // namespace samenspel
