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

std::string WebCatalog::json() const {
    JsonWriter w;
    w.beginObject();
    for (const auto& [key, value] : texts)
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
