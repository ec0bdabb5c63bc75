#pragma once
// Localized text: a scenario field is either a plain string or a map of
// language code to string. Lookups fall back so a half-translated scenario
// still shows something instead of an empty field. And the one placeholder
// filler every text with arguments goes through.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace samenspel {

struct LocalizedText {
    std::map<std::string, std::string> byLang; // "" holds a plain, unlocalized string
    // The same text in plain language (B1: short sentences, common words),
    // per language, where the author wrote one (`plain: {nl: ..., en: ...}`).
    std::map<std::string, std::string> plainLanguage;

    bool empty() const { return byLang.empty(); }
    // Text in `lang`, else English, else Dutch, else the plain string, else any.
    const std::string& get(const std::string& lang) const;
    // With `plain`: the plain-language text in `lang` when there is one, else
    // get(lang). A plain text in another language never stands in: the
    // reader's language matters more than the register.
    const std::string& get(const std::string& lang, bool plain) const;
    bool hasPlainLanguage(const std::string& lang) const { return plainLanguage.count(lang) > 0; }
    static LocalizedText plain(std::string s);
};

// Replaces {0}, {1}, ... (up to three digits) in `pattern` by `args`. "{{" is
// a literal "{"; a placeholder without an argument stays as it is, so a
// missing argument shows instead of vanishing; any other brace is plain text.
// Arguments are inserted as they are, never scanned for placeholders. The
// catalog (game/i18n), the report and the engine's English refusals all use it.
std::string fillArgs(std::string_view pattern, const std::vector<std::string>& args);

// [SECTION] Numbers as a reader of the language writes them. The one place
// that knows a language's separators and where the euro sign goes: screens,
// report, phone page and CLI all format through these.
struct NumberStyle {
    std::string decimal;    // "," in Dutch, "." in English
    std::string group;      // thousands: "." in Dutch, "," in English
    std::string euroPrefix; // "€ " in Dutch, "€" in English
    std::string unitSpace;  // between a number and a unit after it
};
// The style of `lang` ("nl", "en"); any other language writes like English.
const NumberStyle& numberStyle(std::string_view lang);
// `value` rounded to `decimals` (0..6) decimals, thousands grouped ("1.500",
// "1,500"), "-0" written as "0", and "–" for a value that is not finite.
std::string formatNumber(double value, int decimals, std::string_view lang);
// Whole numbers without decimals, anything else with one: support, totals.
std::string formatShort(double value, std::string_view lang);
// A number with a scenario's unit: "€ 33.000" / "€33,000" for "€" (or "EUR"),
// "7 mnd" for any other unit, the number alone without one.
std::string formatQuantity(double value, std::string_view unit, std::string_view lang);
// A moment in the session by its minute ("17"): whole minutes since the start,
// rounded down, so "after 17 min" never claims more time than had passed.
int sessionMinute(std::int64_t ms);

} // namespace samenspel
