#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace samenspel {

const std::string& LocalizedText::get(const std::string& lang) const {
    static const std::string kEmpty;
    for (const std::string& key : {lang, std::string("en"), std::string("nl"), std::string()}) {
        auto it = byLang.find(key);
        if (it != byLang.end())
            return it->second;
    }
    return byLang.empty() ? kEmpty : byLang.begin()->second;
}

const std::string& LocalizedText::get(const std::string& lang, bool plain) const {
    if (plain)
        if (auto it = plainLanguage.find(lang); it != plainLanguage.end())
            return it->second;
    return get(lang);
}

LocalizedText LocalizedText::plain(std::string s) {
    LocalizedText text;
    text.byLang.emplace("", std::move(s));
    return text;
}

std::string fillArgs(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t j = i + 1;
            std::size_t index = 0;
            bool digits = false;
            while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9' && j - i < 4) {
                index = index * 10 + static_cast<std::size_t>(pattern[j] - '0');
                digits = true;
                ++j;
            }
            if (digits && j < pattern.size() && pattern[j] == '}' && index < args.size()) {
                out += args[index];
                i = j;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// [SECTION] Numbers -----------------------------------------------------------

const NumberStyle& numberStyle(std::string_view lang) {
    static const NumberStyle kDutch{",", ".", "€ ", " "};
    static const NumberStyle kEnglish{".", ",", "€", " "};
    return lang == "nl" ? kDutch : kEnglish;
}

std::string formatNumber(double value, int decimals, std::string_view lang) {
    if (!std::isfinite(value))
        return "–";
    decimals = std::clamp(decimals, 0, 6);
    const NumberStyle& style = numberStyle(lang);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    const std::string digits = buf;
    const std::size_t point = digits.find('.');
    const std::string whole = digits.substr(0, point);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            out += style.group;
        out += whole[i];
    }
    if (point != std::string::npos)
        out += style.decimal + digits.substr(point + 1);
    // Rounded to zero, a negative number has no sign: "-0,0" reads as a loss.
    const bool zero = digits.find_first_not_of("0.") == std::string::npos;
    return value < 0 && !zero ? "-" + out : out;
}

std::string formatShort(double value, std::string_view lang) {
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return formatNumber(value, whole ? 0 : 1, lang);
}

std::string formatQuantity(double value, std::string_view unit, std::string_view lang) {
    const NumberStyle& style = numberStyle(lang);
    const std::string number = formatShort(value, lang);
    if (unit.empty())
        return number;
    if (unit == "€" || unit == "EUR") {
        // The sign goes before the minus: "-€ 500" reads as a debt, "€ -500" as a typo.
        if (!number.empty() && number[0] == '-')
            return "-" + style.euroPrefix + number.substr(1);
        return style.euroPrefix + number;
    }
    return number + style.unitSpace + std::string(unit);
}

int sessionMinute(std::int64_t ms) {
    return ms <= 0 ? 0 : static_cast<int>(ms / 60000);
}

} // namespace samenspel
