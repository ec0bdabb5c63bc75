#include "net/web_catalog.hpp"

#include "core/json.hpp"

namespace samenspel::net {

bool WebCatalog::ok() const {
    if (!found)
        return false;
    for (const std::string& p : problems)
        if (p.find(": error: ") != std::string::npos)
            return false;
    return true;
}

std::string WebCatalog::text(const std::string& key) const {
    const auto it = texts.find(key);
    return it == texts.end() ? std::string() : it->second;
}

namespace {

// The groups of the desktop's texts that the phone page never shows: the
// report, the printout, the facilitator's and the plenary's screens, the
// archive, the projector's moments and the desktop's own menus (but for the
// language names). Every phone loads the catalog first, so they stay out of
// `/i18n/<lang>.json` (tests/web/check_catalog.py reads this list).
constexpr const char* kDesktopOnly[] = {"report.", "print.",  "facilitator.", "plenary.",
                                        "past.",   "moment.", "ui."};
constexpr const char* kPageAlso = "ui.language.";

bool forThePage(const std::string& key) {
    if (key.rfind(kPageAlso, 0) == 0)
        return true;
    for (const char* group : kDesktopOnly)
        if (key.rfind(group, 0) == 0)
            return false;
    return true;
}

} // namespace

std::string WebCatalog::json() const {
    JsonWriter w;
    w.beginObject();
    for (const auto& [key, value] : texts)
        if (forThePage(key))
            w.key(key).value(value);
    w.endObject();
    return w.str();
}

bool isCatalogLanguage(const std::string& lang) {
    if (lang.size() < 2 || lang.size() > 8)
        return false;
    for (char c : lang)
        if (c < 'a' || c > 'z')
            return false;
    return true;
}

WebCatalog loadWebCatalog(const std::string& i18nDir, const std::string& lang) {
    WebCatalog catalog;
    catalog.lang = lang;
    if (!isCatalogLanguage(lang)) {
        catalog.problems.push_back(i18nDir + ": error: '" + lang +
                                   "' is not a language code (2 to 8 letters a-z)");
        return catalog;
    }
    catalog.found = readCatalogFolder(i18nDir, lang, catalog.texts, catalog.problems);
    if (!catalog.found)
        catalog.problems.push_back(i18nDir + "/" + lang +
                                   ": error: no text catalog for this language");
    return catalog;
}

} // namespace samenspel::net
