#include "i18n.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace samenspel {

namespace {

std::string position(const std::string& file, const YAML::Mark& mark) {
    // yaml-cpp marks are 0-based; messages are 1-based like every other one.
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void loadFile(const std::filesystem::path& path,
              std::map<std::string, std::string, std::less<>>& texts,
              std::vector<std::string>& problems) {
    const std::string file = path.string();
    YAML::Node root;
    try {
        root = YAML::LoadFile(file);
    } catch (const YAML::ParserException& e) {
        problems.push_back(position(file, e.mark) + ": error: " + e.msg);
        return;
    } catch (const YAML::Exception& e) {
        problems.push_back(file + ":1:1: error: " + e.what());
        return;
    }
    if (root.IsNull())
        return;
    if (!root.IsMap()) {
        problems.push_back(position(file, root.Mark()) +
                           ": error: a text catalog is a map of key: text");
        return;
    }
    for (const auto& entry : root) {
        try {
            const std::string key = entry.first.as<std::string>();
            if (!entry.second.IsScalar()) {
                problems.push_back(position(file, entry.second.Mark()) + ": error: the text of '" +
                                   key + "' is not a string");
                continue;
            }
            if (texts.count(key))
                problems.push_back(position(file, entry.first.Mark()) + ": warning: '" + key +
                                   "' is defined twice; this one wins");
            texts[key] = entry.second.as<std::string>();
        } catch (const YAML::Exception& e) {
            problems.push_back(position(file, entry.first.Mark()) + ": error: " + e.what());
        }
    }
}

} // namespace

bool Catalog::load(const std::string& i18nDir, const std::string& lang,
                   std::vector<std::string>& problems) {
    lang_ = lang;
    texts_.clear();
    missing_.clear();
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path dir = fs::path(i18nDir) / lang;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml"))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        loadFile(file, texts_, problems);
    return !files.empty();
}

bool Catalog::has(std::string_view key) const {
    return texts_.find(key) != texts_.end();
}

void Catalog::noteMissing(std::string_view key) const {
    if (missing_.find(key) == missing_.end())
        missing_.emplace(key);
}

std::string Catalog::tr(std::string_view key) const {
    const auto it = texts_.find(key);
    if (it == texts_.end()) {
        noteMissing(key);
        return std::string(key);
    }
    return it->second;
}

std::string Catalog::trArgs(std::string_view key, const std::vector<std::string>& args) const {
    const auto it = texts_.find(key);
    if (it == texts_.end()) {
        noteMissing(key);
        // Show the arguments too, so a missing text still says something.
        std::string shown(key);
        for (const auto& a : args)
            shown += " " + a;
        return shown;
    }
    return fillArgs(it->second, args);
}

std::string Catalog::argText(double v) {
    char buf[64];
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::vector<std::string> Catalog::languages(const std::string& i18nDir) {
    std::vector<std::string> langs;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(i18nDir, ec), end; !ec && it != end;
         it.increment(ec))
        if (it->is_directory(ec))
            langs.push_back(it->path().filename().string());
    std::sort(langs.begin(), langs.end());
    return langs;
}

} // namespace samenspel
