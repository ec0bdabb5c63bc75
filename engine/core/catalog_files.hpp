#pragma once
// Reading the text catalogs: assets/i18n/<lang>/*.yaml, flat maps of
// key: text, one file per part of the game, merged. The desktop game
// (game/i18n) and the host that serves them to phones (net/web_catalog) read
// them through this one reader, so both see the same texts and the same
// problems.
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace samenspel {

using CatalogTexts = std::map<std::string, std::string, std::less<>>;

// Reads every *.yaml (and *.yml) in `i18nDir`/`lang`/, sorted by file name;
// a later file's key wins, with a warning. Problems (an unreadable file, a
// YAML error, a value that is not a string) go to `problems` as
// "file:line:col: error: message" and the rest still loads; a bad file never
// throws. Returns false when the folder has no catalog files.
bool readCatalogFolder(const std::string& i18nDir, const std::string& lang, CatalogTexts& texts,
                       std::vector<std::string>& problems);

} // namespace samenspel
