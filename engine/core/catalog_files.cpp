#include "core/catalog_files.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

namespace samenspel {

namespace {

std::string position(const std::string& file, const YAML::Mark& mark) {
    // yaml-cpp marks are 0-based; messages are 1-based like every other one.
    return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void readFile(const std::filesystem::path& path, CatalogTexts& texts,
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

bool readCatalogFolder(const std::string& i18nDir, const std::string& lang, CatalogTexts& texts,
                       std::vector<std::string>& problems) {
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
        readFile(file, texts, problems);
    return !files.empty();
}

} // namespace samenspel
