#pragma once
// The player's settings, persisted as YAML in $XDG_CONFIG_HOME/samenspel/
// settings.yaml (or ~/.config/samenspel/settings.yaml). A damaged or missing
// file gives the defaults; unknown keys are ignored so newer files still load.
#include <string>

namespace samenspel {

struct Settings {
    std::string language = "nl";
    float uiScale = 1.0f; // 1 = 22 px body text
    bool highContrast = false;
    bool mute = false;
    // Scenario texts in plain language (B1) where the scenario has them; the
    // facilitator turns it on for a group (settings, set-up, facilitator panel).
    bool plainLanguage = false;
    // A button beside the role card and announcements reads them aloud
    // (espeak-ng); off by default.
    bool readAloud = false;
    bool fullscreen = false;
    std::string userScenarioDir; // empty = <data folder>/scenarios
    // The window's size as the user left it (0: never resized); used again
    // when it fits the screen the game opens on.
    int windowWidth = 0, windowHeight = 0;

    bool operator==(const Settings&) const = default;
};

// Folders of the XDG base directory spec, with the usual fallbacks.
std::string configDir(); // .../samenspel
std::string dataDir();   // .../samenspel
std::string settingsPath();
// The user scenario folder in effect (the setting, or <data>/scenarios).
std::string userScenarioDir(const Settings& settings);

Settings loadSettings(const std::string& path);
// Writes atomically (temp file + rename); false with `error` on failure.
bool saveSettings(const Settings& settings, const std::string& path, std::string& error);

} // namespace samenspel
