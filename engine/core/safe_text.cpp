#include "core/safe_text.hpp"

#include <cstdio>

namespace samenspel {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD in UTF-8

// Decodes the character at `i` and moves `i` past it. On an invalid sequence
// returns false and moves `i` past its maximal invalid subpart only: a byte
// that cannot continue the sequence may start the next one.
bool decodeNext(std::string_view s, std::size_t& i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    ++i;
    if (lead < 0x80) {
        out = lead;
        return true;
    }
    int more = 0;
    unsigned char lower = 0x80, upper = 0xBF; // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        more = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        more = 2;
        if (lead == 0xE0)
            lower = 0xA0; // no overlong forms
        if (lead == 0xED)
            upper = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        more = 3;
        if (lead == 0xF0)
            lower = 0x90; // no overlong forms
        if (lead == 0xF4)
            upper = 0x8F; // nothing past U+10FFFF
    } else {
        return false; // a continuation byte, C0/C1 (overlong) or F5..FF
    }
    char32_t c = lead & (0x3F >> more);
    for (int k = 0; k < more; ++k) {
        if (i >= s.size() || byte(i) < lower || byte(i) > upper)
            return false;
        c = (c << 6) | (byte(i) & 0x3F);
        ++i;
        lower = 0x80;
        upper = 0xBF;
    }
    out = c;
    return true;
}

bool isLineSpace(char32_t c) {
    return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

} // namespace

bool isUnsafeCharacter(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

std::string cleanText(std::string_view text, std::size_t maxChars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size() && chars < maxChars;) {
        const std::size_t start = i;
        char32_t c = 0;
        if (!decodeNext(text, i, c)) {
            out += kReplacement;
        } else if (isLineSpace(c)) {
            out += ' ';
        } else if (isUnsafeCharacter(c)) {
            continue;
        } else {
            out += text.substr(start, i - start);
        }
        ++chars;
    }
    return out;
}

TextInspection inspectText(std::string_view text) {
    TextInspection r;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        if (!decodeNext(text, i, c)) {
            r.problem = TextInspection::Problem::InvalidUtf8;
            return r;
        }
        if (r.problem == TextInspection::Problem::None && isUnsafeCharacter(c)) {
            r.problem = TextInspection::Problem::UnsafeCharacter;
            r.unsafe = c;
        }
        ++r.chars;
    }
    return r;
}

std::string codePointName(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

} // namespace samenspel
