#include "ui/fonts.hpp"

#include <cstdlib>
#include <filesystem>

#include "ui/role_token.hpp"

namespace samenspel::ui {

namespace {

std::vector<std::string> fontDirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("SAMENSPEL_FONT_DIR"); env && *env)
        dirs.emplace_back(env);
    dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
    dirs.emplace_back("/usr/share/fonts/dejavu");
    dirs.emplace_back("/usr/share/fonts/TTF");
    dirs.emplace_back("/usr/local/share/fonts");
    return dirs;
}

std::string findFile(const std::string& name, std::vector<std::string> dirs = fontDirs()) {
    std::error_code ec;
    for (const auto& dir : dirs) {
        const auto path = std::filesystem::path(dir) / name;
        if (std::filesystem::is_regular_file(path, ec))
            return path.string();
    }
    return {};
}

std::string findIconFont() {
    if (const char* env = std::getenv("SAMENSPEL_ICON_FONT")) {
        std::error_code ec;
        return *env && std::filesystem::is_regular_file(env, ec) ? env : "";
    }
    std::vector<std::string> dirs = fontDirs();
    dirs.emplace_back("/usr/share/fonts/truetype/font-awesome");
    dirs.emplace_back("/usr/share/fonts-font-awesome/fonts");
    return findFile("fontawesome-webfont.ttf", dirs);
}

ImFont* addFont(const std::string& file, float px, std::string& error,
                const ImWchar* ranges = glyphRanges(), const std::string& icons = "") {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig config;
    // Horizontal oversampling sharpens small text; large sizes do not need
    // it, and it would double their share of the atlas (memory).
    config.OversampleH = px < 26.0f ? 2 : 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    if (!file.empty()) {
        if (ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &config, ranges)) {
            if (!icons.empty()) {
                // Into the same font: a label mixes words and icons. Icons
                // slightly smaller than the text, a little lower, as wide
                // as tall so a row of them lines up.
                ImFontConfig merge = config;
                merge.MergeMode = true;
                merge.GlyphMinAdvanceX = px;
                merge.GlyphOffset = ImVec2(0, px * 0.06f);
                if (!io.Fonts->AddFontFromFileTTF(icons.c_str(), px * 0.9f, &merge,
                                                  iconGlyphRanges()))
                    error = "cannot read font " + icons;
            }
            return font;
        }
        error = "cannot read font " + file;
    }
    ImFontConfig fallback;
    fallback.SizePixels = px;
    return io.Fonts->AddFontDefault(&fallback);
}

} // namespace

const ImWchar* glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement
        0x0100, 0x024F, // Latin Extended-A and -B
        0x2010, 0x205E, // General Punctuation: dashes, quotes, ellipsis, bullets
        0x20AC, 0x20AC, // €
        0x2190, 0x21FF, // arrows (history, "pass to")
        0x2212, 0x2212, // minus sign
        0x2260, 0x2265, // ≠ ≡ ≤ ≥: conditions read aloud ("cost ≤ budget")
        0x25A0, 0x25CF, // squares, triangles, circles (chart markers)
        0x26A0, 0x26A0, // warning sign
        0x2713, 0x2717, // check marks and crosses
        0,
    };
    return ranges;
}

bool findFonts(FontFiles& files, std::string& error) {
    files.regular = findFile("DejaVuSans.ttf");
    files.bold = findFile("DejaVuSans-Bold.ttf");
    files.mono = findFile("DejaVuSansMono.ttf");
    if (files.regular.empty() || files.bold.empty()) {
        error = "DejaVu Sans was not found (looked in /usr/share/fonts/truetype/dejavu and "
                "$SAMENSPEL_FONT_DIR). Install it with: sudo apt-get install fonts-dejavu-core";
        return false;
    }
    files.icons = findIconFont();
    if (files.icons.empty())
        files.notice = "Font Awesome was not found, so role tokens show shapes instead of icons. "
                       "Install it with: sudo apt-get install fonts-font-awesome";
    return true;
}

FontSet buildFonts(FontFiles& files, float scale, std::string& error) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    FontSet set;
    error = std::move(files.notice);
    files.notice.clear();
    const std::string& icons = files.icons;
    const std::string& bold = files.bold.empty() ? files.regular : files.bold;
    // The first is the default font.
    set.regular = addFont(files.regular, kBodyPx * scale, error, glyphRanges(), icons);
    set.bold = addFont(bold, kBodyPx * scale, error, glyphRanges(), icons);
    set.heading = addFont(bold, kHeadingPx * scale, error, glyphRanges(), icons);
    set.title = addFont(bold, kTitlePx * scale, error, glyphRanges(), icons);
    set.small = addFont(files.regular, kSmallPx * scale, error, glyphRanges(), icons);
    set.mono = files.mono.empty() ? set.regular : addFont(files.mono, kBodyPx * scale, error);
    // The display size shows only the game's name: Latin-1 is enough, and
    // keeps the atlas (and memory) small.
    static const ImWchar latin1[] = {0x0020, 0x00FF, 0};
    set.display =
        addFont(files.bold.empty() ? files.regular : files.bold, kDisplayPx * scale, error, latin1);
    io.Fonts->Build();
    return set;
}

} // namespace samenspel::ui
