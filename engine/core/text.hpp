#pragma once
// Localized text: a scenario field is either a plain string or a map of
// language code to string. Lookups fall back so a half-translated scenario
// still shows something instead of an empty field. And the one placeholder
// filler every text with arguments goes through.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace samenspel {

struct LocalizedText {
    std::map<std::string, std::string> byLang; // "" holds a plain, unlocalized string

    bool empty() const { return byLang.empty(); }
    // Text in `lang`, else English, else Dutch, else the plain string, else any.
    const std::string& get(const std::string& lang) const;
    static LocalizedText plain(std::string s);
};

// Replaces {0}, {1}, ... (up to three digits) in `pattern` by `args`. "{{" is
// a literal "{"; a placeholder without an argument stays as it is, so a
// missing argument shows instead of vanishing; any other brace is plain text.
// Arguments are inserted as they are, never scanned for placeholders. The
// catalog (game/i18n), the report and the engine's English refusals all use it.
std::string fillArgs(std::string_view pattern, const std::vector<std::string>& args);

} // namespace samenspel
