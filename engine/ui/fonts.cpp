#include "ui/fonts.hpp"

#include <cstdlib>
#include <filesystem>

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

std::string findFile(const std::string& name) {
    std::error_code ec;
    for (const auto& dir : fontDirs()) {
        const auto path = std::filesystem::path(dir) / name;
        if (std::filesystem::is_regular_file(path, ec))
            return path.string();
    }
    return {};
}

ImFont* addFont(const std::string& file, float px, std::string& error,
                const ImWchar* ranges = glyphRanges()) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig config;
    // Horizontal oversampling sharpens small text; large sizes do not need
    // it, and it would double their share of the atlas (memory).
    config.OversampleH = px < 26.0f ? 2 : 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    if (!file.empty()) {
        if (ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &config, ranges))
            return font;
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
    return true;
}

FontSet buildFonts(const FontFiles& files, float scale, std::string& error) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    FontSet set;
    set.regular = addFont(files.regular, kBodyPx * scale, error); // first = default font
    set.bold = addFont(files.bold.empty() ? files.regular : files.bold, kBodyPx * scale, error);
    set.heading =
        addFont(files.bold.empty() ? files.regular : files.bold, kHeadingPx * scale, error);
    set.title = addFont(files.bold.empty() ? files.regular : files.bold, kTitlePx * scale, error);
    set.small = addFont(files.regular, kSmallPx * scale, error);
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
