// The report's text helpers: escaping, SVG numbers, labels.
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

std::string speakingClock(std::int64_t ms) {
    const long long seconds = static_cast<long long>(std::max<std::int64_t>(0, (ms + 500) / 1000));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", seconds / 60, seconds % 60);
    return buf;
}

} // namespace samenspel

namespace samenspel {

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
