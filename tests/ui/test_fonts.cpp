// Every character a player can be shown must be in the font atlas: a missing
// glyph is drawn as '?' (the "≠" in a condition, a "✓" on a button). The
// characters come from the text catalogs, the shipped scenarios and the string
// literals of the screens; the check needs no display.
#include <doctest/doctest.h>

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ui/fonts.hpp"
#include "ui/role_token.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = SAMENSPEL_SOURCE_DIR;

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Code points of UTF-8 text (a malformed byte counts as U+FFFD, so it shows up).
std::vector<char32_t> codePoints(const std::string& text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const int extra = b < 0x80           ? 0
                          : (b >> 5) == 0x6  ? 1
                          : (b >> 4) == 0xE  ? 2
                          : (b >> 3) == 0x1E ? 3
                                             : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t c = extra == 0 ? b : b & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k)
            c = (c << 6) |
                (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(c);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

// The text inside "..." literals of C++ source, comments left out.
std::string stringLiterals(const std::string& source) {
    std::string out;
    bool inString = false, inLineComment = false, inBlockComment = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        const char next = i + 1 < source.size() ? source[i + 1] : '\0';
        if (inLineComment) {
            inLineComment = c != '\n';
        } else if (inBlockComment) {
            if (c == '*' && next == '/') {
                inBlockComment = false;
                ++i;
            }
        } else if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
                out += '\n';
            } else {
                out += c;
            }
        } else if (c == 'R' && next == '"') {
            // A raw string R"delim(...)delim": taken whole, quotes and all.
            const std::size_t open = source.find('(', i + 2);
            if (open == std::string::npos)
                break;
            const std::string close = ")" + source.substr(i + 2, open - i - 2) + "\"";
            const std::size_t end = source.find(close, open);
            out += source.substr(open + 1,
                                 end == std::string::npos ? std::string::npos : end - open - 1);
            out += '\n';
            if (end == std::string::npos)
                break;
            i = end + close.size() - 1;
        } else if (c == '/' && next == '/') {
            inLineComment = true;
        } else if (c == '/' && next == '*') {
            inBlockComment = true;
        } else if (c == '\'') {
            // A character literal: skip it, quotes included ('"' must not start a string).
            std::size_t j = i + 1;
            while (j < source.size() && source[j] != '\'' && source[j] != '\n')
                j += source[j] == '\\' ? 2 : 1;
            i = j;
        } else if (c == '"') {
            inString = true;
        }
    }
    return out;
}

// Every non-ASCII character a player can see, with one file it comes from.
std::map<char32_t, std::string> shownCharacters() {
    std::map<char32_t, std::string> seen;
    auto add = [&](const fs::path& file, const std::string& text) {
        for (char32_t c : codePoints(text))
            if (c >= 0x80)
                seen.emplace(c, fs::relative(file, kSource).string());
    };
    auto walk = [&](const fs::path& dir, bool literalsOnly) {
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file())
                continue;
            const std::string ext = entry.path().extension().string();
            if (literalsOnly && ext != ".cpp" && ext != ".hpp")
                continue;
            if (!literalsOnly && ext != ".yaml" && ext != ".md")
                continue;
            const std::string text = readFile(entry.path());
            add(entry.path(), literalsOnly ? stringLiterals(text) : text);
        }
    };
    walk(kSource / "assets" / "i18n", false);
    walk(kSource / "scenarios", false);
    walk(kSource / "docs" / "scenarios", false); // teaching notes, shown from the picker
    walk(kSource / "game", true);
    walk(kSource / "engine" / "ui", true);
    return seen;
}

bool inRanges(char32_t c) {
    for (const ImWchar* r = samenspel::ui::glyphRanges(); r[0] != 0; r += 2)
        if (c >= r[0] && c <= r[1])
            return true;
    return false;
}

// "U+2260", the name to look the character up by.
std::string codeName(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

} // namespace

TEST_CASE("every character of the catalogs, scenarios, teaching notes and screens is in the font's "
          "glyph ranges") {
    const auto seen = shownCharacters();
    // Characters known to be shown, so the scan itself is known to work.
    CHECK(seen.count(U'€') == 1);
    CHECK(seen.count(U'…') == 1);
    CHECK(seen.count(U'✓') == 1);
    // Conditions read aloud and history arrows, whether or not a text uses them yet.
    for (char32_t c : {U'≠', U'≤', U'≥', U'→', U'…', U'✓', U'✗'}) {
        CAPTURE(samenspel::ui::glyphText(static_cast<ImWchar>(c)));
        CHECK(inRanges(c));
    }
    for (const auto& entry : seen) { // CAPTURE cannot name a structured binding in clang++ 14
        const char32_t c = entry.first;
        const std::string& file = entry.second;
        CAPTURE(file);
        CAPTURE(samenspel::ui::glyphText(static_cast<ImWchar>(c)));
        CHECK_MESSAGE(inRanges(c), codeName(c));
    }
}

TEST_CASE("DejaVu Sans draws every character the game shows, in every face") {
    samenspel::ui::FontFiles files;
    std::string error;
    REQUIRE_MESSAGE(samenspel::ui::findFonts(files, error), error);
    const auto seen = shownCharacters();
    for (const std::string& file : {files.regular, files.bold}) {
        CAPTURE(file);
        // An atlas of its own: no ImGui context or display needed.
        ImFontAtlas atlas;
        ImFont* font =
            atlas.AddFontFromFileTTF(file.c_str(), 22.0f, nullptr, samenspel::ui::glyphRanges());
        REQUIRE(font);
        REQUIRE(atlas.Build());
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>('A')));
        for (const auto& entry : seen) {
            const char32_t c = entry.first;
            const std::string& from = entry.second;
            CAPTURE(from);
            CAPTURE(samenspel::ui::glyphText(static_cast<ImWchar>(c)));
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
}
