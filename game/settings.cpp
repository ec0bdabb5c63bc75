#include "settings.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/session_files.hpp"

namespace samenspel {

namespace {

std::string xdgFolder(const char* variable, const char* fallbackUnderHome) {
    if (const char* value = std::getenv(variable); value && *value == '/')
        return (std::filesystem::path(value) / "samenspel").string();
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = home && *home ? home : "/tmp";
    return (base / fallbackUnderHome / "samenspel").string();
}

template <class T> void read(const YAML::Node& root, const char* key, T& out) {
    try {
        if (const auto node = root[key]; node && node.IsScalar())
            out = node.as<T>();
    } catch (const YAML::Exception&) {
        // A damaged value keeps its default; the rest of the file still counts.
    }
}

} // namespace

std::string configDir() {
    return xdgFolder("XDG_CONFIG_HOME", ".config");
}
std::string dataDir() {
    return xdgFolder("XDG_DATA_HOME", ".local/share");
}
std::string settingsPath() {
    return (std::filesystem::path(configDir()) / "settings.yaml").string();
}

std::string userScenarioDir(const Settings& settings) {
    if (!settings.userScenarioDir.empty())
        return settings.userScenarioDir;
    return (std::filesystem::path(dataDir()) / "scenarios").string();
}

Settings loadSettings(const std::string& path) {
    Settings s;
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::Exception&) {
        return s;
    }
    if (!root.IsMap())
        return s;
    read(root, "language", s.language);
    read(root, "ui_scale", s.uiScale);
    read(root, "high_contrast", s.highContrast);
    read(root, "mute", s.mute);
    read(root, "plain_language", s.plainLanguage);
    read(root, "read_aloud", s.readAloud);
    read(root, "fullscreen", s.fullscreen);
    read(root, "user_scenario_folder", s.userScenarioDir);
    read(root, "window_width", s.windowWidth);
    read(root, "window_height", s.windowHeight);
    if (s.language != "nl" && s.language != "en")
        s.language = "nl";
    if (!(s.uiScale >= 0.6f && s.uiScale <= 3.0f))
        s.uiScale = 1.0f;
    if (s.windowWidth < 320 || s.windowHeight < 240 || s.windowWidth > 16384 ||
        s.windowHeight > 16384)
        s.windowWidth = s.windowHeight = 0;
    return s;
}

bool saveSettings(const Settings& s, const std::string& path, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    YAML::Emitter out;
    out << YAML::Comment("Samenspel settings; written by the game") << YAML::BeginMap;
    out << YAML::Key << "language" << YAML::Value << s.language;
    out << YAML::Key << "ui_scale" << YAML::Value << s.uiScale;
    out << YAML::Key << "high_contrast" << YAML::Value << s.highContrast;
    out << YAML::Key << "mute" << YAML::Value << s.mute;
    out << YAML::Key << "plain_language" << YAML::Value << s.plainLanguage;
    out << YAML::Key << "read_aloud" << YAML::Value << s.readAloud;
    out << YAML::Key << "fullscreen" << YAML::Value << s.fullscreen;
    out << YAML::Key << "user_scenario_folder" << YAML::Value << s.userScenarioDir;
    if (s.windowWidth > 0 && s.windowHeight > 0) {
        out << YAML::Key << "window_width" << YAML::Value << s.windowWidth;
        out << YAML::Key << "window_height" << YAML::Value << s.windowHeight;
    }
    out << YAML::EndMap;
    return writeFileAtomically(path, std::string(out.c_str()) + "\n", &error);
}

} // namespace samenspel
