// Role tokens (engine/ui/role_token): every icon a scenario may name has a
// glyph, Font Awesome draws each one, and without that font the game says
// so once and the faces carry no icon glyphs (the tokens draw shapes).
#include <doctest/doctest.h>

#include <imgui.h>

#include <cstdlib>
#include <string>

#include "core/scenario.hpp"
#include "ui/fonts.hpp"
#include "ui/role_token.hpp"

using namespace samenspel;

namespace {

// An ImGui context for one test: the atlas needs no display.
struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

// Sets or clears $SAMENSPEL_ICON_FONT for one test.
struct IconFontVariable {
    explicit IconFontVariable(const char* value) {
        if (value)
            setenv("SAMENSPEL_ICON_FONT", value, 1);
        else
            unsetenv("SAMENSPEL_ICON_FONT");
    }
    ~IconFontVariable() { unsetenv("SAMENSPEL_ICON_FONT"); }
};

} // namespace

TEST_CASE("every role icon a scenario may name has a glyph of its own") {
    for (const std::string& name : roleIconNames()) {
        CAPTURE(name);
        CHECK(ui::roleIconGlyph(name) != 0);
    }
    CHECK(ui::roleIconGlyph("skateboard") == 0);
    CHECK(ui::roleIconGlyph("home") != ui::roleIconGlyph("gavel"));
}

TEST_CASE("Font Awesome draws every icon glyph the game uses") {
    IconFontVariable unset(nullptr);
    ui::FontFiles files;
    std::string error;
    REQUIRE_MESSAGE(ui::findFonts(files, error), error);
    REQUIRE_MESSAGE(!files.icons.empty(), files.notice);
    CHECK(files.notice.empty());
    ImFontAtlas atlas;
    ImFont* font =
        atlas.AddFontFromFileTTF(files.icons.c_str(), 22.0f, nullptr, ui::iconGlyphRanges());
    REQUIRE(font);
    REQUIRE(atlas.Build());
    int glyphs = 0;
    for (const ImWchar* r = ui::iconGlyphRanges(); r[0] != 0; r += 2) {
        CHECK(font->FindGlyphNoFallback(r[0]) != nullptr);
        ++glyphs;
    }
    CHECK(glyphs >= static_cast<int>(roleIconNames().size()));
}

TEST_CASE("the text faces carry the icons, and only with the icon font") {
    Context context;
    const ImWchar gavel = ui::roleIconGlyph("gavel");
    SUBCASE("with it") {
        IconFontVariable unset(nullptr);
        ui::FontFiles files;
        std::string error;
        REQUIRE(ui::findFonts(files, error));
        const ui::FontSet fonts = ui::buildFonts(files, 1.0f, error);
        CHECK(error.empty());
        for (ImFont* face : {fonts.regular, fonts.bold, fonts.heading, fonts.title, fonts.small})
            CHECK(face->FindGlyphNoFallback(gavel) != nullptr);
        CHECK(fonts.regular->FindGlyphNoFallback('A') != nullptr);
    }
    SUBCASE("without it: said once, no icon glyphs") {
        IconFontVariable missing("");
        ui::FontFiles files;
        std::string error;
        REQUIRE(ui::findFonts(files, error));
        CHECK(files.icons.empty());
        ui::FontSet fonts = ui::buildFonts(files, 1.0f, error);
        CHECK(error ==
              "Font Awesome was not found, so role tokens show shapes instead of icons. Install "
              "it with: sudo apt-get install fonts-font-awesome");
        CHECK(fonts.regular->FindGlyphNoFallback(gavel) == nullptr);
        // A new scale rebuilds the atlas: nothing is said again.
        fonts = ui::buildFonts(files, 1.5f, error);
        CHECK(error.empty());
        CHECK(fonts.regular->FindGlyphNoFallback('A') != nullptr);
    }
}
