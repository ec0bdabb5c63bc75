#include "i18n.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/catalog_files.hpp"

namespace samenspel {

bool Catalog::load(const std::string& i18nDir, const std::string& lang,
                   std::vector<std::string>& problems) {
    lang_ = lang;
    texts_.clear();
    missing_.clear();
    return readCatalogFolder(i18nDir, lang, texts_, problems);
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
