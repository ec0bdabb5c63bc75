#pragma once
// The colour theme: calm and readable from the back of a room, and a
// high-contrast variant. Screens take colours from here, never literals.
#include <imgui.h>

namespace samenspel::ui {

struct Theme {
    bool highContrast = false;
    ImVec4 background;    // window background behind everything
    ImVec4 surface;       // panels, cards
    ImVec4 surfaceRaised; // hovered cards, headers
    ImVec4 border;
    ImVec4 text;
    ImVec4 textMuted;  // secondary text
    ImVec4 accent;     // primary buttons, focus, the active seat
    ImVec4 accentText; // text on accent
    ImVec4 good;       // support, met conditions, "done"
    ImVec4 bad;        // objections, unmet conditions, refusals
    ImVec4 warning;    // warnings, announcements, the timer running out
    ImVec4 privacy;    // the privacy screen in front of a role card
    ImVec4 tableFelt;  // the title scene: the table's top, seen from above
    ImVec4 tableWood;  // the title scene: the table's rim
    ImVec4 shadow;     // under things lying on the background (opaque: screenshots keep it)

    static Theme make(bool highContrast);
};

// The WCAG 2 contrast ratio of two opaque colours, from 1 (the same) to 21
// (black on white). Text wants 4.5 or more, edges of controls 3 or more.
float contrastRatio(const ImVec4& a, const ImVec4& b);

// Applies colours, rounding and spacing (scaled) to the current ImGui style.
void applyTheme(const Theme& theme, float scale);

inline ImU32 toU32(const ImVec4& c) {
    return ImGui::ColorConvertFloat4ToU32(c);
}
// `c` with alpha `a`.
inline ImVec4 withAlpha(ImVec4 c, float a) {
    c.w = a;
    return c;
}

} // namespace samenspel::ui
