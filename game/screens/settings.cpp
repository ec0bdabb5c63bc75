// Settings: language, UI scale (with a live preview: the whole interface
// follows), high contrast, sound, plain language, read-aloud, fullscreen and
// the user's scenario folder.
// Every change applies at once and is saved to the config folder.
#include <SFML/Window/Keyboard.hpp>

#include <array>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/text.hpp"
#include "open_folder.hpp"
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace samenspel {

namespace {

class SettingsScreen final : public Screen {
  public:
    void onOpen(App& app) override {
        folder_.fill('\0');
        std::strncpy(folder_.data(), userScenarioDir(app.settings()).c_str(), folder_.size() - 1);
    }

    void draw(App& app) override {
        const ui::Theme& theme = app.theme();
        const float s = app.uiScale();
        ui::beginScreenWindow("##settings", theme);
        if (ImGui::Button(app.tr("ui.back").c_str()))
            app.pop();
        ImGui::SameLine();
        ui::textInFont(app.fonts().title, app.tr("ui.settings.title"));
        ui::gap(2, s);

        const float width = std::min(ImGui::GetContentRegionAvail().x, 900.0f * s);
        ImGui::BeginChild("##form", ImVec2(width, 0), true);
        Settings changed = app.settings();

        label(app, "ui.settings.language");
        for (const char* lang : {"nl", "en"}) {
            if (ImGui::RadioButton(app.tr(std::string("ui.language.") + lang).c_str(),
                                   app.lang() == lang))
                app.setLanguage(lang);
            ImGui::SameLine();
        }
        ImGui::NewLine();
        ui::gap(1, s);

        label(app, "ui.settings.scale");
        drawScaleStepper(app);
        hint(app, "ui.settings.scale_hint");
        ui::gap(1, s);

        if (ImGui::Checkbox(app.tr("ui.settings.high_contrast").c_str(), &changed.highContrast))
            app.updateSettings(changed);
        hint(app, "ui.settings.high_contrast_hint");
        if (ImGui::Checkbox(app.tr("ui.settings.mute").c_str(), &changed.mute))
            app.updateSettings(changed);
        ImGui::SameLine();
        if (ImGui::Button(app.tr("ui.settings.test_sound").c_str())) {
            app.playPhaseEnd();
        }
        if (ImGui::Checkbox(app.tr("ui.settings.plain_language").c_str(), &changed.plainLanguage))
            app.updateSettings(changed);
        hint(app, "ui.settings.plain_language_hint");
        if (ImGui::Checkbox(app.tr("ui.settings.read_aloud").c_str(), &changed.readAloud))
            app.updateSettings(changed);
        hint(app, "ui.settings.read_aloud_hint");
        if (ImGui::Checkbox(app.tr("ui.settings.fullscreen").c_str(), &changed.fullscreen))
            app.toggleFullscreen();
        hint(app, "ui.settings.fullscreen_hint");
        ui::gap(1, s);

        label(app, "ui.settings.folder");
        hint(app, "ui.settings.folder_hint");
        // The folder's path is typed only when the facilitator asks for the
        // field: on the projector the room sees a button, not a path.
        if (ImGui::Button((app.tr("ui.show_in_folder") + "##scenarios").c_str())) {
            std::error_code ec;
            std::filesystem::create_directories(userScenarioDir(app.settings()), ec);
            folderMessage_ = showFolderMessage(app.catalog(), userScenarioDir(app.settings()));
        }
        ImGui::SameLine();
        if (!editFolder_ && ImGui::Button(app.tr("ui.settings.folder_change").c_str()))
            editFolder_ = true;
        if (editFolder_) {
            ImGui::SetNextItemWidth(width * 0.8f);
            ImGui::InputText("##folder", folder_.data(), folder_.size());
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                Settings next = app.settings();
                next.userScenarioDir = folder_.data();
                app.updateSettings(next);
            }
        }
        ui::gap(2, s);
        // Where the file is, for the facilitator's file manager, not for the
        // room: a button instead of a path on the projector.
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(theme.textMuted, app.tr("ui.settings.saved_in"));
        ImGui::PopFont();
        if (ImGui::Button((app.tr("ui.show_in_folder") + "##settings").c_str())) {
            std::error_code ec; // a first start has not written the folder yet
            std::filesystem::create_directories(configDir(), ec);
            folderMessage_ = showFolderMessage(app.catalog(), configDir());
        }
        if (!folderMessage_.empty()) {
            ImGui::PushFont(app.fonts().small);
            ui::textWrappedColored(theme.textMuted, folderMessage_);
            ImGui::PopFont();
        }
        ImGui::EndChild();
        ui::endScreenWindow();
    }

  private:
    // [-] 1.2x [+] and a reset: one click is one step of 0.1, the same step
    // as Ctrl+= and Ctrl+-, never a jump to where the mouse landed (a slider
    // did that, and each jump rebuilt every font).
    static void drawScaleStepper(App& app) {
        const float scale = app.settings().uiScale;
        const float button = ImGui::GetFrameHeight();
        if (ui::buttonIf(scale > 0.65f, app.tr("ui.stepper.less").c_str(), ImVec2(button, 0)))
            app.setUiScale(scale - 0.1f);
        app.traceItem("settings.scale.less");
        ImGui::SameLine();
        ImGui::Text("%s",
                    app.tr("ui.settings.scale_value", samenspel::formatNumber(scale, 1, app.lang()))
                        .c_str());
        ImGui::SameLine();
        if (ui::buttonIf(scale < 2.95f, app.tr("ui.stepper.more").c_str(), ImVec2(button, 0)))
            app.setUiScale(scale + 0.1f);
        app.traceItem("settings.scale.more");
        ImGui::SameLine();
        if (ImGui::Button(app.tr("ui.settings.scale_reset").c_str()))
            app.setUiScale(1.0f);
    }

  public:
    bool onKey(App& app, int key, bool, bool, bool) override {
        if (key == sf::Keyboard::Escape) {
            app.pop();
            return true;
        }
        return false;
    }

    const char* name() const override { return "settings"; }

  private:
    static void label(App& app, const char* key) { ui::textInFont(app.fonts().bold, app.tr(key)); }
    static void hint(App& app, const char* key) {
        ImGui::PushFont(app.fonts().small);
        ui::textWrappedColored(app.theme().textMuted, app.tr(key));
        ImGui::PopFont();
    }

    std::array<char, 1024> folder_{};
    std::string folderMessage_; // why a folder did not open, if it did not
    bool editFolder_ = false;   // the facilitator asked to type another folder
};

} // namespace

std::unique_ptr<Screen> makeSettingsScreen(App& app) {
    return std::make_unique<SettingsScreen>();
}

} // namespace samenspel
