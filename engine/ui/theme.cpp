#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace samenspel::ui {

namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
                  a.w + (b.w - a.w) * t);
}

float relativeLuminance(const ImVec4& c) {
    const auto linear = [](float v) {
        return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * linear(c.x) + 0.7152f * linear(c.y) + 0.0722f * linear(c.z);
}

} // namespace

float contrastRatio(const ImVec4& a, const ImVec4& b) {
    const float la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

Theme Theme::make(bool highContrast) {
    Theme t;
    t.highContrast = highContrast;
    if (!highContrast) {
        // Calm slate blue: dark enough not to glare on a projector. Cards
        // stand a step lighter than the room behind them, with an edge a
        // projector still shows (3:1); secondary text is a light grey-blue,
        // not a dim grey, since a projector halves every contrast.
        t.background = rgb(0x141A22);
        t.surface = rgb(0x25303F);
        t.surfaceRaised = rgb(0x324057);
        t.border = rgb(0x6A7D99);
        t.text = rgb(0xF3F4F6);
        t.textMuted = rgb(0xCBD3DE);
        t.accent = rgb(0x5AA9D6);
        t.accentText = rgb(0x0E1620);
        t.good = rgb(0x7CCB8A);
        t.bad = rgb(0xF29A8A);
        t.warning = rgb(0xEDC25E);
        t.privacy = rgb(0x3B4A60);
        t.tableFelt = rgb(0x2E5A4E);
        t.tableWood = rgb(0x8A6446);
        t.shadow = rgb(0x0A0D12);
    } else {
        t.background = rgb(0x000000);
        t.surface = rgb(0x222222);
        t.surfaceRaised = rgb(0x363636);
        t.border = rgb(0xFFFFFF);
        t.text = rgb(0xFFFFFF);
        t.textMuted = rgb(0xE6E6E6);
        t.accent = rgb(0x00E1FF);
        t.accentText = rgb(0x000000);
        t.good = rgb(0x5CFF8A);
        t.bad = rgb(0xFF7B7B);
        t.warning = rgb(0xFFE14D);
        t.privacy = rgb(0x1A1A40);
        t.tableFelt = rgb(0x1D4A3C);
        t.tableWood = rgb(0xD8A66E);
        t.shadow = rgb(0x000000);
    }
    return t;
}

void applyTheme(const Theme& t, float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(16, 10);
    style.ItemSpacing = ImVec2(14, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(10, 8);
    style.IndentSpacing = 28;
    style.ScrollbarSize = 20;
    style.GrabMinSize = 20;
    style.WindowRounding = 10;
    style.ChildRounding = 10;
    style.FrameRounding = 8;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 10;
    style.GrabRounding = 8;
    style.TabRounding = 8;
    style.WindowBorderSize = t.highContrast ? 2.0f : 0.0f;
    style.ChildBorderSize = t.highContrast ? 2.0f : 1.0f;
    style.FrameBorderSize = t.highContrast ? 2.0f : 0.0f;
    style.PopupBorderSize = t.highContrast ? 2.0f : 1.0f;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    const ImVec4 accentSoft = mix(t.surface, t.accent, t.highContrast ? 0.45f : 0.35f);
    const ImVec4 accentHover = mix(t.surface, t.accent, t.highContrast ? 0.7f : 0.55f);
    c[ImGuiCol_Text] = t.text;
    c[ImGuiCol_TextDisabled] = t.textMuted;
    c[ImGuiCol_WindowBg] = t.background;
    c[ImGuiCol_ChildBg] = t.surface;
    c[ImGuiCol_PopupBg] = t.surfaceRaised;
    c[ImGuiCol_Border] = t.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = t.surfaceRaised;
    c[ImGuiCol_FrameBgHovered] = mix(t.surfaceRaised, t.accent, 0.25f);
    c[ImGuiCol_FrameBgActive] = mix(t.surfaceRaised, t.accent, 0.4f);
    c[ImGuiCol_TitleBg] = t.surface;
    c[ImGuiCol_TitleBgActive] = t.surfaceRaised;
    c[ImGuiCol_TitleBgCollapsed] = t.surface;
    c[ImGuiCol_MenuBarBg] = t.surface;
    c[ImGuiCol_ScrollbarBg] = withAlpha(t.background, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = t.border;
    c[ImGuiCol_ScrollbarGrabHovered] = t.textMuted;
    c[ImGuiCol_ScrollbarGrabActive] = t.accent;
    c[ImGuiCol_CheckMark] = t.accent;
    c[ImGuiCol_SliderGrab] = t.accent;
    c[ImGuiCol_SliderGrabActive] = t.text;
    c[ImGuiCol_Button] = accentSoft;
    c[ImGuiCol_ButtonHovered] = accentHover;
    c[ImGuiCol_ButtonActive] = t.accent;
    c[ImGuiCol_Header] = accentSoft;
    c[ImGuiCol_HeaderHovered] = accentHover;
    c[ImGuiCol_HeaderActive] = t.accent;
    c[ImGuiCol_Separator] = t.border;
    c[ImGuiCol_SeparatorHovered] = t.accent;
    c[ImGuiCol_SeparatorActive] = t.accent;
    c[ImGuiCol_ResizeGrip] = withAlpha(t.accent, 0.3f);
    c[ImGuiCol_ResizeGripHovered] = withAlpha(t.accent, 0.6f);
    c[ImGuiCol_ResizeGripActive] = t.accent;
    c[ImGuiCol_Tab] = t.surface;
    c[ImGuiCol_TabHovered] = accentHover;
    c[ImGuiCol_TabActive] = accentSoft;
    c[ImGuiCol_TabUnfocused] = t.surface;
    c[ImGuiCol_TabUnfocusedActive] = accentSoft;
    c[ImGuiCol_PlotLines] = t.accent;
    c[ImGuiCol_PlotLinesHovered] = t.warning;
    c[ImGuiCol_PlotHistogram] = t.accent;
    c[ImGuiCol_PlotHistogramHovered] = t.warning;
    c[ImGuiCol_TableHeaderBg] = t.surfaceRaised;
    c[ImGuiCol_TableBorderStrong] = t.border;
    c[ImGuiCol_TableBorderLight] = withAlpha(t.border, 0.6f);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = withAlpha(t.text, t.highContrast ? 0.10f : 0.04f);
    c[ImGuiCol_TextSelectedBg] = withAlpha(t.accent, 0.35f);
    c[ImGuiCol_DragDropTarget] = t.warning;
    c[ImGuiCol_NavHighlight] = t.highContrast ? t.warning : t.accent;
    c[ImGuiCol_NavWindowingHighlight] = t.text;
    c[ImGuiCol_NavWindowingDimBg] = withAlpha(t.background, 0.6f);
    c[ImGuiCol_ModalWindowDimBg] = withAlpha(t.background, 0.7f);
    ImGui::GetStyle() = style;
}

} // namespace samenspel::ui
