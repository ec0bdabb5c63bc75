// The report's text helpers: escaping, numbers, names, readable expressions.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "report_internal.hpp"

namespace samenspel {

// [SECTION] Text helpers ------------------------------------------------------

std::string htmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string formatDecimal(double value, int decimals, const std::string& lang) {
    if (!std::isfinite(value))
        return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s == "-0" || s == "-0.0" || s == "-0.00")
        s.erase(0, 1);
    if (lang == "nl")
        std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string readableExpression(const Scenario& sc, const std::string& lang,
                               const std::string& expression, const TranslateFn& tr) {
    const auto word = [&](const std::string& key, const char* fallback) {
        const std::string text = tr ? tr(key) : std::string();
        return text.empty() || text == key ? std::string(fallback) : text;
    };
    const auto nameOf = [&](const std::string& id) -> std::string {
        if (id == "and" || id == "or" || id == "not")
            return word("table.cond_" + id, id.c_str());
        for (const Issue& issue : sc.issues) {
            if (issue.id == id)
                return issue.name.empty() ? id : issue.name.get(lang);
            for (const Option& option : issue.options)
                if (option.id == id)
                    return option.name.empty() ? id : option.name.get(lang);
        }
        for (const Attribute& attribute : sc.attributes)
            if (attribute.id == id)
                return attribute.name.empty() ? id : attribute.name.get(lang);
        return id;
    };
    std::string out;
    for (std::size_t i = 0; i < expression.size();) {
        const char ch = expression[i];
        if (std::isalpha(static_cast<unsigned char>(ch)) || ch == '_') {
            std::size_t j = i;
            while (
                j < expression.size() &&
                (std::isalnum(static_cast<unsigned char>(expression[j])) || expression[j] == '_'))
                ++j;
            out += nameOf(expression.substr(i, j - i));
            i = j;
            continue;
        }
        const std::string two = expression.substr(i, 2);
        if (two == "==" || two == "!=" || two == "<=" || two == ">=") {
            // "Is not" in words: a "≠" is easy to misread from the back of a room.
            out += two == "=="   ? "="
                   : two == "!=" ? word("table.cond_is_not", "!=")
                   : two == "<=" ? "≤"
                                 : "≥";
            i += 2;
            continue;
        }
        out += ch;
        ++i;
    }
    return out;
}

namespace report_detail {

std::string rgbHex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buf;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// Cuts a label for a chart margin to `maxChars` characters (UTF-8 aware).
std::string shorten(const std::string& s, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
            continue;
        if (chars == maxChars)
            return s.substr(0, i) + "…";
        ++chars;
    }
    return s;
}

// Rough width of SVG text, for keeping labels apart (DejaVu Sans is wide).
double textWidth(const std::string& s, double fontPx) {
    std::size_t chars = 0;
    for (char ch : s)
        chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return static_cast<double>(chars) * fontPx * 0.62;
}

std::string weightDots(int w) {
    std::string s;
    for (int i = 0; i < 3; ++i)
        s += i < w ? "●" : "○";
    return s;
}

} // namespace report_detail

} // namespace samenspel
