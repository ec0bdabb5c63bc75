#pragma once
// Role tokens: a disc in the role's colour (the chart palette, so a role has
// one colour in the seat list, on its card, beside a proposal and in the
// debrief's charts) carrying the role's icon. The icons are glyphs of Font
// Awesome 4.7 (Debian's fonts-font-awesome), merged into the font atlas by
// fonts.cpp; where the current font lacks the glyph (the package is not
// installed) the disc carries the role's chart marker shape instead.
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/theme.hpp"

namespace samenspel::ui {

// The glyph of a role icon (core/scenario roleIconNames()), 0 for an unknown name.
ImWchar roleIconGlyph(std::string_view name);

// Icons beside the board's tab labels.
enum class BoardIcon { Case, OnTheTable, Proposals, Events };
ImWchar boardIconGlyph(BoardIcon icon);

// Every icon glyph the game draws, as ImGui glyph ranges (zero-terminated
// pairs, static storage): the atlas holds these and no other icon.
const ImWchar* iconGlyphRanges();

// Whether the current font can draw `glyph` (false without the icon font).
bool fontHas(ImWchar glyph);
// `glyph` as UTF-8, for a label.
std::string glyphText(ImWchar glyph);

// The role's colour: the palette colour `role` (ui/chart seriesColour).
ImVec4 roleColour(int role, const Theme& theme);

// Draws role `role`'s token with `icon` (a roleIconNames() name) at `centre`.
// The icon is drawn with the current font when it has the glyph.
void drawRoleToken(ImDrawList* draw, ImVec2 centre, float radius, int role, std::string_view icon,
                   const Theme& theme);
// The token as an item in the text flow, `lines` text lines tall; a tooltip
// (e.g. the role's name) when hovered and `tooltip` is not empty.
void roleToken(int role, std::string_view icon, const Theme& theme, float lines = 1.0f,
               const std::string& tooltip = "");

} // namespace samenspel::ui
