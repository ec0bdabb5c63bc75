#pragma once
// Fonts: DejaVu Sans from Debian's fonts-dejavu-core, found at run time.
// Sizes are chosen to read from the back of a room at UI scale 1; the atlas
// is rebuilt when the scale changes. Glyphs: Basic Latin, Latin-1, Latin
// Extended-A/B, General Punctuation (typographic quotes, dashes, ellipsis),
// the euro sign and a few arrows/symbols the screens use. tests/ui/
// test_fonts.cpp checks that every character of the catalogs, the shipped
// scenarios and the UI's string literals is in them and in DejaVu.
// Icons: the role tokens' and board tabs' glyphs of Font Awesome (Debian's
// fonts-font-awesome, ui/role_token.hpp) are merged into every text face but
// the display one; without that font the tokens draw shapes.
#include <imgui.h>
#include <string>
#include <vector>

namespace samenspel::ui {

struct FontSet {
    ImFont* regular = nullptr; // body text (22 px at scale 1)
    ImFont* bold = nullptr;    // same size, bold: labels, emphasis
    ImFont* heading = nullptr; // section headings (30 px, bold)
    ImFont* title = nullptr;   // screen titles and the phase banner (44 px, bold)
    ImFont* small = nullptr;   // secondary text (20 px)
    ImFont* mono = nullptr;    // DejaVu Sans Mono when found, else regular
    ImFont* display = nullptr; // the game's name on the title screen (72 px, bold)
};

inline constexpr float kBodyPx = 22.0f;
inline constexpr float kSmallPx = 20.0f;
inline constexpr float kHeadingPx = 30.0f;
inline constexpr float kTitlePx = 44.0f;
inline constexpr float kDisplayPx = 72.0f;

struct FontFiles {
    std::string regular, bold, mono; // mono may be empty
    std::string icons;               // Font Awesome; empty: tokens draw shapes
    // Said once, by the next buildFonts (the icon font is missing).
    std::string notice;
};

// Looks for DejaVu Sans in the usual Debian places and $SAMENSPEL_FONT_DIR.
// On failure `error` says what to install. The icon font is looked for
// there and in Debian's font-awesome folders; $SAMENSPEL_ICON_FONT names
// the file instead (empty or missing: none, as on a system without it).
bool findFonts(FontFiles& files, std::string& error);

// Clears the ImGui font atlas and fills it for `scale`. The renderer's font
// texture must be rebuilt afterwards. On failure (unreadable file) falls back
// to ImGui's built-in font at the right size and reports `error`; a notice
// of findFonts is reported there too, on the first build only.
FontSet buildFonts(FontFiles& files, float scale, std::string& error);

// The glyph ranges above (static storage, zero-terminated pairs).
const ImWchar* glyphRanges();

} // namespace samenspel::ui
