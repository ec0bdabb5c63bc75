#pragma once
// Localized text: a scenario field is either a plain string or a map of
// language code to string. Lookups fall back so a half-translated scenario
// still shows something instead of an empty field.
#include <map>
#include <string>

namespace samenspel {

struct LocalizedText {
    std::map<std::string, std::string> byLang; // "" holds a plain, unlocalized string

    bool empty() const { return byLang.empty(); }
    // Text in `lang`, else English, else Dutch, else the plain string, else any.
    const std::string& get(const std::string& lang) const;
    static LocalizedText plain(std::string s);
};

} // namespace samenspel
