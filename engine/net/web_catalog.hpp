#pragma once
// The desktop game's text catalogs as the phone page reads them
// (docs/web_client.md, `/i18n/<lang>.json`): every assets/i18n/<lang>/*.yaml
// merged into one flat JSON object {key: text}. Plural forms are keys of
// their own, as in the YAML ("key.one", "key.other"). The host also looks up
// the few words of its seat view (readable conditions, number separators)
// in the same texts.
#include <string>
#include <vector>

#include "core/catalog_files.hpp"

namespace samenspel::net {

struct WebCatalog {
    std::string lang;
    CatalogTexts texts;
    // "file:line:col: error: ..." and "...: warning: ..."; the texts of the
    // other files (and the other keys of a damaged one) still load.
    std::vector<std::string> problems;
    bool found = false; // the language exists (its folder has catalog files)

    // Found, and no problem is an error.
    bool ok() const;
    // The text of `key`, or "" when the catalog does not have it.
    std::string text(const std::string& key) const;
    // {key: text, ...}, keys sorted, for `/i18n/<lang>.json`: the texts the
    // phone page can show (the desktop's report, printout, facilitator,
    // plenary, archive and menu texts left out; `text` still has them).
    std::string json() const;
};

// Whether `lang` may name a catalog folder: 2 to 8 lower-case ASCII letters,
// so a language taken from a URL can never leave the i18n folder.
bool isCatalogLanguage(const std::string& lang);

// Reads `i18nDir`/`lang`/*.yaml (i18nDir is the game's assets/i18n). Never
// throws: an unknown or malformed language, a missing folder or a broken file
// comes back in `problems`.
WebCatalog loadWebCatalog(const std::string& i18nDir, const std::string& lang);

} // namespace samenspel::net
