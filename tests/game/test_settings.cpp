// Settings survive a restart, and a damaged settings file never stops the game.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "settings.hpp"

using namespace samenspel;
namespace fs = std::filesystem;

namespace {
fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("samenspel_test_settings_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST_CASE("settings written by the game come back the same after a restart") {
    const fs::path path = freshDir("roundtrip") / "deep" / "settings.yaml";
    Settings s;
    s.language = "en";
    s.uiScale = 1.6f;
    s.highContrast = true;
    s.mute = true;
    s.plainLanguage = true;
    s.readAloud = true;
    s.fullscreen = true;
    s.userScenarioDir = "/tmp/mijn scenario's";
    s.windowWidth = 1400;
    s.windowHeight = 820;
    std::string error;
    REQUIRE(saveSettings(s, path.string(), error));
    CHECK(loadSettings(path.string()) == s);
}

TEST_CASE("a missing or damaged settings file gives the defaults, and bad values are ignored") {
    const fs::path dir = freshDir("damaged");
    CHECK(loadSettings((dir / "none.yaml").string()) == Settings{});
    std::ofstream(dir / "broken.yaml") << "language: [en\nui_scale: {";
    CHECK(loadSettings((dir / "broken.yaml").string()) == Settings{});
    std::ofstream(dir / "odd.yaml")
        << "language: fr\nui_scale: 40\nmute: perhaps\nhigh_contrast: true\nfuture_key: 1\n";
    const Settings odd = loadSettings((dir / "odd.yaml").string());
    CHECK(odd.language == "nl");
    CHECK(odd.uiScale == 1.0f);
    CHECK(odd.mute == false);
    CHECK(odd.highContrast == true);
    std::ofstream(dir / "window.yaml") << "window_width: 90000\nwindow_height: 700\n";
    const Settings window = loadSettings((dir / "window.yaml").string());
    CHECK(window.windowWidth == 0);
    CHECK(window.windowHeight == 0);
}

TEST_CASE("settings and data live in the XDG folders") {
    const char* oldConfig = std::getenv("XDG_CONFIG_HOME");
    const char* oldData = std::getenv("XDG_DATA_HOME");
    const std::string keepConfig = oldConfig ? oldConfig : "", keepData = oldData ? oldData : "";
    setenv("XDG_CONFIG_HOME", "/x/config", 1);
    setenv("XDG_DATA_HOME", "/x/data", 1);
    CHECK(settingsPath() == "/x/config/samenspel/settings.yaml");
    CHECK(userScenarioDir(Settings{}) == "/x/data/samenspel/scenarios");
    Settings custom;
    custom.userScenarioDir = "/elsewhere";
    CHECK(userScenarioDir(custom) == "/elsewhere");
    setenv("XDG_CONFIG_HOME", "relative/ignored", 1); // the spec says: only absolute paths count
    const char* home = std::getenv("HOME");
    if (home && *home)
        CHECK(configDir() == std::string(home) + "/.config/samenspel");
    if (oldConfig)
        setenv("XDG_CONFIG_HOME", keepConfig.c_str(), 1);
    else
        unsetenv("XDG_CONFIG_HOME");
    if (oldData)
        setenv("XDG_DATA_HOME", keepData.c_str(), 1);
    else
        unsetenv("XDG_DATA_HOME");
}
