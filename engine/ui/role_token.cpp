#include "ui/role_token.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "ui/chart.hpp"

namespace samenspel::ui {

namespace {

struct NamedGlyph {
    std::string_view name;
    ImWchar glyph;
};

// Font Awesome 4.7 code points (/usr/share/fonts-font-awesome/less/variables.less).
constexpr std::array<NamedGlyph, 27> kRoleIcons = {{
    {"home", 0xF015},       {"users", 0xF0C0},          {"user", 0xF007},
    {"child", 0xF1AE},      {"graduation_cap", 0xF19D}, {"gavel", 0xF0E3},
    {"university", 0xF19C}, {"bullhorn", 0xF0A1},       {"briefcase", 0xF0B1},
    {"id_badge", 0xF2C1},   {"calculator", 0xF1EC},     {"balance_scale", 0xF24E},
    {"shield", 0xF132},     {"ambulance", 0xF0F9},      {"wrench", 0xF0AD},
    {"tree", 0xF1BB},       {"leaf", 0xF06C},           {"recycle", 0xF1B8},
    {"shop", 0xF291},       {"industry", 0xF275},       {"building", 0xF1AD},
    {"car", 0xF1B9},        {"bicycle", 0xF206},        {"football", 0xF1E3},
    {"handshake", 0xF2B5},  {"heart", 0xF004},          {"money", 0xF0D6},
}};

// file-text-o, comments, list-alt, bolt
constexpr std::array<ImWchar, 4> kBoardIcons = {0xF0F6, 0xF086, 0xF022, 0xF0E7};

float luminance(ImU32 c) {
    const float r = static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f;
    const float g = static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f;
    const float b = static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f;
    return 0.2126f * r + 0.7152f * g + 0.0722f * b;
}

} // namespace

ImWchar roleIconGlyph(std::string_view name) {
    for (const NamedGlyph& icon : kRoleIcons)
        if (icon.name == name)
            return icon.glyph;
    return 0;
}

ImWchar boardIconGlyph(BoardIcon icon) {
    return kBoardIcons[static_cast<std::size_t>(icon)];
}

const ImWchar* iconGlyphRanges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> glyphs;
        for (const NamedGlyph& icon : kRoleIcons)
            glyphs.push_back(icon.glyph);
        glyphs.insert(glyphs.end(), kBoardIcons.begin(), kBoardIcons.end());
        std::sort(glyphs.begin(), glyphs.end());
        glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
        std::vector<ImWchar> out;
        for (ImWchar g : glyphs) {
            out.push_back(g);
            out.push_back(g);
        }
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

bool fontHas(ImWchar glyph) {
    return glyph != 0 && ImGui::GetFont()->FindGlyphNoFallback(glyph) != nullptr;
}

std::string glyphText(ImWchar glyph) {
    std::string s;
    const unsigned c = glyph;
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
}

ImVec4 roleColour(int role, const Theme& theme) {
    return ImGui::ColorConvertU32ToFloat4(seriesColour(role, theme));
}

void drawRoleToken(ImDrawList* draw, ImVec2 centre, float radius, int role, std::string_view icon,
                   const Theme& theme) {
    const ImU32 fill = seriesColour(role, theme);
    // Dark on the light palette colours of the dark theme, light on dark ones.
    const ImU32 ink =
        luminance(fill) > 0.45f ? IM_COL32(20, 24, 32, 255) : IM_COL32(250, 250, 250, 255);
    draw->AddCircleFilled(centre, radius, fill, 32);
    draw->AddCircle(centre, radius, toU32(withAlpha(theme.text, 0.6f)), 32,
                    std::max(1.0f, radius * 0.08f));
    const ImWchar glyph = roleIconGlyph(icon);
    if (fontHas(glyph)) {
        ImFont* font = ImGui::GetFont();
        const float size = radius * 1.25f;
        const ImFontGlyph* g = font->FindGlyphNoFallback(glyph);
        const float scale = size / font->FontSize;
        // Centred on the glyph's own box, not its advance: icons differ in width.
        const ImVec2 at(centre.x - (g->X0 + g->X1) * 0.5f * scale,
                        centre.y - (g->Y0 + g->Y1) * 0.5f * scale);
        const std::string text = glyphText(glyph);
        draw->AddText(font, size, at, ink, text.c_str());
    } else {
        drawMarker(draw, role, centre, radius * 0.5f, ink, ink);
    }
}

void roleToken(int role, std::string_view icon, const Theme& theme, float lines,
               const std::string& tooltip) {
    const float h = ImGui::GetTextLineHeight() * lines;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::IsRectVisible(ImVec2(h, h)))
        drawRoleToken(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.5f,
                      role, icon, theme);
    ImGui::Dummy(ImVec2(h, h));
    if (!tooltip.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tooltip.c_str());
}

} // namespace samenspel::ui
