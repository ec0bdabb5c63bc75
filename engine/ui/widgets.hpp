#pragma once
// Small ImGui helpers the screens share, so every screen has the same
// spacing, the same button sizes and the same full-window layout.
#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

#include "ui/theme.hpp"

namespace samenspel::ui {

// A borderless window covering the whole display (the screen's canvas).
// Always pair with endScreenWindow().
void beginScreenWindow(const char* id, const Theme& theme);
void endScreenWindow();

// Text helpers taking std::string (no printf formatting of user text).
void text(std::string_view s);
void textWrapped(std::string_view s);
void textColored(const ImVec4& colour, std::string_view s);
void textWrappedColored(const ImVec4& colour, std::string_view s);
void textCentered(std::string_view s); // horizontally, in the current window
// Words in lines no wider than `width` in the current font, broken at spaces
// only: ImGui's own wrapping also breaks after a comma, which cuts a Dutch
// number ("36,1") in two.
std::vector<std::string> wrapWords(std::string_view text, float width);
// Wrapped to the rest of the line at spaces only (wrapWords).
void textWrappedAtSpaces(std::string_view s);
// Text in `font` (nullptr = current).
void textInFont(ImFont* font, std::string_view s, const ImVec4* colour = nullptr);

// A large button in the accent colour: the one obvious next step.
bool primaryButton(const char* label, const ImVec2& size, const Theme& theme);
// A button drawn as disabled (greyed, never returns true) when !enabled,
// with `whyNot` as tooltip.
bool buttonIf(bool enabled, const char* label, const ImVec2& size, const char* whyNot = nullptr);
// A small rounded tag ("ontwerpen", "4–7 players").
void chip(std::string_view label, const ImVec4& colour, const Theme& theme);
// Vertical gap in scaled units of 8 px.
void gap(float units, float scale);

// "label##id" for ImGui from a label that may contain "##".
std::string labelWithId(std::string_view label, std::string_view id);

} // namespace samenspel::ui
